from __future__ import annotations

import re
from decimal import InvalidOperation
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from simasn.web.fields import IndonesianDecimalField, RupiahField, parse_decimal
from simasn.workplans.models import (
    Cycle,
    EvaluationReport,
    Guest,
    Meeting,
    OverlapDecision,
    PlanScope,
    PolicyDirection,
    PolicyIndicator,
    PolicyProgram,
    Stage,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def set_queryset(form: forms.Form, name: str, queryset: Any) -> None:
    cast(forms.ModelChoiceField, form.fields[name]).queryset = queryset


def date_field(label: Any, **kw: Any) -> forms.DateField:
    return forms.DateField(label=label, widget=DateInput(), **kw)


class CycleFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False)
    stage = forms.ChoiceField(label=_("Tahap"), required=False, choices=[("", _("Semua tahap")), *Stage.choices])


class CycleForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=250)
    scope_kind = forms.ChoiceField(label=_("Cakupan rencana (Pasal 2 ayat (2))"), choices=PlanScope.choices)
    year_start = forms.IntegerField(label=_("Tahun awal"), min_value=2023, max_value=2100)
    year_end = forms.IntegerField(label=_("Tahun akhir"), min_value=2023, max_value=2100)
    reference_date = date_field(_("Tanggal siklus (menentukan peserta)"))
    starts_on = date_field(_("Jadwal mulai"))
    ends_on = date_field(_("Jadwal selesai"))
    policy = forms.ModelChoiceField(label=_("Arah Kebijakan (ditetapkan)"), queryset=PolicyDirection.objects.none())
    previous_cycle = forms.ModelChoiceField(label=_("Siklus periode sebelumnya"), required=False,
                                            queryset=Cycle.objects.none())

    def __init__(self, *args: Any, policies: Any, cycles: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "policy", policies.filter(status=PolicyDirection.Status.PUBLISHED))
        set_queryset(self, "previous_cycle", cycles)


class PolicyForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=250)
    year_start = forms.IntegerField(label=_("Tahun awal"), min_value=2020, max_value=2100)
    year_end = forms.IntegerField(label=_("Tahun akhir"), min_value=2020, max_value=2100)


class PolicyProgramForm(forms.ModelForm):
    class Meta:
        model = PolicyProgram
        fields = ["code", "name", "strategic_target"]


class PolicyIndicatorForm(forms.Form):
    program = forms.ModelChoiceField(label=_("Program"), queryset=PolicyProgram.objects.none())
    code = forms.CharField(label=_("Kode indikator"), max_length=20)
    name = forms.CharField(label=_("Indikator"), max_length=400)
    unit = forms.CharField(label=_("Satuan"), max_length=50)
    baseline = IndonesianDecimalField(label=_("Baseline"), max_digits=18, decimal_places=2)
    targets = forms.CharField(label=_("Target per tahun"), help_text=_("Mis. 2025=60; 2026=70; 2027=80"))

    def __init__(self, *args: Any, policy: PolicyDirection, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "program", policy.programs.all())

    def clean_targets(self) -> dict[int, Any]:
        result = {}
        # ";" separates years; a "," does too when a year follows ("2025=60, 2026=70"),
        # otherwise it is the decimal comma ("2025=60,5").
        for part in re.split(r"\s*,\s*(?=\d{4}\s*=)|;", self.cleaned_data["targets"]):
            if not part.strip():
                continue
            try:
                year, value = part.split("=")
                result[int(year.strip())] = parse_decimal(value.strip())
            except (ValueError, InvalidOperation) as exc:
                raise forms.ValidationError(_("Tulis sebagai tahun=nilai; pisahkan dengan titik koma.")) from exc
        return result


class NoteForm(forms.Form):
    change_note = forms.CharField(label=_("Perubahan kebijakan"), widget=forms.Textarea(attrs={"rows": 3}))


class AgendaForm(forms.Form):
    letter_number = forms.CharField(label=_("Nomor surat"), max_length=100)
    letter_date = date_field(_("Tanggal surat"))
    draft_deadline = date_field(_("Batas pengiriman rancangan"))
    meeting_plan = forms.CharField(label=_("Rencana pertemuan pembahasan"), max_length=300, required=False)
    body = forms.CharField(label=_("Isi agenda"), widget=forms.Textarea(attrs={"rows": 5}))


class DraftProgramForm(forms.Form):
    code = forms.CharField(label=_("Kode program"), max_length=30)
    name = forms.CharField(label=_("Program"), max_length=300)
    policy_program = forms.ModelChoiceField(label=_("Program Arah Kebijakan"), required=False,
                                            queryset=PolicyProgram.objects.none())

    def __init__(self, *args: Any, policy: PolicyDirection, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "policy_program", policy.programs.all())


