from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from simasn.core.audit_actions import AuditAction
from simasn.core.interfaces import Interface


class ScopedRecord:
    """A record filed under an instansi (and an employee) by the fields the policy table
    filters on (``scope_instansi_field``, ``scope_self_field``: ORM paths such as
    ``"plan__instansi_id"``). The audit trail reads the same paths, so a model states them
    once and gets ``audit_instansi_id`` / ``audit_subject_employee_id`` (simasn.core.audit).
    Where several instansi reach a record (a tuple of paths: the drafting and the receiving
    instansi of a transfer), it is filed under the first, its own."""

    scope_instansi_field: str | tuple[str, ...] = "instansi_id"
    scope_self_field: str | None = None

    def _scope_value(self, path: str) -> Any:
        value: Any = self
        for name in path.split("__"):
            if value is None:
                return None
            value = getattr(value, name)
        return value

    @property
    def audit_instansi_id(self) -> int | None:
        path = self.scope_instansi_field
        return self._scope_value(path if isinstance(path, str) else path[0])  # type: ignore[no-any-return]

    @property
    def audit_subject_employee_id(self) -> int | None:
        if self.scope_self_field is None:
            return None
        return self._scope_value(self.scope_self_field)  # type: ignore[no-any-return]


class TimeStampedModel(models.Model):
    """Created/modified on/by for every business row (the actor comes from the service)."""

    created_at = models.DateTimeField(_("dibuat pada"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("diubah pada"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )

    class Meta:
        abstract = True


class ArchivableQuerySet(models.QuerySet):
    """`active()` is what lists and choices show; `archived()` what the archive filter adds."""

    def active(self) -> Self:
        return self.filter(archived_at__isnull=True)

    def archived(self) -> Self:
        return self.filter(archived_at__isnull=False)

    def listed(self, *, include_archived: bool = False) -> Self:
        """What a list selector starts from: the active rows, or all with the archive filter."""
        return self if include_archived else self.active()


class ArchivableModel(models.Model):
    """Reference data with a legal meaning is archived with a reason, a date and who did it,
    never deleted: a decree of 2025 must still show its signer, unit and position in 2040.

    Copy this for any such table: inherit it (with TimeStampedModel), give the model
    `objects = ArchivableQuerySet.as_manager()` (or a queryset subclassing it), write the
    app's `<entity>_archive` service on `simasn.core.archiving.model_archive`, register
    guards for what an archive would break (`register_archive_guard`), hide archived rows in
    list selectors unless asked, and give the admin no delete (docs/CONVENTIONS.md).
    """

    archived_at = models.DateTimeField(_("diarsipkan pada"), null=True, blank=True, editable=False,
                                       db_index=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", editable=False, verbose_name=_("diarsipkan oleh"),
    )
    archive_reason = models.TextField(_("alasan pengarsipan"), blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class AuditEvent(models.Model):
    """One append-only row per change or sensitive read.

    The database refuses UPDATE and DELETE on this table (triggers installed by the
    migration, see simasn/core/audit_triggers.py), on PostgreSQL and SQLite alike.
    The actor and subject are stored without foreign-key constraints so that no
    cascade can ever rewrite history.
    """

    occurred_at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.DO_NOTHING,
        db_constraint=False, related_name="+",
    )
    actor_label = models.CharField(_("pelaku"), max_length=200)
    action = models.CharField(_("aksi"), max_length=40, choices=AuditAction.choices)
    interface = models.CharField(_("antarmuka"), max_length=10, choices=Interface.choices)
    object_type = models.CharField(_("jenis objek"), max_length=100)
    object_id = models.CharField(_("id objek"), max_length=64, blank=True)
    object_repr = models.CharField(_("objek"), max_length=300, blank=True)
    instansi_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    subject_employee_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    changes = models.JSONField(_("perubahan"), default=dict, blank=True)
    reason = models.TextField(_("alasan"), blank=True)
    citations = models.JSONField(_("dasar hukum"), default=list, blank=True)
    extra = models.JSONField(default=dict, blank=True)

    scope_instansi_field = "instansi_id"
    scope_self_field = "subject_employee_id"

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]
        verbose_name = _("peristiwa audit")
        verbose_name_plural = _("jejak audit")

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"


class ScheduledRun(models.Model):
    """One row per daily job and day: the scheduler's memory of what it enqueued."""

    job = models.CharField(max_length=200)
    run_date = models.DateField()
    enqueued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "run_date"], name="scheduled_run_once_per_day")]

    def __str__(self) -> str:
        return f"{self.job} @ {self.run_date}"
