"""The rule registry: ``RULES`` and ``evaluate(rule, facts, on)``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from simasn.law.decision import Decision, Facts, UnknownRuleError, parse_facts
from simasn.law.rules import (
    discipline,
    disputes,
    employee_dates,
    learning,
    needs,
    nik,
    performance,
    rewards,
    salary,
    selection,
    service_end,
    talent,
)
from simasn.law.rules.authority import AuthorityFacts, authority
from simasn.law.rules.candidacy import CandidacyFacts, candidacy
from simasn.law.rules.dismissal import DismissalFacts, dismissal
from simasn.law.rules.merit_inputs import MeritInputsFacts, merit_inputs
from simasn.law.rules.nip import NipFacts, nip
from simasn.law.rules.position_filling import PositionFillingFacts, position_filling
from simasn.law.rules.position_vacancy import PositionVacancyFacts, position_vacancy
from simasn.law.rules.retirement import RetirementFacts, retirement
from simasn.law.rules.return_from_state_office import ReturnFacts, return_from_state_office
from simasn.law.rules.temporary_dismissal import TemporaryDismissalFacts, temporary_dismissal
from simasn.law.rules.working_days import WorkingDaysFacts, working_days


@dataclass(frozen=True)
class RuleSpec:
    """A rule as the CLI, the API and the web page see it."""

    name: str
    facts_model: type[Facts]
    decide: Callable[[Any, dt.date], Decision]
    title_id: str
    title_en: str
    catalogue: tuple[str, ...]
    articles: tuple[str, ...]

    def facts_schema(self) -> dict[str, Any]:
        return self.facts_model.model_json_schema()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title_id": self.title_id,
            "title_en": self.title_en,
            "catalogue": list(self.catalogue),
            "articles": list(self.articles),
            "facts_schema": self.facts_schema(),
        }


_SPECS = [
    RuleSpec(
        "nip",
        NipFacts,
        nip,
        "Validasi NIP",
        "NIP validation",
        ("R-NIP",),
        ("UU 20/2023 Pasal 7", "Peraturan Kepala BKN 22/2007 (layout NIP)"),
    ),
    RuleSpec(
        "retirement",
        RetirementFacts,
        retirement,
        "Batas usia pensiun dan TMT pensiun",
        "Retirement age and pension start",
        ("R-BUP", "R-PPPK-END"),
        (
            "UU 20/2023 Pasal 52 ayat (3) huruf c",
            "UU 20/2023 Pasal 55",
            "UU 5/2014 Pasal 90",
            "PP 11/2017 Pasal 239",
            "UU 14/2005 Pasal 30, 67",
        ),
    ),
    RuleSpec(
        "dismissal",
        DismissalFacts,
        dismissal,
        "Pemberhentian",
        "Dismissal",
        ("R-STOP", "R-DISCIPLINE"),
        (
            "UU 20/2023 Pasal 52",
            "UU 20/2023 Pasal 24 ayat (2)",
            "UU 20/2023 Pasal 64 ayat (2)",
            "PP 79/2021",
        ),
    ),
    RuleSpec(
        "temporary_dismissal",
        TemporaryDismissalFacts,
        temporary_dismissal,
        "Pemberhentian sementara",
        "Temporary dismissal",
        ("R-SUSPEND",),
        (
            "UU 20/2023 Pasal 53",
            "UU 20/2023 Penjelasan Pasal 53 ayat (1)",
            "UU 20/2023 Pasal 58",
            "UU 20/2023 Pasal 59",
        ),
    ),
    RuleSpec(
        "return_from_state_office",
        ReturnFacts,
        return_from_state_office,
        "Pengaktifan kembali setelah jabatan negara",
        "Return from a state office",
        ("R-RETURN",),
        ("UU 20/2023 Pasal 59 ayat (2)", "UU 20/2023 Pasal 60"),
    ),
    RuleSpec(
        "candidacy",
        CandidacyFacts,
        candidacy,
        "Pencalonan dalam pemilihan",
        "Running for elected office",
        ("R-CANDIDATE",),
        ("UU 20/2023 Pasal 56", "UU 20/2023 Pasal 59 ayat (3)"),
    ),
    RuleSpec(
        "authority",
        AuthorityFacts,
        authority,
        "Kewenangan pengangkatan, pemindahan, pemberhentian",
        "Authority to appoint, transfer, dismiss",
        ("R-AUTH", "R-MERIT"),
        ("UU 20/2023 Pasal 29", "UU 20/2023 Pasal 30"),
    ),
    RuleSpec(
        "position_filling",
        PositionFillingFacts,
        position_filling,
        "Pengisian Jabatan ASN",
        "Filling an ASN position",
        ("R-FILL", "R-NONASN"),
        (
            "UU 20/2023 Pasal 19",
            "UU 20/2023 Pasal 34 dan Penjelasan",
            "UU 20/2023 Pasal 65",
            "UU 20/2023 Pasal 66",
        ),
    ),
    RuleSpec(
        "position_vacancy",
        PositionVacancyFacts,
        position_vacancy,
        "Tersedianya lowongan jabatan",
        "A vacant seat in the position",
        ("R-VACANCY",),
        ("UU 20/2023 Pasal 32 ayat (3)", "UU 20/2023 Pasal 60 ayat (1)"),
    ),
    RuleSpec(
        "merit_inputs",
        MeritInputsFacts,
        merit_inputs,
        "Masukan keputusan merit",
        "Inputs of a merit decision",
        ("R-MERIT",),
        (
            "UU 20/2023 Pasal 27 ayat (2)",
            "UU 20/2023 Penjelasan Pasal 2 huruf j",
            "UU 20/2023 Penjelasan Pasal 26 ayat (2) huruf d",
        ),
    ),
    RuleSpec(
        "working_days",
        WorkingDaysFacts,
        working_days,
        "Hari kerja dan batas waktu",
        "Working days and deadlines",
        ("R-DISPUTE",),
        (
            "Perpres 21/2023 Pasal 3",
            "Perpres 21/2023 Pasal 6",
            "SKB 3 Menteri hari libur nasional dan cuti bersama 2024-2026 (and revisions)",
            "Keppres 10/2024, Keppres 33/2024",
        ),
    ),
]

# Rule families register their rows (name, facts, function, titles, catalogue, articles) here.
_SPECS += [
    RuleSpec(*row)
    for family in (
        selection,
        salary,
        needs,
        nik,
        employee_dates,
        discipline,
        disputes,
        rewards,
        performance,
        talent,
        learning,
        service_end,
    )
    for row in family.RULE_ROWS
]

RULES: dict[str, RuleSpec] = {spec.name: spec for spec in _SPECS}


def rule_spec(rule: str) -> RuleSpec:
    try:
        return RULES[rule]
    except KeyError:
        raise UnknownRuleError(rule, sorted(RULES)) from None


def evaluate(rule: str, facts: dict[str, Any] | Facts, on: dt.date) -> Decision:
    """Parse ``facts`` for ``rule`` and decide on the date ``on``.

    Raises UnknownRuleError for an unknown rule and FactsError for bad facts.
    """
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise TypeError("'on' must be a datetime.date")
    spec = rule_spec(rule)
    parsed = parse_facts(rule, spec.facts_model, facts)
    return spec.decide(parsed, on)
