"""The second factor (TOTP): enrolment, verification, replacement and the administrator's reset.

Rules (issue 10, item 1):
- A user who has no confirmed device may enrol one right after the password.
- A user who has a confirmed device must verify with it in this session before adding
  or replacing a device; without it the attempt is refused and audited.
- Only an administrator can remove a user's devices (a lost phone), audited with a reason.
- Every failed code is audited.
"""

from __future__ import annotations

import base64
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface


def has_confirmed_device(user: Any) -> bool:
    return any(devices_for_user(user, confirmed=True))


def session_verified(request: HttpRequest) -> bool:
    """True when this session passed the second factor (django-otp's OTPMiddleware)."""
    return bool(getattr(request.user, "is_verified", lambda: False)())


def manual_key(device: TOTPDevice) -> str:
    """The secret as authenticator apps take it when typed in: Base32, without padding."""
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def _record(user: User, action: AuditAction, *, reason: str = "", extra: dict | None = None,
            actor: User | None = None) -> None:
    audit_record(
        actor=actor or user, action=action, interface=Interface.WEB, obj=user,
        instansi_id=user.instansi_id, reason=reason, extra=extra,
    )


def enrolment_device(*, user: User, verified: bool) -> TOTPDevice:
    """The pending (unconfirmed) device to show for enrolment; created on first use.

    Refused (and audited) when the user already has a confirmed device and this session
    has not verified with it: a stolen password must not be enough to add a device.
    """
    if has_confirmed_device(user) and not verified:
        with transaction.atomic():
            _record(user, AuditAction.TWO_FACTOR_REFUSED,
                    reason="confirmed device exists; session not verified with it")
        raise PermissionDeniedError(
            _("Anda sudah memakai verifikasi dua langkah. Verifikasi dengan perangkat Anda "
              "terlebih dahulu untuk mengganti perangkat, atau minta administrator "
              "menyetel ulang."),
            code="two_factor_verify_first",
        )
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="SIMASN", confirmed=False)
    return device


def enrolment_confirm(*, user: User, device: TOTPDevice, token: str, verified: bool) -> TOTPDevice:
    """Confirm the pending device with a code from it; it replaces any earlier device."""
    # Checked again at the moment of writing: the session may have changed meanwhile.
    if has_confirmed_device(user) and not verified:
        enrolment_device(user=user, verified=False)  # raises, audited
    if not device.verify_token(token):
        with transaction.atomic():
            _record(user, AuditAction.TWO_FACTOR_FAILED, extra={"step": "enrolment"})
        raise ApplicationError(
            _("Kode verifikasi salah. Periksa jam pada ponsel Anda."),
            code="two_factor_wrong_code", fields={"token": [_("Kode salah.")]},
        )
    with transaction.atomic():
        replaced = TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk)
        count = replaced.count()
        replaced.delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        _record(user, AuditAction.TWO_FACTOR_ENROLLED, extra={"replaced_devices": count})
    return device


def verification_failed(*, user: User) -> None:
    """Audit one wrong code at log-in verification."""
    with transaction.atomic():
        _record(user, AuditAction.TWO_FACTOR_FAILED, extra={"step": "verify"})


def two_factor_reset(*, actor: User, interface: Interface, user: User, reason: str) -> int:
    """An administrator removes every device of `user` (lost or replaced phone).

    The user enrols again at the next log-in. Returns the number of devices removed.
    """
    Scope.of(actor).require(Resource.USER_TWO_FACTOR, Action.UPDATE, instansi_id=user.instansi_id)
    if not reason.strip():
        raise ApplicationError(_("Alasan penyetelan ulang wajib diisi."),
                               code="reason_required", fields={"reason": [_("Wajib diisi.")]})
    with transaction.atomic():
        devices = TOTPDevice.objects.filter(user=user)
        count = devices.count()
        devices.delete()
        audit_record(
            actor=actor, action=AuditAction.TWO_FACTOR_RESET, interface=interface, obj=user,
            instansi_id=user.instansi_id, reason=reason.strip(), extra={"devices_removed": count},
        )
    return count
