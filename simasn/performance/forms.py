from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from simasn.law import behaviour_indicators
from simasn.law.enums import PeriodicScheme
from simasn.performance.models import (
    ANNUAL,
    EXPECTATION_CHOICES,
    ORGANISATION_RATING_CHOICES,
    PREDIKAT_CHOICES,
    DialogueKind,
    IndicatorKind,
    WorkResult,
)
from simasn.performance.services.culture import CODE_OF_ETHICS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def value_choices() -> list[tuple[str, str]]:
    return [(v["code"], v["label_id"]) for v in behaviour_indicators(timezone.localdate())]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False)


class PeriodOpenForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun"), min_value=2022, max_value=2100)
    scheme = forms.ChoiceField(label=_("Skema evaluasi periodik"), required=False, choices=[
        ("", _("Menurut aturan (bawaan)")), (PeriodicScheme.TRIWULANAN.value, _("Triwulanan")),
        (PeriodicScheme.SEMESTERAN.value, _("Semesteran")), (PeriodicScheme.BULANAN.value, _("Bulanan"))])


class ResultForm(forms.Form):
    parent = forms.ModelChoiceField(label=_("Hasil kerja atasan yang diintervensi"), required=False,
                                    queryset=WorkResult.objects.none())
    organisation_goal = forms.CharField(label=_("Sasaran/program organisasi (bila tanpa atasan)"), required=False,
                                        max_length=300)
    text = forms.CharField(label=_("Rencana hasil kerja"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    indicator = forms.CharField(label=_("Indikator"), max_length=300)
    kind = forms.ChoiceField(label=_("Jenis indikator"), choices=IndicatorKind.choices)
    target = forms.CharField(label=_("Target"), max_length=100)

    def __init__(self, *args: Any, parents: Any, programmes: list[dict[str, Any]] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["parent"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = parents
        field.label_from_instance = lambda r: f"{r.plan.employee.name}: {r.text}"  # type: ignore[method-assign,assignment]
        if programmes:
            # The instansi's work plan for the year: its programmes are the organisation goals.
            self.fields["programme"] = forms.ChoiceField(
                label=_("Program rencana kerja instansi (sasaran organisasi)"), required=False,
                choices=[("", "—")] + [(p["key"], f"{p['code']} {p['name']} ({p['cycle']})") for p in programmes])
            self.fields["organisation_goal"].label = _("Uraian sasaran organisasi (opsional)")
            self.order_fields(["parent", "programme", "organisation_goal"])


class IndicatorForm(forms.Form):
    text = forms.CharField(label=_("Indikator"), max_length=300)
    kind = forms.ChoiceField(label=_("Jenis indikator"), choices=IndicatorKind.choices)
    target = forms.CharField(label=_("Target"), max_length=100)


class RealisationForm(forms.Form):
    realisation = forms.CharField(label=_("Realisasi"), max_length=300)


class ExpectationForm(forms.Form):
    expectation = forms.CharField(label=_("Ekspektasi pimpinan"), widget=forms.Textarea(attrs={"rows": 3}))


class BehaviourExpectationForm(forms.Form):
    value_code = forms.ChoiceField(label=_("Nilai dasar (BerAKHLAK)"), choices=())
    expectation = forms.CharField(label=_("Ekspektasi pimpinan"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["value_code"].choices = value_choices()  # type: ignore[attr-defined]


class EvidenceForm(forms.Form):
    description = forms.CharField(label=_("Uraian bukti dukung"), max_length=300)
    link = forms.URLField(label=_("Tautan"), required=False, assume_scheme="https")
    upload = forms.FileField(label=_("Berkas (PDF, gambar, XLSX, DOCX, CSV; paling besar 10 MB)"), required=False)


class DialoguePlanForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"), choices=DialogueKind.choices)
    evaluation = forms.ChoiceField(label=_("Periode evaluasi"), choices=())
    planned_on = forms.DateField(label=_("Tanggal rencana"), widget=DATE)

    def __init__(self, *args: Any, evaluations: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evaluation"].choices = [(e["code"], e["label_id"]) for e in evaluations]  # type: ignore[attr-defined]
        # The evaluation whose months cover today comes first to hand (not always the first quarter).
        today = timezone.localdate()
        current = next((e["code"] for e in evaluations if e.get("start") and e.get("end")
                        and e["start"] <= today <= e["end"] and e["code"] != ANNUAL), None)
        if current:
            self.fields["evaluation"].initial = current
            self.fields["planned_on"].initial = today


class DialogueRecordForm(forms.Form):
    held_on = forms.DateField(label=_("Tanggal pelaksanaan"), widget=DATE)
    notes = forms.CharField(label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 3}))
    agreed_actions = forms.CharField(label=_("Tindak lanjut yang disepakati"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 2}))


class RatingForm(forms.Form):
    evaluation = forms.ChoiceField(label=_("Periode evaluasi"), choices=())
    work_result_rating = forms.ChoiceField(label=_("Hasil kerja"), choices=EXPECTATION_CHOICES, required=False)
    behaviour_rating = forms.ChoiceField(label=_("Perilaku kerja"), choices=EXPECTATION_CHOICES)
    development_needs = forms.CharField(label=_("Kebutuhan pengembangan (satu per baris)"), required=False,
                                        widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, evaluations: list[dict[str, Any]], leader: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evaluation"].choices = [(e["code"], e["label_id"]) for e in evaluations]  # type: ignore[attr-defined]
        if leader:
            self.fields["work_result_rating"].help_text = _(
                "Pimpinan unit: pada evaluasi tahunan hasil kerja mengikuti predikat kinerja organisasi unit.")


class OverrideForm(forms.Form):
    predikat = forms.ChoiceField(label=_("Predikat yang diusulkan"), choices=PREDIKAT_CHOICES)
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}))


class UnitRatingForm(forms.Form):
    rating = forms.ChoiceField(label=_("Predikat kinerja organisasi"), choices=ORGANISATION_RATING_CHOICES)


class CaseDecisionForm(forms.Form):
    forward = forms.TypedChoiceField(label=_("Keputusan"), coerce=lambda v: v == "1", choices=[
        ("1", _("Teruskan ke tindakan kepegawaian (pemberhentian / tidak diperpanjang)")),
        ("0", _("Tutup tanpa tindakan"))])
    note = forms.CharField(label=_("Alasan keputusan"), widget=forms.Textarea(attrs={"rows": 3}))
    action_reference = forms.CharField(label=_("Nomor tindakan kepegawaian (bila sudah dibuat)"), required=False,
                                       max_length=50)
    confirm = forms.BooleanField(label=_("Saya memahami keputusan ini tidak dapat diubah."), required=True)


class CultureActivityForm(forms.Form):
    title = forms.CharField(label=_("Kegiatan"), max_length=300)
    held_on = forms.DateField(label=_("Tanggal"), widget=DATE)
    value_codes = forms.MultipleChoiceField(label=_("Nilai dasar dan kode etik"), choices=(),
                                            widget=forms.CheckboxSelectMultiple)
    participants: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Peserta"), required=False, queryset=None)  # type: ignore[arg-type]
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, employees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["value_codes"].choices = [*value_choices(), (CODE_OF_ETHICS, _("Kode etik dan kode perilaku"))]  # type: ignore[attr-defined]
        field = self.fields["participants"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = employees


class ActingForm(forms.Form):
    position: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Jabatan manajerial"), queryset=None)  # type: ignore[arg-type]
    employee: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Pegawai sebagai Plt"), queryset=None)  # type: ignore[arg-type]
    start_date = forms.DateField(label=_("Mulai"), widget=DATE)
    end_date = forms.DateField(label=_("Sampai"), required=False, widget=DATE)
    letter_number = forms.CharField(label=_("Nomor surat perintah"), required=False, max_length=100)

    def __init__(self, *args: Any, positions: Any, employees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["position"].queryset = positions  # type: ignore[attr-defined]
        self.fields["employee"].queryset = employees  # type: ignore[attr-defined]


class FeedbackForm(forms.Form):
    value_code = forms.ChoiceField(label=_("Nilai dasar (BerAKHLAK)"), choices=())
    rating = forms.ChoiceField(label=_("Penilaian Anda"), choices=EXPECTATION_CHOICES)
    note = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["value_code"].choices = value_choices()  # type: ignore[attr-defined]
