"""Bulk import jobs: one row per import, with checkpoints committed per chunk."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from simasn.core.interfaces import Interface
from simasn.core.models import TimeStampedModel


class ImportStatus(models.TextChoices):
    # With a context: other apps translate the same words differently ("Selesai" = "Closed").
    QUEUED = "QUEUED", pgettext_lazy("status impor", "Menunggu")
    RUNNING = "RUNNING", pgettext_lazy("status impor", "Berjalan")
    DONE = "DONE", pgettext_lazy("status impor", "Selesai")
    FAILED = "FAILED", pgettext_lazy("status impor", "Gagal")


class ImportJob(TimeStampedModel):
    """An import of one register file.

    `processed_rows` is the checkpoint: every data row before it has been validated,
    and its valid rows loaded and its rejects recorded, in the same committed
    transaction. A crash loses at most the chunk in flight, which a rerun redoes.
    """

    file_name = models.CharField(_("nama berkas"), max_length=255)
    #: The upload's name in the working storage (simasn.core.storage); "" for a file named on
    #: the command line (never stored) and once the upload is deleted.
    upload_name = models.CharField(_("berkas unggahan"), max_length=300, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    file_format = models.CharField(_("format"), max_length=4)
    interface = models.CharField(_("antarmuka"), max_length=10, choices=Interface.choices)
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    total_rows = models.PositiveIntegerField(_("jumlah baris"), null=True, blank=True)
    processed_rows = models.PositiveIntegerField(_("baris diproses"), default=0)
    inserted = models.PositiveIntegerField(_("ditambahkan"), default=0)
    skipped = models.PositiveIntegerField(_("sudah ada (dilewati)"), default=0)
    rejected = models.PositiveIntegerField(_("ditolak"), default=0)
    started_at = models.DateTimeField(_("mulai"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    error = models.TextField(_("galat"), blank=True)
    #: The reject report's name in the working storage, once the job is done.
    reject_name = models.CharField(_("berkas penolakan"), max_length=300, blank=True)
    rows_per_second = models.FloatField(_("baris per detik"), null=True, blank=True)
    #: Written when the job starts and with every committed chunk: a web import whose
    #: heartbeat is older than SIMASN_IMPORT_STALE_SECONDS lost its worker and is resumed
    #: by the scheduler's watchdog (simasn.bulk.recovery).
    heartbeat_at = models.DateTimeField(_("detak terakhir"), null=True, blank=True, editable=False)
    #: Statements that rebuild the indexes and foreign keys a first national load dropped
    #: (simasn.bulk.deferral); empty once they are rebuilt.
    deferred_ddl = models.JSONField(_("indeks yang ditunda"), default=list, blank=True, editable=False)

    scope_instansi_field = "created_by__instansi_id"

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("impor pegawai")
        verbose_name_plural = _("impor pegawai")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @staticmethod
    def stale_after() -> dt.timedelta:
        """A running job silent for this long lost its worker (docs/bulk.md)."""
        return dt.timedelta(seconds=settings.SIMASN_IMPORT_STALE_SECONDS)

    @property
    def can_resume(self) -> bool:
        if not self.upload_name:  # a command-line import, or the upload was deleted (retention)
            return False
        if self.status == ImportStatus.FAILED:
            return True
        if self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING):
            return timezone.now() - (self.heartbeat_at or self.updated_at) > self.stale_after()
        return False

    @property
    def current_rate(self) -> float | None:
        """Rows per second so far (while running; the final figure once done)."""
        if self.rows_per_second:
            return self.rows_per_second
        if self.status != ImportStatus.RUNNING or not self.started_at or not self.processed_rows:
            return None
        seconds = (timezone.now() - self.started_at).total_seconds()
        return self.processed_rows / seconds if seconds > 0 else None

    @property
    def seconds_left(self) -> int | None:
        rate = self.current_rate
        if self.status != ImportStatus.RUNNING or not rate or not self.total_rows:
            return None
        return max(int((self.total_rows - self.processed_rows) / rate), 0)

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 100 if self.status == ImportStatus.DONE else 0
        return min(100, int(100 * self.processed_rows / self.total_rows))


class ImportReject(models.Model):
    """One refused value: row number in the file, column, reason (Indonesian)."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="rejects")
    row_number = models.PositiveIntegerField(_("baris"))
    column = models.CharField(_("kolom"), max_length=40)
    reason = models.TextField(_("alasan"))
    # So the operator finds the row after sorting the sheet: the value refused (masked for
    # sensitive columns), and whose row it is.
    value = models.CharField(_("nilai"), max_length=200, blank=True)
    nip = models.CharField(_("NIP"), max_length=40, blank=True)
    name = models.CharField(_("nama"), max_length=200, blank=True)

    class Meta:
        ordering = ["job", "row_number", "id"]
        indexes = [models.Index(fields=["job", "row_number"], name="bulk_reject_job_row_idx")]

    def __str__(self) -> str:
        return f"{self.row_number}:{self.column}"
