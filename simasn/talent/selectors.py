"""Reads of the talent chapter, scoped by the policy table.

Boxes are computed, not stored (simasn.talent.placement): a grid or a pool asks the law's
column form for the employees the viewer may see; one employee's page asks the single rule
for the explanation.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError, PermissionDeniedError
from simasn.core.providers import provide
from simasn.law.decision import Decision
from simasn.personnel.models import Employee
from simasn.talent.models import (
    CriticalPosition,
    MobilityProposal,
    MobilityState,
    NationalPriority,
    SuccessionCandidate,
    TalentAssessment,
)
from simasn.talent.placement import Inputs, Placement, inputs_for, place_many, place_one

SUCCESSION_BOXES = frozenset({7, 8, 9})
READY_NOW = "SIAP_SEKARANG"


def _reach(viewer: User, resource: Resource) -> Reach:
    level = Scope.of(viewer).reach(resource, Action.VIEW)
    if level == Reach.NONE:
        raise PermissionDeniedError(_("Anda tidak berwenang membuka halaman ini."))
    return level


def employees_in_scope(*, viewer: User, instansi_id: int | None = None) -> QuerySet[Employee]:
    scope = Scope.of(viewer)
    level = _reach(viewer, Resource.TALENT_PROFILE)
    qs = Employee.objects.filter(status="AKTIF").select_related("position", "unit", "instansi")
    if level == Reach.SELF:
        return qs.filter(pk=scope.employee_id or -1)
    if level == Reach.INSTANSI:
        qs = qs.filter(instansi_id=scope.instansi_id or -1)
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    return qs


def assessment_list(*, viewer: User, employee_id: int | None = None, q: str = "") -> QuerySet[TalentAssessment]:
    qs = Scope.of(viewer).filter(TalentAssessment.objects.select_related("employee"), Resource.TALENT_ASSESSMENT)
    if employee_id:
        qs = qs.filter(employee_id=employee_id)
    if q:
        qs = qs.filter(Q(employee__name__icontains=q) | Q(employee__nip=q) | Q(source__icontains=q))
    return qs


@dataclass
class GridRow:
    employee: Employee
    placement: Placement


@dataclass
class Grid:
    on: dt.date
    rows: list[GridRow]
    performance_known: bool

    @property
    def counts(self) -> Counter:
        return Counter(r.placement.box for r in self.rows if r.placement.box)

    @property
    def incomplete(self) -> int:
        return sum(1 for r in self.rows if r.placement.box is None)

    def cells(self) -> list[list[dict[str, Any]]]:
        """The nine boxes as rows top to bottom (above, as, below expectations) and columns
        low to high potential, in PermenPANRB 3/2020's numbering."""
        counts = self.counts
        layout = [[4, 7, 9], [2, 5, 8], [1, 3, 6]]
        return [[{"box": b, "count": counts.get(b, 0), "succession": b in SUCCESSION_BOXES} for b in row]
                for row in layout]


def talent_grid(*, viewer: User, on: dt.date, instansi_id: int | None = None, box: int | None = None) -> Grid:
    employees = list(employees_in_scope(viewer=viewer, instansi_id=instansi_id).order_by("name"))
    inputs = inputs_for([e.pk for e in employees], on)
    placements = place_many(inputs, on)
    known = next(iter(inputs.values())).performance_known if inputs else True
    rows = [GridRow(employee=e, placement=placements[e.pk]) for e in employees]
    if box:
        rows = [r for r in rows if r.placement.box == box]
    return Grid(on=on, rows=rows, performance_known=known)


@dataclass
class Profile:
    employee: Employee
    on: dt.date
    inputs: Inputs
    decision: Decision


def employee_talent(*, viewer: User, employee_id: int, on: dt.date) -> Profile:
    employee = employees_in_scope(viewer=viewer).filter(pk=employee_id).first()
    if employee is None:
        raise NotFoundError(_("Pegawai tidak ditemukan."))
    inputs = inputs_for([employee.pk], on)[employee.pk]
    return Profile(employee=employee, on=on, inputs=inputs, decision=place_one(inputs, on))


# ------------------------------------------------------------- succession

def critical_position_list(*, viewer: User, q: str = "") -> QuerySet[CriticalPosition]:
    qs = Scope.of(viewer).filter(
        CriticalPosition.objects.select_related("position", "position__instansi", "position__unit"),
        Resource.TALENT_SUCCESSION)
    if q:
        qs = qs.filter(Q(position__name__icontains=q) | Q(position__instansi__name__icontains=q))
    return qs


def critical_position_get(*, viewer: User, pk: int) -> CriticalPosition:
    critical = critical_position_list(viewer=viewer).filter(pk=pk).first()
    if critical is None:
        raise NotFoundError(_("Jabatan kritis tidak ditemukan."))
    return critical


@dataclass
class PostPlan:
    critical: CriticalPosition
    holders: list[Employee]
    candidates: list[SuccessionCandidate]

    @property
    def vacant(self) -> bool:
        return not self.holders

    @property
    def ready_now(self) -> int:
        return sum(1 for c in self.candidates if c.readiness == READY_NOW)


