"""A paginator that does not spend a second counting 100,000 matches to show 25 of them.

On PostgreSQL the list's total is counted exactly under a short statement timeout
(``SIMASN_EXACT_COUNT_TIMEOUT_MS``, default 250 ms). Only when counting takes longer — a
national search for a very common name on a register not stored in name order — the list
shows PostgreSQL's planner estimate instead, rounded and marked "sekitar" (about). SQLite
always counts. The rows shown are always exact; only the total may be estimated.
"""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.paginator import EmptyPage, Page, Paginator
from django.db import OperationalError, connections, transaction
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


def _canceled(error: OperationalError) -> bool:
    # Imported on first use: the PostgreSQL driver is loaded only where PostgreSQL is used.
    import psycopg

    return isinstance(error.__cause__, psycopg.errors.QueryCanceled)


def count_within(queryset: QuerySet[Any], milliseconds: int) -> int | None:
    """The exact count, or None when PostgreSQL needs longer than `milliseconds`."""
    connection = connections[queryset.db]
    try:
        with transaction.atomic(using=queryset.db):
            with connection.cursor() as cursor:
                cursor.execute("SHOW statement_timeout")
                (previous,) = cursor.fetchone()
                cursor.execute("SELECT set_config('statement_timeout', %s, true)", [str(int(milliseconds))])
                count = queryset.count()
                # Inside an outer transaction a released savepoint keeps SET LOCAL: put it back.
                cursor.execute("SELECT set_config('statement_timeout', %s, true)", [previous])
            return count
    except OperationalError as error:
        if _canceled(error):
            return None  # the savepoint's rollback has restored the timeout
        raise


class EstimatedPage(Page):
    """With an estimated total, a full page may have more after it, whatever the estimate says."""

    def has_next(self) -> bool:
        if getattr(self.paginator, "estimated", False):
            return len(self.object_list) == self.paginator.per_page
        return super().has_next()


class EstimatingPaginator(Paginator):
    estimated = False

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if not self.estimated and top + self.orphans >= self.count:
            top = self.count  # Django's rule; an estimate must not cut a page short
        return self._get_page(list(self.object_list[bottom:top]), number, self)

    def _get_page(self, *args: Any, **kwargs: Any) -> Page:
        return EstimatedPage(*args, **kwargs)

    def validate_number(self, number: Any) -> int:
        try:
            return super().validate_number(number)
        except EmptyPage:
            if self.estimated and int(number) > 1:  # beyond the estimate there may still be rows
                return int(number)
            raise

    @cached_property
    def count(self) -> int:
        timeout = getattr(settings, "SIMASN_EXACT_COUNT_TIMEOUT_MS", 250)
        queryset = self.object_list
        if timeout and isinstance(queryset, QuerySet) and connections[queryset.db].vendor == "postgresql":
            exact = count_within(queryset, timeout)
            if exact is not None:
                return exact
            estimate = planner_rows(queryset)
            if estimate is not None:
                self.estimated = True
                return round_estimate(estimate)
        return super().count
