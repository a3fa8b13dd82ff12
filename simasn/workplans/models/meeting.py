"""The discussion meeting (Pasal 5 ayat (5), (6), Pasal 6): attendance, guests, decisions on
overlaps, the berita acara and its signatures (huruf c-d)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import TimeStampedModel
from simasn.core.storage import documents_storage
from simasn.workplans.models.base import INSTITUTION, USER


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

    cycle = models.OneToOneField("workplans.Cycle", on_delete=models.PROTECT, related_name="meeting")
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
    activity_a = models.ForeignKey("workplans.Activity", on_delete=models.PROTECT, related_name="+")
    activity_b = models.ForeignKey("workplans.Activity", on_delete=models.PROTECT, related_name="+")
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

    cycle = models.OneToOneField("workplans.Cycle", on_delete=models.PROTECT, related_name="berita_acara")
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
