from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from simasn.personnel.models import EducationLevel
from simasn.positions.models import Position
from simasn.procurement.models import EMPLOYEE_TYPES, DocumentType
from simasn.web.fields import IndonesianDecimalField
from simasn.web.pages import limit_choices

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def set_choices(form: forms.BaseForm, name: str, choices: list[tuple[str, Any]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


class PortalFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari jabatan atau instansi"), required=False)
    region = forms.ChoiceField(label=_("Wilayah"), required=False)
    education = forms.CharField(label=_("Pendidikan"), required=False)
    formasi_type = forms.ChoiceField(label=_("Jenis formasi"), required=False)
    employee_type = forms.ChoiceField(label=_("Jenis ASN"), required=False,
                                      choices=[("", _("Semua")), *EMPLOYEE_TYPES])

    def __init__(self, *args: Any, regions: list[str], formasi_types: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "region", [("", _("Semua wilayah"))] + [(r, r) for r in regions])
        set_choices(self, "formasi_type", [("", _("Semua jenis")), *formasi_types])


class PeriodForm(forms.Form):
    name = forms.CharField(label=_("Nama seleksi"), max_length=200)
    fiscal_year = forms.IntegerField(label=_("Tahun anggaran"), min_value=2020, max_value=2100)
    employee_type = forms.ChoiceField(label=_("Jenis ASN"), choices=EMPLOYEE_TYPES)
    opens_on = forms.DateField(label=_("Pendaftaran dibuka"), widget=DATE)
    closes_on = forms.DateField(label=_("Pendaftaran ditutup"), widget=DATE)


class VacancyForm(forms.Form):
    position: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Jabatan"), queryset=Position.objects.none())
    formasi_type = forms.ChoiceField(label=_("Jenis formasi"))
    seats = forms.IntegerField(label=_("Jumlah kebutuhan"), min_value=1, max_value=100000)
    formasi_ref = forms.IntegerField(label=_("Rujukan formasi (data perencanaan)"), required=False)
    formasi_decision = forms.CharField(label=_("Nomor keputusan penetapan kebutuhan"), required=False,
                                       help_text=_("Wajib bila tidak ada rujukan formasi dari data perencanaan."))
    formasi_decided_on = forms.DateField(label=_("Tanggal penetapan"), required=False, widget=DATE)
    education = forms.CharField(label=_("Kualifikasi pendidikan"), max_length=300)
    requirements = forms.CharField(label=_("Persyaratan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    required_documents = forms.MultipleChoiceField(label=_("Dokumen wajib"), choices=DocumentType.choices,
                                                   widget=forms.CheckboxSelectMultiple,
                                                   initial=[DocumentType.KTP, DocumentType.IJAZAH])

    def __init__(self, *args: Any, positions: Any, formasi_types: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "position", positions)
        set_choices(self, "formasi_type", formasi_types)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False)


class RegisterForm(forms.Form):
    nik = forms.CharField(label=_("NIK (16 angka, sesuai KTP)"), min_length=16, max_length=16,
                          widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off",
                                                        "pattern": "[0-9]{16}"}))
    name = forms.CharField(label=_("Nama lengkap sesuai KTP"), max_length=200,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    birth_date = forms.DateField(label=_("Tanggal lahir"), widget=DATE)
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=[("L", _("Laki-laki")), ("P", _("Perempuan"))])
    email = forms.EmailField(label=_("Surel"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    phone = forms.CharField(label=_("Nomor telepon"), max_length=30, required=False,
                            widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}))
    password = forms.CharField(label=_("Kata sandi (paling sedikit 10 karakter)"),
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password_again = forms.CharField(label=_("Ulangi kata sandi"),
                                     widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("Kata sandi tidak sama."))
        return data


EDUCATION_LEVELS = [("", "—"), *EducationLevel.choices]


class DraftForm(forms.Form):
    education_level = forms.ChoiceField(label=_("Pendidikan terakhir"), choices=EDUCATION_LEVELS, required=False)
    education_major = forms.CharField(label=_("Program studi / jurusan"), max_length=150, required=False)
    institution_name = forms.CharField(label=_("Perguruan tinggi / sekolah"), max_length=200, required=False)
    graduation_year = forms.IntegerField(label=_("Tahun lulus"), min_value=1960, max_value=2100, required=False)
    # Typed the Indonesian way ("3,45"); found in the new-user walk (the field refused the comma).
    ipk = IndonesianDecimalField(label=_("IPK (untuk lulusan perguruan tinggi)"), min_value=0, max_value=4,
                                 decimal_places=2, required=False)
    ijazah_average = IndonesianDecimalField(label=_("Nilai rata-rata ijazah (untuk lulusan SMA/SMK)"), min_value=0,
                                            max_value=100, decimal_places=2, required=False)
    address = forms.CharField(label=_("Alamat domisili"), max_length=300, required=False)


class UploadForm(forms.Form):
    doc_type = forms.ChoiceField(label=_("Jenis dokumen"), choices=[])
    file = forms.FileField(label=_("Berkas (PDF, JPEG atau PNG)"))

    def __init__(self, *args: Any, doc_types: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "doc_type", doc_types)
