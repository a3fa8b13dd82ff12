"""Talent management (UU 20/2023 Pasal 46-47; PermenPANRB 3/2020).

- ``TalentAssessment``: one scored component of the potential axis (competence,
  potential, qualification, integrity/morality) with its date and source — imported from
  assessment centres and competency tests. The nine-box itself is never stored as a fact:
  it is computed by the law (``talent.box``) from the inputs dated on or before the day
  asked, so any past placement can be reproduced and explained.
- ``CriticalPosition`` and ``SuccessionCandidate``: the succession plan of a critical post.
- ``NationalPriority`` and ``MobilityProposal``: talent mobility within, between and out
  of agencies, and national mobility (Pasal 47), handed over to the personnel-action
  workflow for the SK.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import ScopedRecord, TimeStampedModel
from simasn.law.enums import TalentComponent

COMPONENT_CHOICES = [
    (TalentComponent.KOMPETENSI.value, _("Kompetensi")),
    (TalentComponent.POTENSI.value, _("Potensi")),
    (TalentComponent.KUALIFIKASI.value, _("Kualifikasi")),
    (TalentComponent.INTEGRITAS_MORALITAS.value, _("Integritas dan moralitas")),
]


class TalentAssessment(ScopedRecord, TimeStampedModel):
    employee = models.ForeignKey("personnel.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT,
                                 related_name="talent_assessments")
    component = models.CharField(_("komponen"), max_length=30, choices=COMPONENT_CHOICES)
    score = models.DecimalField(_("skor (0-100)"), max_digits=5, decimal_places=2)
    assessed_on = models.DateField(_("tanggal penilaian"))
    source = models.CharField(_("sumber"), max_length=200)
    reference = models.CharField(_("nomor laporan/berita acara"), max_length=100, blank=True)

    scope_instansi_field = "employee__instansi_id"
    scope_self_field = "employee_id"

    class Meta:
        ordering = ["-assessed_on", "-id"]
        indexes = [models.Index(fields=["employee", "component", "assessed_on"], name="talent_assess_emp_idx")]
        constraints = [models.CheckConstraint(condition=models.Q(score__gte=0) & models.Q(score__lte=100),
                                              name="talent_score_0_100")]
        verbose_name = _("hasil penilaian talenta")
        verbose_name_plural = _("hasil penilaian talenta")

    def __str__(self) -> str:
        return f"{self.get_component_display()} {self.score} ({self.assessed_on})"


class CriticalPosition(ScopedRecord, TimeStampedModel):
    """A post the instansi plans successors for (JPT and key administrator posts)."""

    position = models.OneToOneField("positions.Position", verbose_name=_("jabatan"), on_delete=models.PROTECT,
                                    related_name="critical_designation")
    reason = models.CharField(_("alasan kritis"), max_length=300)
    designated_on = models.DateField(_("ditetapkan pada"))

    scope_instansi_field = "position__instansi_id"

    class Meta:
        ordering = ["position__name"]
        verbose_name = _("jabatan kritis")
        verbose_name_plural = _("jabatan kritis")

    def __str__(self) -> str:
        return str(self.position)


class SuccessionCandidate(TimeStampedModel):
    critical_position = models.ForeignKey(CriticalPosition, on_delete=models.PROTECT, related_name="candidates")
    employee = models.ForeignKey("personnel.Employee", verbose_name=_("calon suksesor"), on_delete=models.PROTECT,
                                 related_name="+")
    readiness = models.CharField(_("kesiapan"), max_length=30)
    #: The placement when nominated (box, decision text, citations), for the record.
    box = models.PositiveSmallIntegerField(_("kotak saat dicalonkan"))
    grounds = models.JSONField(_("dasar pencalonan"), default=dict)
    nominated_on = models.DateField(_("dicalonkan pada"))
    note = models.CharField(_("catatan"), max_length=300, blank=True)

    scope_instansi_field = "critical_position__position__instansi_id"

    class Meta:
        ordering = ["readiness", "-box", "id"]
        constraints = [models.UniqueConstraint(fields=["critical_position", "employee"], name="one_nomination_per_post")]
        verbose_name = _("calon suksesor")
        verbose_name_plural = _("calon suksesor")

    def __str__(self) -> str:
        return f"{self.employee} → {self.critical_position}"

    @property
    def audit_instansi_id(self) -> int | None:
        return self.critical_position.position.instansi_id

    @property
    def audit_subject_employee_id(self) -> int | None:
        return self.employee_id


class NationalPriority(TimeStampedModel):
    """A national priority with its talent gap (Pasal 47): a job family in a region."""

    title = models.CharField(_("prioritas nasional"), max_length=300)
    job_family = models.CharField(_("rumpun jabatan"), max_length=60, help_text=_(
        "Jenis jabatan (mis. JPT_PRATAMA) atau rumpun jabatan fungsional."))
    #: The province (its instansi code, e.g. PROV-NTT); blank = the whole country.
    region = models.CharField(_("wilayah (kode instansi provinsi)"), max_length=20, blank=True)
    needed = models.PositiveIntegerField(_("kebutuhan talenta"))
    deadline = models.DateField(_("target waktu"))

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("prioritas nasional")
        verbose_name_plural = _("prioritas nasional")

    def __str__(self) -> str:
        return self.title


class MobilityKind(models.TextChoices):
    WITHIN = "DALAM_INSTANSI", _("Dalam satu instansi")
    BETWEEN = "ANTAR_INSTANSI", _("Antarinstansi")
    OUT = "KELUAR_PEMERINTAH", _("Keluar instansi pemerintah")
    NATIONAL = "NASIONAL", _("Mobilitas talenta nasional")


class MobilityState(models.TextChoices):
    PROPOSED = "DIUSULKAN", _("Diusulkan")
    ACCEPTED = "DITERIMA", _("Diterima instansi tujuan")
    HANDED_OVER = "DISERAHKAN", _("Diproses sebagai tindakan kepegawaian (SK)")
    REJECTED = "DITOLAK", _("Ditolak")


class MobilityProposal(ScopedRecord, TimeStampedModel):
    kind = models.CharField(_("jenis mobilitas"), max_length=20, choices=MobilityKind.choices)
    state = models.CharField(_("status"), max_length=12, choices=MobilityState.choices, default=MobilityState.PROPOSED)
    employee = models.ForeignKey("personnel.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT,
                                 related_name="+")
    source_instansi = models.ForeignKey("organization.Instansi", on_delete=models.PROTECT, related_name="+")
    target_position = models.ForeignKey("positions.Position", verbose_name=_("jabatan tujuan"), null=True,
                                        blank=True, on_delete=models.PROTECT, related_name="+")
    target_instansi = models.ForeignKey("organization.Instansi", verbose_name=_("instansi tujuan"), null=True,
                                        blank=True, on_delete=models.PROTECT, related_name="+")
    destination = models.CharField(_("tujuan di luar instansi pemerintah"), max_length=200, blank=True)
    priority = models.ForeignKey(NationalPriority, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="proposals")
    reason = models.TextField(_("alasan"))
    grounds = models.JSONField(_("dasar talenta"), default=dict)
    proposed_on = models.DateField(_("diusulkan pada"))
    accepted_on = models.DateField(_("diterima pada"), null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    handed_over_on = models.DateField(_("diserahkan pada"), null=True, blank=True)
    action_id = models.PositiveIntegerField(_("nomor tindakan kepegawaian"), null=True, blank=True)
    closed_reason = models.TextField(_("alasan penolakan"), blank=True)

    scope_instansi_field = "source_instansi_id"
    scope_self_field = "employee_id"

    class Meta:
        ordering = ["-proposed_on", "-id"]
        indexes = [models.Index(fields=["target_instansi", "state"], name="mobility_target_state_idx")]
        verbose_name = _("usul mobilitas talenta")
        verbose_name_plural = _("usul mobilitas talenta")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.employee}"

    @property
    def needs_acceptance(self) -> bool:
        return bool(self.target_instansi_id) and self.target_instansi_id != self.source_instansi_id
