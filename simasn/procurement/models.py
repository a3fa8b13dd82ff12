"""Procurement of ASN (UU 20/2023 Pasal 36-38): selection periods, vacancies opened from the
decided formasi, applicants (one account per NIK), applications (one per applicant per
period, submitted once, idempotently), verification, sanggah, results, announcements and
appointment.

Selection rules are never here: they are the law's ``selection`` family (simasn.law).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.core.models import ScopedRecord, TimeStampedModel
from simasn.core.storage import documents_storage
from simasn.law.enums import FormasiType

EMPLOYEE_TYPES = [("PNS", "PNS"), ("PPPK", "PPPK")]
FORMASI_TYPE_CHOICES = [(t.value, t.value.replace("_", " ").title()) for t in FormasiType]


class Stage(models.TextChoices):
    """Where a selection period is; each stage opens the steps of the next one."""

    OPEN = "OPEN", _("Pendaftaran dibuka")
    VERIFICATION = "VERIFICATION", _("Verifikasi administrasi")
    SKD = "SKD", _("Seleksi Kompetensi Dasar (SKD)")
    SKB = "SKB", _("Seleksi Kompetensi Bidang (SKB)")
    FINAL = "FINAL", _("Pengumuman hasil akhir")
    APPOINTMENT = "APPOINTMENT", _("Pengangkatan")
    CLOSED = "CLOSED", _("Selesai")


STAGE_ORDER = list(Stage.values)


class SelectionPeriod(TimeStampedModel):
    """A national selection (e.g. "Seleksi CPNS 2024"): its fiscal year decides which
    yearly passing-grade decree applies (docs/law.md "The selection's date")."""

    name = models.CharField(_("nama seleksi"), max_length=200)
    fiscal_year = models.PositiveSmallIntegerField(_("tahun anggaran"))
    employee_type = models.CharField(_("jenis ASN"), max_length=4, choices=EMPLOYEE_TYPES)
    opens_on = models.DateField(_("pendaftaran dibuka"))
    closes_on = models.DateField(_("pendaftaran ditutup"))
    stage = models.CharField(_("tahap"), max_length=20, choices=Stage.choices, default=Stage.OPEN)

    class Meta:
        verbose_name = _("periode seleksi")
        verbose_name_plural = _("periode seleksi")
        ordering = ["-fiscal_year", "name"]
        constraints = [models.CheckConstraint(condition=models.Q(closes_on__gte=models.F("opens_on")),
                                              name="period_closes_after_opening")]

    def __str__(self) -> str:
        return self.name


class DocumentType(models.TextChoices):
    KTP = "KTP", _("KTP elektronik")
    IJAZAH = "IJAZAH", _("Ijazah")
    TRANSKRIP = "TRANSKRIP", _("Transkrip nilai")
    PAS_FOTO = "PAS_FOTO", _("Pas foto")
    SURAT_LAMARAN = "SURAT_LAMARAN", _("Surat lamaran")
    SURAT_PERNYATAAN = "SURAT_PERNYATAAN", _("Surat pernyataan")
    STR = "STR", _("Surat Tanda Registrasi (tenaga kesehatan)")
    SERTIFIKAT_PENDIDIK = "SERTIFIKAT_PENDIDIK", _("Sertifikat pendidik")


class Vacancy(ScopedRecord, TimeStampedModel):
    """A lowongan: seats of one position and formasi type in one instansi, opened from a
    formasi that was decided (``formasi_ref`` = the planning provider's id; Pasal 65-66: no
    appointment outside a decided formasi)."""

    period = models.ForeignKey(SelectionPeriod, verbose_name=_("periode seleksi"), on_delete=models.PROTECT,
                               related_name="vacancies")
    instansi = models.ForeignKey("organization.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT,
                                 related_name="+")
    position = models.ForeignKey("positions.Position", verbose_name=_("jabatan"), on_delete=models.PROTECT,
                                 related_name="+")
    formasi_type = models.CharField(_("jenis formasi"), max_length=40, choices=FORMASI_TYPE_CHOICES)
    seats = models.PositiveIntegerField(_("jumlah kebutuhan"))
    formasi_ref = models.BigIntegerField(_("rujukan formasi yang ditetapkan"), null=True, blank=True)
    formasi_decided_on = models.DateField(_("tanggal penetapan formasi"), null=True, blank=True)
    # Without a planning record (before the planning chapter holds it), the number of the
    # Minister's decision on the formasi (penetapan kebutuhan) that allows these seats.
    formasi_decision = models.CharField(_("keputusan penetapan kebutuhan"), max_length=120, blank=True)
    region = models.CharField(_("wilayah"), max_length=120, blank=True)
    education = models.CharField(_("kualifikasi pendidikan"), max_length=300)
    requirements = models.TextField(_("persyaratan"), blank=True)
    required_documents = models.JSONField(_("dokumen wajib"), default=list)
    skb_weights = models.JSONField(_("bobot SKB yang diumumkan"), null=True, blank=True)

    scope_instansi_field = "instansi_id"

    class Meta:
        verbose_name = _("lowongan")
        verbose_name_plural = _("lowongan")
        ordering = ["instansi__name", "position__name", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(seats__gte=1), name="vacancy_seats_positive"),
            models.UniqueConstraint(fields=["period", "formasi_ref"], name="vacancy_one_per_formasi",
                                    condition=models.Q(formasi_ref__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.position.name} — {self.instansi.name}"


class IdentityStatus(models.TextChoices):
    PENDING = "PENDING", _("Menunggu pemeriksaan Dukcapil")
    VERIFIED = "VERIFIED", _("Sesuai data kependudukan")
    MISMATCH = "MISMATCH", _("Tidak sesuai data kependudukan")


class Applicant(TimeStampedModel):
    """One account per person: the NIK is unique in the database, so two registrations of one
    person can never both succeed, however they race."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="applicant")
    nik = models.CharField(_("NIK"), max_length=16, unique=True)
    name = models.CharField(_("nama sesuai KTP"), max_length=200)
    birth_date = models.DateField(_("tanggal lahir"))
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=[("L", _("Laki-laki")), ("P", _("Perempuan"))])
    email = models.EmailField(_("surel"))
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    identity_status = models.CharField(_("status identitas"), max_length=10, choices=IdentityStatus.choices,
                                       default=IdentityStatus.PENDING)
    identity_checked_at = models.DateTimeField(_("identitas diperiksa pada"), null=True, blank=True)

    scope_owner_field = "user_id"

    class Meta:
        verbose_name = _("pelamar")
        verbose_name_plural = _("pelamar")

    def __str__(self) -> str:
        return self.name


