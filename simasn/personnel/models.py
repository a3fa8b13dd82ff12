"""Pegawai ASN (PNS and PPPK — UU 20/2023 Pasal 1 angka 2-4, Pasal 5, 7) and their
position history.

Religion, marital status, disability, NIK and home address are personal data kept
for administration only (UU 27/2022). No merit decision may read them (Pasal 2 huruf
j; `simasn.law` rule `merit_inputs`); lists and exports mask them, and opening them
in full writes a "viewed" audit event.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import ScopedRecord, TimeStampedModel
from simasn.law.enums import EmployeeStatus, EmployeeType, Sex

EMPLOYEE_TYPE_CHOICES = [
    (EmployeeType.PNS.value, _("PNS — Pegawai Negeri Sipil")),
    (EmployeeType.PPPK.value, _("PPPK — Pegawai Pemerintah dengan Perjanjian Kerja")),
]
SEX_CHOICES = [(Sex.LAKI_LAKI.value, _("Laki-laki")), (Sex.PEREMPUAN.value, _("Perempuan"))]
STATUS_CHOICES = [
    (EmployeeStatus.AKTIF.value, _("Aktif")),
    (EmployeeStatus.DIBERHENTIKAN_SEMENTARA.value, _("Diberhentikan sementara")),
    (EmployeeStatus.BERHENTI.value, _("Berhenti")),
    (EmployeeStatus.PENSIUN.value, _("Pensiun")),
]


class Religion(models.TextChoices):
    ISLAM = "ISLAM", _("Islam")
    KRISTEN = "KRISTEN", _("Kristen")
    KATOLIK = "KATOLIK", _("Katolik")
    HINDU = "HINDU", _("Hindu")
    BUDDHA = "BUDDHA", _("Buddha")
    KONGHUCU = "KONGHUCU", _("Khonghucu")
    KEPERCAYAAN = "KEPERCAYAAN", _("Kepercayaan terhadap Tuhan YME")


class MaritalStatus(models.TextChoices):
    BELUM_KAWIN = "BELUM_KAWIN", _("Belum kawin")
    KAWIN = "KAWIN", _("Kawin")
    CERAI_HIDUP = "CERAI_HIDUP", _("Cerai hidup")
    CERAI_MATI = "CERAI_MATI", _("Cerai mati")


class EducationLevel(models.TextChoices):
    SD = "SD", _("SD")
    SMP = "SMP", _("SMP")
    SMA = "SMA", _("SMA/SMK")
    D1 = "D1", _("D-I")
    D2 = "D2", _("D-II")
    D3 = "D3", _("D-III")
    D4 = "D4", _("D-IV")
    S1 = "S1", _("S-1")
    S2 = "S2", _("S-2")
    S3 = "S3", _("S-3")


#: Fields that are masked in lists and exports and audited when opened in full.
SENSITIVE_FIELDS = ("nik", "religion", "marital_status", "disability", "home_address")


class Employee(ScopedRecord, TimeStampedModel):
    # No single-column index: (instansi, name) below serves every filter on instansi (ADR 0007).
    instansi = models.ForeignKey(
        "organization.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT,
        related_name="employees", db_index=False,
    )
    unit = models.ForeignKey(
        "organization.Unit", verbose_name=_("unit kerja"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="employees",
    )
    position = models.ForeignKey(
        "positions.Position", verbose_name=_("jabatan"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="holders",
    )
    employee_type = models.CharField(_("jenis pegawai"), max_length=4, choices=EMPLOYEE_TYPE_CHOICES)
    nip = models.CharField(
        _("NIP"), max_length=18, unique=True,
        help_text=_("18 angka. PNS: tanggal lahir (8) + TMT CPNS tahun-bulan (6) + jenis kelamin (1) + "
                    "nomor urut (3). Diperiksa menurut UU 20/2023 Pasal 7."),
    )
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    front_title = models.CharField(_("gelar depan"), max_length=40, blank=True)
    name = models.CharField(_("nama"), max_length=200)
    back_title = models.CharField(_("gelar belakang"), max_length=60, blank=True)
    birth_date = models.DateField(_("tanggal lahir"))
    birth_place = models.CharField(_("tempat lahir"), max_length=100, blank=True)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=SEX_CHOICES)
    religion = models.CharField(_("agama"), max_length=20, choices=Religion.choices, blank=True)
    marital_status = models.CharField(
        _("status perkawinan"), max_length=20, choices=MaritalStatus.choices, blank=True
    )
    disability = models.CharField(_("disabilitas"), max_length=200, blank=True)
    home_address = models.CharField(_("alamat rumah"), max_length=300, blank=True)
    education_level = models.CharField(
        _("pendidikan terakhir"), max_length=3, choices=EducationLevel.choices, blank=True
    )
    education_major = models.CharField(_("jurusan"), max_length=150, blank=True)
    rank = models.CharField(
        _("golongan"), max_length=6, blank=True,
        help_text=_("PNS: golongan/ruang I/a-IV/e; PPPK: golongan I-XVII."),
    )
    tmt_cpns = models.DateField(_("TMT CPNS"), null=True, blank=True)
    tmt_pns = models.DateField(_("TMT PNS"), null=True, blank=True)
    contract_start = models.DateField(_("awal perjanjian kerja"), null=True, blank=True)
    contract_end = models.DateField(_("akhir perjanjian kerja"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=30, choices=STATUS_CHOICES, default=EmployeeStatus.AKTIF.value
    )
    email = models.EmailField(_("surel"), blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)

    # Who created/changed a row is shown, never searched: no index to keep up on 4.3 M rows.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False, db_index=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False, db_index=False,
    )

    scope_instansi_field = "instansi_id"
    scope_self_field = "id"

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["instansi", "name"], name="employee_instansi_name_idx"),
            models.Index(fields=["birth_date"], name="employee_birth_date_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(employee_type=EmployeeType.PPPK.value)
                | models.Q(contract_start__isnull=False),
                name="pppk_has_contract_start",
            ),
        ]
        verbose_name = _("pegawai ASN")
        verbose_name_plural = _("pegawai ASN")

    def __str__(self) -> str:
        return f"{self.full_name} ({self.nip})"

    @property
    def full_name(self) -> str:
        name = self.name
        if self.front_title:
            name = f"{self.front_title} {name}"
        if self.back_title:
            name = f"{name}, {self.back_title}"
        return name


class PositionHistory(models.Model):
    """Riwayat jabatan: one row per position held, with the decision that placed it."""

    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="position_history")
    instansi = models.ForeignKey("organization.Instansi", on_delete=models.PROTECT, related_name="+")
    position = models.ForeignKey(
        "positions.Position", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    position_name = models.CharField(_("jabatan"), max_length=200)
    unit_name = models.CharField(_("unit kerja"), max_length=200, blank=True)
    position_kind = models.CharField(_("jenis jabatan"), max_length=20, blank=True)
    start_date = models.DateField(_("TMT"))
    end_date = models.DateField(_("sampai"), null=True, blank=True)
    sk_number = models.CharField(_("nomor SK"), max_length=100, blank=True)
    sk_date = models.DateField(_("tanggal SK"), null=True, blank=True)
    legal_basis = models.CharField(_("dasar hukum"), max_length=300, blank=True)
    source = models.CharField(_("sumber"), max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_instansi_field = "employee__instansi_id"
    scope_self_field = "employee_id"

    class Meta:
        ordering = ["employee", "-start_date", "-id"]
        verbose_name = _("riwayat jabatan")
        verbose_name_plural = _("riwayat jabatan")

    def __str__(self) -> str:
        return f"{self.position_name} ({self.start_date})"

    @property
    def audit_instansi_id(self) -> int | None:
        return self.instansi_id

    @property
    def audit_subject_employee_id(self) -> int | None:
        return self.employee_id
