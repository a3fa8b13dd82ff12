"""The Jabatan ASN catalogue — UU 20/2023 Pasal 13, 14, 18."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import ArchivableModel, ArchivableQuerySet, ScopedRecord, TimeStampedModel
from simasn.law.enums import FunctionalLevel, PositionKind

POSITION_KIND_CHOICES = [
    (PositionKind.JPT_UTAMA.value, _("Jabatan Pimpinan Tinggi Utama")),
    (PositionKind.JPT_MADYA.value, _("Jabatan Pimpinan Tinggi Madya")),
    (PositionKind.JPT_PRATAMA.value, _("Jabatan Pimpinan Tinggi Pratama")),
    (PositionKind.ADMINISTRATOR.value, _("Jabatan Administrator")),
    (PositionKind.PENGAWAS.value, _("Jabatan Pengawas")),
    (PositionKind.FUNGSIONAL.value, _("Jabatan Fungsional")),
    (PositionKind.PELAKSANA.value, _("Jabatan Pelaksana")),
]

FUNCTIONAL_LEVEL_CHOICES = [
    (FunctionalLevel.PEMULA.value, _("Pemula")),
    (FunctionalLevel.TERAMPIL.value, _("Terampil")),
    (FunctionalLevel.MAHIR.value, _("Mahir")),
    (FunctionalLevel.PENYELIA.value, _("Penyelia")),
    (FunctionalLevel.AHLI_PERTAMA.value, _("Ahli Pertama")),
    (FunctionalLevel.AHLI_MUDA.value, _("Ahli Muda")),
    (FunctionalLevel.AHLI_MADYA.value, _("Ahli Madya")),
    (FunctionalLevel.AHLI_UTAMA.value, _("Ahli Utama")),
]


class Position(ScopedRecord, ArchivableModel, TimeStampedModel):
    """A position (jabatan) in a unit of an instansi, with its number of seats."""

    instansi = models.ForeignKey(
        "organization.Instansi", on_delete=models.PROTECT, related_name="positions"
    )
    unit = models.ForeignKey(
        "organization.Unit", verbose_name=_("unit kerja"), on_delete=models.PROTECT,
        related_name="positions",
    )
    code = models.CharField(_("kode"), max_length=40)
    name = models.CharField(_("nama jabatan"), max_length=200, db_index=True)
    kind = models.CharField(_("jenis jabatan"), max_length=20, choices=POSITION_KIND_CHOICES)
    functional_family = models.CharField(
        _("rumpun/nama jabatan fungsional"), max_length=60, blank=True,
        help_text=_("Mis. GURU, DOSEN, ANALIS_KEBIJAKAN; menentukan BUP jabatan fungsional."),
    )
    functional_level = models.CharField(
        _("jenjang"), max_length=20, choices=FUNCTIONAL_LEVEL_CHOICES, blank=True
    )
    open_to_pppk = models.BooleanField(
        _("dapat diisi PPPK"), default=False, help_text=_("UU 20/2023 Pasal 19 dan 34.")
    )
    open_to_tni_polri = models.BooleanField(
        _("dapat diisi prajurit TNI/anggota Polri"), default=False,
        help_text=_("Hanya pada Instansi Pusat — Pasal 19 ayat (3)."),
    )
    seats = models.PositiveIntegerField(_("jumlah formasi"), default=1)
    is_active = models.BooleanField(_("aktif"), default=True)

    objects = ArchivableQuerySet.as_manager()
    scope_instansi_field = "instansi_id"

    class Meta:
        ordering = ["instansi", "unit", "code"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "code"], name="position_code_unique_per_instansi"),
            models.CheckConstraint(
                condition=~models.Q(kind=PositionKind.FUNGSIONAL.value) | ~models.Q(functional_level=""),
                name="functional_position_has_level",
            ),
        ]
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")

    def __str__(self) -> str:
        return self.name

    @property
    def position_kind(self) -> PositionKind:
        return PositionKind(self.kind)
