"""Competency development (UU 20/2023 Pasal 49): every learning activity of a Pegawai ASN,
its lesson hours (JP) and where they came from, and the employee's development plan.

A record's JP are either converted from its minutes by the law's conversion
(``learning.jp_convert``, Peraturan LAN 10/2018) or, for forms without a kept conversion,
the JP the organiser certified; ``jp_basis`` says which, so a reader sees how the number
was obtained. Whether it was done on a written assignment matters for a PPPK's ceiling
(Peraturan LAN 15/2020), so it is kept with the assignment's reference.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.accounts.policy import Own, Qualifier
from simasn.core.models import ScopedRecord, TimeStampedModel
from simasn.law.enums import LearningForm

FORM_CHOICES = [
    (LearningForm.PELATIHAN_KLASIKAL.value, _("Pelatihan klasikal")),
    (LearningForm.SEMINAR.value, _("Seminar/konferensi")),
    (LearningForm.WORKSHOP.value, _("Lokakarya")),
    (LearningForm.KURSUS.value, _("Kursus")),
    (LearningForm.BIMBINGAN_TEKNIS.value, _("Bimbingan teknis")),
    (LearningForm.SOSIALISASI.value, _("Sosialisasi")),
    (LearningForm.E_LEARNING.value, _("E-learning")),
    (LearningForm.PELATIHAN_JARAK_JAUH.value, _("Pelatihan jarak jauh")),
    (LearningForm.COACHING.value, _("Coaching")),
    (LearningForm.MENTORING.value, _("Mentoring")),
    (LearningForm.MAGANG.value, _("Magang/praktik kerja")),
    (LearningForm.DETASERING.value, _("Detasering")),
    (LearningForm.PATOK_BANDING.value, _("Patok banding")),
    (LearningForm.PERTUKARAN.value, _("Pertukaran PNS dengan swasta")),
    (LearningForm.BELAJAR_MANDIRI.value, _("Belajar mandiri")),
    (LearningForm.KOMUNITAS_BELAJAR.value, _("Komunitas belajar")),
]


class JpBasis(models.TextChoices):
    CONVERTED = "CONVERTED", _("Dikonversi dari durasi (aturan konversi JP)")
    CERTIFIED = "CERTIFIED", _("Sesuai sertifikat penyelenggara")


class RecordSource(models.TextChoices):
    MANUAL = "MANUAL", _("Diisi di SIMASN")
    IMPORT = "IMPORT", _("Impor berkas")
    XAPI = "XAPI", _("Platform pembelajaran (xAPI)")


class LearningRecord(ScopedRecord, TimeStampedModel):
    employee = models.ForeignKey("personnel.Employee", verbose_name=_("pegawai"),
                                 on_delete=models.PROTECT, related_name="learning_records")
    form = models.CharField(_("bentuk pengembangan"), max_length=30, choices=FORM_CHOICES)
    title = models.CharField(_("nama kegiatan"), max_length=300)
    provider = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    start_date = models.DateField(_("tanggal mulai"))
    end_date = models.DateField(_("tanggal selesai"))
    minutes = models.PositiveIntegerField(_("durasi (menit)"), null=True, blank=True)
    jp = models.DecimalField(_("JP"), max_digits=7, decimal_places=2)
    jp_basis = models.CharField(_("dasar JP"), max_length=10, choices=JpBasis.choices)
    jp_citation = models.CharField(_("dasar hukum konversi"), max_length=300, blank=True)
    assigned = models.BooleanField(_("atas penugasan tertulis"), default=False)
    assignment_reference = models.CharField(_("nomor surat tugas"), max_length=100, blank=True)
    competency = models.CharField(_("kompetensi yang dikembangkan"), max_length=200, blank=True)
    certificate_name = models.CharField(_("berkas sertifikat"), max_length=300, blank=True)
    certificate_sha256 = models.CharField(max_length=64, blank=True)
    source = models.CharField(_("sumber"), max_length=10, choices=RecordSource.choices,
                              default=RecordSource.MANUAL)
    xapi_statement_id = models.UUIDField(_("ID pernyataan xAPI"), null=True, blank=True, unique=True)
    #: The need of the employee's development plan this learning closes (planned vs done).
    development_need = models.ForeignKey("learning.DevelopmentNeed", verbose_name=_("kebutuhan pengembangan"),
                                         on_delete=models.SET_NULL, null=True, blank=True,
                                         related_name="records")

    scope_instansi_field = "employee__instansi_id"
    scope_self_field = "employee_id"

    class Meta:
        ordering = ["-end_date", "-id"]
        indexes = [models.Index(fields=["employee", "end_date"], name="learning_employee_end_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(end_date__gte=models.F("start_date")),
                                   name="learning_end_after_start"),
            models.CheckConstraint(condition=models.Q(jp__gte=0), name="learning_jp_not_negative"),
        ]
        verbose_name = _("catatan pengembangan kompetensi")
        verbose_name_plural = _("catatan pengembangan kompetensi")

    def __str__(self) -> str:
        return f"{self.title} ({self.jp} JP)"


class NeedSource(models.TextChoices):
    COMPETENCE_GAP = "COMPETENCE_GAP", _("Kesenjangan kompetensi jabatan")
    PERFORMANCE = "PERFORMANCE", _("Kebutuhan dari penilaian kinerja")


class DevelopmentPlan(ScopedRecord, TimeStampedModel):
    """An employee's development plan for a year (issue 16 item 8): the needs identified —
    the competence gap of the position (standard vs assessed) and the development needs the
    appraiser wrote on the performance ratings — each with the learning planned to close it."""

    employee = models.ForeignKey("personnel.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT,
                                 related_name="development_plans")
    year = models.PositiveSmallIntegerField(_("tahun"))
    # The employee's appraiser in the plan's year, from the performance chapter (provider
    # ``performance.appraisers``), refreshed whenever the plan is prepared; never typed. It
    # gives the superior their qualified reach (Resource.DEVELOPMENT_TEAM).
    appraiser = models.ForeignKey("personnel.Employee", verbose_name=_("pejabat penilai kinerja"),
                                  on_delete=models.PROTECT, related_name="+", null=True, blank=True)

    scope_instansi_field = "employee__instansi_id"
    scope_self_field = "employee_id"
    scope_qualifiers = {Qualifier.APPRAISED_BY_ME: {"appraiser_id": Own.EMPLOYEE}}

    class Meta:
        ordering = ["-year", "employee_id"]
        constraints = [models.UniqueConstraint(fields=["employee", "year"], name="learning_devplan_once")]
        verbose_name = _("rencana pengembangan kompetensi")
        verbose_name_plural = _("rencana pengembangan kompetensi")

    def __str__(self) -> str:
        return f"{self.year} — {self.employee}"


class DevelopmentNeed(TimeStampedModel):
    """One identified need and the learning planned for it; done once learning records
    linked to it reach the planned JP."""

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="needs")
    source = models.CharField(_("sumber kebutuhan"), max_length=20, choices=NeedSource.choices)
    competency = models.CharField(_("kompetensi / kebutuhan"), max_length=200)
    # A competence gap: the level the position's standard requires and the level assessed
    # (the scale of the standard, e.g. 1-5), each with where it comes from.
    standard_level = models.PositiveSmallIntegerField(_("level standar jabatan"), null=True, blank=True)
    assessed_level = models.PositiveSmallIntegerField(_("level hasil asesmen"), null=True, blank=True)
    evidence = models.CharField(_("sumber data"), max_length=300, blank=True)
    planned_form = models.CharField(_("bentuk pengembangan yang direncanakan"), max_length=30,
                                    choices=FORM_CHOICES)
    planned_jp = models.DecimalField(_("JP direncanakan"), max_digits=7, decimal_places=2)
    note = models.CharField(_("catatan"), max_length=300, blank=True)

    class Meta:
        ordering = ["plan_id", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(planned_jp__gt=0), name="learning_need_jp_positive")]
        verbose_name = _("kebutuhan pengembangan")
        verbose_name_plural = _("kebutuhan pengembangan")

    def __str__(self) -> str:
        return self.competency

    @property
    def audit_instansi_id(self) -> int | None:
        return self.plan.employee.instansi_id

    @property
    def audit_subject_employee_id(self) -> int | None:
        return self.plan.employee_id
