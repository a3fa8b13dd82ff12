"""Writes on accounts: users, roles and API tokens."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.accounts.models import ApiToken, User
from simasn.accounts.roles import INSTANSI_ROLES, INSTITUTION_ROLES, STAFF_ROLES, Role
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface


def user_create(
    *,
    actor: Actor,
    interface: Interface,
    username: str,
    password: str,
    role: Role,
    full_name: str = "",
    email: str = "",
    instansi_id: int | None = None,
    institution_id: int | None = None,
    employee_id: int | None = None,
) -> User:
    if role in INSTANSI_ROLES and instansi_id is None:
        raise ApplicationError(
            _("Peran ini bertindak untuk satu instansi; pilih instansinya."),
            fields={"instansi": [_("Wajib diisi untuk peran ini.")]},
        )
    if role in INSTITUTION_ROLES and institution_id is None:
        raise ApplicationError(
            _("Peran ini bertindak untuk satu lembaga nasional; pilih lembaganya."),
            fields={"institution": [_("Wajib diisi untuk peran ini.")]},
        )
    if User.objects.filter(username=username).exists():
        raise ApplicationError(
            _("Nama pengguna sudah dipakai."), fields={"username": [_("Sudah dipakai.")]}
        )
    first, _sep, last = full_name.partition(" ")
    with transaction.atomic():
        user = User(
            username=username,
            email=email,
            first_name=first[:150],
            last_name=last[:150],
            role=role,
            instansi_id=instansi_id,
            institution_id=institution_id,
            employee_id=employee_id,
            # Record keepers may also use the (scoped) admin; officials use the web UI.
            is_staff=role in STAFF_ROLES,
            is_superuser=role == Role.ADMIN,
        )
        user.set_password(password)
        user.save()
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            interface=interface,
            obj=user,
            instansi_id=instansi_id,
            changes={"username": username, "role": str(role), "instansi": instansi_id},
        )
    return user


def api_token_create(*, actor: User, interface: Interface, name: str) -> tuple[ApiToken, str]:
    """Create a token for `actor` and return it with the raw key (shown once)."""
    raw, prefix, key_hash = ApiToken.generate()
    with transaction.atomic():
        token = ApiToken.objects.create(user=actor, name=name, prefix=prefix, key_hash=key_hash)
        audit_record(
            actor=actor, action=AuditAction.TOKEN_CREATED, interface=interface, obj=token,
            instansi_id=actor.instansi_id,
        )
    return token, raw


def api_token_revoke(*, actor: User, interface: Interface, token: ApiToken) -> ApiToken:
    """Revoke a token at once, in every process (the token cache is shared, see tokens.py).

    A user revokes their own tokens; a system administrator may revoke anyone's.
    """
    if token.user_id != actor.pk and not actor.is_superuser:
        raise PermissionDeniedError(_("Anda hanya dapat mencabut token milik Anda sendiri."))
    if token.revoked_at is not None:
        return token
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor, action=AuditAction.TOKEN_REVOKED, interface=interface, obj=token,
            instansi_id=token.user.instansi_id, extra={"prefix": token.prefix},
        )
    return token


#: `last_used_at` answers "is this token still in use?"; writing it at most once a minute
#: keeps a read-only API call free of a database write (bench/api.py, issue 6).
TOKEN_TOUCH_SECONDS = 60


def api_token_touch(token: ApiToken) -> bool:
    """Record a use at most once a minute; True when written (the caller keeps its cached
    copy in step: simasn.accounts.tokens)."""
    now = timezone.now()
    if token.last_used_at is not None and (now - token.last_used_at).total_seconds() < TOKEN_TOUCH_SECONDS:
        return False
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
    return True
