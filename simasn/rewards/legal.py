"""The rewards app's questions to the law: components (UU 20/2023 Pasal 21), funding
source (Pasal 50), Satyalancana Karya Satya (PP 25/1994 via rewards.satyalancana), basic
salary (salary.basic). Nothing here decides law."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from simasn.law import (
    PenaltyOnRecord,
    SatyalancanaRecord,
    SatyalancanaResult,
    evaluate,
    reward_components,
    satyalancana_candidates,
)


def components(*, on: dt.date) -> list[dict[str, Any]]:
    return reward_components(on=on)


def component_form_codes(*, on: dt.date) -> dict[str, set[str]]:
    return {c["code"]: {f["code"] for f in c["forms"]} for c in reward_components(on=on)}


def funding_source(instansi_kind: str, *, on: dt.date) -> tuple[str, list[str]]:
    decision = evaluate("rewards.funding_source", {"instansi_kind": instansi_kind}, on)
    source = decision.outcome.get("funding_source")
    return (str(source) if source else ""), decision.citations


def penalties_from_record(entry: dict[str, Any] | None) -> list[PenaltyOnRecord]:
    """The discipline record (provider ``discipline.record``) as the assessment reads it."""
    if not entry:
        return []
    return [PenaltyOnRecord(date=p["decided_on"], level=str(p["level"]).upper(), ends_on=p.get("ends_on"))
            for p in entry.get("penalties", [])]


def assess(records: Iterable[SatyalancanaRecord], *, on: dt.date) -> list[SatyalancanaResult]:
    return satyalancana_candidates(records, on=on)


def basic_salary(*, employee_type: str, rank: str, tmt_cpns: dt.date | None, on: dt.date) -> dict[str, Any]:
    """salary.basic from the register. The register keeps the current golongan, not the one at
    TMT CPNS: the count assumes it has not changed, and the page says so."""
    if not rank or (employee_type == "PNS" and tmt_cpns is None) or employee_type != "PNS":
        return {"amount": None, "explanation": "", "citations": [], "assumed_initial_rank": False}
    decision = evaluate("salary.basic", {"employee_type": employee_type, "rank": rank, "tmt_cpns": tmt_cpns,
                                         "initial_rank": rank}, on)
    return {"amount": decision.outcome.get("amount"), "explanation": decision.explanation_id,
            "explanation_en": decision.explanation_en, "citations": decision.citations,
            "needs_legal_review": decision.needs_legal_review, "assumed_initial_rank": True}
