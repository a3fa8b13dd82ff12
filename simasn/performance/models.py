"""Performance management and work culture — UU 20/2023 Pasal 39-45; PermenPANRB 6/2022.

A period (one year of one instansi) holds one plan (SKP) per employee and position held in
it: a change of position mid-year splits the year into segments, each with the superior
the registry gives for it (simasn.performance.hierarchy). A plan's work results cascade from
the superior's results; the ratings follow the law's matrix; a unit's annual ratings are
finalised only within the limits its organisation rating sets.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from simasn.accounts.policy import Own, Qualifier
from simasn.core.models import ScopedRecord, TimeStampedModel
from simasn.law.enums import ExpectationRating, OrganisationRating, PerformanceRating

EXPECTATION_CHOICES = [
    (ExpectationRating.DI_ATAS_EKSPEKTASI.value, _("Di atas ekspektasi")),
    (ExpectationRating.SESUAI_EKSPEKTASI.value, _("Sesuai ekspektasi")),
    (ExpectationRating.DI_BAWAH_EKSPEKTASI.value, _("Di bawah ekspektasi")),
]
PREDIKAT_CHOICES = [
    (PerformanceRating.SANGAT_BAIK.value, _("Sangat Baik")),
    (PerformanceRating.BAIK.value, _("Baik")),
    (PerformanceRating.BUTUH_PERBAIKAN.value, _("Butuh Perbaikan")),
    (PerformanceRating.KURANG.value, _("Kurang/Misconduct")),
    (PerformanceRating.SANGAT_KURANG.value, _("Sangat Kurang")),
]
ORGANISATION_RATING_CHOICES = [
    (OrganisationRating.ISTIMEWA.value, _("Istimewa")),
    (OrganisationRating.BAIK.value, _("Baik")),
    (OrganisationRating.BUTUH_PERBAIKAN.value, _("Butuh Perbaikan")),
    (OrganisationRating.KURANG.value, _("Kurang")),
    (OrganisationRating.SANGAT_KURANG.value, _("Sangat Kurang")),
]


#: The rows of a unit the viewer leads in a period (both models have `period` and `unit`):
#: the viewer's own plan in that unit ends with the period and is the unit leader's —
#: derived from the registry's hierarchy when the plan is prepared (the holder of the
#: unit's head position, simasn.performance.hierarchy.is_unit_head).
_LED_BY_ME = {"period__plans__employee_id": Own.EMPLOYEE, "period__plans__is_unit_leader": True,
              "period__plans__end_date": models.F("period__end_date"),
              "period__plans__unit_id": models.F("unit_id")}


class PeriodStatus(models.TextChoices):
    OPEN = "OPEN", _("Dibuka")
    CLOSED = "CLOSED", _("Ditutup")


class PerformancePeriod(ScopedRecord, TimeStampedModel):
    """The annual period of one instansi, with the periodic scheme the law's rule dates."""

    scope_instansi_field = "instansi_id"

    instansi = models.ForeignKey("organization.Instansi", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("tahun"))
    scheme = models.CharField(_("skema evaluasi periodik"), max_length=20)
    status = models.CharField(_("status"), max_length=10, choices=PeriodStatus.choices,
                              default=PeriodStatus.OPEN)
    start_date = models.DateField(_("mulai"))
    end_date = models.DateField(_("selesai"))
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["instansi", "year"], name="perf_period_one_per_year")]
        ordering = ["-year", "instansi_id"]
        verbose_name = _("periode kinerja")

    def __str__(self) -> str:
        return f"{self.year}"


