"""Helpers every planning service uses: the citation, the audit event, a refusal."""

from __future__ import annotations

from typing import Any

from simasn.accounts.actors import User
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.law.grounds import Ground, cite


def audit(*, actor: User, interface: Interface, obj: Any, action: AuditAction = AuditAction.TRANSITION,
          grounds: tuple[Ground, ...] = (), citations: tuple[str, ...] = (), transition: str = "",
          changes: dict | None = None, reason: str = "") -> None:
    audit_record(actor=actor, action=action, interface=interface, obj=obj, changes=changes or {},
                 reason=reason, citations=list(dict.fromkeys([*cite(*grounds), *citations])),
                 extra={"transition": transition} if transition else None)


def refuse(message: str, code: str = "invalid", **fields: str) -> ApplicationError:
    return ApplicationError(message, code=code, fields={k: [v] for k, v in fields.items()})
