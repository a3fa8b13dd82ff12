"""Disciplinary cases (PP 94/2021) and code-of-ethics cases (UU 20/2023 Pasal 4, 39).

One row is one case from report to decision:

    DILAPORKAN ──examine (BAP)──▶ DIPERIKSA ──decide──▶ DIPUTUS
         └───────────────┴──────close (not proven)──▶ DIHENTIKAN

The law's answers (level, allowed penalties, the officials with authority, the penalty
period) are stored with their citations so the decision shows what the law said on
the day. A code-of-ethics case (kind KODE_ETIK) is heard by the majelis kode etik and
ends in a moral sanction, never in a disciplinary penalty, and never counts in the
discipline record other chapters read.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import ScopedRecord, TimeStampedModel


class CaseKind(models.TextChoices):
    DISIPLIN = "DISIPLIN", _("Pelanggaran disiplin")
    KODE_ETIK = "KODE_ETIK", _("Pelanggaran kode etik")


class CaseState(models.TextChoices):
    DILAPORKAN = "DILAPORKAN", _("Dilaporkan")
    DIPERIKSA = "DIPERIKSA", _("Diperiksa")
    DIPUTUS = "DIPUTUS", _("Diputus")
    DIHENTIKAN = "DIHENTIKAN", _("Dihentikan")


OPEN_STATES = (CaseState.DILAPORKAN, CaseState.DIPERIKSA)


class DisciplineCase(ScopedRecord, TimeStampedModel):
    kind = models.CharField(_("jenis kasus"), max_length=10, choices=CaseKind.choices,
                            default=CaseKind.DISIPLIN)
    state = models.CharField(_("status"), max_length=12, choices=CaseState.choices,
                             default=CaseState.DILAPORKAN)
    instansi = models.ForeignKey("organization.Instansi", verbose_name=_("instansi"),
                                 on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey("personnel.Employee", verbose_name=_("pegawai"),
                                 on_delete=models.PROTECT, related_name="discipline_cases")
    # What was reported.
    breach = models.CharField(_("kewajiban/larangan yang dilanggar"), max_length=40, blank=True)
    ethics_value = models.CharField(_("nilai kode etik"), max_length=40, blank=True)
    reported_on = models.DateField(_("tanggal laporan"))
    report = models.TextField(_("uraian laporan"))
    # The examination (berita acara pemeriksaan).
    facts = models.JSONField(_("fakta"), default=dict, blank=True)
    examined_on = models.DateField(_("tanggal pemeriksaan"), null=True, blank=True)
    examiner_name = models.CharField(_("nama pemeriksa"), max_length=200, blank=True)
    examiner_title = models.CharField(_("jabatan pemeriksa"), max_length=200, blank=True)
    statement = models.TextField(_("keterangan terperiksa"), blank=True)
    findings = models.TextField(_("hasil pemeriksaan"), blank=True)
    # The law's answer at examination and at decision.
    level = models.CharField(_("tingkat hukuman"), max_length=10, blank=True)
    allowed_penalties = models.JSONField(_("hukuman yang dapat dijatuhkan"), default=list, blank=True)
    legal_outcome = models.JSONField(_("hasil aturan"), default=dict, blank=True)
    citations = models.JSONField(_("dasar hukum"), default=list, blank=True)
    explanation_id = models.TextField(_("penjelasan"), blank=True)
    explanation_en = models.TextField(blank=True)
    needs_legal_review = models.BooleanField(_("perlu kajian hukum"), default=False)
    review_reason = models.TextField(_("alasan kajian hukum"), blank=True)
    # The decision.
    penalty = models.CharField(_("jenis hukuman"), max_length=40, blank=True)
    moral_sanction = models.CharField(_("sanksi moral"), max_length=40, blank=True)
    authority_officials = models.JSONField(_("pejabat yang berwenang"), default=list, blank=True)
    authority_official = models.CharField(_("pejabat yang menghukum"), max_length=40, blank=True)
    decider_name = models.CharField(_("nama pejabat"), max_length=200, blank=True)
    decider_title = models.CharField(_("jabatan pejabat"), max_length=200, blank=True)
    decision_number = models.CharField(_("nomor keputusan"), max_length=100, null=True, blank=True,
                                       unique=True)
    decided_on = models.DateField(_("tanggal keputusan"), null=True, blank=True)
    decision_received_on = models.DateField(_("tanggal diterima pegawai"), null=True, blank=True)
    effective_date = models.DateField(_("mulai berlaku"), null=True, blank=True)
    ends_on = models.DateField(_("hari terakhir hukuman"), null=True, blank=True)
    period = models.JSONField(_("masa hukuman"), default=dict, blank=True)
    closed_reason = models.TextField(_("alasan penghentian"), blank=True)
    # A decision on a keberatan/banding (simasn.disputes) that changed this decision.
    remedy_outcome = models.CharField(_("hasil upaya administratif"), max_length=20, blank=True)
    remedy_reference = models.CharField(_("keputusan upaya administratif"), max_length=100, blank=True)
    original_penalty = models.CharField(_("hukuman semula"), max_length=40, blank=True)
    # The decision as an SK of the personnel-action register (provider actions.record_decree):
    # the id of that SK, so a remedy outcome amends it there too.
    sk_action_id = models.PositiveIntegerField(_("SK di register tindakan"), null=True, blank=True)

    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    examined_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    scope_instansi_field = "instansi_id"
    scope_self_field = "employee_id"

    class Meta:
        ordering = ["-reported_on", "-id"]
        indexes = [
            models.Index(fields=["instansi", "state"], name="discipline_instansi_state_idx"),
            models.Index(fields=["employee", "state"], name="discipline_employee_state_idx"),
        ]
        verbose_name = _("kasus disiplin")
        verbose_name_plural = _("kasus disiplin")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.employee.full_name}"

    @property
    def decided_or_reported(self):  # type: ignore[no-untyped-def]
        return self.decided_on or self.reported_on

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES
