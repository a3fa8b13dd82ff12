"""Dates, times and numbers written one way everywhere (issue 12 item 13).

Templates use the filters of `simasn.web.templatetags.simasn_format` (``tanggal``, ``tgl``,
``waktu``, ``angka``, ``rupiah``); Python code that writes text for people (notifications,
messages, documents) uses these functions. They follow the active language's format module
(`simasn/formats/<lang>/formats.py`): long dates "1 April 1995", short dates "01/04/1995",
times with the zone abbreviation of Indonesian time ("20:40 WIB"), numbers with the
Indonesian grouping and decimal comma.
"""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

from django.utils import formats, timezone

#: Indonesia's three time zones (UU/Keppres 41/1987): the abbreviation people read.
ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def zone_name(zone: Any) -> str:
    key = getattr(zone, "key", None) or str(zone)
    return ZONE_NAMES.get(key, key)


def long_date(value: dt.date | None) -> str:
    """ "1 April 1995" (documents, record pages, messages)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return formats.date_format(value, "DATE_FORMAT")


def short_date(value: dt.date | None) -> str:
    """ "01/04/1995" (tables, forms)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def date_time(value: dt.datetime | None, *, long: bool = False, zone: Any = None) -> str:
    """ "01/12/2026 20:40 WIB" — in the instansi's zone when given, else the server's (WIB)."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value, zone) if zone is not None else timezone.localtime(value)
    name = zone_name(zone if zone is not None else timezone.get_current_timezone())
    text = formats.date_format(value, "DATETIME_FORMAT" if long else "SHORT_DATETIME_FORMAT")
    return f"{text} {name}"


def number(value: Any, decimals: int | None = None) -> str:
    """Grouped, with the language's decimal separator: "1.500.000", "15,6" (Indonesian).
    `decimals=None` keeps the value's own decimals (none for an integer, at most two)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = decimal.Decimal(value)
        except decimal.InvalidOperation:
            return value
    if decimals is None:
        if isinstance(value, int) or (isinstance(value, decimal.Decimal | float) and value == int(value)):
            decimals = 0
        else:
            decimals = 2
            text = formats.number_format(value, decimals, use_l10n=True, force_grouping=True)
            sep = formats.get_format("DECIMAL_SEPARATOR")
            return text.rstrip("0").rstrip(sep) if sep in text else text
    return formats.number_format(value, decimals, use_l10n=True, force_grouping=True)


def rupiah(value: Any) -> str:
    """ "Rp 1.500.000" """
    if value is None or value == "":
        return ""
    return f"Rp {number(value, 0)}"
