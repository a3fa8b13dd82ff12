"""The national planning calendar (PP 17/2017, PP 90/2010) as the schedule check of
PermenRK Pasal 3: synchronization happens before the planning and budgeting stages."""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass
from typing import Any

from simasn.law import parameters

#: The first calendar stage a synchronized Renja feeds. Earlier milestones (the
#: President's priorities) are inputs of the synchronization, not stages it precedes.
#: This reading of Pasal 3 is an engineering choice pending legal review.
FIRST_FED_MILESTONE = "PAGU_INDIKATIF"


@dataclass(frozen=True)
class Milestone:
    code: str
    label_id: str
    label_en: str
    on: dt.date
    citation: str


def milestones(*, budget_year: int, on: dt.date) -> list[Milestone]:
    """Milestones of the national cycle that prepares ``budget_year``'s budget (they fall in
    the year before), as the calendar in force on ``on`` sets them."""
    version = parameters.version("planning.national_calendar", on)
    year = budget_year - 1
    found = []
    for item in version.value:
        month = int(item["month"])
        if item.get("whole_month"):
            day = 1
        elif item.get("day"):
            day = int(item["day"])
        else:
            day = _cal.monthrange(year, month)[1]
        found.append(Milestone(item["code"], item["label_id"], item["label_en"], dt.date(year, month, day),
                               _cite(version.reference)))
    return found


def _cite(reference: Any) -> str:
    cite = getattr(reference, "cite", None)
    return cite() if callable(cite) else str(getattr(reference, "regulation", "PP 17/2017"))


def late_milestones(*, year_start: int, ends_on: dt.date, on: dt.date) -> list[dict[str, str]]:
    """Milestones the schedule runs past: a cycle ending after them is late (Pasal 3)."""
    result = []
    fed = False
    for milestone in milestones(budget_year=year_start, on=on):
        fed = fed or milestone.code == FIRST_FED_MILESTONE
        if fed and ends_on > milestone.on:
            result.append({"code": milestone.code, "label_id": milestone.label_id,
                           "label_en": milestone.label_en, "date": milestone.on.isoformat(),
                           "citation": milestone.citation})
    return result