class ApplicationDraft(TimeStampedModel):
    """What the applicant has typed so far, saved on the server as they go."""

    applicant = models.ForeignKey(Applicant, on_delete=models.PROTECT, related_name="drafts")
    period = models.ForeignKey(SelectionPeriod, on_delete=models.PROTECT, related_name="+")
    vacancy = models.ForeignKey(Vacancy, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    data = models.JSONField(default=dict)

    scope_owner_field = "applicant__user_id"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["applicant", "period"], name="draft_one_per_period")]


class ApplicantDocument(TimeStampedModel):
    """A document uploaded for a period, stored write-once by its SHA-256."""

    applicant = models.ForeignKey(Applicant, on_delete=models.PROTECT, related_name="documents")
    period = models.ForeignKey(SelectionPeriod, on_delete=models.PROTECT, related_name="+")
    doc_type = models.CharField(_("jenis dokumen"), max_length=30, choices=DocumentType.choices)
    file_name = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=60)
    original_name = models.CharField(max_length=200, blank=True)

    scope_owner_field = "applicant__user_id"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["applicant", "period", "doc_type"],
                                               name="document_one_per_type")]


class Verdict(models.TextChoices):
    MS = "MS", _("Memenuhi syarat")
    TMS = "TMS", _("Tidak memenuhi syarat")


