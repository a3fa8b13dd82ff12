"""``performance.periods`` — the periodic and annual evaluation periods of a year.

PP 30/2019 Pasal 1 angka 3: performance is planned and assessed each year (parameter
``performance.annual_period``). PermenPANRB 6/2022: evaluation is periodic and annual; the
periodic schemes (monthly, quarterly, half-yearly) are data (``performance.periods``), the
default one ``performance.default_periodic_scheme``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from pydantic import Field

from simasn.law.decision import Decision, Facts
from simasn.law.enums import PeriodicScheme
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup, gap_review, unverified

RULE = "performance.periods"


class PeriodsFacts(Facts):
    year: int = Field(ge=2000, le=2200)
    scheme: PeriodicScheme | None = None


def _dated(entry: dict[str, Any], year: int) -> dict[str, Any]:
    last_day = calendar.monthrange(year, int(entry["last_month"]))[1]
    return {
        "code": entry["code"],
        "label_id": f"{entry['label_id']} {year}",
        "label_en": f"{entry['label_en']} {year}",
        "start": dt.date(year, int(entry["first_month"]), 1),
        "end": dt.date(year, int(entry["last_month"]), last_day),
    }


def periods(facts: PeriodsFacts, on: dt.date) -> Decision:
    """The periods of ``facts.year`` under the scheme asked (or the default one)."""
    lookup = Lookup(on)
    try:
        scheme = facts.scheme or PeriodicScheme(lookup.value("performance.default_periodic_scheme"))
        entries = lookup.value("performance.periods", scheme)
        annual = lookup.value("performance.annual_period")
        citations = [
            lookup.cite("performance.annual_period"),
            lookup.cite("performance.periods", scheme),
        ]
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    dated = [_dated(entry, facts.year) for entry in entries]
    whole = _dated(annual, facts.year)
    return Decision(
        rule=RULE,
        on=on,
        outcome={
            "scheme": scheme,
            "periodic": dated,
            "annual": whole,
            "unverified_parameters": unverified(lookup),
        },
        citations=list(dict.fromkeys(citations)),
        explanation_id=(
            f"Tahun kinerja {facts.year}: evaluasi periodik "
            + ", ".join(f"{p['label_id']} ({p['start']:%d/%m}-{p['end']:%d/%m})" for p in dated)
            + f"; evaluasi tahunan {whole['start']:%d/%m/%Y}-{whole['end']:%d/%m/%Y}."
        ),
        explanation_en=(
            f"Performance year {facts.year}: periodic evaluations "
            + ", ".join(f"{p['label_en']} ({p['start']:%d/%m}-{p['end']:%d/%m})" for p in dated)
            + f"; annual evaluation {whole['start']:%d/%m/%Y}-{whole['end']:%d/%m/%Y}."
        ),
        parameters_used=lookup.records,
    )
