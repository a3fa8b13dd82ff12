"""Template filters for writing dates and numbers one way (simasn.web.formatting).

``{{ d|tanggal }}`` 1 April 1995 · ``{{ d|tgl }}`` 01/04/1995 · ``{{ t|waktu }}`` 01/12/2026 20:40 WIB ·
``{{ t|waktu_panjang }}`` 1 Desember 2026 20:40 WIB · ``{{ x|angka }}`` 15,6 · ``{{ x|angka:2 }}`` 12,00 ·
``{{ x|rupiah }}`` Rp 1.500.000
"""

from __future__ import annotations

from typing import Any

from django import template

from simasn.web import formatting

register = template.Library()


@register.filter
def tanggal(value: Any) -> str:
    return formatting.long_date(value) if value else ""


@register.filter
def tgl(value: Any) -> str:
    return formatting.short_date(value) if value else ""


@register.filter
def waktu(value: Any) -> str:
    return formatting.date_time(value) if value else ""


@register.filter
def waktu_panjang(value: Any) -> str:
    return formatting.date_time(value, long=True) if value else ""


@register.filter
def angka(value: Any, decimals: Any = None) -> str:
    return formatting.number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def rupiah(value: Any) -> str:
    return formatting.rupiah(value)


@register.filter
def pilihan(value: Any, choices: Any) -> str:
    """The name of a code among a field's ``(code, name)`` choices — never the bare code when a name exists."""
    return str(dict(choices or ()).get(value, value))
