from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from simasn.accounts.actors import User
from simasn.discipline import legal
from simasn.discipline.models import CaseKind, CaseState, DisciplineCase
from simasn.law.enums import BreachImpact
from simasn.personnel.models import Employee
from simasn.personnel.selectors import employee_list

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama, NIP atau nomor keputusan"), required=False)
    state = forms.ChoiceField(label=_("Status"), required=False,
                              choices=[("", _("Semua")), *list(CaseState.choices)])
    kind = forms.ChoiceField(label=_("Jenis"), required=False, choices=[("", _("Semua")), *list(CaseKind.choices)])
    level = forms.ChoiceField(label=_("Tingkat"), required=False, choices=[
        ("", _("Semua")), ("RINGAN", _("Ringan")), ("SEDANG", _("Sedang")), ("BERAT", _("Berat"))])


class CaseReportForm(forms.Form):
    employee: forms.ModelChoiceField[Employee] = forms.ModelChoiceField(  # type: ignore[arg-type]
        label=_("Pegawai"), queryset=None)
    kind = forms.ChoiceField(label=_("Jenis kasus"), choices=CaseKind.choices)
    breach = forms.ChoiceField(label=_("Kewajiban/larangan yang dilanggar (PP 94/2021)"), required=False)
    ethics_value = forms.ChoiceField(label=_("Nilai kode etik yang dilanggar (UU 20/2023 Pasal 4)"), required=False)
    reported_on = forms.DateField(label=_("Tanggal laporan"), widget=DATE)
    report = forms.CharField(label=_("Uraian laporan"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, viewer: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["employee"].queryset = employee_list(viewer=viewer).order_by("name")  # type: ignore[attr-defined]
        self.fields["breach"].choices = [("", "—"), *legal.breach_choices(on=today)]  # type: ignore[attr-defined]
        self.fields["ethics_value"].choices = [("", "—"), *legal.ethics_value_choices(on=today)]  # type: ignore[attr-defined]
        self.fields["reported_on"].initial = today

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {"employee_id": d["employee"].pk, "kind": d["kind"], "breach": d.get("breach") or "",
                "ethics_value": d.get("ethics_value") or "", "reported_on": d["reported_on"],
                "report": d["report"]}


class CaseExamineForm(forms.Form):
    examined_on = forms.DateField(label=_("Tanggal pemeriksaan"), widget=DATE)
    examiner_name = forms.CharField(label=_("Nama pemeriksa"), max_length=200)
    examiner_title = forms.CharField(label=_("Jabatan pemeriksa"), max_length=200)
    statement = forms.CharField(label=_("Keterangan terperiksa"), widget=forms.Textarea(attrs={"rows": 4}),
                                required=False)
    findings = forms.CharField(label=_("Hasil pemeriksaan"), widget=forms.Textarea(attrs={"rows": 4}))
    impact = forms.ChoiceField(label=_("Dampak pelanggaran"), required=False, choices=[
        ("", "—"), (BreachImpact.UNIT_KERJA.value, _("Unit kerja")),
        (BreachImpact.INSTANSI.value, _("Instansi")), (BreachImpact.NEGARA.value, _("Negara dan/atau pemerintah"))])
    absent_days = forms.IntegerField(label=_("Hari kerja tidak masuk tanpa alasan sah dalam setahun"),
                                     required=False, min_value=0, max_value=366)
    consecutive_absent_days = forms.IntegerField(label=_("Hari kerja tidak masuk berturut-turut"),
                                                 required=False, min_value=0, max_value=366)
    without_valid_reason = forms.NullBooleanField(label=_("Tanpa alasan yang sah (sumpah/janji)"), required=False)

    def __init__(self, *args: Any, case: DisciplineCase, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["examined_on"].initial = timezone.localdate()


class CaseDecideForm(forms.Form):
    penalty = forms.ChoiceField(label=_("Jenis hukuman disiplin"), required=False)
    moral_sanction = forms.ChoiceField(label=_("Sanksi moral"), required=False)
    authority_official = forms.ChoiceField(label=_("Pejabat yang berwenang menghukum"), required=False)
    decider_name = forms.CharField(label=_("Nama pejabat"), max_length=200, required=False)
    decider_title = forms.CharField(label=_("Jabatan pejabat"), max_length=200, required=False)
    decided_on = forms.DateField(label=_("Tanggal keputusan"), widget=DATE)
    decision_received_on = forms.DateField(label=_("Tanggal keputusan diterima pegawai"), widget=DATE,
                                           required=False)

    def __init__(self, *args: Any, case: DisciplineCase, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today: dt.date = timezone.localdate()
        self.fields["decided_on"].initial = today
        if case.kind == CaseKind.KODE_ETIK:
            for name in ("penalty", "authority_official"):
                del self.fields[name]
            self.fields["moral_sanction"].choices = legal.moral_sanction_choices(on=today)  # type: ignore[attr-defined]
            self.fields["moral_sanction"].required = True
        else:
            del self.fields["moral_sanction"]
            self.fields["penalty"].choices = [  # type: ignore[attr-defined]
                (code, legal.penalty_label(code, on=today)) for code in case.allowed_penalties]
            self.fields["penalty"].required = True
            self.fields["authority_official"].choices = legal.OFFICIAL_CHOICES  # type: ignore[attr-defined]
            self.fields["authority_official"].required = True


class ReceiveForm(forms.Form):
    received_on = forms.DateField(label=_("Tanggal keputusan diterima pegawai"), widget=DATE)
