"""Reads of learning records and the yearly JP compliance (per employee, unit, instansi).

Compliance is computed by the law's column-wise form (``simasn.law.jp_compliance_columns``,
the same parameters as ``learning.jp_compliance``) over the employees the viewer may see
and their records — one query for each, so an instansi of 30,000 answers well under a
second (bench/learning_compliance.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError, PermissionDeniedError
from simasn.core.providers import provide
from simasn.law import jp_compliance_columns
from simasn.law.enums import EmployeeType
from simasn.learning.models import DevelopmentNeed, DevelopmentPlan, LearningRecord
from simasn.organization.models import Instansi
from simasn.personnel.models import Employee

#: Statuses of the JP rule, as shown (the rule's codes are the keys).
STATUS_LABELS = {
    "MEMENUHI": gettext_lazy("Memenuhi (≥ batas minimal)"),
    "BELUM_MEMENUHI": gettext_lazy("Belum memenuhi"),
    "TIDAK_MEMENUHI": gettext_lazy("Tidak memenuhi (tahun sudah berakhir)"),
    "DALAM_BATAS": gettext_lazy("Dalam batas (≤ batas maksimal)"),
    "MELEBIHI": gettext_lazy("Melebihi batas maksimal"),
    "TIDAK_DIBATASI": gettext_lazy("Tidak dibatasi (JPT tertentu)"),
    "BELUM_BERLAKU": gettext_lazy("Perjanjian kerja belum mulai"),
}
#: Statuses that put an employee on the worklist of those behind (or over the PPPK ceiling).
BEHIND = frozenset({"BELUM_MEMENUHI", "TIDAK_MEMENUHI", "MELEBIHI"})
IN_SERVICE = ("AKTIF",)


def learning_record_list(*, viewer: User, q: str = "", employee_id: int | None = None,
                         year: int | None = None) -> QuerySet[LearningRecord]:
    qs = Scope.of(viewer).filter(LearningRecord.objects.select_related("employee", "employee__instansi"),
                                 Resource.LEARNING_RECORD)
    if employee_id:
        qs = qs.filter(employee_id=employee_id)
    if year:
        qs = qs.filter(end_date__year=year)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(provider__icontains=q) | Q(employee__name__icontains=q)
                       | Q(employee__nip=q))
    return qs


def learning_record_get(*, viewer: User, pk: int) -> LearningRecord:
    record = learning_record_list(viewer=viewer).filter(pk=pk).first()
    if record is None:
        raise NotFoundError(_("Catatan pengembangan kompetensi tidak ditemukan."))
    return record


@dataclass
class ComplianceRow:
    employee_id: int
    nip: str
    name: str
    employee_type: str
    unit_id: int | None
    unit_name: str
    instansi_id: int
    status: str
    limit_jp: float
    counted_jp: float
    shortfall_jp: float
    excess_jp: float
    unassigned_jp: float
    period_start: dt.date | None
    period_end: dt.date | None
    needs_legal_review: bool

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.status, self.status))

    @property
    def behind(self) -> bool:
        return self.status in BEHIND


@dataclass
class ComplianceSummary:
    on: dt.date
    rows: list[ComplianceRow]
    by_status: Counter = field(default_factory=Counter)
    by_unit: list[dict[str, Any]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def behind(self) -> list[ComplianceRow]:
        return [r for r in self.rows if r.behind]

    @property
    def compliant_share(self) -> float | None:
        pns = [r for r in self.rows if r.employee_type == EmployeeType.PNS]
        if not pns:
            return None
        return sum(1 for r in pns if r.status == "MEMENUHI") / len(pns)


def _employees_in_scope(viewer: User, *, instansi_id: int | None, employee_id: int | None) -> QuerySet[Employee]:
    scope = Scope.of(viewer)
    level = scope.reach(Resource.LEARNING_COMPLIANCE, Action.VIEW)
    if level == Reach.NONE:
        raise PermissionDeniedError(_("Anda tidak berwenang membuka halaman ini."))
    qs = Employee.objects.filter(status__in=IN_SERVICE)
    if level == Reach.SELF:
        qs = qs.filter(pk=scope.employee_id or -1)
    elif level == Reach.INSTANSI:
        qs = qs.filter(instansi_id=scope.instansi_id or -1)
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    elif level == Reach.NATIONAL and not employee_id:
        # A national viewer names the instansi: the per-person list is per instansi.
        raise PermissionDeniedError(_("Pilih instansi terlebih dahulu."), code="instansi_required")
    if employee_id:
        qs = qs.filter(pk=employee_id)
    return qs


def _compliance_columns(employees: list[tuple], on: dt.date) -> dict[str, list[Any]]:
    """The law's column-wise JP rule over `employees` (rows of COMPLIANCE_FIELDS) and their
    records: one query for the records, typed Arrow columns in."""
    ids = [e[0] for e in employees]
    # The widest window any employee's period can start in: a PPPK contract year starts at
    # most a year before `on`; a PNS year on 1 January.
    window_start = min(dt.date(on.year, 1, 1), on - dt.timedelta(days=367))
    records = LearningRecord.objects.filter(end_date__gte=window_start, end_date__lte=on)
    if len(ids) <= 50_000:
        records = records.filter(employee_id__in=ids)
    rows = list(records.values_list("employee_id", "end_date", "jp", "assigned"))
    import pyarrow as pa  # heavy library, deferred: typed columns (an empty list has no type)

    result = jp_compliance_columns(
        employee_id=pa.array(ids, pa.int64()),
        employee_type=pa.array([e[3] for e in employees], pa.string()),
        contract_start=pa.array([e[7] for e in employees], pa.date32()),
        contract_end=pa.array([e[8] for e in employees], pa.date32()),
        position_kind=pa.array([e[9] or None for e in employees], pa.string()),
        record_employee_id=pa.array([r[0] for r in rows], pa.int64()),
        record_date=pa.array([r[1] for r in rows], pa.date32()),
        record_jp=pa.array([float(r[2]) for r in rows], pa.float64()),
        record_assigned=pa.array([r[3] for r in rows], pa.bool_()),
        on=on,
    )
    return {k: v.to_pylist() for k, v in result.items()}


COMPLIANCE_FIELDS = ("pk", "nip", "name", "employee_type", "unit_id", "unit__name", "instansi_id",
                     "contract_start", "contract_end", "position__kind")


def jp_compliance(*, viewer: User, on: dt.date, instansi_id: int | None = None,
                  employee_id: int | None = None) -> ComplianceSummary:
    """Every in-service employee's JP status on `on` (PNS: calendar year; PPPK: contract year)."""
    employees = list(
        _employees_in_scope(viewer, instansi_id=instansi_id, employee_id=employee_id)
        .order_by("unit__name", "name")
        .values_list(*COMPLIANCE_FIELDS))
    if not employees:
        return ComplianceSummary(on=on, rows=[])
    columns = _compliance_columns(employees, on)
    rows = [
        ComplianceRow(employee_id=e[0], nip=e[1], name=e[2], employee_type=e[3], unit_id=e[4],
                      unit_name=e[5] or "—", instansi_id=e[6], status=columns["status"][i],
                      limit_jp=columns["limit_jp"][i] or 0, counted_jp=columns["counted_jp"][i] or 0,
                      shortfall_jp=columns["shortfall_jp"][i] or 0, excess_jp=columns["excess_jp"][i] or 0,
                      unassigned_jp=columns["unassigned_jp"][i] or 0,
                      period_start=columns["period_start"][i], period_end=columns["period_end"][i],
                      needs_legal_review=bool(columns["needs_legal_review"][i]))
        for i, e in enumerate(employees)
    ]
    summary = ComplianceSummary(on=on, rows=rows, by_status=Counter(r.status for r in rows))
    units: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        units[r.unit_name][r.status] += 1
        units[r.unit_name]["_total"] += 1
    summary.by_unit = [
        {"unit": name, "total": c["_total"], "memenuhi": c["MEMENUHI"],
         "behind": sum(c[s] for s in BEHIND), "pppk_in_limit": c["DALAM_BATAS"]}
        for name, c in sorted(units.items())
    ]
    return summary