class ActivityForm(forms.Form):
    program = forms.ChoiceField(label=_("Program lembaga"))
    code = forms.CharField(label=_("Kode kegiatan"), max_length=30)
    name = forms.CharField(label=_("Kegiatan"), max_length=400)
    indicator = forms.ModelChoiceField(label=_("Indikator Arah Kebijakan"), required=False,
                                       queryset=PolicyIndicator.objects.none())
    output = forms.CharField(label=_("Keluaran"), max_length=400)
    target = IndonesianDecimalField(label=_("Target"), max_digits=18, decimal_places=2, min_value=0)
    target_unit = forms.CharField(label=_("Satuan target"), max_length=50)
    budget = RupiahField(label=_("Anggaran (Rp)"))
    unit_in_charge = forms.CharField(label=_("Unit penanggung jawab"), max_length=200)

    def __init__(self, *args: Any, draft: Any, with_program: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["program"]).choices = [(p.pk, str(p)) for p in draft.programs.all()]
        set_queryset(self, "indicator", PolicyIndicator.objects.filter(
            program__policy_id=draft.cycle.policy_id).select_related("program"))
        if not with_program:
            del self.fields["program"]


class EvaluationLinkForm(forms.Form):
    previous_evaluation = forms.ModelChoiceField(label=_("Hasil evaluasi periode sebelumnya"), required=False,
                                                 queryset=EvaluationReport.objects.none())
    evaluation_note = forms.CharField(label=_("Catatan atas evaluasi periode sebelumnya"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, available: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "previous_evaluation", available)


MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def _limited(upload: Any) -> Any:
    if upload is not None and upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(_("Berkas terlalu besar (paling besar 10 MB)."))
    return upload


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Berkas XLSX (templat)"))

    def clean_file(self) -> Any:
        return _limited(self.cleaned_data.get("file"))


class MeetingForm(forms.Form):
    held_on = date_field(_("Tanggal pertemuan"))
    mode = forms.ChoiceField(label=_("Cara (Pasal 5 ayat (5) huruf b)"), choices=Meeting.Mode.choices)
    location = forms.CharField(label=_("Tempat"), max_length=300, required=False)
    online_link = forms.CharField(label=_("Tautan daring"), max_length=300, required=False)
    delegated = forms.BooleanField(label=_("Pelaksanaan teknis didelegasikan kepada JPT madya (Pasal 6)"),
                                   required=False)
    delegate_name = forms.CharField(label=_("Nama pejabat delegasi"), max_length=200, required=False)
    delegate_title = forms.CharField(label=_("Jabatan pejabat delegasi"), max_length=200, required=False)
    delegation_letter = forms.CharField(label=_("Nomor surat delegasi"), max_length=100, required=False)


class AttendanceForm(forms.Form):
    present = forms.BooleanField(label=_("Hadir"), required=False)
    representative = forms.CharField(label=_("Wakil"), max_length=200, required=False)


class GuestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"), choices=Guest.Kind.choices)
    name = forms.CharField(label=_("Nama"), max_length=200)
    affiliation = forms.CharField(label=_("Asal"), max_length=200)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Keputusan"), choices=OverlapDecision.Decision.choices)
    subject = forms.ChoiceField(label=_("Kegiatan yang diubah"), required=False,
                                choices=[("", "—"), *OverlapDecision.Side.choices])
    note = forms.CharField(label=_("Catatan"), max_length=400, required=False)


class CloseMeetingForm(forms.Form):
    number = forms.CharField(label=_("Nomor berita acara"), max_length=100)


class CoordinationForm(forms.Form):
    letter_number = forms.CharField(label=_("Nomor surat"), max_length=100)
    letter_date = date_field(_("Tanggal surat"))
    to_bappenas = forms.BooleanField(label=_("Menteri PPN/Kepala Bappenas"), required=False, initial=True)
    to_kemenkeu = forms.BooleanField(label=_("Menteri Keuangan"), required=False, initial=True)
    note = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class RevisionForm(forms.Form):
    reason = forms.CharField(label=_("Perubahan kebijakan strategis nasional (Pasal 8)"),
                             widget=forms.Textarea(attrs={"rows": 3}))
    starts_on = date_field(_("Jadwal mulai"))
    ends_on = date_field(_("Jadwal selesai"))
    reference_date = date_field(_("Tanggal siklus revisi"), required=False)
    policy = forms.ModelChoiceField(label=_("Arah Kebijakan (kosongkan: tetap)"), required=False,
                                    queryset=PolicyDirection.objects.none())

    def __init__(self, *args: Any, policies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "policy", policies.filter(status=PolicyDirection.Status.PUBLISHED))


class RealizationForm(forms.Form):
    activity = forms.IntegerField(widget=forms.HiddenInput())
    quarter = forms.ChoiceField(label=_("Triwulan"), choices=[(q, f"TW {q}") for q in range(1, 5)])
    target_realized = IndonesianDecimalField(label=_("Realisasi target (kumulatif)"), max_digits=18, decimal_places=2,
                                         min_value=0)
    budget_realized = RupiahField(label=_("Realisasi anggaran triwulan (Rp)"))
    note = forms.CharField(label=_("Catatan"), max_length=400, required=False)


class EvaluationForm(forms.Form):
    summary = forms.CharField(label=_("Hasil pemantauan dan evaluasi"), widget=forms.Textarea(attrs={"rows": 4}))
    recommendations = forms.CharField(label=_("Rekomendasi untuk periode berikutnya"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 3}))


