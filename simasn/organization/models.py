"""Instansi (Pasal 1 angka 12-14), their units and officials (Pasal 29, 30), and the
national ASN institutions with their effective dates."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from simasn.core.models import ArchivableModel, ArchivableQuerySet, ScopedRecord, TimeStampedModel
from simasn.law.enums import InstansiKind

INSTANSI_KIND_CHOICES = [
    (InstansiKind.KEMENTERIAN.value, _("Kementerian")),
    (InstansiKind.LPNK.value, _("Lembaga Pemerintah Nonkementerian")),
    (InstansiKind.KESEKRETARIATAN_LEMBAGA_NEGARA.value, _("Kesekretariatan Lembaga Negara")),
    (InstansiKind.KESEKRETARIATAN_LNS.value, _("Kesekretariatan Lembaga Nonstruktural")),
    (InstansiKind.PROVINSI.value, _("Pemerintah Provinsi")),
    (InstansiKind.KABUPATEN.value, _("Pemerintah Kabupaten")),
    (InstansiKind.KOTA.value, _("Pemerintah Kota")),
]


class ValidityQuerySet(ArchivableQuerySet):
    def valid_on(self, on: dt.date) -> ValidityQuerySet:
        return self.filter(Q(valid_from__lte=on), Q(valid_until__isnull=True) | Q(valid_until__gte=on))


class Instansi(ScopedRecord, ArchivableModel, TimeStampedModel):
    code = models.CharField(_("kode"), max_length=20, unique=True)
    name = models.CharField(_("nama"), max_length=200, db_index=True)
    kind = models.CharField(_("jenis"), max_length=40, choices=INSTANSI_KIND_CHOICES)
    province = models.ForeignKey(
        "self", verbose_name=_("provinsi"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="regencies", limit_choices_to={"kind": InstansiKind.PROVINSI.value},
    )
    address = models.CharField(_("alamat"), max_length=300, blank=True)
    valid_from = models.DateField(_("berlaku sejak"), default=dt.date(1945, 8, 17))
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)

    objects = ValidityQuerySet.as_manager()
    scope_instansi_field = "id"

    class Meta:
        ordering = ["name"]
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")

    def __str__(self) -> str:
        return self.name

    @property
    def is_pusat(self) -> bool:
        """Instansi Pusat (Pasal 1 angka 13) or Instansi Daerah (Pasal 1 angka 14)."""
        return InstansiKind(self.kind).is_pusat

    @property
    def seat_town(self) -> str:
        """Where the instansi's documents are set or issued ("Ditetapkan di …", "Dikeluarkan di …"):
        the town of its address, else its regional name, else Jakarta (the central agencies)."""
        if self.address:
            return self.address.split(",")[0].strip()
        for prefix in ("Pemerintah Provinsi ", "Pemerintah Kabupaten ", "Pemerintah Kota "):
            if self.name.startswith(prefix):
                return self.name.removeprefix(prefix)
        return "Jakarta"


class Unit(ScopedRecord, ArchivableModel, TimeStampedModel):
    """An organisational unit of an instansi (a tree)."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="units")
    parent = models.ForeignKey(
        "self", verbose_name=_("unit induk"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.CharField(_("kode"), max_length=30)
    name = models.CharField(_("nama"), max_length=200)
    is_secretariat = models.BooleanField(
        _("unit kesekretariatan"), default=False,
        help_text=_("Kepala unit ini menandatangani berita acara sinkronisasi (PermenRK Pasal 5)."),
    )
    valid_from = models.DateField(_("berlaku sejak"), default=dt.date(1945, 8, 17))
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)

    objects = ArchivableQuerySet.as_manager()
    scope_instansi_field = "instansi_id"

    class Meta:
        ordering = ["instansi", "code"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "code"], name="unit_code_unique_per_instansi")
        ]
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")

    def __str__(self) -> str:
        return self.name


class OfficialRole(models.TextChoices):
    PPK = "PPK", _("Pejabat Pembina Kepegawaian")
    PYB = "PYB", _("Pejabat yang Berwenang")


class Official(ScopedRecord, ArchivableModel, TimeStampedModel):
    """The PPK (Pasal 29) or a PyB (Pasal 30) of an instansi for a period. An archived
    official still answers who held the office on a date (decrees signed then)."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="officials")
    role = models.CharField(_("peran"), max_length=3, choices=OfficialRole.choices)
    person_name = models.CharField(_("nama pejabat"), max_length=200)
    title = models.CharField(_("jabatan"), max_length=200)
    user = models.ForeignKey(
        "accounts.User", verbose_name=_("akun"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="official_roles",
    )
    valid_from = models.DateField(_("berlaku sejak"))
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)

    objects = ValidityQuerySet.as_manager()
    scope_instansi_field = "instansi_id"

    class Meta:
        ordering = ["instansi", "role", "-valid_from"]
        verbose_name = _("pejabat")
        verbose_name_plural = _("pejabat")

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.instansi}: {self.person_name}"


class NationalInstitution(TimeStampedModel):
    """KemenPANRB, BKN, LAN, KASN, Bappenas, Kemenkeu, the President's office.

    `valid_until` records when an institution's ASN functions ended (KASN: Pasal 70
    ayat (3) UU 20/2023 and the 2024 presidential regulations).
    """

    code = models.CharField(_("kode"), max_length=20, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    short_name = models.CharField(_("singkatan"), max_length=40)
    functions = models.TextField(_("fungsi"), blank=True)
    instansi = models.ForeignKey(
        Instansi, verbose_name=_("instansi dalam registri"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="national_roles",
    )
    is_sync_participant = models.BooleanField(
        _("peserta sinkronisasi rencana kerja"), default=False,
        help_text=_("PermenRK Pasal 2 ayat (1)."),
    )
    valid_from = models.DateField(_("berlaku sejak"))
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)
    legal_basis = models.CharField(_("dasar hukum"), max_length=300, blank=True)

    objects = ValidityQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("lembaga nasional")
        verbose_name_plural = _("lembaga nasional")

    def __str__(self) -> str:
        return self.short_name
