"""After the berita acara: coordination with Bappenas and Kemenkeu (Pasal 7), quarterly
realization and the evaluation reports (Pasal 9)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import TimeStampedModel
from simasn.core.storage import documents_storage
from simasn.workplans.models.base import INSTITUTION


class Coordination(TimeStampedModel):
    """The aligned drafts sent to Bappenas and/or Kemenkeu, copied to the President
    (Pasal 4 ayat (2) huruf b, Pasal 7)."""

    cycle = models.ForeignKey("workplans.Cycle", on_delete=models.PROTECT, related_name="coordinations")
    letter_number = models.CharField(_("nomor surat"), max_length=100)
    letter_date = models.DateField(_("tanggal surat"))
    note = models.TextField(_("catatan"), blank=True)
    sent_at = models.DateTimeField()
    pdf = models.FileField(storage=documents_storage, max_length=200, blank=True)

    scope_institution_field = "recipients__institution_id"

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{_('Surat')} {self.letter_number}"


class CoordinationRecipient(models.Model):
    coordination = models.ForeignKey(Coordination, on_delete=models.CASCADE, related_name="recipients")
    institution = models.ForeignKey(INSTITUTION, on_delete=models.PROTECT, related_name="+")
    is_copy = models.BooleanField(_("tembusan"), default=False)

    def __str__(self) -> str:
        return str(self.institution)


class Realization(TimeStampedModel):
    """Quarterly realization of an aligned activity (Pasal 9 ayat (1))."""

    activity = models.ForeignKey("workplans.Activity", on_delete=models.PROTECT, related_name="realizations")
    year = models.PositiveIntegerField(_("tahun"))
    quarter = models.PositiveSmallIntegerField(_("triwulan"), choices=[(q, f"TW {q}") for q in range(1, 5)])
    target_realized = models.DecimalField(_("realisasi target"), max_digits=18, decimal_places=2)
    budget_realized = models.BigIntegerField(_("realisasi anggaran (Rp)"))
    note = models.CharField(_("catatan"), max_length=400, blank=True)

    class Meta:
        ordering = ["activity", "year", "quarter"]
        constraints = [models.UniqueConstraint(fields=["activity", "year", "quarter"], name="wp_real_once")]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.year} TW{self.quarter}"


class EvaluationReport(TimeStampedModel):
    """Monitoring and evaluation of a participant's plan (Pasal 9)."""

    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Konsep")
        SUBMITTED = "SUBMITTED", _("Dilaporkan kepada Menteri")

    cycle = models.ForeignKey("workplans.Cycle", on_delete=models.PROTECT, related_name="evaluations")
    institution = models.ForeignKey(INSTITUTION, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField(_("tahun"))
    summary = models.TextField(_("hasil evaluasi"), blank=True)
    recommendations = models.TextField(_("rekomendasi untuk periode berikutnya"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("dilaporkan pada"), null=True, blank=True)

    scope_institution_field = "institution_id"

    class Meta:
        ordering = ["-year", "institution__code"]
        constraints = [models.UniqueConstraint(fields=["cycle", "institution", "year"], name="wp_eval_once")]

    def __str__(self) -> str:
        return f"{_('Evaluasi')} {self.institution} {self.year} — {self.cycle}"
