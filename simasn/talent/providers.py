"""Facts the talent chapter offers other chapters (simasn.core.providers): the latest
assessed competence of employees, which the development plan sets against the position's
standard (issue 16 item 8). No access check here: the caller scopes the employees."""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.law.enums import TalentComponent
from simasn.talent.models import TalentAssessment


def latest_competence(*, employee_ids: list[int], on: dt.date) -> dict[int, dict[str, Any]]:
    """`{employee_id: {"score", "assessed_on", "source", "reference"}}`: the latest
    competence (kompetensi) assessment dated on or before `on`; an employee without one is
    absent (unknown, not zero)."""
    found: dict[int, dict[str, Any]] = {}
    rows = (TalentAssessment.objects.filter(employee_id__in=list(employee_ids), assessed_on__lte=on,
                                            component=TalentComponent.KOMPETENSI.value)
            .order_by("employee_id", "assessed_on", "pk"))
    for row in rows:  # the last one stands
        found[row.employee_id] = {"score": float(row.score), "assessed_on": row.assessed_on, "source": row.source,
                                  "reference": row.reference}
    return found
