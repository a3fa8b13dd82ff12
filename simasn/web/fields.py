"""Form fields for numbers as Indonesians write them (issue 12 item 6).

A budget is typed "1.500.000.000" (dots group thousands) or "Rp 1.500.000.000"; a target
"12,5" (comma for decimals). `<input type=number>` refuses both, so these fields use a
text input with a numeric keyboard (`inputmode`) and parse the Indonesian way; app.js
groups the digits while the user types (`data-number="grouped"`).
"""

from __future__ import annotations

import decimal
import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from simasn.web.formatting import number

_SPACES = re.compile(r"[\s\u00a0]")


def parse_grouped_integer(text: str) -> int:
    """ "Rp 1.500.000.000" -> 1500000000; raises ValueError for anything else."""
    compact = _SPACES.sub("", text)
    if compact[:2].lower() == "rp":
        compact = compact[2:]
    if re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+", compact) or re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+", compact):
        return int(compact.replace(".", "").replace(",", ""))
    if re.fullmatch(r"[0-9]+", compact):
        return int(compact)
    raise ValueError(text)


def parse_decimal(text: str) -> decimal.Decimal:
    """ "1.234,5" or "12,5" or "12.5" -> Decimal; a comma is the decimal separator, dots group."""
    compact = _SPACES.sub("", text)
    if "," in compact:
        if not re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})*,[0-9]+|[0-9]+,[0-9]+", compact):
            raise ValueError(text)
        compact = compact.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3}){2,}", compact):
        compact = compact.replace(".", "")  # 1.500.000: only grouping, no decimals
    if not re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", compact):
        raise ValueError(text)
    return decimal.Decimal(compact)


class GroupedNumberInput(forms.TextInput):
    def __init__(self, attrs: dict[str, Any] | None = None, *, decimals: bool = False) -> None:
        base = {"inputmode": "decimal" if decimals else "numeric", "autocomplete": "off"}
        if not decimals:
            base["data-number"] = "grouped"
        super().__init__(attrs={**base, **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if value in (None, ""):
            return None
        if isinstance(value, str):
            return value
        return number(value)


class RupiahField(forms.IntegerField):
    """Whole rupiah, typed with or without grouping dots ("1.500.000.000")."""

    default_error_messages = {"invalid": _("Tulis jumlah rupiah dengan angka, boleh dengan titik pemisah ribuan "
                                           "(contoh 1.500.000.000).")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", GroupedNumberInput())
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        try:
            return parse_grouped_integer(str(value))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class IndonesianDecimalField(forms.DecimalField):
    """A decimal typed with the Indonesian comma ("12,5"; "1.234,5")."""

    default_error_messages = {"invalid": _("Tulis angka dengan koma untuk desimal (contoh 12,5).")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", GroupedNumberInput(decimals=True))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> decimal.Decimal | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        if isinstance(value, decimal.Decimal):
            return value
        try:
            return parse_decimal(str(value))
        except (ValueError, decimal.InvalidOperation):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class DateInput(forms.DateInput):
    """The browser's date picker. Its value is always ISO (yyyy-mm-dd), whatever the
    language's display format (dd/mm/yyyy): a localized value in a type=date input is
    read as empty, and the first submit then fails."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("format", "%Y-%m-%d")
        super().__init__(attrs={"title": _("Tanggal (hh/bb/tttt)"), **(attrs or {})}, **kwargs)
