"""Working days and deadlines — the calendar every SIMASN deadline is counted on.

A day is a **working day** (hari kerja) of a government agency when it is not

- a weekly day off (``calendar.weekend_days``: Saturday and Sunday, Perpres 21/2023
  Pasal 3),
- a national holiday (LIBUR_NASIONAL) of the year's list (``calendar.holidays.<year>``:
  the SKB 3 Menteri of that year, its revisions, and Keppres such as an election day),
- a cuti bersama (CUTI_BERSAMA) of that list, while ``calendar.cuti_bersama_non_working``
  is true (the default; Perpres 21/2023 Pasal 6 and the yearly Keppres on cuti bersama
  of Pegawai ASN — see the parameter's note, flagged for legal review),
- when a ``region`` is given, a regional holiday (LIBUR_DAERAH) of that region or of
  its province (``calendar.regional_holidays.<code>.<year>``).

**Counting convention.** Day 1 of a deadline of N days is the first day *after* the
start (the event: the decision received, the filing made) — for working days, the
first working day after it. So ``add_working_days(friday, 1)`` is the next Monday (when
it is a working day) and ``add_working_days(d, 0)`` is ``d`` itself. A regulation that
counts the event's own day passes ``counts_from=SAME_DAY`` to :func:`deadline`.

**Versions.** The holiday list of a year changes during the year (2025: 18 August was
added on 7 August 2025), so every function takes ``known_on``: the list as it stood on
that day (``None``: the latest version recorded). The weekly days off and the cuti
bersama policy are those in force on the day being counted.

**No guessing.** A working-day count that reaches a year with no list recorded (or not
yet set on ``known_on``) raises :class:`HolidayListNotSetError` — apps show "needs legal
review: holiday list for YEAR not yet set". A region with no table recorded has no
regional holidays. Calendar-day arithmetic needs no list.

Nothing here imports Django: the apps call these functions with plain dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from simasn.law.enums import CountsFrom, DayUnit, HolidayKind
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import fmt_date_en as _en
from simasn.law.rules._support import fmt_date_id as _id
from simasn.law.working_calendar import (
    CUTI_BERSAMA_POLICY,
    HOLIDAYS,
    REGIONAL_HOLIDAYS,
    WEEKEND,
    Holiday,
    HolidayListNotSetError,
    WorkingCalendar,
    region_codes,
)

__all__ = [
    "CUTI_BERSAMA_POLICY",
    "HOLIDAYS",
    "REGIONAL_HOLIDAYS",
    "WEEKEND",
    "CountsFrom",
    "DayUnit",
    "Deadline",
    "Holiday",
    "HolidayKind",
    "HolidayListNotSetError",
    "WorkingCalendar",
    "add_calendar_days",
    "add_working_days",
    "add_working_days_many",
    "deadline",
    "holidays",
    "is_working_day",
    "region_codes",
    "working_days_between",
    "working_days_between_many",
]

_ONE_DAY = dt.timedelta(days=1)


def is_working_day(
    day: dt.date, *, region: str | None = None, known_on: dt.date | None = None
) -> bool:
    """Is ``day`` a working day? Raises HolidayListNotSetError for a year with no list."""
    return WorkingCalendar(region=region, known_on=known_on).is_working_day(day)


def add_working_days(
    start: dt.date, n: int, *, region: str | None = None, known_on: dt.date | None = None
) -> dt.date:
    """The n-th working day after ``start``: day 1 is the first working day after it.

    ``n = 0`` returns ``start``. Raises ValueError for n < 0 and HolidayListNotSetError
    when the count reaches a year with no holiday list (as known on ``known_on``).
    """
    return WorkingCalendar(region=region, known_on=known_on).add(start, n)


def add_calendar_days(start: dt.date, n: int) -> dt.date:
    """``start`` + n days: day 1 is the day after ``start`` (whatever kind of day)."""
    if n < 0:
        raise ValueError("n must be 0 or more")
    return start + dt.timedelta(days=n)


def working_days_between(
    start: dt.date,
    end: dt.date,
    *,
    region: str | None = None,
    known_on: dt.date | None = None,
) -> int:
    """Working days in (start, end] — days left until a deadline, or (negative) overdue.

    ``add_working_days(s, working_days_between(s, e)) == e`` whenever ``e`` is a working
    day after ``s``.
    """
    return WorkingCalendar(region=region, known_on=known_on).between(start, end)


def holidays(
    year: int, *, region: str | None = None, known_on: dt.date | None = None
) -> list[Holiday]:
    """The year's national holidays and cuti bersama (and the region's holidays), by date."""
    return WorkingCalendar(region=region, known_on=known_on).holidays(year)


def add_working_days_many(
    starts: Sequence[dt.date],
    ns: Sequence[int] | int,
    *,
    region: str | None = None,
    known_on: dt.date | None = None,
) -> list[dt.date]:
    """``add_working_days`` for many starts at once (one calendar, each year read once)."""
    calendar = WorkingCalendar(region=region, known_on=known_on)
    counts = [ns] * len(starts) if isinstance(ns, int) else list(ns)
    if len(counts) != len(starts):
        raise ValueError("starts and ns must have the same length")
    return [calendar.add(start, n) for start, n in zip(starts, counts, strict=True)]


def working_days_between_many(
    starts: Sequence[dt.date] | dt.date,
    ends: Sequence[dt.date],
    *,
    region: str | None = None,
    known_on: dt.date | None = None,
) -> list[int]:
    """``working_days_between`` for many pairs; ``starts`` may be one date (e.g. today)."""
    calendar = WorkingCalendar(region=region, known_on=known_on)
    firsts = [starts] * len(ends) if isinstance(starts, dt.date) else list(starts)
    if len(firsts) != len(ends):
        raise ValueError("starts and ends must have the same length")
    return [calendar.between(a, b) for a, b in zip(firsts, ends, strict=True)]


# ------------------------------------------------------------------- deadlines


@dataclass(frozen=True)
class Deadline:
    """A deadline with the articles it rests on and how it was counted.

    ``skipped`` lists the holidays that closed a weekday inside the count (weekends are
    not listed). ``lands_on_working_day`` says whether ``date`` is a working day (None
    when a calendar-day deadline falls in a year with no holiday list); when it is not,
    ``next_working_day`` is the first one after it and the deadline needs legal review
    (no rule found says whether such a deadline moves). A count that skipped a regional
    holiday also needs legal review (see ``calendar.regional_holidays.*``).
    """

    date: dt.date
    unit: DayUnit
    n: int
    start: dt.date
    counts_from: CountsFrom
    citations: tuple[str, ...]
    explanation_id: str
    explanation_en: str
    known_on: dt.date | None = None
    region: str | None = None
    skipped: tuple[Holiday, ...] = ()
    lands_on_working_day: bool | None = None
    next_working_day: dt.date | None = None
    needs_legal_review: bool = False
    review_reason: str | None = None
    review_reason_id: str | None = None

    @property
    def explanation(self) -> str:
        return self.explanation_en

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "unit": self.unit.value,
            "n": self.n,
            "start": self.start.isoformat(),
            "counts_from": self.counts_from.value,
            "known_on": self.known_on.isoformat() if self.known_on else None,
            "region": self.region,
            "citations": list(self.citations),
            "explanation_id": self.explanation_id,
            "explanation_en": self.explanation_en,
            "skipped": [holiday.to_dict() for holiday in self.skipped],
            "lands_on_working_day": self.lands_on_working_day,
            "next_working_day": (
                self.next_working_day.isoformat() if self.next_working_day else None
            ),
            "needs_legal_review": self.needs_legal_review,
            "review_reason": self.review_reason,
            "review_reason_id": self.review_reason_id,
        }


def deadline(
    start: dt.date,
    n: int,
    unit: DayUnit | str,
    *,
    counts_from: CountsFrom | str = CountsFrom.NEXT_DAY,
    region: str | None = None,
    known_on: dt.date | None = None,
) -> Deadline:
    """The last day of a period of ``n`` working or calendar days after ``start``.

    NEXT_DAY (default): day 1 is the first (working) day after ``start``. SAME_DAY:
    ``start`` is day 1 (for WORKING, when it is a working day). ``n = 0`` is ``start``.
    Working days raise HolidayListNotSetError when the count reaches a year with no
    list as known on ``known_on``; calendar days never need a list.
    """
    unit = DayUnit(unit)
    counts = CountsFrom(counts_from)
    if n < 0:
        raise ValueError("n must be 0 or more")
    calendar = WorkingCalendar(region=region, known_on=known_on)
    base = start - _ONE_DAY if counts == CountsFrom.SAME_DAY and n > 0 else start
    if unit == DayUnit.WORKING:
        due = calendar.add(base, n)
        skipped = tuple(calendar.closing_holidays(base, due))
    else:
        due = base + dt.timedelta(days=n)
        skipped = ()
    citations: list[str] = []
    lands, following = _landing(calendar, due, citations, strict=unit == DayUnit.WORKING)
    if unit == DayUnit.WORKING and n > 0:
        citations.extend(calendar.citations(base, due))
    citations.extend(holiday.source for holiday in skipped)
    if any(h.kind == HolidayKind.CUTI_BERSAMA for h in skipped):
        citations.append(calendar.policy_citation(due))
    reasons = _review_reasons(start, n, base, due, skipped, lands, following, known_on)
    explanation_id, explanation_en = _explain(start, n, unit, counts, due, skipped, known_on)
    return Deadline(
        date=due,
        unit=unit,
        n=n,
        start=start,
        counts_from=counts,
        citations=tuple(dict.fromkeys(citations)),
        explanation_id=explanation_id,
        explanation_en=explanation_en,
        known_on=known_on,
        region=calendar.region,
        skipped=skipped,
        lands_on_working_day=lands,
        next_working_day=following,
        needs_legal_review=bool(reasons),
        review_reason="; ".join(en for en, _ in reasons) or None,
        review_reason_id="; ".join(id_ for _, id_ in reasons) or None,
    )


def _landing(
    calendar: WorkingCalendar, due: dt.date, citations: list[str], *, strict: bool
) -> tuple[bool | None, dt.date | None]:
    """Is ``due`` a working day, and if not the next one; cites what it read.

    A weekend day is known to be non-working even in a year with no holiday list.
    """
    weekend = False
    try:
        weekend = calendar.is_weekend(due)
        citations.append(calendar.weekend_citation(due))
        lands = calendar.is_working_day(due)
        citations.extend(calendar.citations(due - _ONE_DAY, due))
    except ParameterGapError:
        if strict:
            raise
        if not weekend:
            return None, None
        lands = False
    if lands:
        return True, None
    try:
        return False, calendar.next_working_day(due)
    except ParameterGapError:
        return False, None


def _review_reasons(
    start: dt.date,
    n: int,
    base: dt.date,
    due: dt.date,
    skipped: tuple[Holiday, ...],
    lands: bool | None,
    following: dt.date | None,
    known_on: dt.date | None,
) -> list[tuple[str, str]]:
    reasons: list[tuple[str, str]] = []
    if lands is False:
        then_en = f"; the next working day is {_en(following)}" if following else ""
        then_id = f"; hari kerja berikutnya {_id(following)}" if following else ""
        reasons.append(
            (
                f"the deadline falls on a non-working day ({_en(due)}) and no rule found "
                f"says whether it moves to the next working day{then_en}",
                f"batas waktu jatuh pada hari libur ({_id(due)}) dan tidak ditemukan aturan "
                f"apakah bergeser ke hari kerja berikutnya{then_id}",
            )
        )
    regional = [h for h in skipped if h.kind == HolidayKind.LIBUR_DAERAH]
    if regional:
        without = WorkingCalendar(known_on=known_on).add(base, n)
        days_en = ", ".join(f"{_en(h.date)} ({h.name_en})" for h in regional)
        days_id = ", ".join(f"{_id(h.date)} ({h.name_id})" for h in regional)
        reasons.append(
            (
                f"regional holiday(s) {days_en} were not counted; whether a regional "
                f"holiday or dispensasi closes the office is unverified — without them the "
                f"deadline is {_en(without)}",
                f"libur daerah {days_id} tidak dihitung; belum dipastikan apakah libur atau "
                f"dispensasi daerah menutup kantor — tanpa itu batas waktu {_id(without)}",
            )
        )
    return reasons


def _explain(
    start: dt.date,
    n: int,
    unit: DayUnit,
    counts: CountsFrom,
    due: dt.date,
    skipped: tuple[Holiday, ...],
    known_on: dt.date | None,
) -> tuple[str, str]:
    working = unit == DayUnit.WORKING
    unit_id, unit_en = ("hari kerja", "working days") if working else ("hari", "calendar days")
    if counts == CountsFrom.SAME_DAY:
        rule_id = f"hari pertama adalah {_id(start)}"
        rule_en = f"day 1 is {_en(start)}"
    elif working:
        rule_id = f"hari pertama adalah hari kerja pertama setelah {_id(start)}"
        rule_en = f"day 1 is the first working day after {_en(start)}"
    else:
        rule_id = f"hari pertama adalah hari setelah {_id(start)}"
        rule_en = f"day 1 is the day after {_en(start)}"
    text_id = f"{n} {unit_id} sejak {_id(start)} ({rule_id}): {_id(due)}."
    text_en = f"{n} {unit_en} from {_en(start)} ({rule_en}): {_en(due)}."
    if skipped:
        text_id += (
            " Tidak dihitung selain akhir pekan: "
            + ", ".join(f"{_id(h.date)} ({h.name_id})" for h in skipped)
            + "."
        )
        text_en += (
            " Not counted besides weekends: "
            + ", ".join(f"{_en(h.date)} ({h.name_en})" for h in skipped)
            + "."
        )
    if working:
        text_id += (
            f" Daftar hari libur per {_id(known_on)}."
            if known_on
            else " Daftar hari libur terakhir yang tercatat."
        )
        text_en += (
            f" Holiday lists as known on {_en(known_on)}."
            if known_on
            else " Latest holiday lists recorded."
        )
    return text_id, text_en
