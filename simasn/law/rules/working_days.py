"""Working-day arithmetic — the deadline of a period of N working or calendar days.

Every deadline in SIMASN (keberatan and banding, sanggah, service levels) is counted by
:mod:`simasn.law.calendar`; this rule makes that count evaluable through ``simasn law
evaluate working_days`` and ``POST /api/v1/law/evaluate``:

- weekly days off: Perpres 21/2023 Pasal 3 (five working days, Monday to Friday);
- national holidays and cuti bersama: the SKB 3 Menteri of each year and its
  revisions, and Keppres adding a national holiday (``calendar.holidays.<year>``);
- cuti bersama are not working days (Perpres 21/2023 Pasal 6 and the yearly Keppres on
  cuti bersama of Pegawai ASN; the default is flagged for legal review in its YAML);
- regional holidays only when a ``region`` is given, and then the deadline needs review.

Day 1 is the first (working) day after ``start`` unless ``counts_from`` is SAME_DAY.
The holiday lists used are those known on ``known_on``, or on the decision date ``on``
when ``known_on`` is not given. A year with no list gives "needs legal review".
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator, model_validator

from simasn.law import calendar, parameters
from simasn.law.decision import Decision, Facts
from simasn.law.enums import CountsFrom, DayUnit, HolidayKind
from simasn.law.parameters import ParameterGapError, Version
from simasn.law.rules._support import Lookup, gap_review, region_code, review

RULE = "working_days"


class WorkingDaysFacts(Facts):
    start: dt.date
    n: int = Field(ge=0, le=3660)
    unit: DayUnit
    region: str | None = None
    known_on: dt.date | None = None
    counts_from: CountsFrom = CountsFrom.NEXT_DAY

    @field_validator("region")
    @classmethod
    def _region_code(cls, raw: str | None) -> str | None:
        return region_code(raw)

    @model_validator(mode="after")
    def _within_the_calendar(self) -> WorkingDaysFacts:
        try:
            self.start - dt.timedelta(days=1)
            self.start + dt.timedelta(days=self.n + 1)
        except OverflowError:
            raise ValueError("start and n reach beyond the dates a calendar can hold") from None
        return self


def working_days(facts: WorkingDaysFacts, on: dt.date) -> Decision:
    """The deadline of ``n`` working or calendar days after ``start`` with its sources."""
    known_on = facts.known_on or on
    try:
        found = calendar.deadline(
            facts.start,
            facts.n,
            facts.unit,
            counts_from=facts.counts_from,
            region=facts.region,
            known_on=known_on,
        )
    except calendar.HolidayListNotSetError as error:
        return review(
            RULE,
            on,
            f"the holiday list for {error.year} is not yet set as known on "
            f"{known_on.isoformat()}; SIMASN does not count working days in it.",
            f"daftar hari libur nasional dan cuti bersama tahun {error.year} belum ditetapkan "
            f"per {known_on.isoformat()}; SIMASN tidak menghitung hari kerja pada tahun itu.",
            outcome={"deadline": None, "missing_year": error.year, "known_on": known_on},
        )
    except ParameterGapError as error:
        return gap_review(RULE, Lookup(on), error)
    outcome = {
        "deadline": found.date,
        "start": found.start,
        "n": found.n,
        "unit": found.unit,
        "counts_from": found.counts_from,
        "known_on": known_on,
        "region": found.region,
        "lands_on_working_day": found.lands_on_working_day,
        "next_working_day": found.next_working_day,
        "skipped": [holiday.to_dict() for holiday in found.skipped],
    }
    explanation_id, explanation_en = found.explanation_id, found.explanation_en
    if found.needs_legal_review:
        explanation_id = f"{explanation_id} Perlu telaah hukum: {found.review_reason_id}."
        explanation_en = f"{explanation_en} Needs legal review: {found.review_reason}."
    return Decision(
        rule=RULE,
        on=on,
        outcome=outcome,
        citations=list(found.citations),
        explanation_id=explanation_id,
        explanation_en=explanation_en,
        needs_legal_review=found.needs_legal_review,
        review_reason=found.review_reason,
        parameters_used=_parameters_used(found, known_on),
    )


def _parameters_used(found: calendar.Deadline, known_on: dt.date) -> list[dict[str, object]]:
    """The list versions the count read, for the audit trail."""
    versions: list[Version] = [parameters.version(calendar.WEEKEND, found.date)]
    if any(holiday.kind == HolidayKind.CUTI_BERSAMA for holiday in found.skipped):
        versions.append(parameters.version(calendar.CUTI_BERSAMA_POLICY, found.date))
    reader = calendar.WorkingCalendar(region=found.region, known_on=known_on)
    for year in range(found.start.year, found.date.year + 1):
        try:
            versions.extend(reader.year(year).versions)
        except ParameterGapError:
            continue
    records: list[dict[str, object]] = []
    for version in versions:
        record: dict[str, object] = {
            "name": version.name,
            "from": version.start,
            "citation": version.reference.cite(),
            "source": version.source,
        }
        if version.reference.needs_legal_review:
            record["reference_needs_legal_review"] = True
        records.append(record)
    return records
