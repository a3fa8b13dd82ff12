from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from simasn.accounts.models import User
from simasn.core.errors import ApplicationError
from simasn.organization import selectors as org_selectors
from simasn.organization.forms import DateInput
from simasn.personnel import law_bridge
from simasn.personnel.models import (
    EMPLOYEE_TYPE_CHOICES,
    SENSITIVE_FIELDS,
    STATUS_CHOICES,
    Employee,
)
from simasn.personnel.services import validate_employee_data
from simasn.positions import selectors as position_selectors
from simasn.web.pages import limit_choices

DATE_FIELDS = ("birth_date", "tmt_cpns", "tmt_pns", "contract_start", "contract_end")
FKS = ("instansi", "unit", "position")


def _nik_checked_field() -> forms.BooleanField:
    return forms.BooleanField(
        label=_("NIK sudah diperiksa dengan dokumen kependudukan"), required=False,
        help_text=_("Centang hanya bila tanggal lahir atau jenis kelamin pada NIK memang berbeda dengan data "
                    "(NIK tidak berubah walaupun data dikoreksi)."))


class EmployeeForm(forms.ModelForm):
    """Create an employee (every field), or edit the register data of one (`sensitive=False`:
    the sensitive personal fields are left out and edited in their own audited step,
    `EmployeeSensitiveForm`)."""

    def __init__(self, *args: Any, viewer: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in SENSITIVE_FIELDS:
                self.fields.pop(name, None)
        else:
            self.fields["nik_checked"] = _nik_checked_field()
        limit_choices(self, "instansi", org_selectors.instansi_list(viewer=viewer))
        limit_choices(self, "unit", org_selectors.unit_list(viewer=viewer))
        limit_choices(self, "position", position_selectors.position_list(viewer=viewer))
        self.fields["rank"] = forms.ChoiceField(
            label=_("Golongan"), required=False,
            choices=[("", "—"), *law_bridge.rank_choices(on=timezone.localdate())],
        )
        self.fields["nip"].widget.attrs.update({"inputmode": "numeric", "pattern": r"\d{18}"})
        if "nik" in self.fields:
            self.fields["nik"].widget.attrs.update({"inputmode": "numeric", "pattern": r"\d{16}"})
        if self.instance.pk:
            for name in ("instansi", "employee_type", "nip", "birth_date", "sex", "tmt_cpns", "contract_start"):
                self.fields[name].disabled = True

    class Meta:
        model = Employee
        fields = [
            "instansi", "unit", "position", "employee_type", "nip", "nik", "front_title", "name",
            "back_title", "birth_date", "birth_place", "sex", "religion", "marital_status",
            "disability", "home_address", "education_level", "education_major", "rank",
            "tmt_cpns", "tmt_pns", "contract_start", "contract_end", "email", "phone",
        ]
        widgets = {name: DateInput() for name in DATE_FIELDS}

    def clean(self) -> dict[str, Any]:
        """When the form already refuses something, add the register's own checks at once,
        so one submission shows every problem (not the form's first, then the law's)."""
        cleaned = super().clean() or {}
        if self.errors:
            add_register_errors(self, cleaned)
        return cleaned


def add_register_errors(form: forms.ModelForm, cleaned: dict[str, Any]) -> None:
    instance = form.instance
    data: dict[str, Any] = {f.attname: getattr(instance, f.attname) for f in Employee._meta.concrete_fields} \
        if instance.pk else {}
    for key, value in cleaned.items():
        if key in FKS:
            data[f"{key}_id"] = value.pk if value is not None else None
        else:
            data[key] = value
    if instance.pk and data.get("nik") == instance.nik:
        data["nik"] = ""
    try:
        validate_employee_data(data)
    except ApplicationError as error:
        for name, messages in error.fields.items():
            if name in form.fields and name not in form.errors:
                for message in messages:
                    form.add_error(name, message)


class EmployeeSensitiveForm(forms.ModelForm):
    """The sensitive personal data (UU 27/2022), edited in a step of its own that opens
    them through the audited reveal."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nik"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        self.fields["nik_checked"] = _nik_checked_field()

    class Meta:
        model = Employee
        fields = list(SENSITIVE_FIELDS)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            add_register_errors(self, cleaned)
        return cleaned


class EmployeeFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau NIP"), required=False)
    employee_type = forms.ChoiceField(label=_("Jenis pegawai"), required=False,
                                      choices=[("", _("Semua")), *EMPLOYEE_TYPE_CHOICES])
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Semua")), *STATUS_CHOICES])
