"""Needs planning of Pegawai ASN (UU 20/2023 Pasal 32-35).

- The Minister's national needs policy for a fiscal year (Pasal 32 ayat (1)-(2)): priority job
  families with national targets, the PNS/PPPK share and the special formasi types; versioned,
  read-only once published (ditetapkan).
- Each instansi's needs plan (Pasal 32 ayat (3), Pasal 35): per position the need from the
  workload analysis (ABK), the current holders, the projected retirements and the gap; the
  formasi proposed per employee type and formasi type, costed from the salary table and checked
  against the instansi's budget ceiling; proposed by the PPK, reviewed and decided (penetapan
  kebutuhan) by KemenPANRB per position and formasi type.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import ScopedRecord, TimeStampedModel
from simasn.law.enums import EmployeeType, FormasiType

EMPLOYEE_TYPES = [(t.value, t.value) for t in EmployeeType]
FORMASI_TYPE_CHOICES = [(member.value, member.value.replace("_", " ").title()) for member in FormasiType]


class NeedsPolicy(TimeStampedModel):
    """Kebijakan perencanaan kebutuhan Pegawai ASN secara nasional (Pasal 32 ayat (1))."""

    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Konsep")
        PUBLISHED = "PUBLISHED", _("Ditetapkan")

    fiscal_year = models.PositiveIntegerField(_("tahun anggaran"))
    version_no = models.PositiveIntegerField(_("versi"), default=1)
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="next_versions", verbose_name=_("versi sebelumnya"))
    title = models.CharField(_("judul"), max_length=250)
    #: Pasal 32 ayat (1): national priorities (RPJMN) and the state's fiscal capacity.
    basis = models.TextField(_("dasar prioritas nasional dan kemampuan keuangan negara"))
    pns_share_percent = models.PositiveSmallIntegerField(_("porsi PNS (%)"))
    national_target = models.PositiveIntegerField(_("target nasional formasi"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("ditetapkan pada"), null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("ditetapkan oleh"))
    change_note = models.TextField(_("catatan perubahan"), blank=True)

    class Meta:
        ordering = ["-fiscal_year", "-version_no"]
        verbose_name = _("kebijakan kebutuhan nasional")
        verbose_name_plural = _("kebijakan kebutuhan nasional")
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "version_no"], name="planning_policy_version"),
            models.CheckConstraint(condition=models.Q(pns_share_percent__lte=100), name="planning_policy_share"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.fiscal_year}, v{self.version_no})"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def pppk_share_percent(self) -> int:
        return 100 - self.pns_share_percent


class PolicyPriority(models.Model):
    """A priority job family with its national target (e.g. guru, tenaga kesehatan)."""

    policy = models.ForeignKey(NeedsPolicy, on_delete=models.CASCADE, related_name="priorities")
    job_family = models.SlugField(_("kode rumpun jabatan"), max_length=40)
    name = models.CharField(_("rumpun jabatan prioritas"), max_length=200)
    target = models.PositiveIntegerField(_("target nasional"))
    note = models.CharField(_("catatan"), max_length=300, blank=True)

    class Meta:
        ordering = ["policy", "job_family"]
        constraints = [models.UniqueConstraint(fields=["policy", "job_family"], name="planning_priority_family")]

    def __str__(self) -> str:
        return self.name


class PolicyFormasiType(models.Model):
    """A special formasi type the policy opens in its year (beside UMUM, always open)."""

    policy = models.ForeignKey(NeedsPolicy, on_delete=models.CASCADE, related_name="formasi_types")
    formasi_type = models.CharField(_("jenis formasi"), max_length=60, choices=FORMASI_TYPE_CHOICES)
    target = models.PositiveIntegerField(_("target nasional"), null=True, blank=True)
    note = models.CharField(_("catatan"), max_length=300, blank=True)

    class Meta:
        ordering = ["policy", "formasi_type"]
        constraints = [models.UniqueConstraint(fields=["policy", "formasi_type"], name="planning_policy_formasi")]

    def __str__(self) -> str:
        return self.get_formasi_type_display()


class NeedsPlan(ScopedRecord, TimeStampedModel):
    """Rencana kebutuhan Pegawai ASN of one instansi for one fiscal year (Pasal 32 ayat (3))."""

    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Konsep")
        SUBMITTED = "SUBMITTED", _("Diusulkan")
        RETURNED = "RETURNED", _("Dikembalikan untuk diperbaiki")
        DECIDED = "DECIDED", _("Ditetapkan")

    instansi = models.ForeignKey("organization.Instansi", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("instansi"))
    fiscal_year = models.PositiveIntegerField(_("tahun anggaran"))
    policy = models.ForeignKey(NeedsPolicy, on_delete=models.PROTECT, related_name="plans",
                               verbose_name=_("kebijakan yang diikuti"))
    budget_ceiling = models.DecimalField(_("pagu belanja pegawai baru (Rp/tahun)"), max_digits=18, decimal_places=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("diusulkan pada"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    return_note = models.TextField(_("catatan pengembalian"), blank=True)
    decided_at = models.DateTimeField(_("ditetapkan pada"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decision_number = models.CharField(_("nomor keputusan"), max_length=100, blank=True)
    decision_date = models.DateField(_("tanggal keputusan"), null=True, blank=True)
    decision_signer = models.CharField(_("penandatangan"), max_length=200, blank=True)
    #: The keputusan as signed: a PDF in the write-once document storage, by name and SHA-256.
    decision_file = models.CharField(_("berkas keputusan"), max_length=300, blank=True)
    decision_sha256 = models.CharField(_("SHA-256 berkas keputusan"), max_length=64, blank=True)

    scope_instansi_field = "instansi_id"

    class Meta:
        ordering = ["-fiscal_year", "instansi__name"]
        verbose_name = _("rencana kebutuhan")
        verbose_name_plural = _("rencana kebutuhan")
        constraints = [
            models.UniqueConstraint(fields=["instansi", "fiscal_year"], name="planning_plan_year"),
            # A decision number names one keputusan (the service says so first, in Indonesian).
            models.UniqueConstraint(fields=["decision_number"], condition=~models.Q(decision_number=""),
                                    name="planning_plan_decision_number"),
        ]
        indexes = [models.Index(fields=["fiscal_year", "status"], name="planning_plan_year_status")]

    def __str__(self) -> str:
        return f"{self.instansi} {self.fiscal_year}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class NeedsLine(ScopedRecord, models.Model):
    """One position of the plan: need (ABK) − holders + projected retirements = gap."""

    plan = models.ForeignKey(NeedsPlan, on_delete=models.CASCADE, related_name="lines")
    position = models.ForeignKey("positions.Position", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("jabatan"))
    job_family = models.SlugField(_("rumpun jabatan"), max_length=40)
    workload_hours = models.DecimalField(_("beban kerja (jam/tahun)"), max_digits=12, decimal_places=2)
    abk_need = models.PositiveIntegerField(_("kebutuhan (ABK)"))
    abk_exact = models.DecimalField(_("kebutuhan (ABK, tepat)"), max_digits=12, decimal_places=4)
    holders = models.PositiveIntegerField(_("pemangku saat ini"))
    retirements = models.PositiveIntegerField(_("proyeksi pensiun"))
    #: Holders whose retirement the law cannot date without legal review (not counted above).
    retirements_review = models.PositiveIntegerField(_("pensiun perlu kajian hukum"), default=0)
    gap = models.IntegerField(_("kekurangan"))
    computed_on = models.DateField(_("dihitung pada"))
    citations = models.JSONField(_("dasar hukum"), default=list)

    scope_instansi_field = "plan__instansi_id"

    class Meta:
        ordering = ["plan", "position__name"]
        constraints = [models.UniqueConstraint(fields=["plan", "position"], name="planning_line_position")]

    def __str__(self) -> str:
        return str(self.position)


class FormasiProposal(ScopedRecord, models.Model):
    """Formasi proposed for one position, employee type and formasi type, and its decision."""

    line = models.ForeignKey(NeedsLine, on_delete=models.CASCADE, related_name="proposals")
    employee_type = models.CharField(_("jenis pegawai"), max_length=4, choices=EMPLOYEE_TYPES)
    formasi_type = models.CharField(_("jenis formasi"), max_length=60, choices=FORMASI_TYPE_CHOICES)
    proposed_count = models.PositiveIntegerField(_("jumlah diusulkan"))
    #: Entry golongan/ruang (PNS) or golongan (PPPK) the cost is read at.
    entry_rank = models.CharField(_("golongan awal"), max_length=6)
    monthly_salary = models.DecimalField(_("gaji pokok per bulan (Rp)"), max_digits=14, decimal_places=0)
    salary_citation = models.CharField(_("dasar gaji"), max_length=300, blank=True)
    approved_count = models.PositiveIntegerField(_("jumlah ditetapkan"), null=True, blank=True)
    review_note = models.CharField(_("catatan penelaahan"), max_length=300, blank=True)

    scope_instansi_field = "line__plan__instansi_id"

    class Meta:
        ordering = ["line", "employee_type", "formasi_type"]
        constraints = [models.UniqueConstraint(fields=["line", "employee_type", "formasi_type"],
                                               name="planning_proposal_kind")]

    def __str__(self) -> str:
        return f"{self.line.position} {self.employee_type} {self.formasi_type}"

    @property
    def annual_cost(self) -> Decimal:
        return self.monthly_salary * 12 * self.proposed_count

    @property
    def approved_annual_cost(self) -> Decimal:
        return self.monthly_salary * 12 * (self.approved_count or 0)