def succession_plans(*, viewer: User, q: str = "") -> list[PostPlan]:
    posts = list(critical_position_list(viewer=viewer, q=q))
    position_ids = [p.position_id for p in posts]
    holders: dict[int, list[Employee]] = {}
    for employee in Employee.objects.filter(position_id__in=position_ids, status="AKTIF"):
        holders.setdefault(employee.position_id or 0, []).append(employee)
    candidates: dict[int, list[SuccessionCandidate]] = {}
    for c in SuccessionCandidate.objects.filter(critical_position__in=posts).select_related("employee",
                                                                                              "employee__instansi"):
        candidates.setdefault(c.critical_position_id, []).append(c)
    return [PostPlan(critical=p, holders=holders.get(p.position_id, []), candidates=candidates.get(p.pk, []))
            for p in posts]


def succession_coverage(plans: list[PostPlan]) -> dict[str, Any]:
    """The share of critical posts with at least two successors ready now (issue 16 item 3)."""
    total = len(plans)
    covered = sum(1 for p in plans if p.ready_now >= 2)
    return {"total": total, "covered": covered, "share": (covered / total) if total else None,
            "vacant": sum(1 for p in plans if p.vacant)}


def ready_candidates(*, viewer: User, critical: CriticalPosition, on: dt.date) -> list[GridRow]:
    """Employees the law puts in a succession box whom the viewer may nominate for the post:
    the post's own instansi, or (JPT, national viewers) the national talent pool."""
    national = Scope.of(viewer).reach(Resource.TALENT_PROFILE, Action.VIEW) == Reach.NATIONAL
    instansi_id = None if national and critical.position.kind.startswith("JPT") else critical.position.instansi_id
    grid = talent_grid(viewer=viewer, on=on, instansi_id=instansi_id)
    nominated = set(SuccessionCandidate.objects.filter(critical_position=critical).values_list("employee_id", flat=True))
    return [r for r in grid.rows if r.placement.box in SUCCESSION_BOXES and r.employee.pk not in nominated
            and r.employee.position_id != critical.position_id]


def national_pool(*, viewer: User, on: dt.date) -> list[GridRow]:
    """The national talent pool for JPT: JPT and administrator holders in a succession box."""
    if Scope.of(viewer).reach(Resource.TALENT_PROFILE, Action.VIEW) != Reach.NATIONAL:
        raise PermissionDeniedError(_("Kelompok talenta nasional dibuka oleh instansi pembina nasional."))
    employees = list(Employee.objects.filter(status="AKTIF", position__kind__in=(
        "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR")).select_related("position", "instansi").order_by("name"))
    placements = place_many(inputs_for([e.pk for e in employees], on), on)
    return [GridRow(employee=e, placement=placements[e.pk]) for e in employees
            if placements[e.pk].box in SUCCESSION_BOXES]


# ---------------------------------------------------------------- mobility

def mobility_list(*, viewer: User, state: str = "", q: str = "") -> QuerySet[MobilityProposal]:
    scope = Scope.of(viewer)
    level = _reach(viewer, Resource.TALENT_MOBILITY)
    qs = MobilityProposal.objects.select_related("employee", "source_instansi", "target_instansi",
                                                 "target_position", "priority")
    if level == Reach.INSTANSI:
        # The sending instansi and the receiving one (which must accept) both see it.
        qs = qs.filter(Q(source_instansi_id=scope.instansi_id or -1) | Q(target_instansi_id=scope.instansi_id or -1))
    elif level == Reach.SELF:
        qs = qs.filter(employee_id=scope.employee_id or -1)
    if state:
        qs = qs.filter(state=state)
    if q:
        qs = qs.filter(Q(employee__name__icontains=q) | Q(employee__nip=q))
    return qs


def mobility_get(*, viewer: User, pk: int) -> MobilityProposal:
    proposal = mobility_list(viewer=viewer).filter(pk=pk).first()
    if proposal is None:
        raise NotFoundError(_("Usul mobilitas tidak ditemukan."))
    return proposal


def action_states(proposals: list[MobilityProposal]) -> dict[int, dict[str, Any]]:
    """Where the SKs of handed-over proposals are (the actions chapter's provider)."""
    ids = [p.action_id for p in proposals if p.action_id]
    if not ids:
        return {}
    return provide("actions.states", default={}, action_ids=ids) or {}


def priority_list(*, viewer: User) -> QuerySet[NationalPriority]:
    _reach(viewer, Resource.TALENT_PRIORITY)
    return NationalPriority.objects.all()


def priority_candidates(*, viewer: User, priority: NationalPriority, on: dt.date) -> list[GridRow]:
    """Employees across agencies in a succession box whose post is of the priority's family."""
    if Scope.of(viewer).reach(Resource.TALENT_PROFILE, Action.VIEW) != Reach.NATIONAL:
        raise PermissionDeniedError(_("Kandidat lintas instansi dibuka oleh instansi pembina nasional."))
    family = priority.job_family
    employees = list(Employee.objects.filter(status="AKTIF").filter(
        Q(position__kind=family) | Q(position__functional_family__iexact=family))
        .select_related("position", "instansi", "instansi__province").order_by("name"))
    placements = place_many(inputs_for([e.pk for e in employees], on), on)
    busy = set(MobilityProposal.objects.filter(
        employee_id__in=[e.pk for e in employees],
        state__in=(MobilityState.PROPOSED, MobilityState.ACCEPTED)).values_list("employee_id", flat=True))
    return [GridRow(employee=e, placement=placements[e.pk]) for e in employees
            if placements[e.pk].box in SUCCESSION_BOXES and e.pk not in busy]