class ActingAssignment(ScopedRecord, TimeStampedModel):
    """A Pelaksana tugas (Plt): an employee acting in a vacant managerial position, with dates."""

    scope_instansi_field = "instansi_id"

    instansi = models.ForeignKey("organization.Instansi", on_delete=models.PROTECT, related_name="+")
    position = models.ForeignKey("positions.Position", on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey("personnel.Employee", on_delete=models.PROTECT, related_name="+")
    start_date = models.DateField(_("mulai"))
    end_date = models.DateField(_("sampai"), null=True, blank=True)
    letter_number = models.CharField(_("nomor surat perintah"), max_length=100, blank=True)

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("pelaksana tugas (Plt)")


class PlanStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Konsep")
    AGREED = "AGREED", _("Disepakati")
    RATED = "RATED", _("Dinilai")
    FINAL = "FINAL", _("Final")


class PerformancePlan(ScopedRecord, TimeStampedModel):
    """An SKP: one employee in one position for a segment of the period."""

    scope_instansi_field = "instansi_id"
    scope_self_field = "employee_id"
    # An employee's appraiser grant reaches the plans they appraise; a unit leader's grant on
    # the unit's calibration reaches the plans of the units they lead.
    scope_qualifiers = {Qualifier.APPRAISED_BY_ME: {"appraiser_id": Own.EMPLOYEE},
                        Qualifier.UNITS_I_LEAD: _LED_BY_ME}

    period = models.ForeignKey(PerformancePeriod, on_delete=models.PROTECT, related_name="plans")
    instansi = models.ForeignKey("organization.Instansi", on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey("personnel.Employee", on_delete=models.PROTECT, related_name="+")
    position = models.ForeignKey("positions.Position", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("organization.Unit", on_delete=models.PROTECT, related_name="+")
    start_date = models.DateField(_("mulai"))
    end_date = models.DateField(_("sampai"))
    # Derived from the registry on the segment's dates (hierarchy.superior_on); never typed.
    appraiser = models.ForeignKey("personnel.Employee", on_delete=models.PROTECT, related_name="+",
                                  null=True, blank=True, verbose_name=_("pejabat penilai"))
    appraiser_acting = models.BooleanField(_("penilai sebagai Plt"), default=False)
    appraiser_position_name = models.CharField(_("jabatan penilai"), max_length=200, blank=True)
    is_unit_leader = models.BooleanField(_("pimpinan unit"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT)

    class Meta:
        ordering = ["period_id", "employee_id", "start_date"]
        verbose_name = _("SKP")
        indexes = [models.Index(fields=["appraiser", "period"]), models.Index(fields=["unit", "period"])]

    def __str__(self) -> str:
        return f"SKP {self.period.year} — {self.employee}"


class CascadeKind(models.TextChoices):
    DIRECT = "DIRECT", _("Langsung")
    INDIRECT = "INDIRECT", _("Tidak langsung")
    ORGANISATION = "ORGANISATION", _("Sasaran organisasi")


class WorkResult(TimeStampedModel):
    """A rencana hasil kerja, cascaded from the superior's result (or the organisation's goal)."""

    scope_instansi_field = "plan__instansi_id"
    scope_self_field = "plan__employee_id"

    plan = models.ForeignKey(PerformancePlan, on_delete=models.CASCADE, related_name="results")
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children",
                               verbose_name=_("hasil kerja atasan yang diintervensi"))
    cascade = models.CharField(_("jenis cascading"), max_length=12, choices=CascadeKind.choices)
    organisation_goal = models.CharField(_("sasaran/program organisasi"), max_length=300, blank=True)
    # The programme of the instansi's work plan the goal comes from, by the key the provider
    # `workplans.programmes_of_instansi` gives ("workplans.program:<id>"); another process
    # app's row, so a key and not a foreign key. Empty where the instansi has no plan.
    organisation_programme = models.CharField(_("program rencana kerja instansi"), max_length=60, blank=True)
    text = models.CharField(_("rencana hasil kerja"), max_length=500)
    leader_expectation = models.TextField(_("ekspektasi pimpinan"), blank=True)

    class Meta:
        ordering = ["plan_id", "id"]

    def __str__(self) -> str:
        return self.text


class IndicatorKind(models.TextChoices):
    QUANTITATIVE = "QUANT", _("Kuantitatif")
    QUALITATIVE = "QUAL", _("Kualitatif")


class Indicator(TimeStampedModel):
    scope_instansi_field = "result__plan__instansi_id"
    scope_self_field = "result__plan__employee_id"

    result = models.ForeignKey(WorkResult, on_delete=models.CASCADE, related_name="indicators")
    text = models.CharField(_("indikator"), max_length=300)
    kind = models.CharField(_("jenis"), max_length=5, choices=IndicatorKind.choices)
    target = models.CharField(_("target"), max_length=100)
    realisation = models.CharField(_("realisasi"), max_length=300, blank=True)

    class Meta:
        ordering = ["result_id", "id"]


class BehaviourExpectation(TimeStampedModel):
    """The leader's expectation for one BerAKHLAK value (UU 20/2023 Pasal 4 ayat (2))."""

    plan = models.ForeignKey(PerformancePlan, on_delete=models.CASCADE, related_name="behaviour_expectations")
    value_code = models.CharField(_("nilai dasar"), max_length=30)
    expectation = models.TextField(_("ekspektasi pimpinan"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "value_code"], name="perf_behaviour_once")]


class FeedbackRelation(models.TextChoices):
    PEER = "PEER", _("Rekan kerja")
    SUBORDINATE = "SUBORDINATE", _("Bawahan")


class BehaviourFeedback(TimeStampedModel):
    """Optional feedback from a peer or a subordinate on one value."""

    plan = models.ForeignKey(PerformancePlan, on_delete=models.CASCADE, related_name="feedback")
    giver = models.ForeignKey("personnel.Employee", on_delete=models.PROTECT, related_name="+")
    relation = models.CharField(_("hubungan"), max_length=12, choices=FeedbackRelation.choices)
    value_code = models.CharField(_("nilai dasar"), max_length=30)
    rating = models.CharField(_("penilaian"), max_length=20, choices=EXPECTATION_CHOICES)
    note = models.TextField(_("catatan"), blank=True)


class Evidence(TimeStampedModel):
    """Bukti dukung: a link or a file kept in the working storage (by name)."""

    scope_instansi_field = "plan__instansi_id"
    scope_self_field = "plan__employee_id"

    plan = models.ForeignKey(PerformancePlan, on_delete=models.CASCADE, related_name="evidence")
    indicator = models.ForeignKey(Indicator, on_delete=models.SET_NULL, null=True, blank=True, related_name="evidence")
    description = models.CharField(_("uraian"), max_length=300)
    link = models.URLField(_("tautan"), blank=True)
    file_name = models.CharField(_("berkas (nama di penyimpanan)"), max_length=300, blank=True)
    original_name = models.CharField(_("nama berkas"), max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]


class DialogueKind(models.TextChoices):
    DIALOGUE = "DIALOGUE", _("Dialog kinerja")
    COACHING = "COACHING", _("Coaching")
    COUNSELLING = "COUNSELLING", _("Konseling")


class Dialogue(TimeStampedModel):
    scope_instansi_field = "plan__instansi_id"
    scope_self_field = "plan__employee_id"

    plan = models.ForeignKey(PerformancePlan, on_delete=models.CASCADE, related_name="dialogues")
    kind = models.CharField(_("jenis"), max_length=12, choices=DialogueKind.choices, default=DialogueKind.DIALOGUE)
    evaluation = models.CharField(_("periode evaluasi"), max_length=20)
    planned_on = models.DateField(_("direncanakan"))
    held_on = models.DateField(_("dilaksanakan"), null=True, blank=True)
    notes = models.TextField(_("catatan"), blank=True)
    agreed_actions = models.TextField(_("tindak lanjut yang disepakati"), blank=True)

    class Meta:
        ordering = ["planned_on", "id"]


class OverrideStatus(models.TextChoices):
    NONE = "", _("—")
    PENDING = "PENDING", _("Menunggu persetujuan")
    APPROVED = "APPROVED", _("Disetujui")
    REJECTED = "REJECTED", _("Ditolak")


ANNUAL = "TAHUNAN"


class Rating(ScopedRecord, TimeStampedModel):
    """A periodic (e.g. TW-I) or annual (TAHUNAN) evaluation of one plan."""

    scope_instansi_field = "plan__instansi_id"
    scope_self_field = "plan__employee_id"
    scope_qualifiers = {
        Qualifier.OVERRIDE_APPROVER: {"override_status": OverrideStatus.PENDING, "override_approver_id": Own.EMPLOYEE},
        Qualifier.OVERRIDE_TO_OFFICE: {"override_status": OverrideStatus.PENDING, "override_approver_id": None,
                                       "plan__instansi_id": Own.INSTANSI},
    }

    plan = models.ForeignKey(PerformancePlan, on_delete=models.CASCADE, related_name="ratings")
    evaluation = models.CharField(_("periode evaluasi"), max_length=20)
    work_result_rating = models.CharField(_("hasil kerja"), max_length=20, choices=EXPECTATION_CHOICES)
    behaviour_rating = models.CharField(_("perilaku kerja"), max_length=20, choices=EXPECTATION_CHOICES)
    computed_predikat = models.CharField(_("predikat menurut matriks"), max_length=20, choices=PREDIKAT_CHOICES)
    predikat = models.CharField(_("predikat"), max_length=20, choices=PREDIKAT_CHOICES)
    citations = models.JSONField(default=list)
    override_predikat = models.CharField(_("predikat usulan penyesuaian"), max_length=20, blank=True,
                                         choices=PREDIKAT_CHOICES)
    override_reason = models.TextField(_("alasan penyesuaian"), blank=True)
    override_status = models.CharField(_("status penyesuaian"), max_length=10, blank=True,
                                       choices=OverrideStatus.choices, default=OverrideStatus.NONE)
    # Who decides the override: the appraiser's own superior on the plan's last day, named by
    # the hierarchy when the override is requested (none: the PPK's office decides).
    override_approver = models.ForeignKey("personnel.Employee", verbose_name=_("penyetuju penyesuaian"),
                                          on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    override_decided_by = models.ForeignKey("personnel.Employee", on_delete=models.PROTECT, null=True,
                                            blank=True, related_name="+")
    rated_by = models.ForeignKey("personnel.Employee", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+")
    development_needs = models.JSONField(_("kebutuhan pengembangan"), default=list, blank=True)
    is_final = models.BooleanField(_("final"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "evaluation"], name="perf_rating_once")]
        ordering = ["plan_id", "evaluation"]


class UnitRating(ScopedRecord, TimeStampedModel):
    """The organisation's rating of one unit for a period, and its finalisation."""

    scope_instansi_field = "period__instansi_id"
    # The calibration of the units the viewer leads (Qualifier.UNITS_I_LEAD).
    scope_qualifiers = {Qualifier.UNITS_I_LEAD: _LED_BY_ME}

    period = models.ForeignKey(PerformancePeriod, on_delete=models.PROTECT, related_name="unit_ratings")
    unit = models.ForeignKey("organization.Unit", on_delete=models.PROTECT, related_name="+")
    rating = models.CharField(_("predikat kinerja organisasi"), max_length=20, choices=ORGANISATION_RATING_CHOICES)
    finalised_at = models.DateTimeField(_("difinalkan pada"), null=True, blank=True)
    last_check = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["period", "unit"], name="perf_unit_rating_once")]


class CaseStatus(models.TextChoices):
    OPEN = "OPEN", _("Menunggu keputusan")
    FORWARDED = "FORWARDED", _("Diteruskan ke tindakan kepegawaian")
    CLOSED = "CLOSED", _("Ditutup tanpa tindakan")


class TidakBerkinerjaCase(ScopedRecord, TimeStampedModel):
    """A rating history that meets a reading of 'tidak berkinerja': a human decides (the PPK)."""

    scope_instansi_field = "instansi_id"
    scope_self_field = "employee_id"

    instansi = models.ForeignKey("organization.Instansi", on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey("personnel.Employee", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("tahun"))
    decision = models.JSONField(default=dict)
    status = models.CharField(_("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    note = models.TextField(_("catatan keputusan"), blank=True)
    action_reference = models.CharField(_("nomor tindakan kepegawaian"), max_length=50, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["employee", "year"], name="perf_case_once")]
        ordering = ["status", "-year"]


class CultureActivity(ScopedRecord, TimeStampedModel):
    """An activity of an instansi's programme internalising the core values and code of
    ethics into its work culture (UU 20/2023 Pasal 39)."""

    scope_instansi_field = "instansi_id"

    instansi = models.ForeignKey("organization.Instansi", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("organization.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    year = models.PositiveSmallIntegerField(_("tahun"))
    title = models.CharField(_("kegiatan"), max_length=300)
    value_codes = models.JSONField(_("nilai dasar"), default=list)
    held_on = models.DateField(_("tanggal"))
    participants = models.ManyToManyField("personnel.Employee", related_name="+", blank=True)
    notes = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["-held_on"]
