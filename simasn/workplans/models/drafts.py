"""The participants' drafts (Pasal 5 ayat (2), (4)): programmes and activities, and the aligned
draft the meeting agreed (Pasal 5 ayat (5) huruf c)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.accounts.policy import Own, Qualifier
from simasn.core.models import TimeStampedModel
from simasn.workplans.models.base import INSTITUTION


class Draft(TimeStampedModel):
    """A participant's rancangan Rencana Kerja (Pasal 5 ayat (2), (4)); the aligned draft
    (SELARAS) is what the meeting agreed (Pasal 5 ayat (5) huruf c)."""

    class Kind(models.TextChoices):
        USULAN = "USULAN", _("Rancangan usulan")
        SELARAS = "SELARAS", _("Rancangan selaras")

    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Disusun")
        SUBMITTED = "SUBMITTED", _("Dikirim kepada Menteri")

    cycle = models.ForeignKey("workplans.Cycle", on_delete=models.PROTECT, related_name="drafts")
    institution = models.ForeignKey(INSTITUTION, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.USULAN)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    previous_evaluation = models.ForeignKey(
        "workplans.EvaluationReport", null=True, blank=True, on_delete=models.PROTECT, related_name="used_by",
        verbose_name=_("hasil evaluasi periode sebelumnya"))
    evaluation_note = models.TextField(_("catatan atas evaluasi periode sebelumnya"), blank=True)
    submitted_at = models.DateTimeField(_("dikirim pada"), null=True, blank=True)
    locked = models.BooleanField(_("terkunci (berita acara lengkap)"), default=False)

    scope_institution_field = "institution_id"
    # A coordination letter's recipients read the aligned drafts it sent (PermenRK Pasal 7).
    scope_qualifiers = {Qualifier.SENT_TO_OWN_INSTITUTION: {
        "kind": "SELARAS", "cycle__coordinations__recipients__institution_id": Own.INSTITUTION}}

    class Meta:
        ordering = ["cycle", "kind", "institution__code"]
        constraints = [models.UniqueConstraint(fields=["cycle", "institution", "kind"], name="wp_draft_once")]
        verbose_name = _("rancangan rencana kerja")
        verbose_name_plural = _("rancangan rencana kerja")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.institution} — {self.cycle}"


class DraftProgram(models.Model):
    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="programs")
    code = models.CharField(_("kode program"), max_length=30)
    name = models.CharField(_("program"), max_length=300)
    policy_program = models.ForeignKey("workplans.PolicyProgram", null=True, blank=True,
                                       on_delete=models.PROTECT,
                                       related_name="+", verbose_name=_("program Arah Kebijakan"))

    class Meta:
        ordering = ["draft", "code"]
        constraints = [models.UniqueConstraint(fields=["draft", "code"], name="wp_draft_program_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Activity(models.Model):
    program = models.ForeignKey(DraftProgram, on_delete=models.CASCADE, related_name="activities")
    code = models.CharField(_("kode kegiatan"), max_length=30)
    name = models.CharField(_("kegiatan"), max_length=400)
    indicator = models.ForeignKey("workplans.PolicyIndicator", null=True, blank=True,
                                  on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("indikator Arah Kebijakan"))
    output = models.CharField(_("keluaran"), max_length=400)
    target = models.DecimalField(_("target"), max_digits=18, decimal_places=2)
    target_unit = models.CharField(_("satuan target"), max_length=50)
    budget = models.BigIntegerField(_("anggaran (Rp)"))
    unit_in_charge = models.CharField(_("unit penanggung jawab"), max_length=200)
    origin = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("asal kegiatan usulan"))
    alignment_note = models.CharField(_("catatan penyelarasan"), max_length=400, blank=True)

    class Meta:
        ordering = ["program", "code"]
        constraints = [models.UniqueConstraint(fields=["program", "code"], name="wp_activity_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
