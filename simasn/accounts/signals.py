"""Log-in and log-out events go to the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.dispatch import receiver

from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.interfaces import Interface


def _record(action: AuditAction, user: Any, label: str = "") -> None:
    with transaction.atomic():
        audit_record(
            actor=user,
            action=action,
            interface=Interface.WEB,
            object_type="accounts.user",
            object_id=getattr(user, "pk", "") or "",
            object_repr=label or getattr(user, "username", ""),
            instansi_id=getattr(user, "instansi_id", None),
        )


@receiver(user_logged_in)
def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(AuditAction.LOGIN, user)


@receiver(user_logged_out)
def on_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        _record(AuditAction.LOGOUT, user)


@receiver(user_login_failed)
def on_login_failed(sender: Any, credentials: dict, request: Any = None, **kwargs: Any) -> None:
    _record(AuditAction.LOGIN_FAILED, None, label=str(credentials.get("username", ""))[:150])
