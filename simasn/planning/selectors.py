"""Reads of the planning app, within the viewer's scope (the policy table decides).

National roles read plans once the instansi has proposed them; a draft is the instansi's own
working copy. A draft policy is read only by those who may change it (KemenPANRB).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError
from simasn.law.enums import EmployeeType
from simasn.planning.models import FormasiProposal, NeedsLine, NeedsPlan, NeedsPolicy


def current_policy(fiscal_year: int) -> NeedsPolicy | None:
    """The latest published version for the year: what an instansi plans within."""
    return (NeedsPolicy.objects.filter(fiscal_year=fiscal_year, status=NeedsPolicy.Status.PUBLISHED)
            .order_by("-version_no").first())


def policy_list(*, viewer: User, q: str = "", fiscal_year: int | None = None) -> QuerySet[NeedsPolicy]:
    scope = Scope.of(viewer)
    if not scope.can(Resource.NEEDS_POLICY):
        return NeedsPolicy.objects.none()
    qs = NeedsPolicy.objects.all()
    if not scope.can(Resource.NEEDS_POLICY, Action.UPDATE):
        qs = qs.filter(status=NeedsPolicy.Status.PUBLISHED)
    if q.strip():
        qs = qs.filter(title__icontains=q.strip())
    if fiscal_year:
        qs = qs.filter(fiscal_year=fiscal_year)
    return qs.order_by("-fiscal_year", "-version_no")


def policy_get(*, viewer: User, pk: int) -> NeedsPolicy:
    policy = policy_list(viewer=viewer).filter(pk=pk).first()
    if policy is None:
        raise NotFoundError(_("Data tidak ditemukan."))
    return policy


def plan_list(*, viewer: User, q: str = "", fiscal_year: int | None = None, status: str = "",
              instansi_id: int | None = None) -> QuerySet[NeedsPlan]:
    scope = Scope.of(viewer)
    qs = scope.filter(NeedsPlan.objects.select_related("instansi", "policy"), Resource.NEEDS_PLAN)
    if scope.reach(Resource.NEEDS_PLAN, Action.VIEW) == Reach.NATIONAL:
        # Another instansi's draft is its own working copy until proposed.
        qs = qs.filter(~Q(status=NeedsPlan.Status.DRAFT) | Q(instansi_id=scope.instansi_id))
    if q.strip():
        qs = qs.filter(instansi__name__icontains=q.strip())
    if fiscal_year:
        qs = qs.filter(fiscal_year=fiscal_year)
    if status:
        qs = qs.filter(status=status)
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    return qs.order_by("-fiscal_year", "instansi__name", "id")


def plan_get(*, viewer: User, pk: int) -> NeedsPlan:
    plan = plan_list(viewer=viewer).filter(pk=pk).first()
    if plan is None:
        raise NotFoundError(_("Data tidak ditemukan."))
    return plan


def line_list(*, plan: NeedsPlan) -> QuerySet[NeedsLine]:
    """The lines of a plan the caller already got through plan_get."""
    return plan.lines.select_related("position", "position__unit").prefetch_related("proposals")


def line_get(*, viewer: User, pk: int) -> NeedsLine:
    line = NeedsLine.objects.select_related("plan", "position").filter(pk=pk).first()
    if line is None:
        raise NotFoundError(_("Data tidak ditemukan."))
    plan_get(viewer=viewer, pk=line.plan_id)
    return line


def proposal_get(*, viewer: User, pk: int) -> FormasiProposal:
    proposal = FormasiProposal.objects.select_related("line", "line__plan", "line__position").filter(pk=pk).first()
    if proposal is None:
        raise NotFoundError(_("Data tidak ditemukan."))
    plan_get(viewer=viewer, pk=proposal.line.plan_id)
    return proposal


def approved_formasi(*, fiscal_year: int, instansi_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """Formasi a penetapan kebutuhan approved (no access check: the provider's callers scope)."""
    qs = (FormasiProposal.objects.filter(line__plan__fiscal_year=fiscal_year,
                                         line__plan__status=NeedsPlan.Status.DECIDED, approved_count__gt=0)
          .select_related("line", "line__plan").order_by("line__plan__instansi_id", "line__position_id", "id"))
    if instansi_ids is not None:
        qs = qs.filter(line__plan__instansi_id__in=instansi_ids)
    return [{"id": p.pk, "fiscal_year": p.line.plan.fiscal_year, "instansi_id": p.line.plan.instansi_id,
             "position_id": p.line.position_id, "employee_type": p.employee_type,
             "formasi_type": p.formasi_type, "count": p.approved_count,
             "decided_on": p.line.plan.decision_date} for p in qs]


def _region(instansi: Any) -> str:
    if instansi.province_id:
        return str(instansi.province.name)
    if instansi.kind == "PROVINSI":
        return str(instansi.name)
    return str(_("Instansi Pusat")) if instansi.is_pusat else str(_("Tanpa provinsi"))


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def national_summary(*, viewer: User, fiscal_year: int) -> dict[str, Any]:
    """Proposed vs approved formasi and their yearly cost vs the budget ceilings, by job
    family and by region, over the plans the viewer may read that were proposed."""
    scope = Scope.of(viewer)
    if not scope.can(Resource.NEEDS_NATIONAL):
        return {"families": [], "regions": [], "totals": {}, "shares": []}
    plans = list(plan_list(viewer=viewer, fiscal_year=fiscal_year).exclude(status=NeedsPlan.Status.DRAFT)
                 .select_related("instansi__province"))
    policy = current_policy(fiscal_year)
    names = {p.job_family: p.name for p in policy.priorities.all()} if policy else {}
    targets = {p.job_family: p.target for p in policy.priorities.all()} if policy else {}
    zero = {"proposed": 0, "approved": 0, "cost": 0, "approved_cost": 0, "ceiling": 0, "plans": 0}
    families: dict[str, dict[str, Any]] = {}
    regions: dict[str, dict[str, Any]] = {}
    region_of = {p.pk: _region(p.instansi) for p in plans}
    for plan in plans:
        region = regions.setdefault(region_of[plan.pk], {"name": region_of[plan.pk], **zero})
        region["ceiling"] += int(plan.budget_ceiling)
        region["plans"] += 1
    proposals = (FormasiProposal.objects.filter(line__plan__in=plans)
                 .values_list("line__plan_id", "line__job_family", "proposed_count",
                              "approved_count", "monthly_salary", "employee_type"))
    by_type = {t.value: {"proposed": 0, "approved": 0} for t in EmployeeType}
    for plan_id, family, proposed, approved, monthly, employee_type in proposals:
        by_type[employee_type]["proposed"] += proposed
        by_type[employee_type]["approved"] += approved or 0
        row = families.setdefault(family, {"code": family, "name": names.get(family, family),
                                           "target": targets.get(family), **zero})
        for target in (row, regions[region_of[plan_id]]):
            target["proposed"] += proposed
            target["approved"] += approved or 0
            target["cost"] += int(monthly) * 12 * proposed
            target["approved_cost"] += int(monthly) * 12 * (approved or 0)
    totals = {key: sum(r[key] for r in regions.values()) for key in zero}
    decided = sum(1 for p in plans if p.status == NeedsPlan.Status.DECIDED)
    shares = [{"employee_type": t, **counts,
               "proposed_percent": _percent(counts["proposed"], totals["proposed"]),
               "approved_percent": _percent(counts["approved"], totals["approved"]),
               "policy_percent": (policy.pns_share_percent if t == EmployeeType.PNS else policy.pppk_share_percent)
               if policy else None} for t, counts in by_type.items()]
    return {"families": sorted(families.values(), key=lambda r: -r["proposed"]), "shares": shares,
            "regions": sorted(regions.values(), key=lambda r: r["name"]),
            "totals": {**totals, "decided": decided}, "policy": policy}
