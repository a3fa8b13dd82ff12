"""Applying a decided action on its TMT (the daily job): the register's services write the employee."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.actions.models import RECORDED_TYPES, ActionState, ActionType, PersonnelAction
from simasn.actions.services._common import ENDING_TYPES, STATUS_AFTER
from simasn.actions.services.engine import _transition
from simasn.core.errors import ConflictError
from simasn.core.interfaces import Interface
from simasn.personnel import services as personnel_services
from simasn.personnel.models import Employee
from simasn.positions.models import Position


def _effects(action: PersonnelAction) -> dict[str, Any]:
    """Change the employee as the decided action says, through the register's services (the
    only writers of the employee and its position history); returns the changes (audited)."""
    if action.employee_id is None or action.action_type in RECORDED_TYPES:
        # Recorded SKs change nothing here on their TMT: a penalty is no change of position or
        # status, and an appointment entered the register with its TMT when it was recorded.
        return {}
    employee = Employee.objects.select_for_update().get(pk=action.employee_id)
    tmt = action.tmt
    assert tmt is not None
    common: dict[str, Any] = {
        "actor": None, "interface": Interface.SYSTEM, "employee": employee,
        "reason": _("Berlakunya SK %(sk)s") % {"sk": action.sk_number},
        "citations": list(action.citations), "extra": {"personnel_action": action.pk},
    }
    if action.action_type in (ActionType.APPOINTMENT, ActionType.TRANSFER):
        if action.position_id is None:  # what get(pk=None) raises
            raise Position.DoesNotExist("Position matching query does not exist.")
        position = Position.objects.select_related("unit").get(pk=action.position_id)
        return personnel_services.employee_assign_position(
            **common, position=position, start=tmt, sk_number=action.sk_number or "", sk_date=action.sk_date,
            source=f"tindakan:{action.pk}")
    status = STATUS_AFTER[ActionType(action.action_type)]
    if action.action_type in ENDING_TYPES:
        return personnel_services.employee_end_service(**common, status=status, on=tmt)
    return personnel_services.employee_set_status(**common, status=status)


def action_apply(*, action_id: int, on: dt.date, interface: Interface = Interface.SYSTEM) -> PersonnelAction:
    """Make a decided action effective on its TMT (the daily job; nobody else)."""

    def hook(action: PersonnelAction) -> dict[str, Any]:
        if action.tmt is None or action.tmt > on:
            raise ConflictError(_("TMT belum tiba."), code="not_due")
        _effects(action)
        return {"effective_at": timezone.now()}

    return _transition(actor=None, interface=interface, action_id=action_id, name="apply",
                       expected_version=None, on=on, hook=hook)


def apply_due_actions(*, on: dt.date, only: list[int] | None = None) -> list[int]:
    """Apply every decided action whose TMT is on or before ``on``.

    Safe to run twice (an applied action is EFFECTIVE and no longer selected; the
    conditional UPDATE makes a concurrent second run lose cleanly) and after missed
    days (everything due up to ``on`` is selected, oldest TMT first).
    """
    due = PersonnelAction.objects.filter(state=ActionState.DECIDED, tmt__lte=on)
    if only is not None:
        due = due.filter(pk__in=only)
    applied = []
    for pk in due.order_by("tmt", "id").values_list("pk", flat=True):
        try:
            action_apply(action_id=pk, on=on)
        except ConflictError:
            continue
        applied.append(pk)
    return applied
