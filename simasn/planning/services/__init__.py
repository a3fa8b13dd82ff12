"""Writes of the planning app: the national needs policy and the instansi needs plans."""

from simasn.planning.services.plans import (
    line_add,
    line_refresh,
    line_remove,
    plan_create,
    plan_decide,
    plan_return,
    plan_submit,
    plan_totals,
    plan_update,
    proposal_review,
    proposal_set,
)
from simasn.planning.services.policy import (
    policy_create,
    policy_formasi_type_add,
    policy_new_version,
    policy_priority_add,
    policy_publish,
    policy_update,
)

__all__ = [
    "line_add", "line_refresh", "line_remove", "plan_create", "plan_decide", "plan_return", "plan_submit",
    "plan_totals", "plan_update", "policy_create", "policy_formasi_type_add", "policy_new_version",
    "policy_priority_add", "policy_publish", "policy_update", "proposal_review", "proposal_set",
]
