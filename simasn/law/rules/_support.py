"""Shared helpers of the rule functions: citations, parameter look-ups, review answers."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Any

from pydantic import BaseModel, field_validator, model_validator

from simasn.law import parameters
from simasn.law.decision import Decision, Facts, used
from simasn.law.parameters import ParameterGapError, Reference, Version

UU_20_2023 = "UU 20/2023"


def pasal(
    article: str | int,
    ayat: str | int | None = None,
    huruf: str | None = None,
    angka: str | int | None = None,
    *,
    penjelasan: bool = False,
    regulation: str = UU_20_2023,
) -> str:
    """``pasal(52, 3, "g")`` → ``"UU 20/2023 Pasal 52 ayat (3) huruf g"``."""
    return Reference(
        regulation=regulation,
        article=str(article),
        ayat=None if ayat is None else str(ayat),
        huruf=huruf,
        angka=None if angka is None else str(angka),
        penjelasan=penjelasan,
    ).cite()


class Lookup:
    """Reads parameters for one decision and remembers which versions it used."""

    def __init__(self, on: dt.date) -> None:
        self.on = on
        self.records: list[dict[str, Any]] = []

    def version(self, name: str, key: str | Enum | None = None) -> Version:
        found = parameters.version(name, self.on)
        record = used(found, key)
        if record not in self.records:
            self.records.append(record)
        return found

    def value(self, name: str, key: str | Enum | None = None) -> Any:
        found = self.version(name, key)
        if key is None:
            return found.value
        return parameters.value(name, self.on, key)

    def cite(self, name: str, key: str | Enum | None = None) -> str:
        return self.version(name, key).reference_for(key).cite()


def review(
    rule: str,
    on: dt.date,
    reason_en: str,
    reason_id: str,
    *,
    citations: list[str] | None = None,
    outcome: dict[str, Any] | None = None,
    lookup: Lookup | None = None,
) -> Decision:
    """A decision that the law (as modelled) does not settle the case."""
    return Decision(
        rule=rule,
        on=on,
        outcome=outcome or {},
        citations=list(citations or []),
        explanation_id=f"Perlu telaah hukum: {reason_id}",
        explanation_en=f"Needs legal review: {reason_en}",
        needs_legal_review=True,
        review_reason=reason_en,
        review_reason_id=reason_id,
        parameters_used=lookup.records if lookup else [],
    )


def law_in_force(lookup: Lookup) -> str | None:
    try:
        return str(lookup.value("asn_law.in_force"))
    except ParameterGapError:
        return None


def require_uu_20_2023(rule: str, lookup: Lookup) -> Decision | None:
    """A review decision when UU 20/2023 was not in force on the date, else None."""
    law = law_in_force(lookup)
    if law == UU_20_2023:
        return None
    period = law or "no ASN law modelled"
    return review(
        rule,
        lookup.on,
        f"this rule is modelled on UU 20/2023, which took effect on 31 October 2023; on "
        f"{lookup.on.isoformat()} the law in force was {period}.",
        f"aturan ini dimodelkan menurut UU 20/2023 yang berlaku sejak 31 Oktober 2023; pada "
        f"{lookup.on.isoformat()} yang berlaku adalah {period}.",
        lookup=lookup,
    )


def gap_review(rule: str, lookup: Lookup, error: ParameterGapError) -> Decision:
    return review(
        rule,
        lookup.on,
        f"the system keeps no value of {error.name!r} in force on {lookup.on.isoformat()}.",
        f"sistem tidak menyimpan nilai {error.name!r} yang berlaku pada {lookup.on.isoformat()}.",
        lookup=lookup,
    )


def fmt_date_id(day: dt.date) -> str:
    months = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ]
    return f"{day.day} {months[day.month - 1]} {day.year}"


def fmt_date_en(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


_REGION = re.compile(r"^\d{2}(\.\d{2}){0,3}$")


def region_code(raw: str | None) -> str | None:
    """A Kemendagri region code such as ``"51"`` or ``"51.71"`` for the calendar (or None).

    Raises ValueError otherwise, for use in a facts model's field validator.
    """
    if raw is None or not raw.strip():
        return None
    code = raw.strip()
    if not _REGION.match(code):
        raise ValueError('a Kemendagri region code such as "51" or "51.71"')
    return code


EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)


def check_date_range(model: BaseModel) -> None:
    """Refuse a date fact outside 1900-2199, so deadline and anniversary arithmetic never
    overflows (the API fuzz sends year 9999). Call from a model validator."""
    for name, value in model:
        if isinstance(value, dt.date) and not EARLIEST_DATE <= value <= LATEST_DATE:
            raise ValueError(
                f"{name}: a date between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}"
            )


def answer(
    rule: str,
    lookup: Lookup,
    outcome: dict[str, Any],
    citations: list[str],
    explanation_id: str,
    explanation_en: str,
    reasons: list[str] | None = None,
    reasons_id: list[str] | None = None,
) -> Decision:
    """A decision with its citations (deduplicated, in order); ``reasons`` (the open legal
    questions, in English, and ``reasons_id`` the same in Indonesian) make it "needs legal
    review" and prefix the explanations."""
    open_points = [reason for reason in dict.fromkeys(reasons or []) if reason]
    open_points_id = [reason for reason in dict.fromkeys(reasons_id or []) if reason]
    if open_points:
        explanation_id = f"Perlu telaah hukum. {explanation_id}"
        explanation_en = f"Needs legal review. {explanation_en}"
    return Decision(
        rule=rule,
        on=lookup.on,
        outcome=outcome,
        citations=list(dict.fromkeys(citations)),
        explanation_id=explanation_id,
        explanation_en=explanation_en,
        needs_legal_review=bool(open_points),
        review_reason="; ".join(open_points) or None,
        review_reason_id=("; ".join(open_points_id) or None) if open_points else None,
        parameters_used=lookup.records,
    )


class CalendarFacts(Facts):
    """Facts counted on the working-day calendar: a ``region`` code (declared by the
    subclass), dates within 1900-2199, a decision received no earlier than its date."""

    @field_validator("region", check_fields=False)
    @classmethod
    def _region(cls, raw: str | None) -> str | None:
        return region_code(raw)

    @model_validator(mode="after")
    def _dates(self) -> CalendarFacts:
        check_date_range(self)
        decided = getattr(self, "decision_date", None)
        received = getattr(self, "decision_received_date", None)
        if decided is not None and received is not None and received < decided:
            raise ValueError("decision_received_date cannot be before decision_date")
        return self


def unverified(lookup: Lookup) -> list[str]:
    """The parameters this decision read whose reference is not yet verified (marked
    ``needs_legal_review`` in their YAML): apps show them next to the answer."""
    return sorted({r["name"] for r in lookup.records if r.get("reference_needs_legal_review")})


def fmt_percent(value: Any, language: str = "id") -> str:
    """``71.43`` → ``"71,4 %"`` (Indonesian) or ``"71.4 %"``; whole numbers without decimals."""
    number = round(float(value), 1)
    text = f"{number:.0f}" if number == int(number) else f"{number:.1f}"
    return (text.replace(".", ",") if language == "id" else text) + " %"
