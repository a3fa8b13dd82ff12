"""Upaya administratif (UU 20/2023 Pasal 64; PP 79/2021): keberatan and banding administratif.

    keberatan:  DIAJUKAN ──decide (the official who decided / the PPK)──▶ DIPUTUS
    banding:    DIAJUKAN ──answer (PPK to BPASN)──▶ DITANGGAPI ──decide (BPASN)──▶ DIPUTUS
                    └──── decide (BPASN, on the evidence, when the PPK stays silent) ─┘
    late filing: TIDAK_DITERIMA at once, with the law's reason (disputes.admissible).

The contested decision is described by its kind, issuer, number and dates (and, for a
decision of this system, ``source`` = "app.model:id"), so the law's remedy rule can
say which remedy applies and by when. Due dates are stored as the law counted them on
filing (the earliest and the latest reading) for the service-level dashboard.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import ScopedRecord, TimeStampedModel


class Route(models.TextChoices):
    KEBERATAN = "KEBERATAN", _("Keberatan")
    BANDING_ADMINISTRATIF = "BANDING_ADMINISTRATIF", _("Banding administratif")


class DisputeState(models.TextChoices):
    DIAJUKAN = "DIAJUKAN", _("Diajukan")
    TIDAK_DITERIMA = "TIDAK_DITERIMA", _("Tidak dapat diterima")
    DITANGGAPI = "DITANGGAPI", _("Ditanggapi PPK")
    DIPUTUS = "DIPUTUS", _("Diputus")


OPEN_STATES = (DisputeState.DIAJUKAN, DisputeState.DITANGGAPI)


class DecisionKind(models.TextChoices):
    PEMBERHENTIAN_PNS = "PEMBERHENTIAN_PNS", _("Pemberhentian PNS")
    PEMUTUSAN_HUBUNGAN_PERJANJIAN_KERJA_PPPK = (
        "PEMUTUSAN_HUBUNGAN_PERJANJIAN_KERJA_PPPK", _("Pemutusan hubungan perjanjian kerja PPPK"))
    HUKUMAN_DISIPLIN = "HUKUMAN_DISIPLIN", _("Hukuman disiplin")
    LAINNYA = "LAINNYA", _("Keputusan kepegawaian lainnya")


class Issuer(models.TextChoices):
    PPK = "PPK", _("Pejabat Pembina Kepegawaian")
    PEJABAT = "PEJABAT", _("Pejabat lain")
    PRESIDEN = "PRESIDEN", _("Presiden")


class Outcome(models.TextChoices):
    MEMPERKUAT = "MEMPERKUAT", _("Memperkuat keputusan")
    MEMPERINGAN = "MEMPERINGAN", _("Memperingan")
    MEMPERBERAT = "MEMPERBERAT", _("Memperberat")
    MENGUBAH = "MENGUBAH", _("Mengubah")
    MEMBATALKAN = "MEMBATALKAN", _("Membatalkan keputusan")


class Dispute(ScopedRecord, TimeStampedModel):
    route = models.CharField(_("upaya"), max_length=30, choices=Route.choices)
    state = models.CharField(_("status"), max_length=20, choices=DisputeState.choices,
                             default=DisputeState.DIAJUKAN)
    instansi = models.ForeignKey("organization.Instansi", verbose_name=_("instansi"),
                                 on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey("personnel.Employee", verbose_name=_("pegawai"),
                                 on_delete=models.PROTECT, related_name="disputes")
    # The contested decision.
    decision_kind = models.CharField(_("jenis keputusan"), max_length=50, choices=DecisionKind.choices)
    issuer = models.CharField(_("penetap keputusan"), max_length=10, choices=Issuer.choices, default=Issuer.PPK)
    penalty = models.CharField(_("jenis hukuman"), max_length=40, blank=True)
    decision_number = models.CharField(_("nomor keputusan"), max_length=100)
    decision_date = models.DateField(_("tanggal keputusan"))
    decision_received_date = models.DateField(_("tanggal keputusan diterima"), null=True, blank=True)
    source = models.CharField(_("sumber keputusan"), max_length=80, blank=True)
    # The filing.
    filed_on = models.DateField(_("tanggal diajukan"))
    grounds = models.TextField(_("alasan"))
    body = models.CharField(_("diajukan kepada"), max_length=20)
    filing_due = models.DateField(_("batas pengajuan"), null=True, blank=True)
    admissible = models.BooleanField(_("tepat waktu"), null=True)
    admissibility = models.JSONField(_("pemeriksaan tenggat"), default=dict, blank=True)
    # The next deadlines (earliest / latest reading).
    answer_due = models.DateField(_("batas tanggapan PPK"), null=True, blank=True)
    decide_due = models.DateField(_("batas keputusan"), null=True, blank=True)
    decide_due_latest = models.DateField(_("batas keputusan (tafsiran terakhir)"), null=True, blank=True)
    citations = models.JSONField(_("dasar hukum"), default=list, blank=True)
    needs_legal_review = models.BooleanField(_("perlu kajian hukum"), default=False)
    review_reason = models.TextField(_("alasan kajian hukum"), blank=True)  # the law's English wording
    review_reason_id = models.TextField(_("alasan kajian hukum (bahasa Indonesia)"), blank=True)
    # The PPK's answer to BPASN (banding).
    answer = models.TextField(_("tanggapan PPK"), blank=True)
    answered_on = models.DateField(_("tanggal tanggapan"), null=True, blank=True)
    # The decision on the remedy.
    outcome = models.CharField(_("hasil"), max_length=20, choices=Outcome.choices, blank=True)
    new_penalty = models.CharField(_("hukuman pengganti"), max_length=40, blank=True)
    outcome_reason = models.TextField(_("pertimbangan"), blank=True)
    decided_on = models.DateField(_("tanggal keputusan atas upaya"), null=True, blank=True)
    decided_late = models.BooleanField(_("diputus setelah batas waktu"), default=False)
    result_number = models.CharField(_("nomor keputusan atas upaya"), max_length=100, null=True, blank=True,
                                     unique=True)
    source_amended = models.BooleanField(_("keputusan semula telah diubah"), default=False)

    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    scope_instansi_field = "instansi_id"
    scope_self_field = "employee_id"

    class Meta:
        ordering = ["-filed_on", "-id"]
        indexes = [
            models.Index(fields=["instansi", "state"], name="dispute_instansi_state_idx"),
            models.Index(fields=["state", "decide_due"], name="dispute_state_due_idx"),
        ]
        verbose_name = _("upaya administratif")
        verbose_name_plural = _("upaya administratif")

    def __str__(self) -> str:
        return f"{self.get_route_display()} — {self.employee.full_name} ({self.decision_number})"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES
