"""The Satyalancana Karya Satya assessment shared by the single-case rule and the set-level
function (so the two can never disagree): plain records in, plain results out.

PP 25/1994 Pasal 2 and 4: a PNS who has worked continuously for at least 10, 20 or 30
years (classes X, XX, XXX) and, within that period, never received a medium or heavy
disciplinary penalty. Years are counted from the TMT CPNS. Two questions the texts do
not settle are computed both ways and reported when the answers differ:

- a penalty older than the period (``penalty_readings``): STRICT — any medium or heavy
  penalty since the counted period began bars the class; RESTART — the continuous
  period starts again the day after the penalty was served;
- unpaid leave and detention (``rewards.satyalancana.interruptions``): BREAKS — the
  period starts again on return; EXCLUDED — the time away is left out and the service
  before and after is added up. A temporary dismissal as pejabat negara or LNS
  commissioner COUNTS (UU 20/2023 Penjelasan Pasal 53 ayat (1)).

An employee on leave or suspended on the day of the assessment is not proposed.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from simasn.law.rules._support import Lookup

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class PenaltyOnRecord:
    """A disciplinary penalty: the day it took effect, its level, the last day served."""

    date: dt.date
    level: str
    ends_on: dt.date | None = None


@dataclass(frozen=True)
class ServiceBreak:
    """A temporary dismissal (its TemporaryDismissalReason), first and last day (None: still on)."""

    reason: str
    start: dt.date
    end: dt.date | None = None


@dataclass(frozen=True)
class SatyalancanaRecord:
    """One employee as the set-level function reads it."""

    employee_id: Any
    tmt_cpns: dt.date
    employee_type: str = "PNS"
    penalties: Sequence[PenaltyOnRecord] = ()
    breaks: Sequence[ServiceBreak] = ()
    awarded: Sequence[str] = ()


@dataclass(frozen=True)
class Reading:
    penalty_reading: str | None
    break_reading: str | None
    eligible_classes: tuple[str, ...]
    next_class: str | None
    next_class_on: dt.date | None
    counted_from: dt.date
    reason: str


@dataclass(frozen=True)
class SatyalancanaResult:
    """What the app shows and stores for one employee on the assessment day."""

    employee_id: Any
    eligible_classes: tuple[str, ...]
    eligible_class: str | None
    next_class: str | None
    next_class_on: dt.date | None
    reason: str
    needs_legal_review: bool
    readings: tuple[Reading, ...] = field(default=())

    @property
    def eligible(self) -> bool:
        return bool(self.eligible_classes) and not self.needs_legal_review


@dataclass(frozen=True)
class SatyalancanaLaw:
    """The parameters in force on the assessment day, read once."""

    classes: tuple[tuple[str, int], ...]
    employee_types: frozenset[str]
    disqualifying: frozenset[str]
    penalty_readings: tuple[str, ...]
    break_readings: dict[str, tuple[str, ...]]


def load_law(lookup: Lookup) -> SatyalancanaLaw:
    """Raises ParameterGapError when a parameter has no value on ``lookup.on``."""
    classes = lookup.value("rewards.satyalancana.classes")
    counting = lookup.value("rewards.satyalancana.service_counting")
    return SatyalancanaLaw(
        classes=tuple(sorted(((code, int(c["years"])) for code, c in classes.items()), key=lambda x: x[1])),
        employee_types=frozenset(lookup.value("rewards.satyalancana.employee_types")),
        disqualifying=frozenset(lookup.value("rewards.satyalancana.disqualifying_levels")),
        penalty_readings=tuple(counting["penalty_readings"]),
        break_readings={
            reason: tuple(item["readings"])
            for reason, item in lookup.value("rewards.satyalancana.interruptions").items()
        },
    )


def anniversary(day: dt.date, years: int) -> dt.date:
    """``day`` plus whole years; 29 February runs to 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return dt.date(day.year + years, 3, 1)


def _reach(start: dt.date, years: int, excluded: list[tuple[dt.date, dt.date]]) -> dt.date:
    """The day ``years`` of service are complete from ``start``, leaving out ``excluded``."""
    reach = anniversary(start, years)
    merged: list[tuple[dt.date, dt.date]] = []
    for first, last in sorted(excluded):
        if merged and first <= merged[-1][1] + ONE_DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    for first, last in merged:
        if last < start:
            continue
        if first > reach:
            break
        reach += (last - max(first, start)) + ONE_DAY
    return reach


def _one_reading(
    record: SatyalancanaRecord,
    law: SatyalancanaLaw,
    on: dt.date,
    penalty_reading: str | None,
    break_reading: str | None,
) -> Reading:
    start = record.tmt_cpns
    excluded: list[tuple[dt.date, dt.date]] = []
    for gap in sorted(record.breaks, key=lambda g: g.start):
        readings = law.break_readings.get(gap.reason, ("BREAKS", "EXCLUDED"))
        mode = "COUNTS" if readings == ("COUNTS",) else (break_reading or readings[0])
        if mode == "COUNTS" or gap.start > on:
            continue
        if gap.end is None or gap.end >= on:
            return Reading(penalty_reading, break_reading, (), None, None, start, "INTERRUPTED")
        if mode == "BREAKS":
            start = max(start, gap.end + ONE_DAY)
        else:
            excluded.append((gap.start, gap.end))
    barred = False
    for item in sorted(record.penalties, key=lambda p: p.date):
        if item.level not in law.disqualifying or item.date > on:
            continue
        if penalty_reading == "RESTART":
            start = max(start, (item.ends_on or item.date) + ONE_DAY)
        elif item.date >= start:
            barred = True
    if start > on:
        start_reason = "NOT_YET_SERVING" if start == record.tmt_cpns else "NOT_YET"
        first = next((c for c, _ in law.classes if c not in record.awarded), None)
        years = dict(law.classes).get(first or "", 0)
        return Reading(penalty_reading, break_reading, (), first,
                       _reach(start, years, excluded) if first else None, start, start_reason)
    if barred:
        return Reading(penalty_reading, break_reading, (), None, None, start, "BARRED_BY_PENALTY")
    eligible: list[str] = []
    next_class: str | None = None
    next_on: dt.date | None = None
    for code, years in law.classes:
        if code in record.awarded:
            continue
        reached = _reach(start, years, excluded)
        if reached <= on:
            eligible.append(code)
        elif next_class is None:
            next_class, next_on = code, reached
    if eligible:
        reason = "ELIGIBLE"
    elif next_class is None:
        reason = "ALL_AWARDED"
    else:
        reason = "NOT_YET"
    return Reading(penalty_reading, break_reading, tuple(eligible), next_class, next_on, start, reason)


def assess(record: SatyalancanaRecord, law: SatyalancanaLaw, on: dt.date) -> SatyalancanaResult:
    """Every reading that matters for this record, and one answer when they agree."""
    if record.employee_type not in law.employee_types:
        return SatyalancanaResult(record.employee_id, (), None, None, None, "NOT_PNS", True)
    has_penalty = any(p.level in law.disqualifying and p.date <= on for p in record.penalties)
    has_open_break = any(
        len(law.break_readings.get(g.reason, ("BREAKS", "EXCLUDED"))) > 1 and g.start <= on
        for g in record.breaks
    )
    penalty_modes: tuple[str | None, ...] = law.penalty_readings if has_penalty else (None,)
    break_modes: tuple[str | None, ...] = ("BREAKS", "EXCLUDED") if has_open_break else (None,)
    readings = tuple(
        _one_reading(record, law, on, p, b) for p, b in itertools.product(penalty_modes, break_modes)
    )
    first = readings[0]
    agree = all(r.eligible_classes == first.eligible_classes for r in readings)
    if not agree:
        return SatyalancanaResult(
            record.employee_id, (), None, None, None, "READINGS_DIFFER", True, readings
        )
    dates = {r.next_class_on for r in readings}
    return SatyalancanaResult(
        employee_id=record.employee_id,
        eligible_classes=first.eligible_classes,
        eligible_class=first.eligible_classes[-1] if first.eligible_classes else None,
        next_class=first.next_class,
        next_class_on=first.next_class_on if len(dates) == 1 else None,
        reason=first.reason,
        needs_legal_review=False,
        readings=readings if len(readings) > 1 else (),
    )
