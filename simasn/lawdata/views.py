"""The law pages: try a rule on a case; read the parameters and their history."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.law import RULES, Decision, FactsError, evaluate, parameters
from simasn.law.decision import jsonable
from simasn.lawdata import selectors, services
from simasn.lawdata.forms import (
    FACT_LABELS,
    DecisionDateForm,
    FactsForm,
    ParameterVersionForm,
    RuleChoiceForm,
    rule_title,
)
from simasn.web.pages import form_page, not_allowed_message

#: Indonesian labels of the outcome fields (English in the locale file).
OUTCOME_LABELS: dict[str, Any] = {
    "valid": gettext_lazy("Sah"),
    "problems": gettext_lazy("Masalah"),
    "problem_codes": gettext_lazy("Kode masalah"),
    "parsed": gettext_lazy("Isi NIP"),
    "employee_type": gettext_lazy("Jenis pegawai"),
    "retirement_age": gettext_lazy("Batas usia pensiun (tahun)"),
    "bup_reached_on": gettext_lazy("Tanggal mencapai BUP"),
    "retirement_date": gettext_lazy("TMT pensiun"),
    "candidate_retirement_dates": gettext_lazy("Kemungkinan TMT pensiun"),
    "service_ends_on": gettext_lazy("Hari terakhir masa kerja"),
    "ends_because": gettext_lazy("Berakhir karena"),
    "contract_end_date": gettext_lazy("Akhir perjanjian kerja"),
    "kind": gettext_lazy("Jenis pemberhentian"),
    "ground": gettext_lazy("Alasan (huruf)"),
    "grounded": gettext_lazy("Alasan terpenuhi"),
    "category": gettext_lazy("Kategori"),
    "honourable": gettext_lazy("Dengan hormat"),
    "appeal_route": gettext_lazy("Upaya administratif"),
    "appeal_body": gettext_lazy("Diajukan kepada"),
    "temporarily_dismissed": gettext_lazy("Diberhentikan sementara"),
    "service_period_rights_kept": gettext_lazy("Hak terkait masa kerja tetap"),
    "reactivation_by": gettext_lazy("Pengaktifan kembali oleh"),
    "must_resign": gettext_lazy("Wajib mengundurkan diri"),
    "reactivated": gettext_lazy("Diaktifkan kembali"),
    "vacancy_deadline": gettext_lazy("Batas waktu lowongan"),
    "status": gettext_lazy("Status"),
    "may_occupy_position": gettext_lazy("Dapat menduduki jabatan"),
    "dismissal_due": gettext_lazy("Harus diberhentikan"),
    "dismissal_category": gettext_lazy("Kategori pemberhentian"),
    "dismissal_due_from": gettext_lazy("Diberhentikan mulai"),
    "days_left": gettext_lazy("Sisa hari"),
    "resign_as": gettext_lazy("Mengundurkan diri sebagai"),
    "in_writing": gettext_lazy("Secara tertulis"),
    "resign_from": gettext_lazy("Sejak"),
    "resign_by": gettext_lazy("Tanggal ditetapkan sebagai calon"),
    "resignation_due_now": gettext_lazy("Pengunduran diri sudah wajib"),
    "jpt_regional_head_rule": gettext_lazy("Berlaku Pasal 56 (JPT)"),
    "decider": gettext_lazy("Yang menetapkan"),
    "decider_title_id": gettext_lazy("Jabatan yang menetapkan"),
    "proposer": gettext_lazy("Yang mengusulkan"),
    "proposer_title_id": gettext_lazy("Jabatan yang mengusulkan"),
    "reserved_to_president": gettext_lazy("Kewenangan Presiden"),
    "notes": gettext_lazy("Catatan"),
    "allowed": gettext_lazy("Diperbolehkan"),
    "hiring_ban_from": gettext_lazy("Larangan mengangkat non-ASN sejak"),
    "refused": gettext_lazy("Ditolak"),
    "refused_codes": gettext_lazy("Atribut ditolak"),
    "unknown": gettext_lazy("Tidak disebut undang-undang"),
    "all_allowed": gettext_lazy("Semua boleh dipakai"),
}


def _english() -> bool:
    return (get_language() or "id").startswith("en")


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if value is True:
        return _("Ya")
    if value is False:
        return _("Tidak")
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            key = "message_en" if _english() else "message_id"
            return "; ".join(str(v.get(key) or v.get("label_id") or v) for v in value) or "—"
        return ", ".join(_show(v) for v in value) or "—"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) or "—"
    text = str(value)
    if "_" in text and text.upper() == text and " " not in text:
        # A legal category code (TIDAK_DENGAN_HORMAT) reads as words.
        return text.replace("_", " ").lower()
    return text


def decision_view(decision: Decision) -> dict[str, Any]:
    """A decision as the page shows it: labelled outcome rows, explanation, articles."""
    outcome = jsonable(decision.outcome)
    rows = [
        {"label": OUTCOME_LABELS.get(key, key.replace("_", " ")), "value": _show(value)}
        for key, value in outcome.items()
    ]
    english = _english()
    return {
        "rows": rows,
        "explanation": decision.explanation_en if english else decision.explanation_id,
        "other_explanation": decision.explanation_id if english else decision.explanation_en,
        "citations": decision.citations,
        "needs_legal_review": decision.needs_legal_review,
        "parameters_used": jsonable(decision.parameters_used),
        "json": json.dumps(decision.to_dict(), indent=2, ensure_ascii=False),
    }


@login_required
def law_try(request: AuthenticatedRequest) -> HttpResponse:
    """An officer picks a rule, enters the date and the facts, and reads the decision."""
    source = request.POST if request.method == "POST" else request.GET
    asked = source.get("rule") or ""
    rule = asked if asked in RULES else next(iter(RULES))
    chooser = RuleChoiceForm(initial={"rule": rule})
    date_form = DecisionDateForm(request.POST if request.method == "POST" else None)
    on = timezone.localdate()
    if request.method == "POST" and date_form.is_valid():
        on = date_form.cleaned_data["on"]
    spec = RULES[rule]
    posted = request.POST if request.method == "POST" else None
    form = FactsForm(posted, model=spec.facts_model, on=on)
    result = None
    status = 200
    if request.method == "POST":
        status = 400
        if date_form.is_valid() and form.is_valid():
            try:
                decision = evaluate(rule, form.facts(), on)
            except FactsError as error:
                for item in error.errors:
                    target = item.field if item.field in form.fields else None
                    label = FACT_LABELS.get(item.field, item.field)
                    form.add_error(target, item.message if target else f"{label}: {item.message}")
            else:
                result = decision_view(decision)
                status = 200
    return render(
        request,
        "lawdata/try.html",
        {
            "title": _("Coba aturan hukum"),
            "chooser": chooser,
            "date_form": date_form,
            "form": form,
            "spec": spec,
            "rule": rule,
            "rule_title": rule_title(rule),
            "result": result,
        },
        status=status,
    )


@login_required
def parameter_list(request: AuthenticatedRequest) -> HttpResponse:
    try:
        on = dt.date.fromisoformat(request.GET.get("on") or "")
    except ValueError:
        on = timezone.localdate()
    rows = selectors.parameter_rows(viewer=request.user, on=on)
    language = get_language() or "id"
    for row in rows:
        row["label"] = row["meta"].label(language)
        row["description"] = row["meta"].describe(language)
        version = row["version"]
        row["value"] = _show(jsonable(version.value)) if version else "—"
        row["citation"] = version.reference.cite() if version else "—"
    return render(
        request,
        "lawdata/parameter_list.html",
        {
            "title": _("Parameter hukum"),
            "rows": rows,
            "on": on,
            "can_add": Scope.of(request.user).can(Resource.LAW_PARAMETER, Action.CREATE),
        },
    )


@login_required
def parameter_detail(request: AuthenticatedRequest, name: str) -> HttpResponse:
    meta = selectors.parameter_get(viewer=request.user, name=name)
    versions = []
    for version in reversed(parameters.history(name)):
        data = version.to_dict()
        data["value_text"] = json.dumps(data["value"], indent=2, ensure_ascii=False)
        data["reference_obj"] = version.reference
        versions.append(data)
    return render(
        request,
        "lawdata/parameter_detail.html",
        {
            "title": meta.label(get_language() or "id"),
            "label": meta.label(get_language() or "id"),
            "description": meta.describe(get_language() or "id"),
            "meta": meta,
            "versions": versions,
            "overrides": selectors.parameter_override_list(viewer=request.user, name=name),
            "can_add": Scope.of(request.user).can(Resource.LAW_PARAMETER, Action.CREATE),
        },
    )


@login_required
def parameter_version_add(request: AuthenticatedRequest, name: str) -> HttpResponse:
    meta = selectors.parameter_get(viewer=request.user, name=name)
    if not Scope.of(request.user).can(Resource.LAW_PARAMETER, Action.CREATE):
        raise PermissionDeniedError(not_allowed_message())
    initial: dict[str, Any] = {"last_verified_on": timezone.localdate()}
    current = selectors.parameter_in_force(name, timezone.localdate())
    if current is not None:
        initial["value"] = json.dumps(jsonable(current.value), indent=2, ensure_ascii=False)
    return form_page(
        request,
        form=ParameterVersionForm(request.POST or None, initial=initial),  # type: ignore[arg-type]
        template="web/form.html",
        title=_("Versi baru: %(name)s") % {"name": meta.name},
        submit=lambda d: services.parameter_override_create(
            actor=request.user, interface=Interface.WEB, data={**d, "name": name}
        ),
        success_url=lambda o: reverse("lawdata:parameter_detail", args=[name]),
        success_message=_("Versi parameter disimpan."),
        context={"cancel_url": reverse("lawdata:parameter_detail", args=[name])},
    )
