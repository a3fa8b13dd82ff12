from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from simasn.accounts.roles import INSTANSI_ROLES, TWO_FACTOR_ROLES, Role


class User(AbstractUser):
    """A person or system that logs in. Acts for one instansi or nationally."""

    role = models.CharField(_("peran"), max_length=30, choices=Role.choices, default=Role.PEGAWAI)
    instansi = models.ForeignKey(
        "organization.Instansi", verbose_name=_("instansi"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="users",
    )
    institution = models.ForeignKey(
        "organization.NationalInstitution", verbose_name=_("lembaga nasional"), null=True,
        blank=True, on_delete=models.PROTECT, related_name="users",
    )
    employee = models.OneToOneField(
        "personnel.Employee", verbose_name=_("data pegawai"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="user",
    )

    scope_instansi_field = "instansi_id"

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    @property
    def acts_nationally(self) -> bool:
        return Role(self.role) not in INSTANSI_ROLES

    @property
    def needs_two_factor(self) -> bool:
        return Role(self.role) in TWO_FACTOR_ROLES

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label)


def _hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for a system calling the API. Only its hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("nama"), max_length=100)
    prefix = models.CharField(max_length=8, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def generate() -> tuple[str, str, str]:
        raw = "sim_" + secrets.token_urlsafe(32)
        return raw, raw[:8], _hash_token(raw)

    @classmethod
    def lookup(cls, raw: str) -> ApiToken | None:
        # key_hash is unique: a plain get() needs no ORDER BY, and this runs on every API call.
        try:
            return cls.objects.select_related("user").get(
                key_hash=_hash_token(raw), revoked_at__isnull=True, user__is_active=True
            )
        except cls.DoesNotExist:
            return None
