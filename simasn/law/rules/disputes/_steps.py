"""The timed steps of upaya administratif, counted on the working-day calendar.

Every step (parameter ``disputes.deadlines``) has a number of days, one or more units
(hari kerja / hari) and one or more start events; where PP 79/2021 could not be checked
the parameter lists every reading and each is counted here. A reading whose start event
is not given is left out and marked, so a rule can tell "in time on every reading" from
"depends on a date we do not have".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from simasn.law import calendar
from simasn.law.decision import FactError, FactsError
from simasn.law.enums import DayUnit, DisputeStep
from simasn.law.rules._support import Lookup, fmt_date_en, fmt_date_id, region_code

#: The facts that hold the date of each start event.
EVENT_FIELDS = {
    "DECISION_RECEIVED": "decision_received_date",
    "DECISION_DATE": "decision_date",
    "SUBMISSION_RECEIVED": "submission_received_date",
}
EVENT_LABELS = {
    "DECISION_RECEIVED": ("keputusan diterima pegawai", "the decision received by the employee"),
    "DECISION_DATE": ("tanggal keputusan", "the decision's date"),
    "SUBMISSION_RECEIVED": ("keberatan/banding/tembusan diterima", "the filing received"),
}
__all__ = ["StepCount", "StepReading", "count_step", "describe", "region_code"]

#: The steps by their names (Indonesian, English).
STEP_LABELS = {
    DisputeStep.PENGAJUAN_KEBERATAN: ("pengajuan keberatan", "filing the keberatan"),
    DisputeStep.KEPUTUSAN_KEBERATAN: ("keputusan atas keberatan", "the decision on the keberatan"),
    DisputeStep.PENGAJUAN_BANDING: ("pengajuan banding administratif", "filing the banding administratif"),
    DisputeStep.TANGGAPAN_PPK: ("tanggapan PPK kepada BPASN", "the PPK's answer to BPASN"),
    DisputeStep.KEPUTUSAN_BPASN: ("keputusan BPASN", "BPASN's decision"),
}

UNIT_LABELS = {DayUnit.WORKING: ("hari kerja", "working days"), DayUnit.CALENDAR: ("hari", "calendar days")}

@dataclass(frozen=True)
class StepReading:
    """One way of counting a step: its unit, start event and the due date it gives."""

    unit: DayUnit
    runs_from: str
    from_date: dt.date
    due_date: dt.date
    calendar_review: str | None = None
    moved_to: dt.date | None = None  # the next working day, when due_date is not one
    calendar_review_id: str | None = None  # the calendar's open question, in Indonesian

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "runs_from": self.runs_from,
            "from_date": self.from_date,
            "due_date": self.due_date,
        }


@dataclass
class StepCount:
    """All readings of one step, with the citations they rest on."""

    step: DisputeStep
    spec: dict[str, Any]
    readings: list[StepReading]
    missing_events: list[str]
    citations: list[str] = field(default_factory=list)

    @property
    def due_date(self) -> dt.date:
        return min(r.due_date for r in self.readings)

    @property
    def latest_due_date(self) -> dt.date | None:
        """The last due date over every reading; None when a missing event could push it later."""
        if self.open_later:
            return None
        return max(r.due_date for r in self.readings)

    @property
    def latest_possible(self) -> dt.date | None:
        """The latest due date if a deadline on a non-working day moves to the next working day."""
        if self.open_later:
            return None
        return max(r.moved_to or r.due_date for r in self.readings)

    @property
    def open_later(self) -> bool:
        """A reading not computed could only be later (receipt comes on or after the decision)."""
        return bool(self.missing_events)

    @property
    def settled(self) -> bool:
        return len({r.due_date for r in self.readings}) == 1 and not self.open_later

    def review_reasons(self) -> list[str]:
        reasons = [r.calendar_review for r in self.readings if r.calendar_review]
        if not self.settled:
            reasons.insert(0, unsettled_reason(self))
        return list(dict.fromkeys(reasons))

    def review_reasons_id(self) -> list[str]:
        """The same open questions in Indonesian, in the same order."""
        reasons = [r.calendar_review_id or r.calendar_review for r in self.readings if r.calendar_review]
        if not self.settled:
            reasons.insert(0, unsettled_reason_id(self))
        return list(dict.fromkeys(reasons))


def unsettled_reason(count: StepCount) -> str:
    units = ", ".join(UNIT_LABELS[DayUnit(u)][1] for u in count.spec["units"])
    events = " or ".join(EVENT_LABELS[e][1] for e in count.spec["runs_from"])
    text = (
        f"PP 79/2021 as checked does not settle the {count.spec['n']}-day limit of "
        f"{STEP_LABELS[count.step][1]}: counted in {units} from {events}; every reading is shown"
    )
    if count.missing_events:
        fields = ", ".join(EVENT_FIELDS[e] for e in count.missing_events)
        text += f" (give {fields} for the reading not computed)"
    return text


def unsettled_reason_id(count: StepCount) -> str:
    units = ", ".join(UNIT_LABELS[DayUnit(u)][0] for u in count.spec["units"])
    events = " atau ".join(EVENT_LABELS[e][0] for e in count.spec["runs_from"])
    text = (
        f"PP 79/2021 sebagaimana diperiksa tidak menetapkan cara menghitung batas {count.spec['n']} hari "
        f"untuk {STEP_LABELS[count.step][0]}: dihitung dalam {units} sejak "
        f"{events}; setiap tafsiran ditampilkan"
    )
    if count.missing_events:
        fields = ", ".join(EVENT_LABELS[e][0] for e in count.missing_events)
        text += f" (isi tanggal {fields} untuk tafsiran yang belum dihitung)"
    return text


def count_step(
    step: DisputeStep,
    dates: dict[str, dt.date | None],
    lookup: Lookup,
    *,
    region: str | None,
    rule: str,
) -> StepCount:
    """Count ``step`` from the event dates given, on every reading the parameter lists.

    Raises FactsError when no start event of the step has a date, and ParameterGapError
    (HolidayListNotSetError) when a working-day count reaches a year with no list.
    """
    spec = lookup.value("disputes.deadlines", step)
    citation = lookup.cite("disputes.deadlines", step)
    given = [e for e in spec["runs_from"] if dates.get(EVENT_FIELDS[e]) is not None]
    if not given:
        needed = " or ".join(EVENT_FIELDS[e] for e in spec["runs_from"])
        raise FactsError(rule, [FactError(EVENT_FIELDS[spec["runs_from"][0]], f"required: {needed}")])
    readings: list[StepReading] = []
    citations = [citation]
    for unit_code in spec["units"]:
        unit = DayUnit(unit_code)
        seen: set[dt.date] = set()
        for event in given:
            start = dates[EVENT_FIELDS[event]]
            if start is None or start in seen:
                continue  # two events on one day are one reading
            seen.add(start)
            due = calendar.deadline(start, int(spec["n"]), unit, region=region, known_on=lookup.on)
            citations.extend(due.citations)
            readings.append(
                StepReading(
                    unit,
                    event,
                    start,
                    due.date,
                    due.review_reason if due.needs_legal_review else None,
                    due.next_working_day if due.lands_on_working_day is False else None,
                    due.review_reason_id if due.needs_legal_review else None,
                )
            )
    missing = [e for e in spec["runs_from"] if e not in given]
    return StepCount(step, spec, readings, missing, list(dict.fromkeys(citations)))


def describe(count: StepCount) -> tuple[str, str]:
    """``"14 hari kerja sejak keputusan diterima: 4 Agustus 2025"`` in both languages."""
    parts_id: list[str] = []
    parts_en: list[str] = []
    for reading in count.readings:
        unit_id, unit_en = UNIT_LABELS[reading.unit]
        event_id, event_en = EVENT_LABELS[reading.runs_from]
        parts_id.append(f"{count.spec['n']} {unit_id} sejak {event_id}: {fmt_date_id(reading.due_date)}")
        parts_en.append(f"{count.spec['n']} {unit_en} from {event_en}: {fmt_date_en(reading.due_date)}")
    return "; ".join(parts_id), "; ".join(parts_en)
