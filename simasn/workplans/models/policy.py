"""Arah Kebijakan Manajemen ASN (Pasal 1 angka 8), set by the Minister (Pasal 5 ayat (3)):
its programmes and indicators with a target per year."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import TimeStampedModel


class PolicyDirection(TimeStampedModel):
    """Arah Kebijakan Manajemen ASN (Pasal 1 angka 8), set by the Minister (Pasal 5 ayat (3))."""

    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Konsep")
        PUBLISHED = "PUBLISHED", _("Ditetapkan")

    title = models.CharField(_("judul"), max_length=250)
    year_start = models.PositiveIntegerField(_("tahun awal"))
    year_end = models.PositiveIntegerField(_("tahun akhir"))
    version_no = models.PositiveIntegerField(_("versi"), default=1)
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="next_versions", verbose_name=_("versi sebelumnya"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("ditetapkan pada"), null=True, blank=True)
    change_note = models.TextField(_("catatan perubahan"), blank=True)

    class Meta:
        ordering = ["-year_start", "title", "-version_no"]
        verbose_name = _("arah kebijakan")
        verbose_name_plural = _("arah kebijakan")

    def __str__(self) -> str:
        return f"{self.title} (v{self.version_no})"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def years(self) -> list[int]:
        return list(range(self.year_start, self.year_end + 1))


class PolicyProgram(models.Model):
    policy = models.ForeignKey(PolicyDirection, on_delete=models.CASCADE, related_name="programs")
    code = models.CharField(_("kode program"), max_length=20)
    name = models.CharField(_("program"), max_length=300)
    strategic_target = models.CharField(_("sasaran strategis"), max_length=400)

    class Meta:
        ordering = ["policy", "code"]
        constraints = [models.UniqueConstraint(fields=["policy", "code"], name="wp_policy_program_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class PolicyIndicator(models.Model):
    program = models.ForeignKey(PolicyProgram, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("kode indikator"), max_length=20)
    name = models.CharField(_("indikator"), max_length=400)
    unit = models.CharField(_("satuan"), max_length=50)
    baseline = models.DecimalField(_("baseline"), max_digits=18, decimal_places=2)
    #: {"2025": "80.00", ...} — the target per year of the policy period.
    targets = models.JSONField(_("target per tahun"), default=dict)

    class Meta:
        ordering = ["program", "code"]
        constraints = [models.UniqueConstraint(fields=["program", "code"], name="wp_indicator_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