class VerifyForm(forms.Form):
    file = forms.FileField(label=_("Berkas PDF berita acara"))

    def clean_file(self) -> Any:
        return _limited(self.cleaned_data.get("file"))


class PairMarkForm(forms.Form):
    """A participant's mark on a pair of activities (issue 13, learning from the meeting)."""

    activity_a = forms.IntegerField(label=_("Kegiatan A"), min_value=1)
    activity_b = forms.IntegerField(label=_("Kegiatan B"), min_value=1)
    is_overlap = forms.TypedChoiceField(label=_("Tanda"), coerce=lambda v: v == "1",
                                        choices=[("1", _("Juga tumpang tindih")), ("0", _("Bukan tumpang tindih"))])
    note = forms.CharField(label=_("Catatan"), max_length=400, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("activity_a") and data.get("activity_a") == data.get("activity_b"):
            raise forms.ValidationError(_("Pilih dua kegiatan yang berbeda."))
        return data


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class GlossaryEntryForm(forms.Form):
    """A new version of a glossary entry; one term (or one member) per line."""

    entry_key = forms.CharField(label=_("Kode entri"), max_length=80,
                                help_text=_("Kode yang sudah ada membuat versi baru entri itu; kode baru menambah entri."))
    kind = forms.ChoiceField(label=_("Jenis"), choices=[
        ("abbreviation", _("Singkatan")), ("former_name", _("Nama lama")), ("synonyms", _("Padanan kata")),
        ("contrast", _("Pembeda (jenjang, jenis, kelompok sasaran)")),
        ("own_institution", _("Urusan internal lembaga")), ("scope_national", _("Lingkup nasional/lintas instansi"))])
    terms = forms.CharField(label=_("Istilah"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
                            help_text=_("Satu istilah per baris, seperti ditulis perencana."))
    means = forms.CharField(label=_("Kepanjangan atau nama baru"), max_length=300, required=False)
    members = forms.CharField(label=_("Anggota pembeda"), widget=forms.Textarea(attrs={"rows": 4}), required=False,
                              help_text=_("Satu anggota per baris; padanan dalam satu baris dipisah titik koma."))
    dimension = forms.CharField(label=_("Nama pembeda"), max_length=200, required=False)
    strength = forms.ChoiceField(label=_("Kekuatan pembeda"), required=False,
                                 choices=[("strict", _("tegas")), ("soft", _("petunjuk"))])
    source_title = forms.CharField(label=_("Sumber (peraturan atau dokumen resmi)"), max_length=300)
    article = forms.CharField(label=_("Pasal"), max_length=100, required=False)
    source_url = forms.URLField(label=_("Tautan sumber"), required=False, assume_scheme="https")
    verified = forms.BooleanField(label=_("Teks sumber sudah saya baca"), required=False)
    retired = forms.BooleanField(label=_("Cabut entri ini"), required=False)
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 2}))

    @staticmethod
    def service_args(d: dict[str, Any]) -> dict[str, Any]:
        data = {"kind": d["kind"], "terms": _lines(d["terms"]), "means": d["means"], "dimension": d["dimension"],
                "strength": d["strength"] or "strict", "article": d["article"],
                "members": [[t.strip() for t in line.split(";") if t.strip()] for line in _lines(d["members"])]}
        return {"entry_key": d["entry_key"], "data": data, "source_title": d["source_title"], "source_url": d["source_url"],
                "verified": d["verified"], "retired": d["retired"], "reason": d["reason"]}

    @staticmethod
    def initial_for(entry: Any) -> dict[str, Any]:
        return {"entry_key": entry.id, "kind": entry.kind, "terms": "\n".join(entry.terms), "means": entry.means,
                "members": "\n".join("; ".join(m) for m in entry.members), "dimension": entry.dimension,
                "strength": entry.strength, "article": entry.article}
