"""Reads of personnel actions and the retirement register/projection (the worklist builds on
these in simasn.actions.worklist), in modules along their seams: which actions a viewer sees
and what waits for them (`visibility`: the policy table through Scope — operators and
officials their instansi's actions and the transfers into it, the employee their own, BKN and
administrators all, the President's office the cases reserved to the President), the
BUP→SQL compiler (`bup_sql`) and the register, projection and overdue list built on it
(`retirement`). Import from this package; its names are stable.
"""

from __future__ import annotations

from simasn.actions.models import ActionType
from simasn.actions.selectors.bup_sql import REGISTER_FIELDS, bup_case, tmt_offset_case
from simasn.actions.selectors.retirement import (
    ENDING_TYPES,
    IN_SERVICE,
    PROJECTION_WORK_MEM,
    _scoped_employees,
    contracts_ended,
    open_action_types,
    overdue_filter,
    projection_less_overdue,
    projection_rows,
    retirement_overdue,
    retirement_overdue_counts,
    retirement_projection,
    retirement_register,
    tmt_pensiun_of,
)
from simasn.actions.selectors.visibility import (
    WAITING_KINDS,
    action_get,
    action_list,
    actions_waiting,
    can_view,
    document_get,
    document_verification,
)

__all__ = ["ENDING_TYPES", "IN_SERVICE", "PROJECTION_WORK_MEM", "REGISTER_FIELDS", "WAITING_KINDS", "ActionType",
           "_scoped_employees", "action_get", "action_list", "actions_waiting", "bup_case", "can_view",
           "contracts_ended", "document_get", "document_verification", "open_action_types", "overdue_filter",
           "projection_less_overdue", "projection_rows", "retirement_overdue", "retirement_overdue_counts", "retirement_projection",
           "retirement_register", "tmt_offset_case", "tmt_pensiun_of"]
