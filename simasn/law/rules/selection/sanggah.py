"""Sanggah (objection to an announced selection result) and one application per period.

``selection.sanggah_deadline`` — from the last day of an announcement: the last day to file
a sanggah (``selection.sanggah``: 3 calendar days, day 1 the day after the announcement), the
last day for the instansi to re-announce when a sanggah is upheld (7 calendar days after
the window closes), whether a sanggah filed on a given day is in time, and whether the
applicant still has one (one per applicant). PermenPANRB 27/2021; 6/2024. Dates are counted
with :mod:`simasn.law.calendar`.

``selection.application_limit`` — may an applicant submit another application in this
selection period (``selection.applications_per_period``: one)? The app enforces the same
rule with a unique constraint; this rule states it with its citation.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from simasn.law import calendar
from simasn.law.decision import Decision, Facts
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup, fmt_date_en, fmt_date_id, gap_review
from simasn.law.rules.selection._law import APPLICATIONS, SANGGAH

SANGGAH_DEADLINE = "selection.sanggah_deadline"
APPLICATION_LIMIT = "selection.application_limit"


class SanggahFacts(Facts):
    announced_on: dt.date  # the last day of the announcement of the result
    filed_on: dt.date | None = None
    sanggah_already_filed: int = Field(default=0, ge=0)


class ApplicationLimitFacts(Facts):
    applications_in_period: int = Field(ge=0)  # submitted by this applicant in the period


def sanggah_deadline(facts: SanggahFacts, on: dt.date) -> Decision:
    """Sanggah window and re-announcement deadline (PermenPANRB 27/2021; 6/2024)."""
    lookup = Lookup(on)
    try:
        rule = lookup.value(SANGGAH)
    except ParameterGapError as error:
        return gap_review(SANGGAH_DEADLINE, lookup, error)
    window = calendar.deadline(facts.announced_on, int(rule["window_days"]), rule["window_unit"],
                               counts_from="NEXT_DAY")
    answer = calendar.deadline(window.date, int(rule["answer_days"]), rule["answer_unit"],
                               counts_from="NEXT_DAY")
    citations = [lookup.cite(SANGGAH)]
    for period, unit in ((window, rule["window_unit"]), (answer, rule["answer_unit"])):
        if calendar.DayUnit(unit) == calendar.DayUnit.WORKING:  # calendar days read no holiday list
            citations.extend(period.citations)
    outcome: dict[str, object] = {
        "window_opens_on": facts.announced_on + dt.timedelta(days=1),
        "window_ends_on": window.date,
        "reannouncement_due_on": answer.date,
        "window": {"days": rule["window_days"], "unit": rule["window_unit"]},
        "reannouncement": {"days": rule["answer_days"], "unit": rule["answer_unit"]},
        "sanggah_per_applicant": rule["per_applicant"],
    }
    explanation_id = (
        f"Sanggah dapat diajukan {fmt_date_id(facts.announced_on + dt.timedelta(days=1))} s.d. "
        f"{fmt_date_id(window.date)}; pengumuman ulang paling lambat {fmt_date_id(answer.date)}."
    )
    explanation_en = (
        f"A sanggah may be filed from {fmt_date_en(facts.announced_on + dt.timedelta(days=1))} to "
        f"{fmt_date_en(window.date)}; re-announcement by {fmt_date_en(answer.date)}."
    )
    if facts.filed_on is not None:
        early = facts.filed_on <= facts.announced_on
        late = facts.filed_on > window.date
        used_up = facts.sanggah_already_filed >= int(rule["per_applicant"])
        outcome["admissible"] = not (early or late or used_up)
        outcome["refusal"] = ("BEFORE_ANNOUNCEMENT" if early else "LATE" if late
                              else "ALREADY_FILED" if used_up else None)
        if outcome["admissible"]:
            explanation_id += f" Sanggah tanggal {fmt_date_id(facts.filed_on)} tepat waktu."
            explanation_en += f" The sanggah of {fmt_date_en(facts.filed_on)} is in time."
        elif late:
            explanation_id += f" Sanggah tanggal {fmt_date_id(facts.filed_on)} terlambat."
            explanation_en += f" The sanggah of {fmt_date_en(facts.filed_on)} is late."
        elif early:
            explanation_id += " Sanggah diajukan sebelum masa sanggah dibuka."
            explanation_en += " The sanggah was filed before the window opened."
        else:
            explanation_id += f" Pelamar sudah menggunakan {rule['per_applicant']} kali kesempatan sanggah."
            explanation_en += f" The applicant has already used the {rule['per_applicant']} sanggah allowed."
    return Decision(
        rule=SANGGAH_DEADLINE, on=on, outcome=outcome, citations=list(dict.fromkeys(citations)),
        explanation_id=explanation_id, explanation_en=explanation_en,
        parameters_used=lookup.records,
    )


def application_limit(facts: ApplicationLimitFacts, on: dt.date) -> Decision:
    """One application per applicant per selection period (PermenPANRB 27/2021; 6/2024)."""
    lookup = Lookup(on)
    try:
        limit = int(lookup.value(APPLICATIONS))
    except ParameterGapError as error:
        return gap_review(APPLICATION_LIMIT, lookup, error)
    allowed = facts.applications_in_period < limit
    return Decision(
        rule=APPLICATION_LIMIT, on=on,
        outcome={"may_apply": allowed, "limit": limit},
        citations=[lookup.cite(APPLICATIONS)],
        explanation_id=(f"Pelamar {'masih dapat' if allowed else 'tidak dapat lagi'} melamar: paling "
                        f"banyak {limit} lamaran dalam satu periode seleksi."),
        explanation_en=(f"The applicant {'may' if allowed else 'may no longer'} apply: at most "
                        f"{limit} application(s) in one selection period."),
        parameters_used=lookup.records,
    )
