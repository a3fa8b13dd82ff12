from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from simasn.actions.models import ActionState, ActionType
from simasn.law import dismissal_grounds
from simasn.law.enums import (
    DetentionStatus,
    DisciplineLevel,
    Election,
    SentenceKind,
    StateOffice,
    TemporaryDismissalReason,
)
from simasn.personnel.selectors import employee_list
from simasn.positions.models import Position

if TYPE_CHECKING:
    from simasn.personnel.models import Employee

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _enum_choices(enum: Any) -> list[tuple[str, str]]:
    return [("", "—")] + [(m.value, m.value.replace("_", " ").title()) for m in enum]


#: Form fields that are facts for the rules (or documentary facts for the SK).
FACT_FIELDS = ("reason", "state_office", "detention_status", "own_request", "ground",
               "verdict_final", "sentence_kind", "sentence_months", "crime_related_to_position",
               "discipline_level", "verdict_number", "verdict_date", "office_ended_on",
               "vacancy_found_on", "election", "candidate_set_on")


class ActionFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari (nama, NIP, nomor SK)"), required=False)
    state = forms.ChoiceField(label=_("Status"), required=False,
                              choices=[("", _("Semua")), *list(ActionState.choices)])
    action_type = forms.ChoiceField(label=_("Jenis"), required=False,
                                    choices=[("", _("Semua")), *list(ActionType.choices)])


class ActionDraftForm(forms.Form):
    action_type = forms.ChoiceField(label=_("Jenis tindakan"), choices=ActionType.choices)
    employee: forms.ModelChoiceField[Employee] = forms.ModelChoiceField(label=_("Pegawai"), queryset=None, required=False,
                                      help_text=_("Kosongkan hanya untuk calon dari luar registri (TNI, Polri, non-ASN)."))
    position: forms.ModelChoiceField[Position] = forms.ModelChoiceField(label=_("Jabatan tujuan"), queryset=None, required=False,
                                      help_text=_("Untuk pengangkatan dan mutasi."))
    tmt = forms.DateField(label=_("TMT"), required=False, widget=DATE,
                          help_text=_("Untuk pensiun, berakhirnya perjanjian kerja dan pencalonan, TMT dihitung oleh aturan."))
    candidate_type = forms.ChoiceField(label=_("Jenis calon dari luar registri"), required=False,
                                       choices=[("", "—"), ("TNI", "TNI"), ("POLRI", "Polri"),
                                                ("NON_ASN", _("Non-ASN"))])
    candidate_name = forms.CharField(label=_("Nama calon"), required=False, max_length=200)
    reason = forms.ChoiceField(label=_("Alasan pemberhentian sementara"), required=False,
                               choices=_enum_choices(TemporaryDismissalReason))
    state_office = forms.ChoiceField(label=_("Jabatan negara"), required=False, choices=_enum_choices(StateOffice))
    detention_status = forms.ChoiceField(label=_("Status penahanan"), required=False,
                                         choices=_enum_choices(DetentionStatus))
    own_request = forms.BooleanField(label=_("Atas permintaan sendiri"), required=False)
    ground = forms.ChoiceField(label=_("Alasan pemberhentian (Pasal 52 ayat (3))"), required=False)
    verdict_final = forms.NullBooleanField(label=_("Putusan berkekuatan hukum tetap"), required=False)
    sentence_kind = forms.ChoiceField(label=_("Jenis pidana"), required=False, choices=_enum_choices(SentenceKind))
    sentence_months = forms.IntegerField(label=_("Lama pidana (bulan)"), required=False, min_value=0)
    crime_related_to_position = forms.NullBooleanField(label=_("Kejahatan jabatan / terkait jabatan"), required=False)
    discipline_level = forms.ChoiceField(label=_("Tingkat hukuman disiplin"), required=False,
                                         choices=_enum_choices(DisciplineLevel))
    verdict_number = forms.CharField(label=_("Nomor putusan"), required=False, max_length=100)
    verdict_date = forms.DateField(label=_("Tanggal putusan"), required=False, widget=DATE)
    office_ended_on = forms.DateField(label=_("Jabatan negara berakhir"), required=False, widget=DATE)
    vacancy_found_on = forms.DateField(label=_("Lowongan jabatan tersedia sejak"), required=False, widget=DATE)
    election = forms.ChoiceField(label=_("Pemilihan"), required=False, choices=_enum_choices(Election))
    candidate_set_on = forms.DateField(label=_("Ditetapkan sebagai calon pada"), required=False, widget=DATE)
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, viewer: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        employee = cast("forms.ModelChoiceField[Employee]", self.fields["employee"])
        employee.queryset = employee_list(viewer=viewer).filter(
            status__in=["AKTIF", "DIBERHENTIKAN_SEMENTARA"])
        # A per-field label function replaces the method (mypy only allows overriding it in a subclass).
        employee.label_from_instance = lambda e: f"{e.full_name} — {e.nip}"  # type: ignore[method-assign,assignment]
        # Transfers may go to another instansi: the catalogue of positions is public data.
        position = cast("forms.ModelChoiceField[Position]", self.fields["position"])
        position.queryset = Position.objects.filter(is_active=True).select_related(
            "instansi").order_by("instansi__name", "name")
        position.label_from_instance = lambda p: f"{p.name} — {p.instansi.name}"  # type: ignore[method-assign,assignment]
        today: dt.date = timezone.localdate()
        cast(forms.ChoiceField, self.fields["ground"]).choices = [("", "—")] + [
            (g["code"], f"{g['code']}. {g['label_id']}") for g in dismissal_grounds(today)]

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        facts = {k: d.get(k) for k in FACT_FIELDS if d.get(k) not in (None, "", False)}
        return {
            "action_type": d["action_type"],
            "employee_id": d["employee"].pk if d.get("employee") else None,
            "position_id": d["position"].pk if d.get("position") else None,
            "tmt": d.get("tmt"), "candidate_type": d.get("candidate_type") or "",
            "candidate_name": d.get("candidate_name") or "", "facts": facts,
            "notes": d.get("notes") or "",
        }


class StepForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Alasan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ProjectionForm(forms.Form):
    years = forms.IntegerField(label=_("Tahun ke depan"), min_value=1, max_value=15, initial=5, required=False)
    instansi = forms.IntegerField(label=_("ID instansi"), required=False, widget=forms.HiddenInput)