class Application(ScopedRecord, models.Model):
    """A submitted application. One per applicant per period (a database constraint the
    submit's INSERT … ON CONFLICT relies on); written once by the submit, then only by the
    instansi's verification and the selection steps."""

    applicant = models.ForeignKey(Applicant, on_delete=models.PROTECT, related_name="applications")
    period = models.ForeignKey(SelectionPeriod, on_delete=models.PROTECT, related_name="applications")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.PROTECT, related_name="applications")
    receipt_number = models.CharField(_("nomor tanda terima"), max_length=40, unique=True)
    idempotency_key = models.CharField(max_length=80, unique=True)
    submitted_at = models.DateTimeField(_("dikirim pada"))
    data = models.JSONField(default=dict)
    documents = models.JSONField(default=list)
    # Administrative verification (per document in DocumentVerdict; this is the result).
    admin_verdict = models.CharField(_("hasil administrasi"), max_length=3, choices=Verdict.choices, blank=True)
    admin_reason = models.TextField(_("alasan"), blank=True)
    # SKD (CAT results imported) and SKB.
    twk = models.PositiveSmallIntegerField(null=True, blank=True)
    tiu = models.PositiveSmallIntegerField(null=True, blank=True)
    tkp = models.PositiveSmallIntegerField(null=True, blank=True)
    skd_passed = models.BooleanField(null=True)
    skd_rank = models.PositiveIntegerField(null=True, blank=True)
    proceeds_skb = models.BooleanField(null=True)
    skb_cat = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    skb_wawancara = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    skb_lainnya = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    final_score = models.DecimalField(max_digits=8, decimal_places=4, null=True, blank=True)
    final_rank = models.PositiveIntegerField(null=True, blank=True)
    selected = models.BooleanField(null=True)
    needs_review = models.BooleanField(default=False)
    review_reason = models.CharField(max_length=40, blank=True)

    scope_instansi_field = "vacancy__instansi_id"
    scope_owner_field = "applicant__user_id"

    class Meta:
        verbose_name = _("lamaran")
        verbose_name_plural = _("lamaran")
        constraints = [models.UniqueConstraint(fields=["applicant", "period"], name="application_one_per_period")]
        indexes = [models.Index(fields=["vacancy", "admin_verdict"], name="application_vacancy_verdict")]

    def __str__(self) -> str:
        return self.receipt_number


