"""Administrator versions of legal parameters, kept beside the YAML baseline.

A row is a new dated version of one parameter of `simasn/law/parameters` (same shape
as a YAML version: value from a date, optional last day, legal reference). Rows are
never edited or deleted: a mistake is corrected by adding another version, and the
latest row wins among versions starting the same day. The law package merges them
over the YAML through the override hook registered in `LawdataConfig.ready()`.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import TimeStampedModel


class ParameterOverride(TimeStampedModel):
    name = models.CharField(_("parameter"), max_length=120, db_index=True)
    valid_from = models.DateField(_("berlaku mulai"))
    valid_until = models.DateField(
        _("berlaku sampai"),
        null=True,
        blank=True,
        help_text=_("Hari terakhir berlaku; kosongkan bila tidak dicabut."),
    )
    value = models.JSONField(_("nilai"))
    regulation = models.CharField(
        _("peraturan"), max_length=120, help_text=_("Mis. PP 12/2026 atau PermenPANRB 7/2026.")
    )
    article = models.CharField(_("pasal"), max_length=20, blank=True)
    ayat = models.CharField(_("ayat"), max_length=10, blank=True)
    huruf = models.CharField(_("huruf"), max_length=10, blank=True)
    angka = models.CharField(_("angka"), max_length=10, blank=True)
    title = models.CharField(_("judul peraturan"), max_length=300, blank=True)
    url = models.URLField(_("tautan"), max_length=500, blank=True)
    note = models.TextField(_("catatan"), blank=True)
    last_verified_on = models.DateField(_("terakhir diperiksa"))
    reason = models.TextField(_("alasan perubahan"))

    class Meta:
        ordering = ["name", "valid_from", "id"]
        verbose_name = _("versi parameter hukum")
        verbose_name_plural = _("versi parameter hukum")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="parameter_override_until_after_from",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} @ {self.valid_from.isoformat()}"

    def reference(self) -> dict[str, Any]:
        ref: dict[str, Any] = {"regulation": self.regulation}
        for key in ("article", "ayat", "huruf", "angka", "title", "url", "note"):
            if getattr(self, key):
                ref[key] = getattr(self, key)
        return ref

    def to_entry(self) -> dict[str, Any]:
        """The shape the law package's loader reads (a YAML version plus `name`)."""
        return {
            "name": self.name,
            "from": self.valid_from,
            "until": self.valid_until,
            "value": self.value,
            "reference": self.reference(),
            "last_verified_on": self.last_verified_on,
            "source_id": str(self.pk),
        }
