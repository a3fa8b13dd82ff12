"""The selection law as this app asks it: which date stands for a period (docs/law.md "The
selection's date") and the year's formasi types with their labels."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import get_language

from simasn.law import parameters
from simasn.law.enums import FormasiType
from simasn.law.parameters import ParameterGapError


def period_on(*, fiscal_year: int, opens_on: dt.date) -> dt.date:
    """A date inside the period's fiscal year: its opening date when it opens in that year
    (each year's passing-grade decree applies to that year's procurement only)."""
    return opens_on if opens_on.year == fiscal_year else dt.date(fiscal_year, 1, 1)


@dataclass(frozen=True)
class FormasiTypeRow:
    code: str
    label: str
    #: False when the year has no decree kept: the type is a valid code, but its passing
    #: grade is unknown ("perlu kajian hukum / needs legal review").
    in_decree: bool


def formasi_types(fiscal_year: int) -> list[FormasiTypeRow]:
    english = (get_language() or "id").startswith("en")
    try:
        rows = parameters.value("selection.formasi_types", dt.date(fiscal_year, 7, 1))
    except ParameterGapError:
        rows = []
    known = {row["code"]: row["label_en" if english else "label_id"] for row in rows}
    return [FormasiTypeRow(code=t.value, label=known.get(t.value, t.value.replace("_", " ").title()),
                           in_decree=t.value in known) for t in FormasiType
            if t.value in known or not known]


def formasi_label(code: str, fiscal_year: int) -> str:
    return next((row.label for row in formasi_types(fiscal_year) if row.code == code),
                code.replace("_", " ").title())
