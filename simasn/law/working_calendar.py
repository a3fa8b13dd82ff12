"""The engine of the working-day calendar: the lists, one region and one date at a time.

Apps call :mod:`simasn.law.calendar` (the interface, the counting convention, deadlines);
this module holds :class:`WorkingCalendar`, which reads the dated lists
(``calendar.holidays.<year>``, ``calendar.regional_holidays.<code>.<year>``,
``calendar.weekend_days``, ``calendar.cuti_bersama_non_working``) once per year and
answers look-ups by bisection over the year's working days.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from simasn.law import parameters
from simasn.law.enums import HolidayKind
from simasn.law.parameters import ParameterGapError, UnknownParameterError, Version

_MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
              "Oktober", "November", "Desember")

__all__ = ["Holiday", "HolidayListNotSetError", "WorkingCalendar", "region_codes"]

HOLIDAYS = "calendar.holidays.{year}"
REGIONAL_HOLIDAYS = "calendar.regional_holidays.{region}.{year}"
WEEKEND = "calendar.weekend_days"
CUTI_BERSAMA_POLICY = "calendar.cuti_bersama_non_working"

_WEEKDAYS = {
    "MONDAY": 1,
    "TUESDAY": 2,
    "WEDNESDAY": 3,
    "THURSDAY": 4,
    "FRIDAY": 5,
    "SATURDAY": 6,
    "SUNDAY": 7,
}
_ONE_DAY = dt.timedelta(days=1)


class HolidayListNotSetError(ParameterGapError):
    """No national holiday list of ``year`` is recorded (as known on ``known_on``).

    A ``ParameterGapError`` (name ``calendar.holidays.<year>``): the law does not let
    SIMASN count working days in that year yet. ``message_id`` is the Indonesian text.
    """

    def __init__(self, year: int, known_on: dt.date | None) -> None:
        self.year = year
        self.known_on = known_on
        self.name = HOLIDAYS.format(year=year)
        self.on = known_on or dt.date(year, 1, 1)
        when_en = f" as known on {known_on.isoformat()}" if known_on else ""
        when_id = f" per {known_on.isoformat()}" if known_on else ""
        self.message_id = (
            f"perlu telaah hukum: daftar hari libur nasional dan cuti bersama tahun {year} "
            f"belum ditetapkan{when_id}"
        )
        # The open question alone (a decision adds its own "needs legal review"), dates long.
        self.reason_en = f"the holiday list for {year} is not yet set" + (
            f" as known on {known_on.day} {known_on.strftime('%B')} {known_on.year}" if known_on else "")
        self.reason_id = f"daftar hari libur nasional dan cuti bersama tahun {year} belum ditetapkan" + (
            f" per {known_on.day} {_MONTHS_ID[known_on.month - 1]} {known_on.year}" if known_on else "")
        LookupError.__init__(
            self,
            f"needs legal review: holiday list for {year} not yet set{when_en}",
        )

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Holiday:
    """A non-working day of a list: national holiday, cuti bersama or regional holiday."""

    date: dt.date
    name_id: str
    name_en: str
    kind: HolidayKind
    source: str  # the citation of the act that set the day
    region: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "name_id": self.name_id,
            "name_en": self.name_en,
            "kind": self.kind.value,
            "source": self.source,
            "region": self.region,
        }


def region_codes(region: str | None) -> tuple[str, ...]:
    """The codes whose regional holidays apply: the province first, then the region.

    Codes are Kemendagri kode wilayah as strings: "51" (Provinsi Bali), "51.71" (Kota
    Denpasar). A kabupaten/kota code also picks up its province's holidays.
    """
    if region is None or not region.strip():
        return ()
    code = region.strip()
    province = code.split(".", 1)[0]
    return (province,) if province == code else (province, code)


@dataclass(frozen=True)
class _Year:
    holidays: tuple[Holiday, ...]
    non_working: dict[dt.date, tuple[Holiday, ...]]  # weekday holidays that close offices
    working: list[int]  # ordinals of the working days, ascending
    working_set: frozenset[int]
    citations: tuple[str, ...]  # the list versions used (national, then regional)
    versions: tuple[Version, ...]


class _Periods:
    """A parameter's versions resolved by day without a store look-up per day."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.history = parameters.history(name)
        self.starts = [version.start for version in self.history]

    def version(self, day: dt.date) -> Version:
        position = bisect.bisect_right(self.starts, day) - 1
        found = self.history[position] if position >= 0 else None
        if found is None or (found.end is not None and day > found.end):
            raise ParameterGapError(self.name, day, "no version in force")
        return found


