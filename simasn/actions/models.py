"""Personnel actions (tindakan kepegawaian) and their decision documents (SK).

One table holds every action type; its life is the workflow of
`simasn.actions.workflow` (DRAFT → PROPOSED → DECIDED → EFFECTIVE, or REJECTED /
WITHDRAWN with a reason). Legal facts and the law's answer (outcome, citations) are
stored with the action so that the SK and the audit trail show what the law said on
the day it was decided.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.accounts.policy import Own, Qualifier
from simasn.core.models import ScopedRecord, TimeStampedModel


class ActionType(models.TextChoices):
    APPOINTMENT = "APPOINTMENT", _("Pengangkatan dalam jabatan")
    TRANSFER = "TRANSFER", _("Pemindahan (mutasi)")
    TEMPORARY_DISMISSAL = "TEMPORARY_DISMISSAL", _("Pemberhentian sementara")
    REACTIVATION = "REACTIVATION", _("Pengaktifan kembali")
    DISMISSAL = "DISMISSAL", _("Pemberhentian")
    RETIREMENT = "RETIREMENT", _("Pemberhentian karena mencapai batas usia pensiun")
    CONTRACT_END = "CONTRACT_END", _("Berakhirnya perjanjian kerja PPPK")
    CANDIDACY_RESIGNATION = "CANDIDACY_RESIGNATION", _("Pengunduran diri karena pencalonan")
    # Recorded, not drafted here: the discipline chapter decides (PP 94/2021, with its own
    # authority rule) and hands the decision over as an SK (provider actions.record_decree).
    DISCIPLINE_PENALTY = "DISCIPLINE_PENALTY", _("Penjatuhan hukuman disiplin")
    # Recorded too: procurement appoints the selected of a decided formasi (UU 20/2023 Pasal 38)
    # and hands the appointment over as an SK (provider actions.record_appointment).
    CPNS_APPOINTMENT = "CPNS_APPOINTMENT", _("Pengangkatan CPNS")
    PPPK_APPOINTMENT = "PPPK_APPOINTMENT", _("Pengangkatan PPPK (perjanjian kerja)")


class ActionState(models.TextChoices):
    DRAFT = "DRAFT", _("Konsep")
    PROPOSED = "PROPOSED", _("Diusulkan")
    DECIDED = "DECIDED", _("Ditetapkan")
    EFFECTIVE = "EFFECTIVE", _("Berlaku")
    REJECTED = "REJECTED", _("Ditolak")
    WITHDRAWN = "WITHDRAWN", _("Ditarik")


OPEN_STATES = (ActionState.DRAFT, ActionState.PROPOSED, ActionState.DECIDED)

#: Short codes used in SK numbers.
TYPE_CODES = {
    ActionType.APPOINTMENT: "ANGKAT",
    ActionType.TRANSFER: "MUTASI",
    ActionType.TEMPORARY_DISMISSAL: "BHTSMT",
    ActionType.REACTIVATION: "AKTIF",
    ActionType.DISMISSAL: "BHT",
    ActionType.RETIREMENT: "PENSIUN",
    ActionType.CONTRACT_END: "PPPK",
    ActionType.CANDIDACY_RESIGNATION: "CALON",
    ActionType.DISCIPLINE_PENALTY: "HUKDIS",
    ActionType.CPNS_APPOINTMENT: "CPNS",
    ActionType.PPPK_APPOINTMENT: "PK-PPPK",
}

#: Types another chapter decides and records as an SK here; never drafted in /tindakan/.
RECORDED_TYPES = (ActionType.DISCIPLINE_PENALTY, ActionType.CPNS_APPOINTMENT, ActionType.PPPK_APPOINTMENT)

#: Recorded types that appoint: the register entry was made when they were recorded.
APPOINTING_TYPES = (ActionType.CPNS_APPOINTMENT, ActionType.PPPK_APPOINTMENT)


class PersonnelAction(ScopedRecord, TimeStampedModel):
    action_type = models.CharField(_("jenis tindakan"), max_length=30, choices=ActionType.choices)
    state = models.CharField(_("status"), max_length=10, choices=ActionState.choices,
                             default=ActionState.DRAFT)
    version = models.PositiveIntegerField(_("versi"), default=1)
    instansi = models.ForeignKey("organization.Instansi", verbose_name=_("instansi"),
                                 on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey("personnel.Employee", verbose_name=_("pegawai"), null=True,
                                 blank=True, on_delete=models.PROTECT, related_name="actions")
    candidate_type = models.CharField(_("jenis calon"), max_length=10, blank=True)
    candidate_name = models.CharField(_("nama calon"), max_length=200, blank=True)
    position = models.ForeignKey("positions.Position", verbose_name=_("jabatan tujuan"), null=True,
                                 blank=True, on_delete=models.PROTECT, related_name="+")
    target_instansi = models.ForeignKey(
        "organization.Instansi", verbose_name=_("instansi tujuan"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    facts = models.JSONField(_("fakta"), default=dict, blank=True)
    tmt = models.DateField(_("TMT"), null=True, blank=True)
    decider = models.CharField(_("penetap"), max_length=10, blank=True)
    proposer = models.CharField(_("pengusul"), max_length=10, blank=True)
    legal_outcome = models.JSONField(_("hasil aturan"), default=dict, blank=True)
    citations = models.JSONField(_("dasar hukum"), default=list, blank=True)
    explanation_id = models.TextField(_("penjelasan"), blank=True)
    explanation_en = models.TextField(blank=True)
    notes = models.TextField(_("catatan"), blank=True)

    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    proposed_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    accepted_at = models.DateTimeField(_("diterima instansi tujuan pada"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decider_name = models.CharField(_("nama penetap"), max_length=200, blank=True)
    decider_title = models.CharField(_("jabatan penetap"), max_length=200, blank=True)
    sk_number = models.CharField(_("nomor SK"), max_length=100, null=True, blank=True, unique=True)
    sk_date = models.DateField(_("tanggal SK"), null=True, blank=True)
    effective_at = models.DateTimeField(_("diberlakukan pada"), null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_reason = models.TextField(_("alasan penolakan/penarikan"), blank=True)

    # An action belongs to the drafting instansi and, for a transfer, the receiving one.
    scope_instansi_field = ("instansi_id", "target_instansi_id")
    scope_self_field = "employee_id"
    # The rows of the qualified grants of the policy table (the workflow's parties and the
    # President's cases); `decider` / `proposer` are the law's authority stored on the action.
    scope_qualifiers = {
        Qualifier.DRAFTING: {"instansi_id": Own.INSTANSI},
        Qualifier.PROPOSED_BY_PYB: {"instansi_id": Own.INSTANSI, "proposer": "PYB"},
        Qualifier.DECIDED_BY_PPK: {"instansi_id": Own.INSTANSI, "decider": "PPK"},
        Qualifier.RESERVED_TO_PRESIDENT: {"decider": "PRESIDEN"},
        Qualifier.RECEIVING: {"target_instansi_id": Own.INSTANSI, "action_type": "TRANSFER"},
    }

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["instansi", "state"], name="action_instansi_state_idx"),
            models.Index(fields=["target_instansi", "state"], name="action_target_state_idx"),
            models.Index(fields=["state", "tmt"], name="action_state_tmt_idx"),
        ]
        verbose_name = _("tindakan kepegawaian")
        verbose_name_plural = _("tindakan kepegawaian")

    def __str__(self) -> str:
        employee = self.employee if self.employee_id else None
        who = employee.full_name if employee is not None else self.candidate_name
        return f"{self.get_action_type_display()} — {who}"

    @property
    def is_between_instansi(self) -> bool:
        return bool(self.target_instansi_id) and self.target_instansi_id != self.instansi_id

    @property
    def needs_acceptance(self) -> bool:
        return self.action_type == ActionType.TRANSFER and self.is_between_instansi


class ActionDocument(ScopedRecord, models.Model):
    """An SK as generated: the file under MEDIA_ROOT and its SHA-256. Never rewritten."""

    action = models.ForeignKey(PersonnelAction, on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(_("jenis dokumen"), max_length=10, default="SK")
    file_name = models.CharField(_("berkas"), max_length=300, unique=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("ukuran (bita)"))
    #: Printed on every page with the public verification URL (the hash cannot be inside
    #: the file it hashes); the public page answers with number, date, issuer and hash.
    verification_code = models.CharField(_("kode verifikasi"), max_length=32, null=True, blank=True,
                                         unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    scope_instansi_field = ("action__instansi_id", "action__target_instansi_id")
    scope_self_field = "action__employee_id"
    scope_qualifiers = {Qualifier.RESERVED_TO_PRESIDENT: {"action__decider": "PRESIDEN"}}

    class Meta:
        constraints = [models.UniqueConstraint(fields=["action", "kind"], name="one_document_per_kind")]
        verbose_name = _("dokumen SK")
        verbose_name_plural = _("dokumen SK")

    def __str__(self) -> str:
        return f"{self.kind} {self.action.sk_number}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise RuntimeError("an SK document is immutable once stored")
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class AmendmentOutcome(models.TextChoices):
    """What a decision on a keberatan or banding (PP 79/2021) did to the SK."""

    MEMPERKUAT = "MEMPERKUAT", _("Dikuatkan")
    MEMPERINGAN = "MEMPERINGAN", _("Diperingan")
    MEMPERBERAT = "MEMPERBERAT", _("Diperberat")
    MENGUBAH = "MENGUBAH", _("Diubah")
    MEMBATALKAN = "MEMBATALKAN", _("Dibatalkan")


class ActionAmendment(ScopedRecord, models.Model):
    """A decision on an upaya administratif that upheld, changed or annulled this SK: kept
    beside the SK (which is never rewritten), shown on its page and in the register."""

    action = models.ForeignKey(PersonnelAction, on_delete=models.PROTECT, related_name="amendments")
    outcome = models.CharField(_("hasil"), max_length=20, choices=AmendmentOutcome.choices)
    reference = models.CharField(_("nomor keputusan upaya administratif"), max_length=100)
    decided_on = models.DateField(_("tanggal keputusan"))
    summary = models.TextField(_("uraian perubahan"), blank=True)
    source = models.CharField(_("sumber"), max_length=80, blank=True)
    #: The action drafted to undo or correct what the annulled SK already did to the register;
    #: decided by the official with authority through the ordinary workflow.
    follow_up = models.ForeignKey(PersonnelAction, verbose_name=_("tindakan tindak lanjut"), null=True,
                                  blank=True, on_delete=models.PROTECT, related_name="amending")
    #: Why the law leaves the correction open ("needs legal review"); empty when it does not.
    legal_review = models.TextField(_("perlu kajian hukum"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    scope_instansi_field = "action__instansi_id"
    scope_self_field = "action__employee_id"

    class Meta:
        ordering = ["decided_on", "id"]
        verbose_name = _("perubahan SK")
        verbose_name_plural = _("perubahan SK")

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} — {self.reference}"


class SkCounter(models.Model):
    """The last SK sequence number per issuer and year (locked while numbering)."""

    issuer = models.CharField(max_length=60)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "year"], name="sk_counter_unique")]

    def __str__(self) -> str:
        return f"{self.issuer} {self.year}: {self.last}"


class RetirementSummary(models.Model):
    """In-service employees counted by everything their TMT pensiun depends on.

    National and nameless: the retirement projection of a national viewer reads these
    few hundred thousand counts instead of 4.3 million employees (bench/projection.py).
    The BUP itself is not stored — the projection applies the BUP table in force when it
    is asked — so a change in the law shows at once; a change in the register shows at the
    next refresh (daily, after each bulk import, or `simasn refresh-retirement-summary`).
    """

    birth_year = models.PositiveSmallIntegerField()
    birth_month = models.PositiveSmallIntegerField()
    leap_day = models.PositiveSmallIntegerField(default=0)
    employee_type = models.CharField(max_length=4)
    # NULL, not "": an employee without a position (the projection's LEFT JOIN gives NULL).
    position_kind = models.CharField(max_length=20, null=True, blank=True)  # noqa: DJ001
    functional_family = models.CharField(max_length=60, null=True, blank=True)  # noqa: DJ001
    functional_level = models.CharField(max_length=20, null=True, blank=True)  # noqa: DJ001
    rank = models.CharField(max_length=6, blank=True)
    total = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["birth_year", "birth_month"], name="retirement_summary_birth_idx")]
        verbose_name = _("ringkasan pensiun")
        verbose_name_plural = _("ringkasan pensiun")

    def __str__(self) -> str:
        return f"{self.birth_year}-{self.birth_month:02d} {self.employee_type} {self.position_kind}: {self.total}"


class RetirementSummaryRefresh(models.Model):
    """When the summary was last rebuilt, from how many employees (the latest row counts)."""

    refreshed_at = models.DateTimeField(_("diperbarui pada"))
    employees = models.PositiveIntegerField(_("jumlah pegawai"))
    groups = models.PositiveIntegerField(_("jumlah kelompok"))
    seconds = models.FloatField(_("lama (detik)"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["-refreshed_at", "-id"]
        verbose_name = _("pembaruan ringkasan pensiun")
        verbose_name_plural = _("pembaruan ringkasan pensiun")

    def __str__(self) -> str:
        return f"{self.refreshed_at:%Y-%m-%d %H:%M} ({self.employees})"


class RetirementOverdueFlag(ScopedRecord, models.Model):
    """The daily job saw an employee past the TMT pensiun with no decision (flag only).

    One row per employee and TMT pensiun, written once by ``retirement_overdue_flag``
    with its audit event; the employee's status is never changed by it. The row stays
    after the retirement is decided (the record of how late it was).
    """

    employee = models.ForeignKey("personnel.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT,
                                 related_name="+")
    instansi = models.ForeignKey("organization.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT,
                                 related_name="+")
    tmt_pensiun = models.DateField(_("TMT pensiun"))
    flagged_on = models.DateField(_("ditandai pada"))

    scope_instansi_field = "instansi_id"
    scope_self_field = "employee_id"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["employee", "tmt_pensiun"], name="one_overdue_flag")]
        verbose_name = _("tanda pensiun terlambat")
        verbose_name_plural = _("tanda pensiun terlambat")

    def __str__(self) -> str:
        return f"{self.employee_id} {self.tmt_pensiun:%Y-%m-%d}"
