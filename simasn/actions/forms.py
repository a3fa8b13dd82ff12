from __future__ import annotations

import contextlib
import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from simasn.accounts.models import User
from simasn.actions.models import RECORDED_TYPES, ActionState, ActionType
from simasn.law import dismissal_grounds, labels
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
from simasn.positions.selectors import position_list
from simasn.web.formatting import long_date

if TYPE_CHECKING:
    from simasn.personnel.models import Employee

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


#: The fields each action type needs (the rest of the draft form is not shown).
FIELDS_BY_TYPE: dict[str, tuple[str, ...]] = {
    ActionType.APPOINTMENT: ("employee", "candidate_type", "candidate_name", "position", "tmt", "notes"),
    ActionType.TRANSFER: ("employee", "position", "tmt", "notes"),
    ActionType.TEMPORARY_DISMISSAL: ("employee", "reason", "state_office", "detention_status", "tmt", "notes"),
    ActionType.REACTIVATION: ("employee", "office_ended_on", "vacancy_found_on", "tmt", "notes"),
    ActionType.DISMISSAL: ("employee", "own_request", "ground", "verdict_final", "sentence_kind",
                           "sentence_months", "crime_related_to_position", "discipline_level",
                           "verdict_number", "verdict_date", "tmt", "notes"),
    ActionType.RETIREMENT: ("employee", "notes"),
    ActionType.CONTRACT_END: ("employee", "notes"),
    ActionType.CANDIDACY_RESIGNATION: ("employee", "election", "candidate_set_on", "notes"),
}
#: Choice fields whose names come from simasn.law.labels.
ENUM_FIELDS: dict[str, Any] = {
    "reason": TemporaryDismissalReason, "state_office": StateOffice, "detention_status": DetentionStatus,
    "sentence_kind": SentenceKind, "discipline_level": DisciplineLevel, "election": Election,
}


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
    action_type = forms.ChoiceField(label=_("Jenis tindakan"), choices=[
        c for c in ActionType.choices if c[0] not in RECORDED_TYPES])
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
    reason = forms.ChoiceField(label=_("Alasan pemberhentian sementara"), required=False)
    state_office = forms.ChoiceField(label=_("Jabatan negara"), required=False)
    detention_status = forms.ChoiceField(label=_("Status penahanan"), required=False)
    own_request = forms.BooleanField(label=_("Atas permintaan sendiri"), required=False)
    ground = forms.ChoiceField(label=_("Alasan pemberhentian (Pasal 52 ayat (3))"), required=False)
    verdict_final = forms.NullBooleanField(label=_("Putusan berkekuatan hukum tetap"), required=False)
    sentence_kind = forms.ChoiceField(label=_("Jenis pidana"), required=False)
    sentence_months = forms.IntegerField(label=_("Lama pidana (bulan)"), required=False, min_value=0)
    crime_related_to_position = forms.NullBooleanField(label=_("Kejahatan jabatan / terkait jabatan"), required=False)
    discipline_level = forms.ChoiceField(label=_("Tingkat hukuman disiplin"), required=False)
    verdict_number = forms.CharField(label=_("Nomor putusan"), required=False, max_length=100)
    verdict_date = forms.DateField(label=_("Tanggal putusan"), required=False, widget=DATE)
    office_ended_on = forms.DateField(label=_("Jabatan negara berakhir"), required=False, widget=DATE)
    vacancy_found_on = forms.DateField(label=_("Lowongan jabatan tersedia sejak"), required=False, widget=DATE)
    election = forms.ChoiceField(label=_("Pemilihan"), required=False)
    candidate_set_on = forms.DateField(label=_("Ditetapkan sebagai calon pada"), required=False, widget=DATE)
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, viewer: User, action_type: str = "", position_q: str = "",
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lang = translation.get_language() or "id"
        self.kind = action_type if action_type in FIELDS_BY_TYPE else ""
        # One form per action type: only the fields that type needs (issue 12 item 9).
        keep = {"action_type", *FIELDS_BY_TYPE.get(self.kind, ("employee",))}
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        action = cast(forms.ChoiceField, self.fields["action_type"])
        action.choices = [("", _("— pilih jenis tindakan —")), *list(ActionType.choices)]
        action.widget.attrs.update({"data-draft-type": "1"})
        # Names from the law, in the user's language (never codes such as "Ma Hakim").
        for name, enum in ENUM_FIELDS.items():
            if name in self.fields:
                cast(forms.ChoiceField, self.fields[name]).choices = [("", "—"), *labels.choices(enum, lang)]
        employee = cast("forms.ModelChoiceField[Employee]", self.fields["employee"])
        statuses = ["DIBERHENTIKAN_SEMENTARA"] if self.kind == ActionType.REACTIVATION else \
            ["AKTIF", "DIBERHENTIKAN_SEMENTARA"]
        employee.queryset = employee_list(viewer=viewer).filter(status__in=statuses)
        # A per-field label function replaces the method (mypy only allows overriding it in a subclass).
        employee.label_from_instance = lambda e: f"{e.full_name} — {e.nip}"  # type: ignore[method-assign,assignment]
        if "position" in self.fields:
            self._position_choices(viewer, position_q.strip())
        if "ground" in self.fields:
            today: dt.date = timezone.localdate()
            cast(forms.ChoiceField, self.fields["ground"]).choices = [("", "—")] + [
                (g["code"], f"{g['code']}. {g['label_en' if lang.startswith('en') else 'label_id']}")
                for g in dismissal_grounds(today)]

    def _position_choices(self, viewer: User, q: str) -> None:
        """Appointment: the positions of the viewer's own instansi (Scope). Transfer: the public
        catalogue of every instansi, found by a search of at least 3 letters (50 at most).
        Each label says how many of its seats are taken; a full one says why it is refused."""
        position = cast("forms.ModelChoiceField[Position]", self.fields["position"])
        instansi_id = getattr(viewer, "instansi_id", None)
        if self.kind == ActionType.TRANSFER:
            qs = Position.objects.listed().filter(is_active=True).select_related("instansi", "unit").annotate(
                holder_count=Count("holders", filter=Q(holders__status__in=["AKTIF", "DIBERHENTIKAN_SEMENTARA"])))
            if len(q) >= 3:
                qs = qs.filter(Q(name__icontains=q) | Q(code__icontains=q) | Q(instansi__name__icontains=q))
            elif instansi_id:
                qs = qs.filter(instansi_id=instansi_id)
            position.queryset = qs.order_by("instansi__name", "name")
            position.help_text = _("Ketik sedikitnya 3 huruf nama jabatan atau instansi tujuan untuk mencari di "
                                   "instansi lain.")
        else:
            position.queryset = position_list(viewer=viewer, instansi_id=instansi_id).filter(is_active=True)
            position.help_text = _("Jabatan di instansi Anda; jumlah terisi dari formasi ditampilkan.")

        def describe(p: Any) -> str:
            taken = getattr(p, "holder_count", 0)
            text = f"{p.name} — {p.unit.name}, {p.instansi.name} ({taken}/{p.seats})"
            if taken >= p.seats:
                text += " — " + str(_("formasi penuh, tidak tersedia lowongan"))
            return text

        position.label_from_instance = describe  # type: ignore[method-assign,assignment]

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        facts = {k: d.get(k) for k in FACT_FIELDS if k in self.fields and d.get(k) not in (None, "", False)}
        return {
            "action_type": d["action_type"],
            "employee_id": d["employee"].pk if d.get("employee") else None,
            "position_id": d["position"].pk if d.get("position") else None,
            "tmt": d.get("tmt"), "candidate_type": d.get("candidate_type") or "",
            "candidate_name": d.get("candidate_name") or "", "facts": facts,
            "notes": d.get("notes") or "",
        }


