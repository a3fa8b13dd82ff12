"""Log-in and log-out events go to the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from simasn.accounts import tokens
from simasn.accounts.models import ApiToken, User
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


# The API token cache (simasn.accounts.tokens) forgets every token, in every process, when
# a token is saved (revoked) or deleted, and when a user is saved (deactivated, given
# another role or instansi) or deleted. A log-in only stamps `last_login`: that changes
# nothing a token grants, so it does not empty the cache. Bulk .update() calls send no
# signal: code that deactivates users in bulk calls tokens.forget() itself.
def _forget_token(sender: Any, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("update_fields") == frozenset({"last_used_at"}):
        return
    tokens.forget()


def _forget_user(sender: Any, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("update_fields") == frozenset({"last_login"}) or kwargs.get("created"):
        return
    tokens.forget()


def _connect_token_cache() -> None:
    post_save.connect(_forget_token, sender=ApiToken, dispatch_uid="simasn.tokens.token_saved")
    post_delete.connect(_forget_token, sender=ApiToken, dispatch_uid="simasn.tokens.token_deleted")
    post_save.connect(_forget_user, sender=User, dispatch_uid="simasn.tokens.user_saved")
    post_delete.connect(_forget_user, sender=User, dispatch_uid="simasn.tokens.user_deleted")


_connect_token_cache()
