from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from simasn.accounts.actors import User
from simasn.personnel.models import Employee
from simasn.personnel.selectors import employee_list
from simasn.rewards import legal
from simasn.rewards.models import CandidateState
from simasn.web.fields import RupiahField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CandidateFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau NIP"), required=False)
    year = forms.IntegerField(label=_("Tahun"), required=False, min_value=2000, max_value=2100)
    state = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Semua")), *list(CandidateState.choices)])
    klass = forms.ChoiceField(label=_("Kelas"), required=False, choices=[("", _("Semua")), ("X", "X"), ("XX", "XX"),
                                                                         ("XXX", "XXX")])


class AwardForm(forms.Form):
    employee: forms.ModelChoiceField[Employee] = forms.ModelChoiceField(  # type: ignore[arg-type]
        label=_("Pegawai"), queryset=None)
    form = forms.ChoiceField(label=_("Komponen dan bentuk (UU 20/2023 Pasal 21)"))
    title = forms.CharField(label=_("Nama penghargaan"), max_length=200)
    # Typed the Indonesian way, "1.500.000" (an <input type=number> refused the dots: issue 12 item 6).
    amount = RupiahField(label=_("Nilai (Rp), bila finansial"), required=False, max_value=10**15 - 1)
    decision_number = forms.CharField(label=_("Nomor keputusan"), max_length=100)
    decision_date = forms.DateField(label=_("Tanggal keputusan"), widget=DATE)

    def __init__(self, *args: Any, viewer: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        en = (get_language() or "id").startswith("en")
        key = "label_en" if en else "label_id"
        self.fields["employee"].queryset = employee_list(viewer=viewer).order_by("name")  # type: ignore[attr-defined]
        self.fields["form"].choices = [  # type: ignore[attr-defined]
            (f"{c['code']}:{f['code']}", f"{c[key]} — {f[key]}") for c in legal.components(on=today) for f in c["forms"]]
        self.fields["form"].initial = "PENGHARGAAN_MOTIVASI:NONFINANSIAL"
        self.fields["decision_date"].initial = today

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        component, form = d["form"].split(":", 1)
        return {"employee_id": d["employee"].pk, "component": component, "form": form, "title": d["title"],
                "amount": d.get("amount"), "decision_number": d["decision_number"], "decision_date": d["decision_date"]}
