"""How far a viewer reaches into plans: the policy table through `Scope`, nothing else.

`Resource.PERFORMANCE_PLAN` is the plan's owner side (SELF = my own plans);
`Resource.PERFORMANCE_TEAM` is the appraiser's side: an employee's grant is qualified
(`Qualifier.APPRAISED_BY_ME`, PerformancePlan.scope_qualifiers) to the plans whose appraiser
— derived from the registry's hierarchy (simasn.performance.hierarchy) and stored on the
plan — is their own employee record; INSTANSI and NATIONAL read as everywhere else.
`Resource.PERFORMANCE_UNIT_RATING` is a unit's calibration: the officials' grant reaches the
instansi; an employee's is qualified (`Qualifier.UNITS_I_LEAD`) to the units they lead.
"""

from __future__ import annotations

from django.db.models import QuerySet

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import PermissionDeniedError
from simasn.performance.models import PerformancePeriod, PerformancePlan
from simasn.web.pages import not_allowed_message


def plans_for(viewer: Actor, action: Action = Action.VIEW) -> QuerySet[PerformancePlan]:
    """The plans `viewer` may act on as their owner or as their appraiser."""
    scope = Scope.of(viewer)
    plans = PerformancePlan.objects.all()
    return scope.filter(plans, Resource.PERFORMANCE_PLAN, action) | scope.filter(
        plans, Resource.PERFORMANCE_TEAM, action)


def can_act_as_owner(viewer: Actor, plan: PerformancePlan, action: Action) -> bool:
    return Scope.of(viewer).allows_object(Resource.PERFORMANCE_PLAN, action, plan)


def can_act_as_appraiser(viewer: Actor, plan: PerformancePlan, action: Action = Action.UPDATE) -> bool:
    """The plan's appraiser (the employee's qualified grant) or an official of the instansi."""
    return Scope.of(viewer).allows_object(Resource.PERFORMANCE_TEAM, action, plan)


def require(ok: bool) -> None:
    if not ok:
        raise PermissionDeniedError(not_allowed_message())


def led_unit_ids(viewer: Actor, period: PerformancePeriod) -> set[int] | None:
    """The units of `period` whose calibration `viewer` may see: None = every unit of the
    period's instansi (an official's grant), else the units a qualified grant reaches (the
    units the viewer leads; empty when none)."""
    scope = Scope.of(viewer)
    if not scope.is_qualified(Resource.PERFORMANCE_UNIT_RATING):
        ok = scope.allows(Resource.PERFORMANCE_UNIT_RATING, Action.VIEW, instansi_id=period.instansi_id)
        return None if ok else set()
    plans = scope.filter(PerformancePlan.objects.filter(period=period), Resource.PERFORMANCE_UNIT_RATING)
    return set(plans.values_list("unit_id", flat=True))


def can_see_unit(viewer: Actor, period: PerformancePeriod, unit_id: int) -> bool:
    found = led_unit_ids(viewer, period)
    return found is None or unit_id in found
