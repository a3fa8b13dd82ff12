"""Masking of sensitive personal data in lists and exports (UU 27/2022)."""

from __future__ import annotations

from typing import Any

from simasn.personnel.models import SENSITIVE_FIELDS

MASK = "••••"


def mask_nik(nik: str) -> str:
    """The region prefix and the last two digits of a well-formed NIK; a value too short
    to keep anything hidden is masked whole (never shown as an invented number)."""
    if not nik:
        return ""
    if len(nik) < 12:
        return "•" * len(nik)
    return nik[:4] + "•" * (len(nik) - 6) + nik[-2:]


def masked(field: str, value: Any) -> str:
    if field not in SENSITIVE_FIELDS or value in (None, ""):
        return "" if value is None else str(value)
    if field == "nik":
        return mask_nik(str(value))
    return MASK