def facts_shown(facts: dict[str, Any]) -> list[tuple[str, str]]:
    """The facts of an action as the page shows them: the draft form's label and the value's
    name in the page's language (found in the browser walk, issue 12 items 9 and 13: the page
    listed ``own_request True``, ``reason DITAHAN`` and ``candidate_set_on 2027-01-31``).
    The decree's own data and the record a recorded action came from are not facts to show."""
    lang = translation.get_language() or "id"
    fields = ActionDraftForm.base_fields
    rows: list[tuple[str, str]] = []
    for key, value in facts.items():
        if key in ("decree", "source") or value in (None, ""):
            continue
        field = fields.get(key)
        label = str(field.label) if field is not None else key.replace("_", " ")
        text = str(value)
        if key in ENUM_FIELDS:
            with contextlib.suppress(ValueError, KeyError):
                text = labels.label(ENUM_FIELDS[key](value), lang)
        elif key == "ground":
            names = {g["code"]: g["label_en" if lang.startswith("en") else "label_id"]
                     for g in dismissal_grounds(timezone.localdate())}
            text = f"{value}. {names[value]}" if value in names else text
        elif isinstance(value, bool):
            text = str(_("Ya") if value else _("Tidak"))
        elif isinstance(field, forms.DateField) and isinstance(value, str):
            with contextlib.suppress(ValueError):
                text = long_date(dt.date.fromisoformat(value))
        rows.append((label, text))
    return rows


class StepForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Alasan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ProjectionForm(forms.Form):
    years = forms.IntegerField(label=_("Tahun ke depan"), min_value=1, max_value=15, initial=5, required=False)
    instansi = forms.IntegerField(label=_("ID instansi"), required=False, widget=forms.HiddenInput)
