"""Work-plan synchronization (Permen PANRB Sinkronisasi Rencana Kerja, "PermenRK").

Cycle → Arah Kebijakan → agenda → drafts → meeting → berita acara → coordination →
monitoring; a revision is a new cycle pointing at the one it revises (Pasal 8).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import TimeStampedModel
from simasn.core.storage import documents_storage

INSTITUTION = "organization.NationalInstitution"
USER = settings.AUTH_USER_MODEL


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
    policy = models.ForeignKey(PolicyDirection, on_delete=models.PROTECT, related_name="cycles",
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


class EvaluationReport(TimeStampedModel):
    """Monitoring and evaluation of a participant's plan (Pasal 9)."""

    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Konsep")
        SUBMITTED = "SUBMITTED", _("Dilaporkan kepada Menteri")

    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="evaluations")
    institution = models.ForeignKey(INSTITUTION, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField(_("tahun"))
    summary = models.TextField(_("hasil evaluasi"), blank=True)
    recommendations = models.TextField(_("rekomendasi untuk periode berikutnya"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("dilaporkan pada"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "institution__code"]
        constraints = [models.UniqueConstraint(fields=["cycle", "institution", "year"], name="wp_eval_once")]

    def __str__(self) -> str:
        return f"{_('Evaluasi')} {self.institution} {self.year} — {self.cycle}"


class Draft(TimeStampedModel):
    """A participant's rancangan Rencana Kerja (Pasal 5 ayat (2), (4)); the aligned draft
    (SELARAS) is what the meeting agreed (Pasal 5 ayat (5) huruf c)."""

    class Kind(models.TextChoices):
        USULAN = "USULAN", _("Rancangan usulan")
        SELARAS = "SELARAS", _("Rancangan selaras")

    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Disusun")
        SUBMITTED = "SUBMITTED", _("Dikirim kepada Menteri")

    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="drafts")
    institution = models.ForeignKey(INSTITUTION, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.USULAN)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    previous_evaluation = models.ForeignKey(
        EvaluationReport, null=True, blank=True, on_delete=models.PROTECT, related_name="used_by",
        verbose_name=_("hasil evaluasi periode sebelumnya"))
    evaluation_note = models.TextField(_("catatan atas evaluasi periode sebelumnya"), blank=True)
    submitted_at = models.DateTimeField(_("dikirim pada"), null=True, blank=True)
    locked = models.BooleanField(_("terkunci (berita acara lengkap)"), default=False)

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
    policy_program = models.ForeignKey(PolicyProgram, null=True, blank=True, on_delete=models.PROTECT,
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
    indicator = models.ForeignKey(PolicyIndicator, null=True, blank=True, on_delete=models.PROTECT,
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


class Meeting(TimeStampedModel):
    """Pertemuan pembahasan (Pasal 5 ayat (5), (6)); technical running may be delegated
    to the JPT madya for ASN human resources (Pasal 6)."""

    class Mode(models.TextChoices):
        LURING = "LURING", _("Luring")
        DARING = "DARING", _("Daring")
        HIBRIDA = "HIBRIDA", _("Luring dan daring")

    class Status(models.TextChoices):
        OPEN = "OPEN", _("Berlangsung")
        CLOSED = "CLOSED", _("Selesai")

    cycle = models.OneToOneField(Cycle, on_delete=models.PROTECT, related_name="meeting")
    held_on = models.DateField(_("tanggal"))
    mode = models.CharField(_("cara"), max_length=10, choices=Mode.choices)
    location = models.CharField(_("tempat"), max_length=300, blank=True)
    online_link = models.CharField(_("tautan daring"), max_length=300, blank=True)
    chaired_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("dipimpin oleh"))
    delegated = models.BooleanField(_("didelegasikan kepada JPT madya (Pasal 6)"), default=False)
    delegate_name = models.CharField(_("nama pejabat delegasi"), max_length=200, blank=True)
    delegate_title = models.CharField(_("jabatan pejabat delegasi"), max_length=200, blank=True)
    delegation_letter = models.CharField(_("nomor surat delegasi"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{_('Pertemuan pembahasan')} {self.held_on}"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    institution = models.ForeignKey(INSTITUTION, on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField(_("hadir"), default=False)
    representative = models.CharField(_("wakil"), max_length=200, blank=True)

    class Meta:
        ordering = ["meeting", "institution__code"]
        constraints = [models.UniqueConstraint(fields=["meeting", "institution"], name="wp_attendance_once")]

    def __str__(self) -> str:
        return f"{self.institution}: {self.representative}"


class Guest(models.Model):
    """Other agencies or experts invited when needed (Pasal 5 ayat (6))."""

    class Kind(models.TextChoices):
        INSTANSI = "INSTANSI", _("Perwakilan instansi pemerintah lain")
        PAKAR = "PAKAR", _("Pakar")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guests")
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("nama"), max_length=200)
    affiliation = models.CharField(_("asal"), max_length=200)

    def __str__(self) -> str:
        return f"{self.name} ({self.affiliation})"


class OverlapDecision(models.Model):
    """One likely overlap between two participants and what the meeting decided."""

    class Decision(models.TextChoices):
        KEEP = "KEEP", _("Pertahankan keduanya")
        MERGE = "MERGE", _("Gabungkan ke kegiatan lain")
        MOVE = "MOVE", _("Pindahkan ke lembaga lain")
        DROP = "DROP", _("Hapus")

    class Side(models.TextChoices):
        A = "A", _("Kegiatan A")
        B = "B", _("Kegiatan B")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="overlaps")
    activity_a = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="+")
    activity_b = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="+")
    score = models.FloatField(_("kemiripan"))
    is_duplicate = models.BooleanField(_("duplikasi"), default=False)
    decision = models.CharField(_("keputusan"), max_length=5, choices=Decision.choices, blank=True)
    subject = models.CharField(_("kegiatan yang diubah"), max_length=1, choices=Side.choices, blank=True)
    note = models.CharField(_("catatan"), max_length=400, blank=True)
    decided_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "-score"]

    def __str__(self) -> str:
        return f"{self.activity_a_id}~{self.activity_b_id} {self.decision}"


