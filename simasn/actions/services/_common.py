"""What the personnel-action services share: the statuses an action leaves, dates, refusals."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from simasn.accounts.actors import Actor
from simasn.actions.models import ActionType, PersonnelAction
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.law.enums import EmployeeStatus

#: The employee status each action type leaves on its TMT.
STATUS_AFTER = {
    ActionType.TEMPORARY_DISMISSAL: EmployeeStatus.DIBERHENTIKAN_SEMENTARA,
    ActionType.REACTIVATION: EmployeeStatus.AKTIF,
    ActionType.DISMISSAL: EmployeeStatus.BERHENTI,
    ActionType.RETIREMENT: EmployeeStatus.PENSIUN,
    ActionType.CONTRACT_END: EmployeeStatus.BERHENTI,
    ActionType.CANDIDACY_RESIGNATION: EmployeeStatus.BERHENTI,
}
ENDING_TYPES = (ActionType.DISMISSAL, ActionType.RETIREMENT, ActionType.CONTRACT_END,
                ActionType.CANDIDACY_RESIGNATION)


def _today() -> dt.date:
    return timezone.localdate()


def _jsonable_facts(facts: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in facts.items():
        if value in (None, ""):
            continue
        out[key] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def _audit_refusal(
    *, actor: Actor, interface: Interface, error: ApplicationError, step: str,
    action: PersonnelAction | None = None, instansi_id: int | None = None,
    employee_id: int | None = None, repr_: str = "",
) -> None:
    decision = getattr(error, "decision", None)
    with transaction.atomic():
        audit_record(
            actor=actor, action=AuditAction.REFUSED, interface=interface,
            object_type="actions.personnelaction",
            object_id=action.pk if action is not None else "",
            object_repr=(str(action) if action is not None else repr_)[:300],
            instansi_id=instansi_id if instansi_id is not None else getattr(action, "instansi_id", None),
            subject_employee_id=employee_id if employee_id is not None else getattr(action, "employee_id", None),
            reason=error.message, citations=decision.citations if decision is not None else [],
            extra={"step": step, "code": error.code},
        )
