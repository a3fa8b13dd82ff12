"""The cycle of a synchronization (Pasal 2, 3), its participants on the cycle's date, the
Minister's agenda to them (Pasal 5 ayat (1)) and the in-app notifications."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import TimeStampedModel
from simasn.core.storage import documents_storage
from simasn.workplans.models.base import INSTITUTION, USER


class PlanScope(models.TextChoices):
    """PermenRK Pasal 2 ayat (2)."""

    JANGKA_MENENGAH = "JANGKA_MENENGAH", _("Rencana jangka menengah (Renstra)")
    TAHUNAN = "TAHUNAN", _("Rencana tahunan (Renja)")


class Stage(models.TextChoices):
    PERSIAPAN = "PERSIAPAN", _("Persiapan")
    PENYUSUNAN = "PENYUSUNAN", _("Penyusunan rancangan (Pasal 5 ayat (1)-(4))")
    PEMBAHASAN = "PEMBAHASAN", _("Pertemuan pembahasan (Pasal 5 ayat (5))")
    PENANDATANGANAN = "PENANDATANGANAN", _("Penandatanganan berita acara")
    TERSEGEL = "TERSEGEL", _("Berita acara lengkap (tersegel)")
    TERKOORDINASI = "TERKOORDINASI", _("Dikoordinasikan (Pasal 7), pemantauan (Pasal 9)")

    @classmethod
    def order(cls, stage: str) -> int:
        return list(cls.values).index(stage)


class ParticipantRole(models.TextChoices):
    KOORDINATOR = "KOORDINATOR", _("Koordinator")
    PESERTA = "PESERTA", _("Peserta")


class Cycle(TimeStampedModel):
    """One synchronization for a planning scope (Pasal 2 ayat (2)); scheduled before the
    national planning and budgeting stages (Pasal 3)."""

    title = models.CharField(_("judul"), max_length=250)
    scope_kind = models.CharField(_("cakupan rencana"), max_length=20, choices=PlanScope.choices)
    year_start = models.PositiveIntegerField(_("tahun awal"))
    year_end = models.PositiveIntegerField(_("tahun akhir"))
    reference_date = models.DateField(_("tanggal siklus"),
                                      help_text=_("Menentukan lembaga peserta yang berlaku."))
    starts_on = models.DateField(_("jadwal mulai"))
    ends_on = models.DateField(_("jadwal selesai"))
    policy = models.ForeignKey("workplans.PolicyDirection", on_delete=models.PROTECT, related_name="cycles",
                               verbose_name=_("arah kebijakan"))
    previous_cycle = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="next_cycles",
        verbose_name=_("siklus periode sebelumnya"))
    stage = models.CharField(_("tahap"), max_length=20, choices=Stage.choices, default=Stage.PERSIAPAN)
    revision_no = models.PositiveIntegerField(_("revisi ke"), default=0)
    revision_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="revisions", verbose_name=_("merevisi siklus"))
    revision_reason = models.TextField(_("alasan revisi (Pasal 8)"), blank=True)
    is_superseded = models.BooleanField(_("digantikan revisi"), default=False)
    #: Calendar milestones the schedule runs past (Pasal 3), computed at planning time.
    late_milestones = models.JSONField(default=list, blank=True)

    # A cycle is each participant's: INSTANSI reach = the viewer's own institution takes part.
    scope_institution_field = "participants__institution_id"

    class Meta:
        ordering = ["-year_start", "-reference_date", "-revision_no"]
        verbose_name = _("siklus sinkronisasi")
        verbose_name_plural = _("siklus sinkronisasi")

    def __str__(self) -> str:
        if not self.revision_no:
            return self.title
        return f"{self.title} — " + str(_("revisi %(n)d") % {"n": self.revision_no})

    @property
    def is_late(self) -> bool:
        return bool(self.late_milestones)

    @property
    def stage_index(self) -> int:
        return Stage.order(self.stage)


class CycleParticipant(models.Model):
    """A participant on the cycle's date (Pasal 2 ayat (1)), snapshot from the registry."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="participants")
    institution = models.ForeignKey(INSTITUTION, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("peran"), max_length=12, choices=ParticipantRole.choices)

    class Meta:
        ordering = ["cycle", "-role", "institution__code"]
        constraints = [models.UniqueConstraint(fields=["cycle", "institution"], name="wp_participant_once")]

    def __str__(self) -> str:
        return f"{self.institution} ({self.get_role_display()})"


class Notification(models.Model):
    """An in-app message (agenda, coordination letters)."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="workplan_notifications")
    title = models.CharField(_("judul"), max_length=250)
    body = models.TextField(_("isi"), blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class AgendaDispatch(TimeStampedModel):
    """The Minister's agenda to the heads of the participants (Pasal 5 ayat (1))."""

    cycle = models.OneToOneField(Cycle, on_delete=models.PROTECT, related_name="agenda")
    letter_number = models.CharField(_("nomor surat"), max_length=100)
    letter_date = models.DateField(_("tanggal surat"))
    draft_deadline = models.DateField(_("batas pengiriman rancangan"))
    meeting_plan = models.CharField(_("rencana pertemuan pembahasan"), max_length=300, blank=True)
    body = models.TextField(_("isi agenda"))
    sent_at = models.DateTimeField(_("dikirim pada"))
    pdf = models.FileField(storage=documents_storage, max_length=200, blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    recipients = models.ManyToManyField(  # type: ignore[var-annotated]
        INSTITUTION, related_name="+", verbose_name=_("penerima"))

    def __str__(self) -> str:
        return f"{_('Agenda')} {self.letter_number}"
