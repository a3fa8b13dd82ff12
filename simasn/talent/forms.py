from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from simasn.talent.models import COMPONENT_CHOICES, MobilityKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class GridForm(forms.Form):
    on = forms.DateField(label=_("Per tanggal"), required=False, widget=DATE)
    box = forms.IntegerField(label=_("Kotak"), required=False, min_value=1, max_value=9)
    q = forms.CharField(label=_("Cari (nama, NIP)"), required=False)


class AssessmentForm(forms.Form):
    employee = forms.IntegerField(widget=forms.HiddenInput)
    component = forms.ChoiceField(label=_("Komponen"), choices=COMPONENT_CHOICES)
    score = forms.DecimalField(label=_("Skor (0-100)"), min_value=0, max_value=100, decimal_places=2)
    assessed_on = forms.DateField(label=_("Tanggal penilaian"), widget=DATE)
    source = forms.CharField(label=_("Sumber"), max_length=200, help_text=_("Mis. Assessment Center BKN, uji kompetensi."))
    reference = forms.CharField(label=_("Nomor laporan"), max_length=100, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Berkas CSV"), help_text=_(
        "Kolom: nip, komponen (KOMPETENSI, POTENSI, KUALIFIKASI, INTEGRITAS_MORALITAS), skor (0-100), "
        "tanggal_penilaian (TTTT-BB-HH), sumber, nomor_laporan."))


class CriticalPositionForm(forms.Form):
    position = forms.ChoiceField(label=_("Jabatan"))
    reason = forms.CharField(label=_("Alasan kritis"), max_length=300)

    def __init__(self, *args: Any, positions: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["position"].choices = [("", "—"), *positions]  # type: ignore[attr-defined]


class NominateForm(forms.Form):
    employee = forms.IntegerField(widget=forms.HiddenInput)
    readiness = forms.ChoiceField(label=_("Kesiapan"))
    note = forms.CharField(label=_("Catatan"), max_length=300, required=False)

    def __init__(self, *args: Any, readiness: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["readiness"].choices = readiness  # type: ignore[attr-defined]


class MobilityForm(forms.Form):
    employee = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Jenis mobilitas"), choices=MobilityKind.choices)
    target_position = forms.ChoiceField(label=_("Jabatan tujuan"), required=False)
    destination = forms.CharField(label=_("Tujuan di luar instansi pemerintah"), max_length=200, required=False)
    priority = forms.IntegerField(required=False, widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Alasan (berdasarkan data talenta)"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, positions: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target_position"].choices = [("", "—"), *positions]  # type: ignore[attr-defined]


class PriorityForm(forms.Form):
    title = forms.CharField(label=_("Prioritas nasional"), max_length=300)
    job_family = forms.CharField(label=_("Rumpun/jenis jabatan"), max_length=60,
                                 help_text=_("Mis. JPT_PRATAMA, atau rumpun fungsional (Dokter, Guru)."))
    region = forms.CharField(label=_("Wilayah (kode instansi provinsi, kosong = nasional)"), max_length=20,
                             required=False)
    needed = forms.IntegerField(label=_("Kebutuhan talenta (orang)"), min_value=1)
    deadline = forms.DateField(label=_("Target waktu"), widget=DATE)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}))


class HandOverForm(forms.Form):
    tmt = forms.DateField(label=_("TMT pemindahan yang diusulkan"), widget=DATE)
