"""Forms of the law pages: a facts form built from a rule's facts model, and a new
parameter version."""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from enum import Enum
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from simasn.law import RULES, dismissal_grounds
from simasn.law.decision import Facts
from simasn.law.enums import DismissalGround, Sex
from simasn.lawdata.models import ParameterOverride
from simasn.lawdata.services import FIELDS
from simasn.web.fields import DateInput

#: Indonesian labels of the facts the rules take (English in the locale file).
FACT_LABELS: dict[str, Any] = {
    "nip": _("NIP"),
    "employee_type": _("Jenis pegawai"),
    "birth_date": _("Tanggal lahir"),
    "sex": _("Jenis kelamin"),
    "tmt_cpns": _("TMT CPNS"),
    "appointment_year": _("Tahun pengangkatan PPPK"),
    "position_kind": _("Jenis jabatan"),
    "functional_level": _("Jenjang jabatan fungsional"),
    "functional_family": _("Rumpun jabatan fungsional (guru/dosen/profesor)"),
    "contract_end_date": _("Akhir perjanjian kerja (PPPK)"),
    "own_request": _("Atas permintaan sendiri (mengundurkan diri)"),
    "ground": _("Alasan pemberhentian (Pasal 52 ayat (3))"),
    "verdict_final": _("Putusan pengadilan berkekuatan hukum tetap"),
    "sentence_kind": _("Jenis pidana"),
    "sentence_months": _("Lama pidana (bulan)"),
    "crime_related_to_position": _("Tindak pidana berhubungan dengan jabatan"),
    "discipline_level": _("Tingkat hukuman disiplin"),
    "reason": _("Alasan pemberhentian sementara"),
    "state_office": _("Jabatan negara"),
    "detention_status": _("Status penahanan"),
    "office_ended_on": _("Tanggal berakhirnya jabatan negara"),
    "vacancy_found_on": _("Tanggal tersedia lowongan jabatan ASN"),
    "election": _("Pemilihan"),
    "candidate_set_on": _("Tanggal ditetapkan sebagai calon"),
    "action": _("Tindakan kepegawaian"),
    "instansi_kind": _("Jenis instansi"),
    "candidate_type": _("Asal calon"),
    "designated_for_candidate_type": _("Jabatan ditetapkan dapat diisi dari asal calon ini"),
    "attributes": _("Atribut yang akan dipakai (satu per baris)"),
    # The facts of the rules added later (found in the browser walk: shown by their code).
    "professor_extension_granted": _("Perpanjangan BUP profesor telah ditetapkan"),
    "offence_penalty_months": _("Ancaman pidana penjara tindak pidananya (bulan)"),
    "seats": _("Jumlah formasi"),
    "holders": _("Jumlah pemangku"),
    "start": _("Tanggal mulai"),
    "n": _("Jumlah hari"),
    "unit": _("Satuan hari (hari kerja/kalender)"),
    "region": _("Wilayah (hari libur daerah)"),
    "known_on": _("Tanggal diketahui"),
    "counts_from": _("Dihitung sejak"),
    "twk": _("Nilai TWK"),
    "tiu": _("Nilai TIU"),
    "tkp": _("Nilai TKP"),
    "formasi_type": _("Jenis formasi"),
    "applicants": _("Pelamar (JSON)"),
    "skb": _("Nilai SKB (JSON)"),
    "skb_weights": _("Bobot SKB (JSON)"),
    "announced_on": _("Tanggal pengumuman"),
    "filed_on": _("Tanggal pengajuan"),
    "sanggah_already_filed": _("Jumlah sanggah yang sudah diajukan"),
    "applications_in_period": _("Jumlah lamaran pada periode seleksi"),
    "position": _("Jabatan"),
    "filled": _("Jumlah formasi terisi"),
    "candidates": _("Calon (JSON)"),
    "rank": _("Golongan/ruang"),
    "masa_kerja_years": _("Masa kerja golongan (tahun)"),
    "initial_rank": _("Golongan awal pengangkatan"),
    "recognised_prior_service_months": _("Masa kerja sebelumnya yang diakui (bulan)"),
    "is_cpns": _("Masih CPNS"),
    "workload_hours": _("Beban kerja setahun (jam)"),
    "nik": _("NIK"),
    "tmt_pns": _("TMT PNS"),
    "contract_start": _("Awal perjanjian kerja"),
    "contract_end": _("Akhir perjanjian kerja"),
    "breach": _("Pelanggaran"),
    "impact": _("Dampak pelanggaran"),
    "without_valid_reason": _("Tanpa alasan yang sah"),
    "absent_days": _("Hari tidak masuk kerja tanpa alasan sah dalam setahun"),
    "consecutive_absent_days": _("Hari tidak masuk kerja tanpa alasan sah berturut-turut"),
    "offender_position_kind": _("Jenis jabatan pegawai yang melanggar"),
    "offender_functional_level": _("Jenjang jabatan fungsional pegawai yang melanggar"),
    "offender_is_ppk": _("Pegawai yang melanggar adalah PPK"),
    "offender_appointed_by_president": _("Pegawai yang melanggar diangkat dan diberhentikan oleh Presiden"),
    "penalty": _("Hukuman disiplin"),
    "official": _("Pejabat yang akan menjatuhkan hukuman"),
    "levels_below": _("Jumlah tingkat di bawah pejabat"),
    "decision_received_date": _("Tanggal keputusan diterima"),
    "contested": _("Diajukan upaya administratif"),
    "decision": _("Keputusan yang disengketakan"),
    "issuer": _("Pejabat yang menetapkan keputusan"),
    "decision_date": _("Tanggal keputusan"),
    "step": _("Tahap upaya administratif"),
    "submission_received_date": _("Tanggal pengajuan diterima"),
    "acted_on": _("Tanggal ditindaklanjuti"),
    "route": _("Jalur upaya administratif"),
    "filed_date": _("Tanggal pengajuan"),
    "penalties": _("Hukuman disiplin (JSON)"),
    "interruptions": _("Masa terputus (JSON)"),
    "awarded": _("Satyalancana yang sudah diterima (JSON)"),
    "work_result_rating": _("Rating hasil kerja"),
    "behaviour_rating": _("Rating perilaku kerja"),
    "organisation_rating": _("Predikat kinerja organisasi"),
    "counts": _("Jumlah pegawai per predikat (JSON)"),
    "year": _("Tahun"),
    "scheme": _("Skema evaluasi periodik"),
    "annual_ratings": _("Predikat kinerja tahunan (JSON)"),
    "potential_level": _("Tingkat potensi"),
    "potential_assessed_on": _("Tanggal penilaian potensi"),
    "potential_scores": _("Nilai potensi (JSON)"),
    "other_inputs": _("Masukan lain (JSON)"),
    "records": _("Catatan pengembangan kompetensi (JSON)"),
    "form": _("Bentuk pengembangan kompetensi"),
    "minutes": _("Lama belajar (menit)"),
    "action_tmt": _("TMT tindakan"),
}

