from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from simasn.accounts.actors import User
from simasn.disputes.models import DecisionKind, DisputeState, Issuer, Outcome, Route
from simasn.personnel.models import Employee
from simasn.personnel.selectors import employee_list

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DisputeFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama, NIP atau nomor keputusan"), required=False)
    state = forms.ChoiceField(label=_("Status"), required=False,
                              choices=[("", _("Semua")), ("OPEN", _("Dalam proses")), *list(DisputeState.choices)])
    route = forms.ChoiceField(label=_("Upaya"), required=False, choices=[("", _("Semua")), *list(Route.choices)])


class DisputeFileForm(forms.Form):
    employee: forms.ModelChoiceField[Employee] = forms.ModelChoiceField(  # type: ignore[arg-type]
        label=_("Pegawai"), queryset=None)
    decision_kind = forms.ChoiceField(label=_("Jenis keputusan yang diajukan"), choices=DecisionKind.choices)
    issuer = forms.ChoiceField(label=_("Keputusan ditetapkan oleh"), choices=Issuer.choices)
    decision_number = forms.CharField(label=_("Nomor keputusan"), max_length=100)
    decision_date = forms.DateField(label=_("Tanggal keputusan"), widget=DATE)
    decision_received_date = forms.DateField(label=_("Tanggal keputusan diterima"), widget=DATE, required=False)
    grounds = forms.CharField(label=_("Alasan keberatan/banding"), widget=forms.Textarea(attrs={"rows": 5}))
    penalty = forms.CharField(widget=forms.HiddenInput, required=False)
    source = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, viewer: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = employee_list(viewer=viewer).order_by("name")
        self.fields["employee"].queryset = qs  # type: ignore[attr-defined]
        if viewer.employee_id and not self.initial.get("employee"):
            self.initial["employee"] = viewer.employee_id

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {"employee_id": d["employee"].pk, "decision_kind": d["decision_kind"], "issuer": d["issuer"],
                "decision_number": d["decision_number"], "decision_date": d["decision_date"],
                "decision_received_date": d.get("decision_received_date"), "grounds": d["grounds"],
                "penalty": d.get("penalty") or "", "source": d.get("source") or ""}


class DisputeAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Tanggapan PPK kepada BPASN"), widget=forms.Textarea(attrs={"rows": 5}))
    answered_on = forms.DateField(label=_("Tanggal tanggapan"), widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["answered_on"].initial = timezone.localdate()


class DisputeDecideForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Hasil"), choices=Outcome.choices)
    new_penalty = forms.ChoiceField(label=_("Hukuman pengganti (bila diperingan, diperberat atau diubah)"),
                                    required=False)
    reason = forms.CharField(label=_("Pertimbangan"), widget=forms.Textarea(attrs={"rows": 5}))
    decided_on = forms.DateField(label=_("Tanggal keputusan"), widget=DATE)

    def __init__(self, *args: Any, penalties: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decided_on"].initial = timezone.localdate()
        if penalties:
            self.fields["new_penalty"].choices = [("", "—"), *penalties]  # type: ignore[attr-defined]
        else:
            del self.fields["new_penalty"]
