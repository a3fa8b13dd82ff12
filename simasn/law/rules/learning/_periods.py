"""The year a JP rule counts over: the calendar year (PNS) or the contract year (PPPK)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal


def anniversary(start: dt.date, years: int) -> dt.date:
    """``start`` moved ``years`` years on; a 29 February start falls on 1 March in a common
    year (the contract year then still lasts one calendar year)."""
    year = start.year + years
    if year > dt.MAXYEAR:  # a decision date near the end of the calendar
        return dt.date.max
    try:
        return start.replace(year=year)
    except ValueError:
        return dt.date(year, 3, 1)


def contract_year(
    start: dt.date, day: dt.date, end: dt.date | None = None
) -> tuple[int, dt.date, dt.date]:
    """(number from 1, first day, last day) of the contract year of a contract starting on
    ``start`` that contains ``day`` (``day`` >= ``start``); the last year stops at ``end``."""
    if end is not None and day > end:
        day = end
    years = day.year - start.year
    if anniversary(start, years) > day:
        years -= 1
    first = anniversary(start, years)
    last = anniversary(start, years + 1) - dt.timedelta(days=1)
    if end is not None and last > end:
        last = end
    return years + 1, first, last


def hundredths(jp: float | Decimal | int) -> int:
    """JP counted in hundredths (exact sums; the column form counts the same way)."""
    return int(Decimal(str(jp)).scaleb(2).quantize(Decimal(1), rounding=ROUND_HALF_UP))
