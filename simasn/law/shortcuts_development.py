"""Typed entry points for the performance, talent and learning apps.

Every function takes the decision date ``on`` as a keyword: the law that applies is the
law in force on that day. The column-wise forms (``predikat_columns``,
``check_distribution_columns``, ``place_boxes_columns``, ``jp_compliance_columns``) are
re-exported from ``simasn.law`` as well; docs/law.md describes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from simasn.law import parameters
from simasn.law.decision import Decision
from simasn.law.enums import (
    BerakhlakValue,
    EmployeeType,
    ExpectationRating,
    LearningForm,
    OrganisationRating,
    PerformanceRating,
    PeriodicScheme,
    PositionKind,
    PotentialLevel,
)
from simasn.law.registry import evaluate


def decide_predikat(
    *,
    work_result_rating: ExpectationRating | str,
    behaviour_rating: ExpectationRating | str,
    on: dt.date,
) -> Decision:
    """Rule ``performance.predikat``: ``outcome["predikat"]`` (a ``PerformanceRating`` code)."""
    return evaluate(
        "performance.predikat",
        {"work_result_rating": work_result_rating, "behaviour_rating": behaviour_rating},
        on,
    )


def decide_leader_predikat(
    *,
    organisation_rating: OrganisationRating | str,
    behaviour_rating: ExpectationRating | str,
    on: dt.date,
) -> Decision:
    """Rule ``performance.leader_predikat``: the unit's rating is the leader's hasil kerja."""
    return evaluate(
        "performance.leader_predikat",
        {"organisation_rating": organisation_rating, "behaviour_rating": behaviour_rating},
        on,
    )


def performance_periods(
    *, year: int, scheme: PeriodicScheme | str | None = None, on: dt.date
) -> Decision:
    """Rule ``performance.periods``: ``outcome["periodic"]`` (code, labels, start, end) and
    ``outcome["annual"]``."""
    facts: dict[str, Any] = {"year": year}
    if scheme is not None:
        facts["scheme"] = scheme
    return evaluate("performance.periods", facts, on)


def decide_tidak_berkinerja(
    *,
    employee_type: EmployeeType | str,
    annual_ratings: Iterable[tuple[int, PerformanceRating | str]],
    on: dt.date,
) -> Decision:
    """Rule ``performance.tidak_berkinerja`` from ``[(year, predikat), ...]``."""
    return evaluate(
        "performance.tidak_berkinerja",
        {
            "employee_type": employee_type,
            "annual_ratings": [{"year": y, "rating": r} for y, r in annual_ratings],
        },
        on,
    )


def employee_ratings(on: dt.date) -> list[dict[str, Any]]:
    """The five predikat kinerja pegawai, best first: ``code``, ``label_id``, ``label_en``."""
    return [dict(entry) for entry in parameters.value("performance.employee_ratings", on)]


def organisation_ratings(on: dt.date) -> list[dict[str, Any]]:
    """The five predikat kinerja organisasi, best first."""
    return [dict(entry) for entry in parameters.value("performance.organisation_ratings", on)]


def behaviour_indicators(on: dt.date) -> list[dict[str, Any]]:
    """The seven BerAKHLAK values in the law's order, each with ``code``, ``label_id``,
    ``label_en``, ``definition_id``/``_en``, ``components`` (angka, label_id, label_en)
    and ``citation`` (UU 20/2023 Pasal 4 ayat (2) huruf ...)."""
    values = parameters.value("values.berakhlak", on)
    conduct = parameters.version("values.berakhlak_conduct", on)
    found = []
    for entry in values:
        code = BerakhlakValue(entry["code"])
        detail = conduct.value[code.value]
        found.append(
            {
                "code": code.value,
                "label_id": entry["label_id"],
                "label_en": entry["label_en"],
                "definition_id": detail["definition_id"],
                "definition_en": detail["definition_en"],
                "components": [dict(c) for c in detail["components"]],
                "citation": conduct.reference_for(code).cite(),
            }
        )
    return found


def place_in_box(
    *,
    annual_ratings: Iterable[tuple[int, PerformanceRating | str]],
    potential_level: PotentialLevel | str | None = None,
    potential_assessed_on: dt.date | None = None,
    potential_scores: Iterable[dict[str, Any]] = (),
    other_inputs: Iterable[str] = (),
    on: dt.date,
) -> Decision:
    """Rule ``talent.box``: ``outcome["status"]`` PLACED / DATA_INCOMPLETE / REFUSED and, when
    placed, ``outcome["box"]`` with the axes, weights and inputs used."""
    facts: dict[str, Any] = {
        "annual_ratings": [{"year": y, "rating": r} for y, r in annual_ratings],
        "potential_scores": list(potential_scores),
        "other_inputs": list(other_inputs),
    }
    if potential_level is not None:
        facts.update(potential_level=potential_level, potential_assessed_on=potential_assessed_on)
    return evaluate("talent.box", facts, on)


def talent_boxes(on: dt.date) -> list[dict[str, Any]]:
    """The nine boxes (``box`` 1-9, axes, labels, succession flag, recommendations) in force."""
    boxes = parameters.value("talent.boxes", on)
    return [
        {"box": int(number), **entry}
        for number, entry in sorted(boxes.items(), key=lambda i: int(i[0]))
    ]


def decide_jp_compliance(
    *,
    employee_type: EmployeeType | str,
    records: Iterable[dict[str, Any]],
    position_kind: PositionKind | str | None = None,
    year: int | None = None,
    contract_start: dt.date | None = None,
    contract_end: dt.date | None = None,
    on: dt.date,
) -> Decision:
    """Rule ``learning.jp_compliance``; ``records`` are ``{"date", "jp", "assigned"}``."""
    facts: dict[str, Any] = {"employee_type": employee_type, "records": list(records)}
    for name, value in (
        ("position_kind", position_kind),
        ("year", year),
        ("contract_start", contract_start),
        ("contract_end", contract_end),
    ):
        if value is not None:
            facts[name] = value
    return evaluate("learning.jp_compliance", facts, on)


def convert_to_jp(*, form: LearningForm | str, minutes: int, on: dt.date) -> Decision:
    """Rule ``learning.jp_convert``: ``outcome["jp"]`` or, for a form without a kept
    conversion, ``needs_legal_review``."""
    return evaluate("learning.jp_convert", {"form": form, "minutes": minutes}, on)
