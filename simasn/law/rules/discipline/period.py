"""discipline.penalty_period — when a penalty takes effect, when it is served.

A penalty decision takes effect on the 15th day after the PNS receives it (parameter
``discipline.penalty_takes_effect``: PP 94/2021 says "hari ke-15", the BKN
implementing regulation is reported to say "hari kerja ke-15" — both are counted on
:mod:`simasn.law.calendar`, and the rule asks for legal review when they differ on the
answer). A contested penalty takes effect as the decision on the remedy says. It runs
for its months (``discipline.penalties``: 6, 9 or 12; a reprimand is done when it takes
effect; a dismissal does not end) and counts as served the day after its last day.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
from typing import Any

from simasn.law import calendar
from simasn.law.decision import Decision
from simasn.law.enums import DayUnit, DisciplinePenalty
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import (
    CalendarFacts,
    Lookup,
    answer,
    fmt_date_en,
    fmt_date_id,
    gap_review,
    review,
)
from simasn.law.rules.discipline._common import require_pp_94_2021

RULE = "discipline.penalty_period"


class PenaltyPeriodFacts(CalendarFacts):
    penalty: DisciplinePenalty
    decision_received_date: dt.date
    contested: bool = False
    region: str | None = None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months; the last day of a shorter month when the day is missing."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(day.day, month_calendar.monthrange(year, month)[1]))


def _status(on: dt.date, effective: dt.date, served_on: dt.date | None) -> str:
    if on < effective:
        return "NOT_YET_EFFECTIVE"
    if served_on is None or on < served_on:
        return "RUNNING"
    return "SERVED"


def penalty_period(facts: PenaltyPeriodFacts, on: dt.date) -> Decision:
    """Effective date, last day and status of a penalty — PP 94/2021."""
    lookup = Lookup(on)
    blocked = require_pp_94_2021(RULE, lookup)
    if blocked:
        return blocked
    try:
        item = lookup.value("discipline.penalties", facts.penalty)
        penalty_citation = lookup.cite("discipline.penalties", facts.penalty)
        rule = lookup.value("discipline.penalty_takes_effect")
        rule_citation = lookup.cite("discipline.penalty_takes_effect")
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    months = item["months"]
    citations = [rule_citation, penalty_citation]
    if facts.contested:
        return Decision(
            rule=RULE,
            on=on,
            outcome={"effective_date": None, "last_day": None, "served_on": None,
                     "status": "AWAITING_REMEDY", "months": months, "readings": []},
            citations=citations,
            explanation_id="Hukuman yang diajukan upaya administratif berlaku sesuai keputusan atas upaya itu.",
            explanation_en="A contested penalty takes effect as the decision on the remedy says.",
            parameters_used=lookup.records,
        )
    readings: list[dict[str, Any]] = []
    for reading in rule["readings"]:
        unit = DayUnit(reading["unit"])
        try:
            due = calendar.deadline(
                facts.decision_received_date, int(rule["n"]), unit, region=facts.region, known_on=on
            )
        except calendar.HolidayListNotSetError as error:
            return review(RULE, on, str(error), error.message_id, citations=citations, lookup=lookup)
        effective = due.date
        citations.extend(due.citations)
        if months is None:
            last_day, served_on = None, None
        elif months == 0:
            last_day, served_on = effective, effective
        else:
            served_on = add_months(effective, months)
            last_day = served_on - dt.timedelta(days=1)
        readings.append(
            {"unit": unit, "source": reading["source"], "effective_date": effective,
             "last_day": last_day, "served_on": served_on,
             "status": _status(on, effective, served_on)}
        )
    first = readings[0]
    agree = all(r["status"] == first["status"] for r in readings)
    same = all(r["effective_date"] == first["effective_date"] for r in readings)
    outcome: dict[str, Any] = {
        "months": months,
        "effective_date": first["effective_date"] if same else None,
        "last_day": first["last_day"] if same else None,
        "served_on": first["served_on"] if same else None,
        "status": first["status"] if agree else None,
        "readings": readings,
    }
    parts_id = "; ".join(
        f"{'hari kerja' if r['unit'] == DayUnit.WORKING else 'hari'} ke-{rule['n']}: berlaku "
        f"{fmt_date_id(r['effective_date'])}" for r in readings)
    parts_en = "; ".join(
        f"{rule['n']}th {'working ' if r['unit'] == DayUnit.WORKING else ''}day: effective "
        f"{fmt_date_en(r['effective_date'])}" for r in readings)
    explanation_id = f"Hukuman berlaku pada hari ke-{rule['n']} sejak diterima ({parts_id})."
    explanation_en = f"The penalty takes effect on the {rule['n']}th day after receipt ({parts_en})."
    reasons = [] if agree else [
        f"PP 94/2021 (hari ke-{rule['n']}) and the BKN regulation (hari kerja ke-{rule['n']}) "
        f"give different effective dates, and on {on.isoformat()} the penalty's status "
        f"differs between them"
    ]
    return answer(RULE, lookup, outcome, citations, explanation_id, explanation_en, reasons)