@dataclass
class InstansiCompliance:
    """One instansi's line of the national roll-up: counts only, no names."""

    instansi_id: int
    code: str
    name: str
    employees: int = 0
    pns: int = 0
    pns_met: int = 0
    pns_behind: int = 0
    pppk: int = 0
    pppk_over: int = 0
    needs_legal_review: int = 0
    counted_jp: float = 0.0

    @property
    def pns_share(self) -> float | None:
        """Per cent of PNS at or above the yearly floor (None: no PNS)."""
        return round(self.pns_met / self.pns * 100, 1) if self.pns else None

    @property
    def average_jp(self) -> float | None:
        return round(self.counted_jp / self.employees, 1) if self.employees else None


def jp_compliance_national(*, viewer: User, on: dt.date) -> list[InstansiCompliance]:
    """The national roll-up of the yearly JP rule (LAN's view, Pasal 49): per instansi, how
    many PNS reach the floor and how many are behind, how many PPPK are over the ceiling.
    Needs NATIONAL reach on LEARNING_COMPLIANCE; a viewer with less reach sees only their
    own instansi's line. Aggregates only, every instansi listed (zero where nobody is)."""
    scope = Scope.of(viewer)
    level = scope.reach(Resource.LEARNING_COMPLIANCE, Action.VIEW)
    if level < Reach.INSTANSI:
        raise PermissionDeniedError(_("Anda tidak berwenang membuka halaman ini."))
    instansi = Instansi.objects.active().order_by("name")
    employees_qs = Employee.objects.filter(status__in=IN_SERVICE)
    if level == Reach.INSTANSI:
        instansi = instansi.filter(pk=scope.instansi_id or -1)
        employees_qs = employees_qs.filter(instansi_id=scope.instansi_id or -1)
    lines = {pk: InstansiCompliance(instansi_id=pk, code=code, name=name)
             for pk, code, name in instansi.values_list("pk", "code", "name")}
    employees = list(employees_qs.values_list(*COMPLIANCE_FIELDS))
    if not employees:
        return list(lines.values())
    columns = _compliance_columns(employees, on)
    for i, e in enumerate(employees):
        line = lines.get(e[6])
        if line is None:  # an archived instansi with people still in service: leave it out
            continue
        status = columns["status"][i]
        line.employees += 1
        line.counted_jp += columns["counted_jp"][i] or 0
        if e[3] == EmployeeType.PNS:
            line.pns += 1
            line.pns_met += status == "MEMENUHI"
            line.pns_behind += status in BEHIND
        else:
            line.pppk += 1
            line.pppk_over += status == "MELEBIHI"
        line.needs_legal_review += bool(columns["needs_legal_review"][i])
    return list(lines.values())


