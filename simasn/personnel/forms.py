from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from simasn.accounts.models import User
from simasn.organization import selectors as org_selectors
from simasn.organization.forms import DateInput
from simasn.personnel import law_bridge
from simasn.personnel.models import EMPLOYEE_TYPE_CHOICES, STATUS_CHOICES, Employee
from simasn.positions import selectors as position_selectors
from simasn.web.pages import limit_choices

DATE_FIELDS = ("birth_date", "tmt_cpns", "tmt_pns", "contract_start", "contract_end")


class EmployeeForm(forms.ModelForm):
    def __init__(self, *args: Any, viewer: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "instansi", org_selectors.instansi_list(viewer=viewer))
        limit_choices(self, "unit", org_selectors.unit_list(viewer=viewer))
        limit_choices(self, "position", position_selectors.position_list(viewer=viewer))
        self.fields["rank"] = forms.ChoiceField(
            label=_("Golongan"), required=False,
            choices=[("", "—"), *law_bridge.rank_choices(on=timezone.localdate())],
        )
        self.fields["nip"].widget.attrs.update({"inputmode": "numeric", "pattern": r"\d{18}"})
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


class EmployeeFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau NIP"), required=False)
    employee_type = forms.ChoiceField(label=_("Jenis pegawai"), required=False,
                                      choices=[("", _("Semua")), *EMPLOYEE_TYPE_CHOICES])
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Semua")), *STATUS_CHOICES])
