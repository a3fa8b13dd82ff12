"""disputes.admissible — was a keberatan or banding filed in time?

A keberatan filed after its time limit is answered with a statement that it cannot be
accepted (tidak dapat diterima); so is a banding administratif filed after 14 working
days (PP 79/2021 Pasal 11 ayat (3), as reported). The limit is counted as
``disputes.deadline`` counts it: a filing on or before the earliest due date of every
reading is in time; after the latest, late; in between, the rule asks for legal review
and shows each reading.
"""

from __future__ import annotations

import datetime as dt

from pydantic import model_validator

from simasn.law import calendar
from simasn.law.decision import Decision
from simasn.law.enums import DisputeRoute, DisputeStep
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import (
    CalendarFacts,
    Lookup,
    answer,
    fmt_date_en,
    fmt_date_id,
    gap_review,
    review,
)
from simasn.law.rules.disputes._steps import count_step, describe
from simasn.law.rules.disputes.deadline import deadline_outcome

RULE = "disputes.admissible"

FILING_STEP = {
    DisputeRoute.KEBERATAN: DisputeStep.PENGAJUAN_KEBERATAN,
    DisputeRoute.BANDING_ADMINISTRATIF: DisputeStep.PENGAJUAN_BANDING,
}
ROUTE_LABELS = {
    DisputeRoute.KEBERATAN: ("Keberatan", "The keberatan"),
    DisputeRoute.BANDING_ADMINISTRATIF: ("Banding administratif", "The banding administratif"),
}


class AdmissibleFacts(CalendarFacts):
    route: DisputeRoute
    filed_date: dt.date
    decision_date: dt.date | None = None
    decision_received_date: dt.date | None = None
    region: str | None = None

    @model_validator(mode="after")
    def _order(self) -> AdmissibleFacts:
        first = self.decision_date or self.decision_received_date
        if first is not None and self.filed_date < first:
            raise ValueError("filed_date cannot be before the decision")
        return self


def admissible(facts: AdmissibleFacts, on: dt.date) -> Decision:
    """In time or late, with the reason — PP 79/2021."""
    lookup = Lookup(on)
    step = FILING_STEP[facts.route]
    dates = {"decision_date": facts.decision_date, "decision_received_date": facts.decision_received_date}
    try:
        count = count_step(step, dates, lookup, region=facts.region, rule=RULE)
    except calendar.HolidayListNotSetError as error:
        return review(RULE, on, error.reason_en, error.reason_id, lookup=lookup)
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)

    outcome = deadline_outcome(count)
    outcome["filed_date"] = facts.filed_date
    # In time on every reading: by the earliest due date. Late on every reading: after the
    # latest, even if a deadline on a non-working day moved to the next working day.
    latest = count.latest_possible
    name_id, name_en = ROUTE_LABELS[facts.route]
    dates_id, dates_en = describe(count)
    reasons: list[str] = []
    reasons_id: list[str] = []
    if facts.filed_date <= count.due_date:
        outcome.update({"admissible": True, "reason": "IN_TIME"})
        explanation_id = (f"{name_id} diajukan {fmt_date_id(facts.filed_date)}, dalam batas waktu "
                          f"({dates_id}).")
        explanation_en = (f"{name_en} was filed on {fmt_date_en(facts.filed_date)}, in time "
                          f"({dates_en}).")
    elif latest is not None and facts.filed_date > latest:
        late_by = (facts.filed_date - latest).days
        outcome.update({"admissible": False, "reason": "LATE", "days_late": late_by})
        explanation_id = (f"{name_id} diajukan {fmt_date_id(facts.filed_date)}, melewati batas waktu "
                          f"({dates_id}); tidak dapat diterima.")
        explanation_en = (f"{name_en} was filed on {fmt_date_en(facts.filed_date)}, after the time "
                          f"limit ({dates_en}); it cannot be accepted.")
    else:
        outcome.update({"admissible": None, "reason": "UNSETTLED"})
        reasons = count.review_reasons() or [
            "the filing is in time only if a deadline on a non-working day moves to the next "
            "working day, which no rule found settles"
        ]
        reasons_id = count.review_reasons_id() or [
            "pengajuan tepat waktu hanya bila batas waktu yang jatuh pada hari libur bergeser ke hari "
            "kerja berikutnya, dan tidak ada aturan yang ditemukan menetapkannya"
        ]
        explanation_id = (f"{name_id} diajukan {fmt_date_id(facts.filed_date)}: tepat waktu menurut "
                          f"sebagian tafsiran saja ({dates_id}).")
        explanation_en = (f"{name_en} was filed on {fmt_date_en(facts.filed_date)}: in time on some "
                          f"readings only ({dates_en}).")
    return answer(RULE, lookup, outcome, count.citations, explanation_id, explanation_en, reasons, reasons_id)
