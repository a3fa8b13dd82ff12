"""Reads of the PermenRK procedure, each filtered by what the viewer's role may see."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from django.db.models import Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError
from simasn.workplans.models import (
    Activity,
    Coordination,
    Cycle,
    Draft,
    DraftProgram,
    EvaluationReport,
    Notification,
    PolicyDirection,
    Realization,
)

if TYPE_CHECKING:
    from django.db.models import Field


def cycle_list(*, viewer: User, q: str = "", stage: str = "") -> QuerySet[Cycle]:
    qs = Scope.of(viewer).filter(Cycle.objects.select_related("policy"), Resource.WORKPLAN)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(year_start__icontains=q))
    if stage:
        qs = qs.filter(stage=stage)
    return qs


def cycle_get(*, viewer: User, pk: int) -> Cycle:
    obj = cycle_list(viewer=viewer).filter(pk=pk).first()
    if obj is None:
        raise NotFoundError(_("Siklus sinkronisasi tidak ditemukan."))
    return obj


def policy_list(*, viewer: User) -> QuerySet[PolicyDirection]:
    if Scope.of(viewer).reach(Resource.WORKPLAN_POLICY, Action.VIEW) == Reach.NONE:
        return PolicyDirection.objects.none()
    qs = PolicyDirection.objects.all()
    if Scope.of(viewer).reach(Resource.WORKPLAN_POLICY, Action.UPDATE) == Reach.NONE:
        qs = qs.filter(status=PolicyDirection.Status.PUBLISHED)
    return qs


def policy_get(*, viewer: User, pk: int) -> PolicyDirection:
    obj = policy_list(viewer=viewer).filter(pk=pk).prefetch_related("programs__indicators").first()
    if obj is None:
        raise NotFoundError(_("Arah Kebijakan tidak ditemukan."))
    return obj


def draft_list(*, viewer: User, cycle: Cycle | None = None, kind: str = "") -> QuerySet[Draft]:
    qs = Scope.of(viewer).filter(
        Draft.objects.select_related("institution", "cycle", "previous_evaluation"), Resource.WORKPLAN_DRAFT)
    if cycle is not None:
        qs = qs.filter(cycle=cycle)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def draft_get(*, viewer: User, pk: int) -> Draft:
    # Recipients of a coordination letter read the aligned drafts sent to them (Pasal 7): a
    # qualified grant of the policy table (Draft.scope_qualifiers).
    obj = draft_list(viewer=viewer).filter(pk=pk).first()
    if obj is None:
        raise NotFoundError(_("Rancangan tidak ditemukan."))
    return obj


def draft_tree(*, cycle: Cycle, kind: str, institution_id: int | None = None) -> list[Draft]:
    """Drafts with their programmes and activities, for documents and analysis (no viewer)."""
    qs = Draft.objects.filter(cycle=cycle, kind=kind).select_related("institution").prefetch_related(
        Prefetch("programs", queryset=DraftProgram.objects.select_related("policy_program").prefetch_related(
            Prefetch("activities", queryset=Activity.objects.select_related("indicator")))))
    if institution_id is not None:
        qs = qs.filter(institution_id=institution_id)
    return list(qs.order_by("institution__code"))


def coordination_list(*, viewer: User) -> QuerySet[Coordination]:
    return Scope.of(viewer).filter(
        Coordination.objects.select_related("cycle").prefetch_related("recipients__institution"),
        Resource.WORKPLAN_COORDINATION)


def coordination_get(*, viewer: User, pk: int) -> Coordination:
    obj = coordination_list(viewer=viewer).filter(pk=pk).first()
    if obj is None:
        raise NotFoundError(_("Surat koordinasi tidak ditemukan."))
    return obj


def notification_list(*, viewer: User) -> QuerySet[Notification]:
    pk = getattr(viewer, "pk", None)
    return Notification.objects.filter(user_id=pk) if pk is not None else Notification.objects.none()


def evaluation_list(*, viewer: User, cycle: Cycle | None = None) -> QuerySet[EvaluationReport]:
    qs = Scope.of(viewer).filter(EvaluationReport.objects.select_related("institution", "cycle"),
                                 Resource.WORKPLAN_MONITORING)
    return qs.filter(cycle=cycle) if cycle is not None else qs


@dataclass
class ActivityProgress:
    activity: Activity
    institution: str
    target: Decimal
    realized: Decimal
    budget: int
    budget_realized: int
    quarters: dict[int, Realization] = field(default_factory=dict)

    @property
    def target_pct(self) -> float:
        return float(self.realized / self.target * 100) if self.target else 0.0

    @property
    def budget_pct(self) -> float:
        return self.budget_realized / self.budget * 100 if self.budget else 0.0


def monitoring_rows(*, viewer: User, cycle: Cycle, year: int) -> list[ActivityProgress]:
    """Realization against target for each aligned activity the viewer may see (Pasal 9)."""
    drafts = Scope.of(viewer).filter(Draft.objects.filter(cycle=cycle, kind=Draft.Kind.SELARAS), Resource.WORKPLAN_MONITORING)
    rows = []
    activities = (Activity.objects.filter(program__draft__in=drafts)
                  .select_related("program__draft__institution").order_by("program__draft__institution__code", "code")
                  .prefetch_related(Prefetch("realizations", queryset=Realization.objects.filter(year=year))))
    for act in activities:
        quarters = {r.quarter: r for r in act.realizations.all()}
        # Targets are cumulative: the latest quarter reported is the year's realization so far.
        latest = quarters[max(quarters)] if quarters else None
        rows.append(ActivityProgress(
            activity=act, institution=act.program.draft.institution.short_name, target=act.target,
            realized=latest.target_realized if latest else Decimal(0), budget=act.budget,
            budget_realized=sum(r.budget_realized for r in quarters.values()), quarters=quarters))
    return rows


def revision_chain(cycle: Cycle) -> list[Cycle]:
    root = cycle
    while root.revision_of_id:
        root = root.revision_of  # type: ignore[assignment]
    chain, frontier = [root], [root]
    while frontier:
        nxt = list(Cycle.objects.filter(revision_of__in=frontier).order_by("revision_no"))
        chain.extend(nxt)
        frontier = nxt
    return chain


DIFF_FIELDS = ("name", "output", "target", "target_unit", "budget", "unit_in_charge", "indicator")


def _values(activity: Activity) -> dict[str, Any]:
    """Comparable values: the indicator by its codes, since each policy version has its own rows."""
    values = {f: getattr(activity, f) for f in DIFF_FIELDS if f != "indicator"}
    ind = activity.indicator
    values["indicator"] = f"{ind.program.code}/{ind.code}" if ind is not None else ""
    return values


def _agreed_activities(cycle: Cycle) -> dict[tuple[str, str], Activity]:
    kind = Draft.Kind.SELARAS if cycle.drafts.filter(kind=Draft.Kind.SELARAS).exists() else Draft.Kind.USULAN
    return {(a.program.draft.institution.code, a.code): a for a in Activity.objects.filter(
        program__draft__cycle=cycle, program__draft__kind=kind).select_related("program__draft__institution",
                                                                              "indicator__program")}


def _verbose_name(name: str) -> str:
    """The verbose name of an Activity field (DIFF_FIELDS are fields of the model, no reverse relations)."""
    return str(cast("Field[Any, Any]", Activity._meta.get_field(name)).verbose_name)


def revision_diff(*, old: Cycle, new: Cycle) -> dict[str, Any]:
    """What changed in the agreed (or, before agreement, the drafted) activities (Pasal 8)."""
    before, after = _agreed_activities(old), _agreed_activities(new)
    changed = []
    for key in sorted(before.keys() & after.keys()):
        a, b = _values(before[key]), _values(after[key])
        fields = {_verbose_name(f): (a[f], b[f]) for f in DIFF_FIELDS if a[f] != b[f]}
        if fields:
            changed.append({"key": key, "activity": after[key], "fields": fields})
    budget = lambda acts: sum(a.budget for a in acts.values())  # noqa: E731
    return {
        "added": [after[k] for k in sorted(after.keys() - before.keys())],
        "removed": [before[k] for k in sorted(before.keys() - after.keys())],
        "changed": changed,
        "budget_before": budget(before), "budget_after": budget(after),
    }


def budget_by_institution(cycle: Cycle, kind: str) -> dict[str, int]:
    rows = (Activity.objects.filter(program__draft__cycle=cycle, program__draft__kind=kind)
            .values("program__draft__institution__short_name").annotate(total=Sum("budget")))
    result: dict[str, int] = defaultdict(int)
    for row in rows:
        result[row["program__draft__institution__short_name"]] += row["total"] or 0
    return dict(result)