class DocumentVerdict(models.Model):
    """The instansi's verdict on one document of an application, with the reason."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="verdicts")
    doc_type = models.CharField(max_length=30, choices=DocumentType.choices)
    verdict = models.CharField(max_length=3, choices=Verdict.choices)
    reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "doc_type"], name="verdict_one_per_document")]

    def __str__(self) -> str:
        return f"{self.doc_type}: {self.verdict}"


class OutboxKind(models.TextChoices):
    IDENTITY = "IDENTITY", _("Pemeriksaan identitas ke Dukcapil")
    EMETERAI = "EMETERAI", _("Pembubuhan e-meterai")
    EMAIL = "EMAIL", _("Surel tanda terima")


class OutboxEvent(models.Model):
    """Slow or external work after a submit, done by the worker; an outage only delays it."""

    application = models.ForeignKey(Application, null=True, on_delete=models.PROTECT, related_name="outbox")
    applicant = models.ForeignKey(Applicant, on_delete=models.PROTECT, related_name="outbox")
    kind = models.CharField(max_length=10, choices=OutboxKind.choices)
    created_at = models.DateTimeField()
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    #: After a failed attempt: not claimed again before this time (backoff, so a service that
    #: is down is not asked again at once and its events do not hold back the others).
    next_try_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["done_at", "id"], name="outbox_pending")]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"


class AnnouncementKind(models.TextChoices):
    ADMINISTRASI = "ADMINISTRASI", _("Hasil seleksi administrasi")
    SKD = "SKD", _("Hasil SKD dan peserta SKB")
    FINAL = "FINAL", _("Hasil akhir seleksi")


class Announcement(ScopedRecord, TimeStampedModel):
    """An announcement of one instansi's results (version 2 = the re-announcement after the
    sanggah), stored write-once as a document."""

    period = models.ForeignKey(SelectionPeriod, on_delete=models.PROTECT, related_name="announcements")
    instansi = models.ForeignKey("organization.Instansi", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=AnnouncementKind.choices)
    version = models.PositiveSmallIntegerField(default=1)
    number = models.CharField(_("nomor"), max_length=80)
    announced_on = models.DateField(_("tanggal pengumuman"))
    text = models.TextField()
    document = models.FileField(storage=documents_storage, max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    citations = models.JSONField(default=list)

    scope_instansi_field = "instansi_id"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["period", "instansi", "kind", "version"],
                                               name="announcement_unique_version"),
                       # Two announcements never share a number, whatever races (the counter below).
                       models.UniqueConstraint(fields=["number"], name="announcement_number_unique")]

    def __str__(self) -> str:
        return self.number


class AnnouncementSequence(models.Model):
    """The last number given to an instansi's announcements of one kind in one fiscal year.
    The publish locks this row (SELECT … FOR UPDATE) in its transaction, so two publishes at
    once take consecutive numbers instead of counting the same rows and colliding."""

    instansi = models.ForeignKey("organization.Instansi", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=AnnouncementKind.choices)
    fiscal_year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["instansi", "kind", "fiscal_year"],
                                               name="announcement_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.kind} {self.fiscal_year}: {self.last}"


class SanggahStatus(models.TextChoices):
    FILED = "FILED", _("Diajukan")
    ACCEPTED = "ACCEPTED", _("Diterima")
    REJECTED = "REJECTED", _("Ditolak")


class Sanggah(ScopedRecord, TimeStampedModel):
    """An applicant's objection to an announcement, within the law's window, answered by the
    instansi before the re-announcement deadline."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="sanggah")
    announcement = models.ForeignKey(Announcement, on_delete=models.PROTECT, related_name="sanggah")
    filed_on = models.DateField(_("tanggal pengajuan"))
    reason = models.TextField(_("alasan sanggah"))
    status = models.CharField(_("status"), max_length=10, choices=SanggahStatus.choices, default=SanggahStatus.FILED)
    answer = models.TextField(_("jawaban"), blank=True)
    answered_on = models.DateField(null=True, blank=True)
    answer_due_on = models.DateField(_("batas jawaban"))

    scope_instansi_field = "announcement__instansi_id"
    scope_owner_field = "application__applicant__user_id"

    class Meta:
        verbose_name = _("sanggah")
        verbose_name_plural = _("sanggah")
        constraints = [models.UniqueConstraint(fields=["application", "announcement"], name="sanggah_one_per_announcement")]


class ResultImport(TimeStampedModel):
    """One CAT export imported (SKD or SKB), with its reject report."""

    period = models.ForeignKey(SelectionPeriod, on_delete=models.PROTECT, related_name="imports")
    instansi = models.ForeignKey("organization.Instansi", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    kind = models.CharField(max_length=3, choices=[("SKD", "SKD"), ("SKB", "SKB")])
    rows_total = models.PositiveIntegerField(default=0)
    rows_ok = models.PositiveIntegerField(default=0)
    rows_rejected = models.PositiveIntegerField(default=0)
    reject_name = models.CharField(max_length=300, blank=True)

    scope_instansi_field = "instansi_id"


class Appointment(ScopedRecord, TimeStampedModel):
    """The appointment of a selected applicant (Pasal 38): a NIP by the law's rule, a record
    in the register, and for PPPK a contract."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="appointment")
    employee = models.ForeignKey("personnel.Employee", on_delete=models.PROTECT, related_name="+")
    nip = models.CharField(_("NIP"), max_length=18, unique=True)
    tmt = models.DateField(_("TMT"))
    contract_end = models.DateField(_("akhir perjanjian kerja"), null=True, blank=True)
    action_ref = models.BigIntegerField(_("tindakan kepegawaian"), null=True, blank=True)
    citations = models.JSONField(default=list)

    scope_instansi_field = "employee__instansi_id"
    scope_owner_field = "application__applicant__user_id"