class BeritaAcara(TimeStampedModel):
    """Minutes holding the aligned draft (Pasal 5 ayat (5) huruf c), signed by the head of
    each participant's secretariat unit (huruf d)."""

    cycle = models.OneToOneField(Cycle, on_delete=models.PROTECT, related_name="berita_acara")
    number = models.CharField(_("nomor"), max_length=100)
    #: The current version (each signature adds one); every version stays stored.
    pdf = models.FileField(storage=documents_storage, max_length=200)
    unsigned_sha256 = models.CharField(max_length=64)
    sha256 = models.CharField(_("SHA-256 dokumen"), max_length=64)
    sealed_at = models.DateTimeField(_("lengkap ditandatangani pada"), null=True, blank=True)

    @property
    def is_sealed(self) -> bool:
        return self.sealed_at is not None

    def __str__(self) -> str:
        return f"{_('Berita acara')} {self.number}"


class Signature(models.Model):
    berita_acara = models.ForeignKey(BeritaAcara, on_delete=models.PROTECT, related_name="signatures")
    institution = models.ForeignKey(INSTITUTION, on_delete=models.PROTECT, related_name="+")
    signer = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(max_length=200)
    certificate_subject = models.CharField(max_length=300)
    certificate_serial = models.CharField(max_length=80)
    signed_at = models.DateTimeField()
    sha256_after = models.CharField(max_length=64)

    class Meta:
        ordering = ["berita_acara", "signed_at"]
        constraints = [models.UniqueConstraint(fields=["berita_acara", "institution"], name="wp_sign_once")]

    def __str__(self) -> str:
        return f"{self.institution}: {self.signer_name}"


class Coordination(TimeStampedModel):
    """The aligned drafts sent to Bappenas and/or Kemenkeu, copied to the President
    (Pasal 4 ayat (2) huruf b, Pasal 7)."""

    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="coordinations")
    letter_number = models.CharField(_("nomor surat"), max_length=100)
    letter_date = models.DateField(_("tanggal surat"))
    note = models.TextField(_("catatan"), blank=True)
    sent_at = models.DateTimeField()
    pdf = models.FileField(storage=documents_storage, max_length=200, blank=True)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{_('Surat')} {self.letter_number}"


class CoordinationRecipient(models.Model):
    coordination = models.ForeignKey(Coordination, on_delete=models.CASCADE, related_name="recipients")
    institution = models.ForeignKey(INSTITUTION, on_delete=models.PROTECT, related_name="+")
    is_copy = models.BooleanField(_("tembusan"), default=False)

    def __str__(self) -> str:
        return str(self.institution)


class Realization(TimeStampedModel):
    """Quarterly realization of an aligned activity (Pasal 9 ayat (1))."""

    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="realizations")
    year = models.PositiveIntegerField(_("tahun"))
    quarter = models.PositiveSmallIntegerField(_("triwulan"), choices=[(q, f"TW {q}") for q in range(1, 5)])
    target_realized = models.DecimalField(_("realisasi target"), max_digits=18, decimal_places=2)
    budget_realized = models.BigIntegerField(_("realisasi anggaran (Rp)"))
    note = models.CharField(_("catatan"), max_length=400, blank=True)

    class Meta:
        ordering = ["activity", "year", "quarter"]
        constraints = [models.UniqueConstraint(fields=["activity", "year", "quarter"], name="wp_real_once")]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.year} TW{self.quarter}"


# The overlap detector's tables live in their own module (imported here so Django sees them).
from simasn.workplans.overlap_models import DetectorModel as DetectorModel  # noqa: E402
from simasn.workplans.overlap_models import GlossaryEntryVersion as GlossaryEntryVersion  # noqa: E402
from simasn.workplans.overlap_models import LabelledPair as LabelledPair  # noqa: E402
