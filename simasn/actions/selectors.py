"""Reads of personnel actions and the retirement register/projection (the worklist builds on
these in simasn.actions.worklist).

Visibility is the policy table's (Resource.ACTION through Scope): operators and officials
see their instansi's actions and the transfers into it; the employee sees their own; BKN and
administrators see all; the President's office sees the cases reserved to the President
(a qualified grant: PersonnelAction.scope_qualifiers).
"""

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
from django.db.models.functions import Cast, Coalesce, ExtractDay, ExtractMonth, ExtractYear, Mod

from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.actions import summary
from simasn.actions.models import (
    ActionDocument,
    ActionState,
    ActionType,
    PersonnelAction,
    RetirementSummary,
)
from simasn.core.errors import NotFoundError
from simasn.law import bup_table, tmt_month_offsets
from simasn.personnel.models import Employee

#: Employees still in service (the projection counts who will reach BUP).
IN_SERVICE = summary.IN_SERVICE  # statuses counted as in service (one definition)


def action_list(
    *,
    viewer: Any,
    q: str = "",
    state: str = "",
    action_type: str = "",
    employee_id: int | None = None,
    instansi_id: int | None = None,
    using: str | None = None,
) -> QuerySet[PersonnelAction]:
    qs = PersonnelAction.objects.all()
    if using:
        qs = qs.using(using)
    qs = Scope.of(viewer).filter(qs, Resource.ACTION)
    qs = qs.select_related("instansi", "target_instansi", "employee", "position")
    q = (q or "").strip()
    if q:
        qs = qs.filter(Q(employee__name__icontains=q) | Q(employee__nip__startswith=q)
                       | Q(sk_number__icontains=q) | Q(candidate_name__icontains=q))
    if state:
        qs = qs.filter(state=state)
    if action_type:
        qs = qs.filter(action_type=action_type)
    if employee_id:
        qs = qs.filter(employee_id=employee_id)
    if instansi_id:
        qs = qs.filter(Q(instansi_id=instansi_id) | Q(target_instansi_id=instansi_id))
    return qs.order_by("-created_at", "-id")


def action_get(*, viewer: Any, pk: int) -> PersonnelAction:
    obj = action_list(viewer=viewer).filter(pk=pk).first()
    if obj is None:
        raise NotFoundError("Tindakan kepegawaian tidak ditemukan.")
    return obj


def can_view(viewer: Any, action: PersonnelAction) -> bool:
    return action_list(viewer=viewer).filter(pk=action.pk).exists()


def document_get(*, viewer: Any, action: PersonnelAction, kind: str = "SK") -> ActionDocument:
    if not can_view(viewer, action):
        raise NotFoundError("Dokumen tidak ditemukan.")
    doc = ActionDocument.objects.filter(action=action, kind=kind).first()
    if doc is None:
        raise NotFoundError("Dokumen tidak ditemukan.")
    return doc


# ------------------------------------------------------------------ BUP in SQL


#: Where bup_case finds each fact: the register (employee and its position).
REGISTER_FIELDS = {"employee_type": "employee_type", "kind": "position__kind",
                   "functional_family": "position__functional_family",
                   "functional_level": "position__functional_level"}


def bup_case(on: dt.date, prefix: str = "", *, fields: dict[str, str] | None = None) -> Case:
    """The BUP table in force on ``on`` (simasn.law.bup_table) as one nested SQL CASE.

    Employee type first, then position kind, then — within a kind — the functional
    family, the functional level and the kind's own age, most specific first (the order
    ``bup_table`` gives). Nesting keeps the work per employee to a few equality tests
    instead of every row of the table (measured on 4.3 M rows, bench/projection.py).
    Employee types with the same table share one branch. An employee whose position
    matches no row gets NULL (no BUP known: the projection leaves it out). ``fields``
    names the columns (default: the register's, with ``prefix``; the national summary
    passes its own).
    """
    names = fields or {key: prefix + value for key, value in REGISTER_FIELDS.items()}
    by_type: dict[str, dict[str, dict[str, dict[str, int] | int]]] = {}
    for row in bup_table(on):
        kinds = by_type.setdefault(row.employee_type.value, {})
        entry = kinds.setdefault(row.position_kind.value, {"functional_family": {}, "functional_level": {}})
        if row.functional_family is not None:
            entry["functional_family"].setdefault(row.functional_family.value, row.age)  # type: ignore[union-attr]
        elif row.functional_level is not None:
            entry["functional_level"].setdefault(row.functional_level.value, row.age)  # type: ignore[union-attr]
        else:
            entry.setdefault("kind", row.age)
    branches: dict[str, list[str]] = {}
    tables: dict[str, Any] = {}
    for employee_type, kinds in by_type.items():
        key = repr(sorted((k, sorted((t, sorted(v.items()) if isinstance(v, dict) else v)
                                     for t, v in e.items())) for k, e in kinds.items()))
        branches.setdefault(key, []).append(employee_type)
        tables[key] = kinds
    whens = [When(**{f"{names['employee_type']}__in": sorted(types)}, then=_kind_case(tables[key], names))
             for key, types in branches.items()]
    return Case(*whens, default=None, output_field=IntegerField())


