"""The retirement register, the projection and the overdue list (built on bup_sql), and the
facts the worklist reads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connections, transaction
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, ExtractDay, Mod

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.actions import summary
from simasn.actions.models import (
    ActionState,
    ActionType,
    PersonnelAction,
    RetirementSummary,
)
from simasn.actions.selectors.bup_sql import (
    _ages,
    _birth_window,
    _month_index,
    _month_start,
    _offsets,
    _with_tmt,
    bup_case,
    tmt_offset_case,
)
from simasn.personnel.models import Employee

#: Employees still in service (the projection counts who will reach BUP).
IN_SERVICE = summary.IN_SERVICE  # statuses counted as in service (one definition)


def _scoped_employees(viewer: User, resource: Resource, instansi_id: int | None,
                      using: str | None) -> QuerySet[Employee]:
    base = Employee.objects.all()
    if using:
        base = base.using(using)
    qs = Scope.of(viewer).filter(base, resource)
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    return qs.filter(status__in=IN_SERVICE)


def _national(viewer: User) -> bool:
    return Scope.of(viewer).reach(Resource.AGGREGATE, Action.VIEW) == Reach.NATIONAL


def _projection_from_summary(on: dt.date, start: int, months: int, using: str | None) -> QuerySet[Any]:
    """The same aggregate over the national summary's counts (simasn.actions.summary)."""
    ages, offsets = _ages(on), _offsets(on)
    qs = RetirementSummary.objects.using(using) if using else RetirementSummary.objects.all()
    if offsets:  # none: the TMT CASE is NULL for everyone and the result is empty
        qs = qs.filter(birth_year__gte=(start - 12 * max(ages) - max(offsets)) // 12,
                       birth_year__lte=(start + months - 1 - 12 * min(ages) - min(offsets)) // 12)
    qs = qs.annotate(bup_age=bup_case(on, fields=summary.SUMMARY_FIELDS)).annotate(
        tmt_index=(F("birth_year") + F("bup_age")) * 12 + F("birth_month") - 1
        + tmt_offset_case(on, summary.SUMMARY_FIELDS["employee_type"]),
    ).filter(tmt_index__gte=start, tmt_index__lt=start + months)
    return (
        qs.values("tmt_index", "employee_type", "position_kind", "rank", "leap_day")
        .annotate(total=Sum("total"))
        .order_by("tmt_index", "employee_type", "position_kind", "rank")
    )


def retirement_projection(
    *, viewer: User, years: int, on: dt.date, instansi_id: int | None = None, using: str | None = None,
    live: bool = False,
) -> QuerySet[Any]:
    """Employees reaching BUP per month for the next ``years`` years — ONE aggregate query.

    Returns a lazy values() QuerySet of dicts ``{tmt_index, employee_type,
    position_kind, rank, leap_day, total}`` ordered by month, where ``tmt_index`` is
    ``year * 12 + month - 1`` of the TMT pensiun (``projection_rows`` splits it);
    ``str(qs.query)`` shows the SQL. The scope is the viewer's AGGREGATE reach. Shape (PostgreSQL and SQLite alike)::

        SELECT (y + bup) * 12 + m  AS tmt_index, ..., COUNT(*) AS total
        FROM personnel_employee e LEFT JOIN positions_position p ON ...
        WHERE e.status IN ('AKTIF','DIBERHENTIKAN_SEMENTARA') [AND e.instansi_id = ?]
          AND e.birth_date BETWEEN ? AND ?                 -- index prefilter
          AND CASE WHEN <type/kind/family/level> THEN age ... END IS NOT NULL
          AND tmt_index BETWEEN <this month> AND <this month + 12*years - 1>
        GROUP BY tmt_index, employee_type, p.kind, rank, leap_day

    The CASE is built from ``simasn.law.bup_table(on)`` (the BUP table in force on
    ``on``). ``leap_day`` flags people born on 29 February, for whom the law does not
    settle the month (the retirement rule asks for legal review); they are counted in
    the month after February.

    A national viewer asking for the whole nation gets the same aggregate computed from
    the national summary (simasn.actions.summary) once one has been built — as of its
    last refresh; ``live=True`` reads the register instead.
    """
    months = 12 * years
    start = _month_index(on)
    if not live and instansi_id is None and _national(viewer) and summary.latest_refresh(using) is not None:
        return _projection_from_summary(on, start, months, using)
    qs = _scoped_employees(viewer, Resource.AGGREGATE, instansi_id, using).filter(_birth_window(on, months))
    qs = _with_tmt(qs, on).filter(tmt_index__gte=start,  # type: ignore[misc]  # tmt_index: from _with_tmt, unseen by django-stubs
                                  tmt_index__lt=start + months)
    qs = qs.annotate(
        leap_day=Case(When(Q(birth_date__month=2) & Q(birth_date__day=29), then=Value(1)),
                      default=Value(0), output_field=IntegerField()),
        position_kind=F("position__kind"),
    )
    return (
        qs.values("tmt_index", "employee_type", "position_kind", "rank", "leap_day")
        .annotate(total=Count("id"))
        .order_by("tmt_index", "employee_type", "position_kind", "rank")
    )


#: Memory for the projection's one aggregate on PostgreSQL: with the default 4 MB the
#: planner sorts every matching employee (on disk, at national scale) instead of hashing
#: the ~2,000 groups (bench/projection.py).
PROJECTION_WORK_MEM = "64MB"


def projection_rows(qs: QuerySet[Any]) -> list[dict[str, Any]]:
    """The projection's rows with the month index split into year and month."""
    connection = connections[qs.db]
    with transaction.atomic(using=qs.db):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL work_mem = '{PROJECTION_WORK_MEM}'")
        fetched = list(qs)
    rows = []
    for row in fetched:
        index = int(row["tmt_index"])
        rows.append({**row, "tmt_year": index // 12, "tmt_month": index % 12 + 1})
    return rows


def retirement_register(
    *, viewer: User, on: dt.date, months: int = 12, instansi_id: int | None = None,
    using: str | None = None, without_overdue: bool = False,
) -> QuerySet[Employee]:
    """Employees whose TMT pensiun falls in the next ``months`` months (by name).

    ``without_overdue`` leaves out this month's TMT (the 1st, already here) when no decision
    ends the service: those are in ``retirement_overdue``, and a page lists them once.
    """
    start = _month_index(on)
    qs = _scoped_employees(viewer, Resource.EMPLOYEE, instansi_id, using).filter(_birth_window(on, months))
    qs = _with_tmt(qs, on).filter(tmt_index__gte=start,  # type: ignore[misc]  # tmt_index: from _with_tmt, unseen by django-stubs
                                  tmt_index__lt=start + months)
    if without_overdue:
        decided = PersonnelAction.objects.filter(
            employee_id=OuterRef("pk"), state=ActionState.DECIDED, action_type__in=ENDING_TYPES)
        qs = qs.exclude(Q(tmt_index=start) & ~Exists(decided))
    # tmt_index: annotation added by _with_tmt, which django-stubs cannot follow.
    return qs.select_related("instansi", "position").annotate(  # type: ignore[misc]
        birth_day=ExtractDay("birth_date"),
        tmt_year=Cast(F("tmt_index") / 12, IntegerField()),
        tmt_month=Cast(Mod(F("tmt_index"), 12) + 1, IntegerField()),
    ).order_by("tmt_index", "name", "id")


def open_action_types(employee_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for emp, kind in PersonnelAction.objects.filter(
        employee_id__in=employee_ids,
        state__in=[ActionState.DRAFT, ActionState.PROPOSED, ActionState.DECIDED],
    ).values_list("employee_id", "action_type"):
        found.setdefault(emp, []).append(kind)
    return found


#: Action types whose decision ends the service (an employee past BUP with one decided is
#: not "overdue": the daily job applies it on its TMT).
ENDING_TYPES = (ActionType.RETIREMENT, ActionType.CONTRACT_END, ActionType.DISMISSAL,
                ActionType.CANDIDACY_RESIGNATION)


def overdue_filter(qs: QuerySet[Employee], on: dt.date) -> QuerySet[Employee]:
    """In-service employees of ``qs`` past their TMT pensiun on ``on`` with no decided end."""
    start = _month_index(on)
    # tmt_index <= start ⇔ born before the first day of month (start - 12 * age - offset + 1)
    # for the youngest BUP and the shortest TMT offset in force: a sargable prefilter on the
    # birth-date index.
    offsets = _offsets(on)
    if not offsets:
        return qs.none()
    qs = qs.filter(status__in=IN_SERVICE,
                   birth_date__lt=_month_start(start - 12 * min(_ages(on)) - offsets[0] + 1))
    decided = PersonnelAction.objects.filter(
        employee_id=OuterRef("pk"), state=ActionState.DECIDED, action_type__in=ENDING_TYPES)
    return _with_tmt(qs, on).filter(tmt_index__lte=start).exclude(Exists(decided))  # type: ignore[misc,no-any-return]  # tmt_index: from _with_tmt


def retirement_overdue(
    *, viewer: User, on: dt.date, instansi_id: int | None = None, using: str | None = None,
) -> QuerySet[Employee]:
    """Employees still in service whose TMT pensiun is on or before ``on`` with no decided end.

    Past the BUP (UU 20/2023 Pasal 52 ayat (3) huruf c, Pasal 55) and nobody has set the
    retirement: the first line of the worklist, in red, and the "overdue" bucket of the
    register and the projection. A draft or proposed retirement does not take them off the
    list — only a decision does. Nothing here changes the employee: the daily job flags them
    (``retirement_overdue_flag``), it never retires anyone.
    """
    qs = overdue_filter(_scoped_employees(viewer, Resource.EMPLOYEE, instansi_id, using), on)
    return qs.select_related("instansi", "position").annotate(  # type: ignore[misc]
        birth_day=ExtractDay("birth_date"),
        tmt_year=Cast(F("tmt_index") / 12, IntegerField()),
        tmt_month=Cast(Mod(F("tmt_index"), 12) + 1, IntegerField()),
    ).order_by("tmt_index", "name", "id")


def tmt_pensiun_of(employee: Any) -> dt.date:
    """The TMT pensiun of an employee annotated by ``_with_tmt`` (first day of the month)."""
    return dt.date(employee.tmt_year, employee.tmt_month, 1)


def projection_less_overdue(
    rows: list[dict[str, Any]], *, viewer: User, on: dt.date, instansi_id: int | None = None,
    using: str | None = None,
) -> list[dict[str, Any]]:
    """The projection's rows without this month's overdue employees, who are in its "overdue" bucket.

    The projection starts with this month, whose TMT pensiun (the 1st) has already passed
    after the first day: an employee with no decision is overdue, and counting them in
    this month's row as well would count them twice (as ``retirement_register`` with
    ``without_overdue`` lists them once). Works on the rows of either source (register or
    national summary): the overdue are counted live, grouped the projection's way.
    """
    start = _month_index(on)
    overdue = overdue_filter(_scoped_employees(viewer, Resource.AGGREGATE, instansi_id, using), on)
    counted = overdue.filter(tmt_index=start).annotate(  # type: ignore[misc]  # tmt_index: from _with_tmt
        leap_day=Case(When(Q(birth_date__month=2) & Q(birth_date__day=29), then=Value(1)),
                      default=Value(0), output_field=IntegerField()),
        position_kind=F("position__kind"),
    ).values("employee_type", "position_kind", "rank", "leap_day").annotate(total=Count("id")).order_by()
    less = {(r["employee_type"], r["position_kind"], r["rank"], r["leap_day"]): r["total"] for r in counted}
    if not less:
        return rows
    out = []
    for row in rows:
        key = (row["employee_type"], row["position_kind"], row["rank"], row["leap_day"])
        if int(row["tmt_index"]) == start and key in less:
            row = {**row, "total": (row["total"] or 0) - less[key]}
            if row["total"] <= 0:
                continue
        out.append(row)
    return out


def retirement_overdue_counts(
    *, viewer: User, on: dt.date, instansi_id: int | None = None, using: str | None = None,
) -> dict[str, int]:
    """The projection's "overdue" bucket: ``retirement_overdue`` counted by position kind.

    Read live from the register in the viewer's AGGREGATE scope (the national summary does
    not know which retirements were decided); the birth-date prefilter keeps it to the
    people old enough to be past a BUP.
    """
    qs = overdue_filter(_scoped_employees(viewer, Resource.AGGREGATE, instansi_id, using), on)
    return {row["position__kind"] or "-": row["total"]
            for row in qs.values("position__kind").annotate(total=Count("id")).order_by()}


def contracts_ended(*, viewer: User, on: dt.date, instansi_id: int | None = None) -> QuerySet[Employee]:
    """PPPK still in service whose contract ended before ``on`` with no decided end (Pasal 52(3)(c))."""
    decided = PersonnelAction.objects.filter(
        employee_id=OuterRef("pk"), state=ActionState.DECIDED, action_type__in=ENDING_TYPES)
    return (_scoped_employees(viewer, Resource.EMPLOYEE, instansi_id, None)
            .filter(employee_type="PPPK", contract_end__lt=on).exclude(Exists(decided))
            .select_related("instansi", "position").order_by("contract_end", "name"))