SEX_LABELS = {Sex.LAKI_LAKI: _("Laki-laki"), Sex.PEREMPUAN: _("Perempuan")}

TRI_STATE = [("", _("Tidak diketahui")), ("true", _("Ya")), ("false", _("Tidak"))]


def _base_type(annotation: Any) -> tuple[Any, bool]:
    """The type inside `X | None` and whether None is allowed."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else annotation), True
    return annotation, False


def _enum_label(member: Enum, on: dt.date) -> str:
    if isinstance(member, Sex):
        return str(SEX_LABELS[member])
    if isinstance(member, DismissalGround):
        labels = {g["code"]: g["label_id"] for g in dismissal_grounds(on)}
        return f"{member.value} — {labels.get(member.value, '')}"
    text = str(member.value).replace("_", " ").lower()
    return (
        text.replace("jpt", "JPT")
        .replace("lns", "LNS")
        .replace("lpnk", "LPNK")
        .replace("pns", "PNS")
        .replace("pppk", "PPPK")
        .replace("ppk", "PPK")
        .replace("non asn", "non-ASN")
        .replace("tni", "TNI")
        .replace("polri", "Polri")
        .replace("dpr", "DPR")
        .replace("dpd", "DPD")
        .replace("mpr", "MPR")
    )


def _field_for(name: str, info: Any, on: dt.date) -> forms.Field:
    kind, optional = _base_type(info.annotation)
    required = info.is_required()
    label = FACT_LABELS.get(name, name.replace("_", " "))
    if isinstance(kind, type) and issubclass(kind, Enum):
        choices = [(m.value, _enum_label(m, on)) for m in kind]
        return forms.ChoiceField(label=label, required=required, choices=[("", "—"), *choices])
    if kind is dt.date:
        return forms.DateField(
            label=label, required=required, widget=DateInput()
        )
    if kind is bool:
        if optional:
            return forms.TypedChoiceField(
                label=label,
                required=False,
                choices=TRI_STATE,
                coerce=lambda v: v == "true",
                empty_value=None,
            )
        return forms.BooleanField(label=label, required=False)
    if kind is int:
        return forms.IntegerField(label=label, required=required, min_value=0)
    if typing.get_origin(kind) is list:
        return forms.CharField(
            label=label, required=required, widget=forms.Textarea(attrs={"rows": 4})
        )
    return forms.CharField(label=label, required=required, max_length=200)


class RuleChoiceForm(forms.Form):
    rule = forms.ChoiceField(label=_("Aturan"), choices=())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["rule"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(name, rule_title(name)) for name in RULES]
        field.widget.attrs["data-autosubmit"] = ""


class DecisionDateForm(forms.Form):
    on = forms.DateField(
        label=_("Tanggal keputusan"),
        widget=DateInput(),
        help_text=_("Hukum yang berlaku pada tanggal ini yang dipakai."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.initial.get("on"):
            self.initial["on"] = timezone.localdate()


#: Indonesian titles of the rules (English in the locale file).
RULE_TITLES: dict[str, Any] = {
    "nip": _("Validasi NIP"),
    "retirement": _("Batas usia pensiun dan TMT pensiun"),
    "dismissal": _("Pemberhentian"),
    "temporary_dismissal": _("Pemberhentian sementara"),
    "return_from_state_office": _("Pengaktifan kembali setelah jabatan negara"),
    "candidacy": _("Pencalonan dalam pemilihan"),
    "authority": _("Kewenangan pengangkatan, pemindahan, pemberhentian"),
    "position_filling": _("Pengisian Jabatan ASN"),
    "merit_inputs": _("Masukan keputusan merit"),
}


def rule_title(name: str) -> Any:
    """The rule's title in the page's language: the catalogue's, else the registry's own pair."""
    if name in RULE_TITLES:
        return RULE_TITLES[name]
    spec = RULES[name]
    return spec.title_en if (get_language() or "id").startswith("en") else spec.title_id


class FactsForm(forms.Form):
    """The facts of one rule, built from its pydantic facts model."""

    def __init__(self, *args: Any, model: type[Facts], on: dt.date, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "facts")
        super().__init__(*args, **kwargs)
        self.model = model
        for name, info in model.model_fields.items():
            self.fields[name] = _field_for(name, info, on)

    def facts(self) -> dict[str, Any]:
        """Cleaned data as the rule's facts: empty answers left out, lists split."""
        facts: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if value in (None, ""):
                continue
            field = self.fields[name]
            if isinstance(field.widget, forms.Textarea):
                value = [
                    part.strip()
                    for line in str(value).splitlines()
                    for part in line.split(",")
                    if part.strip()
                ]
            elif isinstance(field, forms.BooleanField) and value is False:
                continue
            facts[name] = value
        return facts


class ParameterVersionForm(forms.ModelForm):
    value = forms.CharField(
        label=_("Nilai (JSON)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Untuk parameter berkunci cukup tulis kunci yang berubah; kunci lain tetap."),
    )

    url = forms.URLField(label=_("Tautan"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = ParameterOverride
        fields = [name for name in FIELDS if name != "name"]  # the parameter is chosen by the page
        widgets = {
            "valid_from": DateInput(),
            "valid_until": DateInput(),
            "last_verified_on": DateInput(),
        }

    def clean_value(self) -> Any:
        raw = self.cleaned_data["value"]
        try:
            return json.loads(raw)
        except json.JSONDecodeError as error:
            raise forms.ValidationError(
                _("Bukan JSON yang sah: %(error)s") % {"error": error}
            ) from None
