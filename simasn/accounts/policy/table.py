"""The policy table assembled from the chapters' grants, and its two questions: how far
does a role reach on a resource for an action, and is that grant qualified.
`simasn.accounts.scope.Scope` asks these for every interface."""

from __future__ import annotations

from simasn.accounts.policy.grants import (
    Grants,
    cases,
    law,
    performance,
    planning,
    procurement,
    registry,
    rewards,
    talent,
    workplans,
)
from simasn.accounts.policy.qualifiers import QUALIFIED, Qualifier
from simasn.accounts.policy.resources import Action, Reach, Resource
from simasn.accounts.roles import Role

#: The chapters in the order they are merged: a later chapter's row for a role and resource
#: replaces an earlier one (none does today). A new chapter adds its module here.
CHAPTERS: tuple[Grants, ...] = (
    registry.REGISTRY_GRANTS,
    workplans.WORKPLAN_GRANTS,
    workplans.DETECTOR_GRANTS,
    law.LAW_GRANTS,
    planning.NEEDS_GRANTS,
    performance.PERFORMANCE_GRANTS,
    performance.OVERRIDE_GRANTS,
    procurement.PROCUREMENT_GRANTS,
    talent.TALENT_GRANTS,
    cases.DISCIPLINE_GRANTS,
    cases.DISPUTE_GRANTS,
    cases.CASE_SERVICE_GRANTS,
    rewards.REWARD_GRANTS,
)

POLICY: Grants = {}
for _chapter in CHAPTERS:
    for _role, _grants in _chapter.items():
        POLICY.setdefault(_role, {}).update(_grants)

#: Roles that stand for one national institution (by its code) without `User.institution`
#: set: their INSTANSI reach is that institution's part of a work-plan cycle (PermenRK) —
#: KemenPANRB's as the coordinator, the participants', and the recipients' of a dispatch.
ROLE_INSTITUTION: dict[Role, str] = {
    Role.KEMENPANRB: "KEMENPANRB", Role.LAN: "LAN", Role.BKN: "BKN", Role.KASN: "KASN", Role.BAPPENAS: "BAPPENAS",
    Role.KEMENKEU: "KEMENKEU", Role.PRESIDEN: "PRESIDEN",
}


def qualifier(role: str, resource: Resource) -> Qualifier | None:
    try:
        return QUALIFIED.get(Role(role), {}).get(resource)
    except ValueError:
        return None


def reach(role: str, resource: Resource, action: Action) -> Reach:
    try:
        return POLICY[Role(role)].get(resource, {}).get(action, Reach.NONE)
    except ValueError:
        return Reach.NONE
