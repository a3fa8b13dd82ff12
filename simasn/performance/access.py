"""How far a viewer reaches into plans, read from the policy table only.

`Resource.PERFORMANCE_PLAN` is the plan's owner side (SELF = my own plans); for
`Resource.PERFORMANCE_TEAM`, SELF reach means "the plans I appraise": the appraiser is
derived from the registry's hierarchy (simasn.performance.hierarchy) and stored on the plan,
so the filter is on `appraiser_id`. INSTANSI and NATIONAL read as everywhere else.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import PermissionDeniedError
from simasn.performance.models import PerformancePlan
from simasn.web.pages import not_allowed_message


def plan_visibility(viewer: Actor, action: Action = Action.VIEW, *, prefix: str = "") -> Q:
    """The plans `viewer` may act on, as a Q (over `prefix` + plan fields)."""
    scope = Scope.of(viewer)
    q = Q(pk__in=[])
    for resource, self_field in ((Resource.PERFORMANCE_PLAN, "employee_id"),
                                 (Resource.PERFORMANCE_TEAM, "appraiser_id")):
        level = scope.reach(resource, action)
        if level == Reach.NATIONAL:
            return Q()
        if level == Reach.INSTANSI and scope.instansi_id is not None:
            q |= Q(**{f"{prefix}instansi_id": scope.instansi_id})
        elif level == Reach.SELF and scope.employee_id is not None:
            q |= Q(**{f"{prefix}{self_field}": scope.employee_id})
    return q


def plans_for(viewer: Actor, action: Action = Action.VIEW) -> QuerySet[PerformancePlan]:
    return PerformancePlan.objects.filter(plan_visibility(viewer, action))


def can_act_as_owner(viewer: Actor, plan: PerformancePlan, action: Action) -> bool:
    return Scope.of(viewer).allows(Resource.PERFORMANCE_PLAN, action, instansi_id=plan.instansi_id,
                                   employee_id=plan.employee_id)


def can_act_as_appraiser(viewer: Actor, plan: PerformancePlan, action: Action = Action.UPDATE) -> bool:
    """The plan's appraiser (SELF reach on the team) or an official of the instansi."""
    scope = Scope.of(viewer)
    level = scope.reach(Resource.PERFORMANCE_TEAM, action)
    if level == Reach.SELF:
        return scope.employee_id is not None and plan.appraiser_id == scope.employee_id
    return scope.allows(Resource.PERFORMANCE_TEAM, action, instansi_id=plan.instansi_id)


def require(ok: bool) -> None:
    if not ok:
        raise PermissionDeniedError(not_allowed_message())
