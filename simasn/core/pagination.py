"""A paginator that does not count 100,000 matches to show 25 of them.

Counting every match of a broad national search ("Ratna": 116,000 employees) costs as
much as the page itself at 4.3 M rows (bench/README.md). Above
``SIMASN_ESTIMATE_COUNT_ABOVE`` matches (default 10,000) the list shows PostgreSQL's
planner estimate, rounded and marked "sekitar" (about); below it, and always on SQLite,
the count is exact. The rows shown are always exact — only the total is estimated.
"""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet


def planner_rows(queryset: QuerySet[Any]) -> int | None:
    """PostgreSQL's estimate of the rows `queryset` returns (None elsewhere)."""
    if connections[queryset.db].vendor != "postgresql":
        return None
    plan = json.loads(queryset.order_by().explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


def round_estimate(value: int) -> int:
    """Two significant figures: an estimate should not look exact."""
    if value < 100:
        return value
    magnitude = 10 ** (len(str(value)) - 2)
    return round(value / magnitude) * magnitude


class EstimatingPaginator(Paginator):
    estimated = False

    @cached_property
    def count(self) -> int:
        threshold = getattr(settings, "SIMASN_ESTIMATE_COUNT_ABOVE", 10_000)
        if threshold and isinstance(self.object_list, QuerySet):
            estimate = planner_rows(self.object_list)
            if estimate is not None and estimate >= threshold:
                self.estimated = True
                return round_estimate(estimate)
        return super().count