def _kind_case(kinds: dict[str, Any], names: dict[str, str]) -> Case:
    whens = []
    for kind, entry in kinds.items():
        parts: list[Any] = []
        for tier in ("functional_family", "functional_level"):
            by_age: dict[int, list[str]] = {}
            for value, age in entry[tier].items():
                by_age.setdefault(age, []).append(value)
            if by_age:
                parts.append(Case(*[When(**{f"{names[tier]}__in": sorted(values)}, then=Value(age))
                                    for age, values in by_age.items()], default=None, output_field=IntegerField()))
        if "kind" in entry:
            parts.append(Value(entry["kind"]))
        if not parts:
            continue
        then = parts[0] if len(parts) == 1 else Coalesce(*parts, output_field=IntegerField())
        whens.append((then, kind))
    # Kinds with the same plain age share one WHEN kind IN (...).
    merged: dict[str, list[str]] = {}
    plain: dict[str, Any] = {}
    other = []
    for then, kind in whens:
        if isinstance(then, Value):
            merged.setdefault(str(then.value), []).append(kind)
            plain[str(then.value)] = then
        else:
            other.append(When(**{names["kind"]: kind}, then=then))
    other += [When(**{f"{names['kind']}__in": sorted(kinds_)}, then=plain[age]) for age, kinds_ in merged.items()]
    return Case(*other, default=None, output_field=IntegerField())


def tmt_offset_case(on: dt.date, field: str = "employee_type") -> Case:
    """``retirement.tmt_rule`` in force on ``on`` (simasn.law.tmt_month_offsets) as SQL.

    The months after the month in which the BUP is reached whose first day is the TMT
    pensiun, per employee type; NULL for a type whose rule the law package does not apply
    (no TMT known: the register and the projection leave it out, as for an unknown BUP).
    """
    by_offset: dict[int, list[str]] = {}
    for employee_type, months in tmt_month_offsets(on).items():
        by_offset.setdefault(months, []).append(employee_type.value)
    return Case(*[When(**{f"{field}__in": sorted(types)}, then=Value(months))
                  for months, types in sorted(by_offset.items())],
                default=None, output_field=IntegerField())


def _ages(on: dt.date) -> list[int]:
    return sorted({row.age for row in bup_table(on)})


def _offsets(on: dt.date) -> list[int]:
    return sorted(set(tmt_month_offsets(on).values()))


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _scoped_employees(viewer: Any, resource: Resource, instansi_id: int | None,
                      using: str | None) -> QuerySet[Employee]:
    base = Employee.objects.all()
    if using:
        base = base.using(using)
    qs = Scope.of(viewer).filter(base, resource)
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    return qs.filter(status__in=IN_SERVICE)


def _with_tmt(qs: QuerySet[Employee], on: dt.date) -> QuerySet[Employee]:
    """Annotate bup_age and the TMT pensiun as a month index (year*12 + month-1).

    TMT pensiun = the first day of the month ``tmt_offset_case`` months after the month of
    the BUP birthday (``retirement.tmt_rule``; one month today), so its month index is
    (birth_year + bup_age) * 12 + birth_month - 1 + offset, which both SQLite and
    PostgreSQL compute with integer arithmetic.
    """
    return qs.annotate(bup_age=bup_case(on)).annotate(
        tmt_index=(Cast(ExtractYear("birth_date"), IntegerField()) + F("bup_age")) * 12
        + Cast(ExtractMonth("birth_date"), IntegerField()) - 1 + tmt_offset_case(on),
    )


def _birth_window(on: dt.date, months: int) -> Q:
    """A sargable prefilter on birth_date (index employee_birth_date_idx), exact per age.

    TMT pensiun's month index is the birth month's index + 12 * BUP age + the TMT rule's
    offset, so for each BUP age and offset in force the people retiring in [this month,
    + months) were born in one span of `months` months. OR-ing those spans (one index range each) reads a 12-month register's
    candidates from ~4 years of births instead of the ~19 years between the youngest and the
    oldest BUP (bench/queries.py).
    """
    start = _month_index(on)
    spans = Q(pk__in=[])
    for age in _ages(on):
        for offset in _offsets(on):
            first = start - offset - 12 * age
            last = start + months - 1 - offset - 12 * age
            spans |= Q(birth_date__gte=_month_start(first), birth_date__lt=_month_start(last + 1))
    return spans


