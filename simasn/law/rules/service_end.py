"""The ``service_end`` rule — no personnel action takes effect after the employee's service ended.

UU 20/2023 Pasal 52 ayat (3) huruf c: a Pegawai ASN is dismissed (not on own request) on
reaching the BUP of the position and/or at the end of the work contract; Pasal 55 sets the
BUP; the pension starts on the first day of the month after the BUP is reached (PP 11/2017,
parameter ``retirement.tmt_rule``). From that day the person is no longer in service, so an
appointment, transfer, temporary dismissal, reactivation or other dismissal whose TMT falls on
or after it cannot take effect: the retirement (or, for a PPPK, the end of the contract) is
the only action that may still be set, and it is decided late, never silently applied.

The end of service is computed by the ``retirement`` rule for the position the employee holds
on the day the question is asked; where that rule needs legal review (born on 29 February),
so does this one.
"""

from __future__ import annotations

import datetime as dt

from simasn.law.decision import Decision
from simasn.law.rules._support import fmt_date_en, fmt_date_id, review
from simasn.law.rules.retirement import RetirementFacts, retirement

RULE = "service_end"


class ServiceEndFacts(RetirementFacts):
    #: The TMT of the action being checked (not the retirement itself).
    action_tmt: dt.date


def service_end(facts: ServiceEndFacts, on: dt.date) -> Decision:
    """May an action with TMT ``action_tmt`` still take effect? — Pasal 52(3)(c), 55."""
    base = retirement(RetirementFacts(**facts.model_dump(exclude={"action_tmt"})), on)
    if base.needs_legal_review:
        candidates = base.outcome.get("candidate_retirement_dates") or []
        if candidates and facts.action_tmt < min(candidates) - dt.timedelta(days=1):
            # Born on 29 February: the end of service is one of two days, both later.
            return Decision(
                rule=RULE, on=on,
                outcome={"allowed": True, "service_ends_on": None, "action_tmt": facts.action_tmt,
                         "candidate_retirement_dates": candidates},
                citations=list(base.citations),
                explanation_id=(f"TMT {fmt_date_id(facts.action_tmt)} jatuh sebelum kedua tanggal "
                                "pensiun yang mungkin; masih dalam masa kerja."),
                explanation_en=(f"TMT {fmt_date_en(facts.action_tmt)} falls before both possible "
                                "pension dates; it is within service."),
                parameters_used=base.parameters_used,
            )
        return review(
            RULE, on,
            base.explanation_en.removeprefix("Needs legal review: "),
            base.explanation_id.removeprefix("Perlu telaah hukum: "),
            citations=list(base.citations), outcome=dict(base.outcome),
        )
    ends_on: dt.date = base.outcome["service_ends_on"]
    because = str(base.outcome["ends_because"])
    allowed = facts.action_tmt <= ends_on
    outcome = {
        "allowed": allowed,
        "service_ends_on": ends_on,
        "ends_because": because,
        "retirement_date": base.outcome.get("retirement_date"),
        "action_tmt": facts.action_tmt,
    }
    if because == "CONTRACT_END":
        why_id = f"perjanjian kerja berakhir {fmt_date_id(ends_on)}"
        why_en = f"the work contract ends on {fmt_date_en(ends_on)}"
    else:
        why_id = (f"pegawai mencapai batas usia pensiun {base.outcome['retirement_age']} tahun dan "
                  f"masa kerjanya berakhir {fmt_date_id(ends_on)} (TMT pensiun "
                  f"{fmt_date_id(base.outcome['retirement_date'])})")
        why_en = (f"the employee reaches the retirement age of {base.outcome['retirement_age']} and "
                  f"service ends on {fmt_date_en(ends_on)} (pension from "
                  f"{fmt_date_en(base.outcome['retirement_date'])})")
    if allowed:
        explanation_id = (f"TMT {fmt_date_id(facts.action_tmt)} masih dalam masa kerja: {why_id}.")
        explanation_en = f"TMT {fmt_date_en(facts.action_tmt)} is within service: {why_en}."
    else:
        explanation_id = (
            f"TMT {fmt_date_id(facts.action_tmt)} jatuh setelah masa kerja berakhir: {why_id}. "
            "Sejak itu pegawai diberhentikan karena mencapai batas usia pensiun dan/atau "
            "berakhirnya perjanjian kerja (UU 20/2023 Pasal 52 ayat (3) huruf c); hanya "
            "pemberhentian itu yang masih dapat ditetapkan."
        )
        explanation_en = (
            f"TMT {fmt_date_en(facts.action_tmt)} falls after service ended: {why_en}. From then "
            "the employee is dismissed for reaching the retirement age and/or the end of the "
            "contract (UU 20/2023 Pasal 52(3)(c)); only that dismissal can still be set."
        )
    return Decision(
        rule=RULE, on=on, outcome=outcome, citations=list(base.citations),
        explanation_id=explanation_id, explanation_en=explanation_en,
        parameters_used=base.parameters_used,
    )


RULE_ROWS = (
    ("service_end", ServiceEndFacts, service_end, "Tindakan setelah masa kerja berakhir",
     "Actions after service ended", ("R-BUP", "R-PPPK-END"),
     ("UU 20/2023 Pasal 52 ayat (3) huruf c", "UU 20/2023 Pasal 55", "PP 11/2017")),
)
