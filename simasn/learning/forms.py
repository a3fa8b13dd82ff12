from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from simasn.learning.models import FORM_CHOICES, NeedSource
from simasn.personnel.models import Employee

if TYPE_CHECKING:
    from simasn.accounts.actors import User

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RecordFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari (kegiatan, penyelenggara, nama, NIP)"), required=False)
    year = forms.IntegerField(label=_("Tahun"), required=False, min_value=2000, max_value=2200)


class LearningRecordForm(forms.Form):
    employee: forms.ModelChoiceField[Employee] = forms.ModelChoiceField(label=_("Pegawai"), queryset=Employee.objects.none())
    form = forms.ChoiceField(label=_("Bentuk pengembangan"), choices=FORM_CHOICES)
    title = forms.CharField(label=_("Nama kegiatan"), max_length=300)
    provider = forms.CharField(label=_("Penyelenggara"), max_length=200, required=False)
    start_date = forms.DateField(label=_("Tanggal mulai"), widget=DATE)
    end_date = forms.DateField(label=_("Tanggal selesai"), widget=DATE)
    minutes = forms.IntegerField(label=_("Durasi (menit)"), required=False, min_value=1, max_value=60 * 24 * 366,
                                 help_text=_("JP dihitung oleh aturan konversi (Peraturan LAN 10/2018)."))
    jp = forms.DecimalField(label=_("JP bersertifikat"), required=False, min_value=0, max_value=10_000,
                            decimal_places=2, help_text=_("Untuk bentuk tanpa konversi JP: isi sesuai sertifikat."))
    assigned = forms.BooleanField(label=_("Atas penugasan tertulis"), required=False)
    assignment_reference = forms.CharField(label=_("Nomor surat tugas"), max_length=100, required=False)
    competency = forms.CharField(label=_("Kompetensi yang dikembangkan"), max_length=200, required=False)
    certificate = forms.FileField(label=_("Sertifikat (PDF/PNG/JPEG, maks. 5 MB)"), required=False)

    def __init__(self, *args: Any, viewer: User, employees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["employee"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = employees
        if viewer.employee_id and employees.count() == 1:
            field.initial = viewer.employee_id

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        employee = data.pop("employee")
        upload = data.pop("certificate", None)
        return {**data, "employee_id": employee.pk, "certificate": upload.read() if upload else None}


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Berkas CSV"), help_text=_(
        "Kolom: nip, bentuk, nama_kegiatan, penyelenggara, tanggal_mulai, tanggal_selesai, menit, jp, "
        "ditugaskan, nomor_surat_tugas (tanggal TTTT-BB-HH, ditugaskan ya/tidak)."))


class ComplianceForm(forms.Form):
    instansi = forms.IntegerField(label="", required=False, widget=forms.HiddenInput)
    on = forms.DateField(label=_("Per tanggal"), required=False, widget=DATE)
    q = forms.CharField(label=_("Cari (nama, NIP, unit)"), required=False)
    behind = forms.BooleanField(label=_("Hanya yang belum memenuhi / melebihi"), required=False)


class PlanFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari (nama, NIP)"), required=False)
    year = forms.IntegerField(label=_("Tahun"), required=False, min_value=2000, max_value=2200)


class NeedForm(forms.Form):
    source = forms.ChoiceField(label=_("Sumber kebutuhan"), choices=NeedSource.choices)
    competency = forms.CharField(label=_("Kompetensi / kebutuhan"), max_length=200)
    standard_level = forms.TypedChoiceField(label=_("Level standar jabatan"), required=False, coerce=int,
                                            empty_value=None, choices=[("", "—")] + [(i, str(i)) for i in range(1, 6)])
    assessed_level = forms.TypedChoiceField(label=_("Level hasil asesmen"), required=False, coerce=int,
                                            empty_value=None, choices=[("", "—")] + [(i, str(i)) for i in range(1, 6)])
    evidence = forms.CharField(label=_("Sumber data (standar kompetensi jabatan, laporan asesmen)"), max_length=300,
                               required=False)
    planned_form = forms.ChoiceField(label=_("Bentuk pengembangan yang direncanakan"), choices=FORM_CHOICES)
    planned_jp = forms.DecimalField(label=_("JP direncanakan"), min_value=0, max_value=1000, decimal_places=2)
    note = forms.CharField(label=_("Catatan"), max_length=300, required=False)