def _month_start(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def _national(viewer: Any) -> bool:
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
    *, viewer: Any, years: int, on: dt.date, instansi_id: int | None = None, using: str | None = None,
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
    *, viewer: Any, on: dt.date, months: int = 12, instansi_id: int | None = None,
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


__all__ = ["ActionType", "action_get", "action_list", "retirement_overdue", "retirement_projection",
           "retirement_register"]


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
    *, viewer: Any, on: dt.date, instansi_id: int | None = None, using: str | None = None,
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


def retirement_overdue_counts(
    *, viewer: Any, on: dt.date, instansi_id: int | None = None, using: str | None = None,
) -> dict[str, int]:
    """The projection's "overdue" bucket: ``retirement_overdue`` counted by position kind.

    Read live from the register in the viewer's AGGREGATE scope (the national summary does
    not know which retirements were decided); the birth-date prefilter keeps it to the
    people old enough to be past a BUP.
    """
    qs = overdue_filter(_scoped_employees(viewer, Resource.AGGREGATE, instansi_id, using), on)
    return {row["position__kind"] or "-": row["total"]
            for row in qs.values("position__kind").annotate(total=Count("id")).order_by()}


#: Kinds of action waiting for a user (the dashboard's "Menunggu tindakan Anda" and the
#: list filter ``?menunggu=``), each the party of simasn.actions.workflow who takes the step.
WAITING_KINDS = ("usul", "tetapkan", "terima")


def _awaiting_acceptance() -> Q:
    """A transfer to another instansi the receiving PPK has not accepted (workflow 'accept')."""
    return (Q(action_type=ActionType.TRANSFER, target_instansi__isnull=False, accepted_at__isnull=True)
            & ~Q(target_instansi_id=F("instansi_id")))


def actions_waiting(*, viewer: Any, kind: str) -> QuerySet[PersonnelAction]:
    """Open actions whose next step is the viewer's (the parties of workflow.parties_of).

    ``usul``: drafts the viewer proposes (the PyB); ``tetapkan``: cases the viewer decides —
    proposed ones, or drafts when the law gives no proposer (the President's cases, UU 20/2023
    Pasal 30 ayat (4)), a transfer only once accepted; ``terima``: transfers into the viewer's
    instansi that its PPK must accept before the decision. Which user is which party is the
    policy table's (Resource.ACTION_PROPOSAL / _DECISION / _ACCEPTANCE, UPDATE); within
    ``action_list``'s visibility.
    """
    scope = Scope.of(viewer)
    qs = action_list(viewer=viewer)
    if kind == "usul":
        return scope.filter(qs, Resource.ACTION_PROPOSAL, Action.UPDATE).filter(state=ActionState.DRAFT)
    if kind == "tetapkan":
        ready = Q(proposer="", state=ActionState.DRAFT) | (~Q(proposer="") & Q(state=ActionState.PROPOSED))
        return scope.filter(qs, Resource.ACTION_DECISION, Action.UPDATE).filter(ready).exclude(
            _awaiting_acceptance())
    if kind == "terima":
        return scope.filter(qs, Resource.ACTION_ACCEPTANCE, Action.UPDATE).filter(
            _awaiting_acceptance(), state__in=[ActionState.DRAFT, ActionState.PROPOSED])
    return qs.none()


def contracts_ended(*, viewer: Any, on: dt.date, instansi_id: int | None = None) -> QuerySet[Employee]:
    """PPPK still in service whose contract ended before ``on`` with no decided end (Pasal 52(3)(c))."""
    decided = PersonnelAction.objects.filter(
        employee_id=OuterRef("pk"), state=ActionState.DECIDED, action_type__in=ENDING_TYPES)
    return (_scoped_employees(viewer, Resource.EMPLOYEE, instansi_id, None)
            .filter(employee_type="PPPK", contract_end__lt=on).exclude(Exists(decided))
            .select_related("instansi", "position").order_by("contract_end", "name"))


def document_verification(*, code: str) -> dict[str, Any] | None:
    """What the public verification page shows for a decree's code — and nothing personal.

    Public by design, like a printed decree's own header: number, date, issuing office,
    subject, the SHA-256 and size of the stored file. No name, NIP or position of the
    employee, so no Scope applies (there is no viewer).
    """
    document = ActionDocument.objects.filter(verification_code=code.strip().upper()).select_related(
        "action").first() if code.strip() else None
    if document is None:
        return None
    action = document.action
    return {"sk_number": action.sk_number, "sk_date": action.sk_date,
            "issuer": "Presiden Republik Indonesia" if action.decider == "PRESIDEN" else action.decider_title,
            "action_type": action.get_action_type_display(), "sha256": document.sha256, "size": document.size,
            "code": document.verification_code, "created_at": document.created_at}