# ---------------------------------------------------------------- development plans


def development_plan_list(*, viewer: User, year: int | None = None, q: str = "") -> QuerySet[DevelopmentPlan]:
    qs = Scope.of(viewer).filter(DevelopmentPlan.objects.select_related("employee", "employee__unit"),
                                 Resource.DEVELOPMENT_PLAN)
    if year:
        qs = qs.filter(year=year)
    if q.strip():
        qs = qs.filter(Q(employee__name__icontains=q.strip()) | Q(employee__nip=q.strip()))
    return qs.annotate(need_count=Count("needs", distinct=True)).order_by("-year", "employee__name")


def development_team_plans(*, viewer: User, year: int | None = None) -> QuerySet[DevelopmentPlan]:
    """The development plans of the employees the viewer appraises (policy: DEVELOPMENT_TEAM,
    qualified to plans whose appraiser is the viewer's employee record)."""
    qs = Scope.of(viewer).filter(DevelopmentPlan.objects.select_related("employee", "employee__unit",
                                                                        "employee__position"),
                                 Resource.DEVELOPMENT_TEAM)
    if year:
        qs = qs.filter(year=year)
    return qs.order_by("-year", "employee__name")


def development_plan_get(*, viewer: User, pk: int) -> DevelopmentPlan:
    """One plan the viewer may read: as its employee or an official of the instansi
    (DEVELOPMENT_PLAN), or as the employee's appraiser (DEVELOPMENT_TEAM, read only)."""
    plan = development_plan_list(viewer=viewer).filter(pk=pk).first()
    if plan is None:
        plan = development_team_plans(viewer=viewer).filter(pk=pk).first()
    if plan is None:
        raise NotFoundError(_("Rencana pengembangan tidak ditemukan."))
    return plan


