"""disputes.deadline — the due date of a step of upaya administratif, and where it stands.

PP 79/2021 (parameter ``disputes.deadlines``): a keberatan is filed within 14 days of
the decision and decided within 21 working days of its receipt; a banding
administratif is filed with BPASN within 14 working days (Pasal 11 ayat (3)), the PPK
answers within 21 working days of receiving the copy (Pasal 13 ayat (1)), BPASN decides
within 65 working days of receiving the banding. Days are counted on
:mod:`simasn.law.calendar` (holidays as known on the decision date ``on``). Where the
unit or the start event is not confirmed every reading is computed and the rule asks
for legal review when they give different dates.

When a step is overdue, ``disputes.silence`` says what the silence means: BPASN decides
on the evidence when the PPK does not answer (Pasal 13 ayat (2)); for an undecided
keberatan the general law deems an objection granted (UU 30/2014 Pasal 77 ayat (5)) but
whether that governs PP 79/2021 is not settled.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.law import calendar
from simasn.law.decision import Decision
from simasn.law.enums import DisputeStep
from simasn.law.parameters import ParameterGapError, UnknownKeyError
from simasn.law.rules._support import (
    CalendarFacts,
    Lookup,
    answer,
    fmt_date_en,
    fmt_date_id,
    gap_review,
    review,
)
from simasn.law.rules.disputes._steps import STEP_LABELS, StepCount, count_step, describe

RULE = "disputes.deadline"

SILENCE_LABELS = {
    "BPASN_DECIDES_ON_EVIDENCE": (
        "BPASN memutus berdasarkan bukti yang ada",
        "BPASN decides on the evidence it has",
    ),
    "UNSETTLED": ("akibatnya belum pasti", "what it means is not settled"),
}


class DeadlineFacts(CalendarFacts):
    step: DisputeStep
    decision_date: dt.date | None = None
    decision_received_date: dt.date | None = None
    submission_received_date: dt.date | None = None
    acted_on: dt.date | None = None
    region: str | None = None

    def dates(self) -> dict[str, dt.date | None]:
        return {
            "decision_date": self.decision_date,
            "decision_received_date": self.decision_received_date,
            "submission_received_date": self.submission_received_date,
        }


def status_of(count: StepCount, acted_on: dt.date | None, on: dt.date) -> str:
    """PENDING, OVERDUE, DONE_IN_TIME, DONE_LATE — or UNSETTLED between the readings."""
    latest = count.latest_due_date
    when = acted_on or on
    if when <= count.due_date:
        return "DONE_IN_TIME" if acted_on else "PENDING"
    if latest is not None and when > latest:
        return "DONE_LATE" if acted_on else "OVERDUE"
    return "UNSETTLED"


def deadline_outcome(count: StepCount) -> dict[str, Any]:
    return {
        "step": count.step,
        "route": count.spec["route"],
        "actor": count.spec["actor"],
        "n": count.spec["n"],
        "due_date": count.due_date,
        "latest_due_date": count.latest_due_date,
        "readings": [r.to_dict() for r in count.readings],
        "settled": count.settled,
    }


def dispute_deadline(facts: DeadlineFacts, on: dt.date) -> Decision:
    """Due date and status of one step of keberatan or banding — PP 79/2021."""
    lookup = Lookup(on)
    try:
        count = count_step(facts.step, facts.dates(), lookup, region=facts.region, rule=RULE)
        silence = lookup.value("disputes.silence")
    except calendar.HolidayListNotSetError as error:
        return review(RULE, on, error.reason_en, error.reason_id, lookup=lookup)
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    except UnknownKeyError as error:
        return review(RULE, on, str(error), str(error), lookup=lookup)

    outcome = deadline_outcome(count)
    status = status_of(count, facts.acted_on, on)
    outcome["status"] = status
    if status == "PENDING":
        try:
            outcome["working_days_left"] = calendar.working_days_between(
                on, count.due_date, region=facts.region, known_on=on
            )
        except ParameterGapError:
            outcome["working_days_left"] = None
    citations = list(count.citations)
    reasons = count.review_reasons()
    reasons_id = count.review_reasons_id()
    label_id, label_en = STEP_LABELS[facts.step]
    dates_id, dates_en = describe(count)
    explanation_id = f"Batas waktu {label_id}: {dates_id}."
    explanation_en = f"Deadline for {label_en}: {dates_en}."
    if status in ("OVERDUE", "DONE_LATE", "UNSETTLED") and facts.step.value in silence:
        rule = silence[facts.step.value]
        outcome["on_missed"] = rule["consequence"]
        outcome["on_missed_readings"] = rule.get("readings", [rule["consequence"]])
        citations.append(lookup.cite("disputes.silence", facts.step))
        what_id, what_en = SILENCE_LABELS[rule["consequence"]]
        explanation_id += f" Jika lewat: {what_id}."
        explanation_en += f" If missed: {what_en}."
        if rule["consequence"] == "UNSETTLED":
            reasons.append(
                f"the consequence of missing the deadline for {label_en} is not settled "
                f"(readings: {', '.join(outcome['on_missed_readings'])})"
            )
            reasons_id.append(
                f"akibat terlewatnya batas waktu {label_id} belum pasti "
                f"(tafsiran: {', '.join(SILENCE_LABELS.get(r, (r, r))[0] for r in outcome['on_missed_readings'])})"
            )
    if status == "OVERDUE":
        explanation_id += f" Per {fmt_date_id(on)} batas waktu telah lewat."
        explanation_en += f" On {fmt_date_en(on)} the deadline has passed."
    return answer(RULE, lookup, outcome, citations, explanation_id, explanation_en, reasons, reasons_id)