class WorkingCalendar:
    """The working days of one region as known on one date; years load on demand.

    Build one and reuse it for many look-ups (a dashboard of open cases): each year's
    list is read once. ``region=None`` ignores regional holidays; ``known_on=None``
    reads the latest version of each list.
    """

    def __init__(self, *, region: str | None = None, known_on: dt.date | None = None) -> None:
        if known_on is not None and (
            not isinstance(known_on, dt.date) or isinstance(known_on, dt.datetime)
        ):
            raise TypeError("known_on must be a datetime.date or None")
        self.region = region.strip() if region and region.strip() else None
        self.known_on = known_on
        self._years: dict[int, _Year] = {}
        self._weekend: _Periods | None = None
        self._cuti_bersama: _Periods | None = None
        self._weekday_sets: dict[dt.date, frozenset[int]] = {}

    # ------------------------------------------------------------------ lists

    def _list_version(self, name: str) -> Version | None:
        """The version of ``name`` known on ``known_on`` (latest if None), None if none."""
        try:
            history = parameters.history(name)
        except UnknownParameterError:
            return None
        if not history:
            return None
        if self.known_on is None:
            return history[-1]
        try:
            return parameters.version(name, self.known_on)
        except ParameterGapError:
            return None

    def _entries(
        self, version: Version, kind: HolidayKind | None, region: str | None
    ) -> Iterator[Holiday]:
        default_source = version.reference.cite()
        for entry in version.value:
            yield Holiday(
                date=entry["date"],
                name_id=str(entry["name_id"]),
                name_en=str(entry["name_en"]),
                kind=kind or HolidayKind(entry["kind"]),
                source=str(entry.get("source") or default_source),
                region=region,
            )

    def year(self, year: int) -> _Year:
        """The year's holidays and working days; raises HolidayListNotSetError."""
        found = self._years.get(year)
        if found is None:
            found = self._years[year] = self._build(year)
        return found

    def _build(self, year: int) -> _Year:
        national = self._list_version(HOLIDAYS.format(year=year))
        if national is None:
            raise HolidayListNotSetError(year, self.known_on)
        versions = [national]
        entries = list(self._entries(national, None, None))
        for code in region_codes(self.region):
            regional = self._list_version(REGIONAL_HOLIDAYS.format(region=code, year=year))
            if regional is not None:
                versions.append(regional)
                entries.extend(self._entries(regional, HolidayKind.LIBUR_DAERAH, code))
        entries.sort(key=lambda h: (h.date, h.kind.value))
        by_date: dict[dt.date, list[Holiday]] = {}
        for holiday in entries:
            if holiday.date.year != year:
                raise ValueError(f"{holiday.date} is listed among the holidays of {year}")
            by_date.setdefault(holiday.date, []).append(holiday)
        non_working: dict[dt.date, tuple[Holiday, ...]] = {}
        working: list[int] = []
        day = dt.date(year, 1, 1)
        while day.year == year:
            closing = tuple(h for h in by_date.get(day, ()) if self._closes(h, day))
            if self.is_weekend(day):
                pass
            elif closing:
                non_working[day] = closing
            else:
                working.append(day.toordinal())
            day += _ONE_DAY
        citations = tuple(dict.fromkeys(v.reference.cite() for v in versions))
        return _Year(
            tuple(entries), non_working, working, frozenset(working), citations, tuple(versions)
        )

    def _closes(self, holiday: Holiday, day: dt.date) -> bool:
        if holiday.kind == HolidayKind.CUTI_BERSAMA:
            return bool(self._policy().version(day).value)
        return True

    def _policy(self) -> _Periods:
        if self._cuti_bersama is None:
            self._cuti_bersama = _Periods(CUTI_BERSAMA_POLICY)
        return self._cuti_bersama

    def _weekend_periods(self) -> _Periods:
        if self._weekend is None:
            self._weekend = _Periods(WEEKEND)
        return self._weekend

    # ---------------------------------------------------------------- queries

    def is_weekend(self, day: dt.date) -> bool:
        version = self._weekend_periods().version(day)
        days = self._weekday_sets.get(version.start)
        if days is None:
            days = frozenset(_WEEKDAYS[str(name)] for name in version.value)
            self._weekday_sets[version.start] = days
        return day.isoweekday() in days

    def is_working_day(self, day: dt.date) -> bool:
        return day.toordinal() in self.year(day.year).working_set

    def holidays(self, year: int) -> list[Holiday]:
        return list(self.year(year).holidays)

    def closing_holidays(self, start: dt.date, end: dt.date) -> list[Holiday]:
        """Holidays that made a weekday in (start, end] a non-working day."""
        found: list[Holiday] = []
        for year in range((start + _ONE_DAY).year, end.year + 1):
            for day, closing in self.year(year).non_working.items():
                if start < day <= end:
                    found.extend(closing)
        return found

    def citations(self, start: dt.date, end: dt.date) -> list[str]:
        """The list versions read for the years of (start, end]."""
        cites: list[str] = []
        for year in range((start + _ONE_DAY).year, end.year + 1):
            cites.extend(self.year(year).citations)
        return list(dict.fromkeys(cites))

    def add(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start`` (``start`` itself for n = 0)."""
        if n < 0:
            raise ValueError("n must be 0 or more")
        if n == 0:
            return start
        ordinal = start.toordinal()
        year = (start + _ONE_DAY).year
        counted = 0
        while True:
            days = self.year(year).working
            position = bisect.bisect_right(days, ordinal)
            available = len(days) - position
            if counted + available >= n:
                return dt.date.fromordinal(days[position + (n - counted) - 1])
            counted += available
            year += 1

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative (-(end, start]) when end < start."""
        if end < start:
            return -self.between(end, start)
        first, last = start.toordinal(), end.toordinal()
        total = 0
        for year in range((start + _ONE_DAY).year, end.year + 1):
            days = self.year(year).working
            total += bisect.bisect_right(days, last) - bisect.bisect_right(days, first)
        return total

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` if it is a working day, else the first working day after it."""
        return day if self.is_working_day(day) else self.add(day, 1)

    def weekend_citation(self, day: dt.date) -> str:
        return self._weekend_periods().version(day).reference.cite()

    def policy_citation(self, day: dt.date) -> str:
        return self._policy().version(day).reference.cite()
