"""Rewards and recognition (UU 20/2023 Pasal 21-23, 50-51).

- ``Award``: a motivational award (penghargaan motivasi, Pasal 21 ayat (2) huruf b and
  ayat (4): financial or non-financial) or another component of Pasal 21 ayat (2),
  recorded with the decision that granted it and its funding source (Pasal 50 ayat
  (2)-(3): APBN for an Instansi Pusat, APBD for an Instansi Daerah, from the law).
- ``SatyalancanaCandidate``: the year's assessment for the Satyalancana Karya Satya of
  one PNS (PP 25/1994 Pasal 4 via the law's rewards.satyalancana), recomputed for
  every employee so nobody eligible is missed; the PPK proposes from this list.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import ScopedRecord, TimeStampedModel


class Award(ScopedRecord, TimeStampedModel):
    instansi = models.ForeignKey("organization.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT,
                                 related_name="+")
    employee = models.ForeignKey("personnel.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT,
                                 related_name="awards")
    component = models.CharField(_("komponen"), max_length=40)
    form = models.CharField(_("bentuk"), max_length=40)
    title = models.CharField(_("nama penghargaan"), max_length=200)
    amount = models.DecimalField(_("nilai (Rp)"), max_digits=15, decimal_places=0, null=True, blank=True)
    decision_number = models.CharField(_("nomor keputusan"), max_length=100)
    decision_date = models.DateField(_("tanggal keputusan"))
    funding_source = models.CharField(_("sumber dana"), max_length=10, blank=True)
    citations = models.JSONField(_("dasar hukum"), default=list, blank=True)

    scope_instansi_field = "instansi_id"
    scope_self_field = "employee_id"

    class Meta:
        ordering = ["-decision_date", "-id"]
        verbose_name = _("penghargaan")
        verbose_name_plural = _("penghargaan")

    def __str__(self) -> str:
        return f"{self.title} — {self.employee.full_name}"


class CandidateState(models.TextChoices):
    CALON = "CALON", _("Memenuhi syarat")
    PERLU_KAJIAN = "PERLU_KAJIAN", _("Perlu kajian hukum")
    DIUSULKAN = "DIUSULKAN", _("Diusulkan")


class SatyalancanaCandidate(ScopedRecord, TimeStampedModel):
    year = models.PositiveSmallIntegerField(_("tahun"))
    instansi = models.ForeignKey("organization.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT,
                                 related_name="+")
    employee = models.ForeignKey("personnel.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT,
                                 related_name="satyalancana_candidacies")
    assessed_on = models.DateField(_("dinilai pada"))
    eligible_class = models.CharField(_("kelas"), max_length=10, blank=True)
    next_class = models.CharField(_("kelas berikutnya"), max_length=10, blank=True)
    next_class_on = models.DateField(_("kelas berikutnya pada"), null=True, blank=True)
    reason = models.TextField(_("alasan"), blank=True)
    state = models.CharField(_("status"), max_length=15, choices=CandidateState.choices, default=CandidateState.CALON)
    proposed_on = models.DateField(_("diusulkan pada"), null=True, blank=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    scope_instansi_field = "instansi_id"
    scope_self_field = "employee_id"

    class Meta:
        ordering = ["instansi_id", "employee__name", "id"]
        constraints = [models.UniqueConstraint(fields=["year", "employee"], name="satyalancana_once_a_year")]
        indexes = [models.Index(fields=["year", "instansi", "state"], name="satyalancana_year_idx")]
        verbose_name = _("calon Satyalancana Karya Satya")
        verbose_name_plural = _("calon Satyalancana Karya Satya")

    def __str__(self) -> str:
        return f"{self.year} {self.eligible_class} — {self.employee.full_name}"