@dataclass
class NeedRow:
    need: DevelopmentNeed
    done_jp: Decimal
    records: list[LearningRecord]

    @property
    def gap(self) -> int | None:
        n = self.need
        return None if n.standard_level is None or n.assessed_level is None else n.standard_level - n.assessed_level

    @property
    def done(self) -> bool:
        return self.done_jp >= self.need.planned_jp


@dataclass
class PlanSummary:
    plan: DevelopmentPlan
    needs: list[NeedRow]
    year_jp: Decimal
    gap_jp: Decimal
    unlinked: list[LearningRecord]
    competence: dict[str, Any] | None

    @property
    def planned_jp(self) -> Decimal:
        return sum((r.need.planned_jp for r in self.needs), Decimal(0))

    @property
    def done_count(self) -> int:
        return sum(1 for r in self.needs if r.done)

    @property
    def gap_share(self) -> Decimal | None:
        """The share of the year's JP spent on the identified needs (None: no JP yet)."""
        return None if not self.year_jp else (self.gap_jp / self.year_jp * 100).quantize(Decimal("0.1"))


def development_plan_summaries(plans: list[DevelopmentPlan]) -> list[PlanSummary]:
    """Planned vs done of several plans (a superior's team) in three queries."""
    if not plans:
        return []
    needs: dict[int, list[DevelopmentNeed]] = defaultdict(list)
    for need in DevelopmentNeed.objects.filter(plan_id__in=[p.pk for p in plans]):
        needs[need.plan_id].append(need)
    records: dict[tuple[int, int], list[LearningRecord]] = defaultdict(list)
    years = {p.year for p in plans}
    for record in (LearningRecord.objects.filter(employee_id__in={p.employee_id for p in plans},
                                                 end_date__year__in=years).order_by("end_date", "pk")):
        records[(record.employee_id, record.end_date.year)].append(record)
    found = []
    for plan in plans:
        mine = records.get((plan.employee_id, plan.year), [])
        rows = [NeedRow(need=n, records=[r for r in mine if r.development_need_id == n.pk],
                        done_jp=sum((r.jp for r in mine if r.development_need_id == n.pk), Decimal(0)))
                for n in needs.get(plan.pk, [])]
        found.append(PlanSummary(
            plan=plan, needs=rows, year_jp=sum((r.jp for r in mine), Decimal(0)),
            gap_jp=sum((r.jp for r in mine if r.development_need_id is not None), Decimal(0)),
            unlinked=[r for r in mine if r.development_need_id is None], competence=None))
    return found


def development_plan_summary(plan: DevelopmentPlan) -> PlanSummary:
    """Planned vs done per need, the year's JP and the share spent on the needs, the records
    not yet linked to a need, and the latest competence assessment (talent chapter)."""
    records = list(LearningRecord.objects.filter(employee_id=plan.employee_id, end_date__year=plan.year)
                   .order_by("end_date", "pk"))
    by_need: dict[int, list[LearningRecord]] = defaultdict(list)
    for record in records:
        if record.development_need_id is not None:
            by_need[record.development_need_id].append(record)
    rows = [NeedRow(need=n, records=by_need.get(n.pk, []), done_jp=sum((r.jp for r in by_need.get(n.pk, [])),
                                                                         Decimal(0)))
            for n in plan.needs.all()]
    year_jp = sum((r.jp for r in records), Decimal(0))
    gap_jp = sum((r.jp for r in records if r.development_need_id is not None), Decimal(0))
    competence = provide("talent.latest_competence", employee_ids=[plan.employee_id],
                         on=dt.date(plan.year, 12, 31), default={}) or {}
    return PlanSummary(plan=plan, needs=rows, year_jp=year_jp, gap_jp=gap_jp,
                       unlinked=[r for r in records if r.development_need_id is None],
                       competence=competence.get(plan.employee_id))
