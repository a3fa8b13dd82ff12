from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.interfaces import Interface
from simasn.core.providers import has_provider, provide
from simasn.disputes import legal, selectors, services
from simasn.disputes.forms import (
    DisputeAnswerForm,
    DisputeDecideForm,
    DisputeFileForm,
    DisputeFilterForm,
)
from simasn.disputes.models import Dispute, DisputeState, Route
from simasn.law import discipline_penalties
from simasn.law.rules.disputes.remedy import BODY_LABELS
from simasn.web.pages import form_page, list_page, require_page

FILE_PARAMS = ("employee", "decision_kind", "issuer", "decision_number", "decision_date",
               "decision_received_date", "penalty", "source")


def _require(request: AuthenticatedRequest, resource: Resource = Resource.DISPUTE,
             action: Action = Action.VIEW) -> Scope:
    return require_page(request, resource, action)


def _days_left(d: Dispute) -> int | None:
    due = selectors.next_due(d)
    if due is None or not d.is_open:
        return None
    return legal.working_days_left(timezone.localdate(), due)


@login_required
def dispute_list(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = _require(request)
    form = DisputeFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = selectors.dispute_list(viewer=request.user, q=data.get("q", ""), state=data.get("state", ""),
                                route=data.get("route", ""))
    columns = [
        (_("Upaya"), lambda d: d.get_route_display()),
        (_("Pegawai"), lambda d: d.employee.full_name),
        (_("NIP"), lambda d: d.employee.nip),
        (_("Instansi"), lambda d: d.instansi.name),
        (_("Nomor keputusan"), lambda d: d.decision_number),
        (_("Diajukan"), lambda d: d.filed_on),
        (_("Status"), lambda d: d.get_state_display()),
        (_("Batas berikutnya"), lambda d: selectors.next_due(d) or ""),
        (_("Sisa hari kerja"), lambda d: "" if _days_left(d) is None else _days_left(d)),
        (_("Hasil"), lambda d: d.get_outcome_display() if d.outcome else ""),
    ]
    return list_page(request, queryset=qs, template="disputes/list.html", title=_("Upaya administratif"),
                     columns=columns, export_name="upaya-administratif", filter_form=form,
                     export_object_type="disputes.dispute",
                     context={"can_create": scope.can(Resource.DISPUTE, Action.CREATE),
                              "can_levels": scope.can(Resource.CASE_SERVICE_LEVELS),
                              "today": timezone.localdate()})


@login_required
def dispute_file(request: AuthenticatedRequest) -> HttpResponse:
    _require(request, action=Action.CREATE)
    initial = {k: request.GET[k] for k in FILE_PARAMS if request.GET.get(k)}
    form = DisputeFileForm(request.POST or None, viewer=request.user, initial=initial)
    return form_page(
        request, form=form, template="web/form.html", title=_("Ajukan upaya administratif"),
        submit=lambda d: services.dispute_file(actor=request.user, interface=Interface.WEB, **form.service_kwargs()),
        success_url=lambda o: reverse("disputes:detail", args=[o.pk]),
        success_message=_("Upaya administratif diajukan."),
        context={"cancel_url": reverse("disputes:list")},
    )


def _penalty_label(code: str, on: dt.date, en: bool) -> str:
    row = next((p for p in discipline_penalties(on=on) if p["code"] == code), None) if code else None
    return "" if not code else code if row is None else str(row["label_en" if en else "label_id"])


@login_required
def dispute_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    scope = _require(request)
    dispute = selectors.dispute_get(viewer=request.user, pk=pk)
    today = timezone.localdate()
    pending = None
    if dispute.is_open:
        step = "KEPUTUSAN_KEBERATAN" if dispute.route == Route.KEBERATAN else (
            "TANGGAPAN_PPK" if dispute.state == DisputeState.DIAJUKAN else "KEPUTUSAN_BPASN")
        pending = legal.step_deadline(step, received_on=dispute.filed_on, on=today).to_dict()
    decide_resource = (Resource.DISPUTE_OBJECTION_DECISION if dispute.route == Route.KEBERATAN
                       else Resource.DISPUTE_APPEAL_DECISION)
    en = (get_language() or "id").startswith("en")
    return render(request, "disputes/detail.html", {
        "title": str(dispute), "dispute": dispute, "pending": pending, "days_left": _days_left(dispute), "en": en,
        # The law's names, never its codes (TEGURAN_TERTULIS, ATASAN_PEJABAT).
        "penalty_label": _penalty_label(dispute.penalty, dispute.decision_date or today, en),
        "new_penalty_label": _penalty_label(dispute.new_penalty, dispute.decision_date or today, en),
        "body_label": BODY_LABELS.get(dispute.body, (dispute.body, dispute.body))[1 if en else 0],
        "can_answer": dispute.route == Route.BANDING_ADMINISTRATIF and dispute.state == DisputeState.DIAJUKAN
        and scope.allows(Resource.DISPUTE_APPEAL_ANSWER, Action.CREATE, instansi_id=dispute.instansi_id),
        "can_decide": dispute.is_open and scope.allows(decide_resource, Action.CREATE, instansi_id=dispute.instansi_id),
        "source_action": dispute.source.removeprefix("actions.personnelaction:")
        if dispute.source.startswith("actions.personnelaction:") else "",
        "source_case": dispute.source.removeprefix("discipline.disciplinecase:")
        if dispute.source.startswith("discipline.disciplinecase:") else "",
        # What the register does to follow the outcome (a drafted reversal, a legal review).
        "follow_up": provide("actions.follow_up", source=f"disputes.dispute:{dispute.pk}")
        if dispute.source_amended and has_provider("actions.follow_up") else None,
    })


@login_required
def dispute_answer(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require(request, Resource.DISPUTE_APPEAL_ANSWER, Action.CREATE)
    dispute = selectors.dispute_get(viewer=request.user, pk=pk)
    form = DisputeAnswerForm(request.POST or None)
    return form_page(request, form=form, template="web/form.html", title=_("Tanggapan PPK atas banding"),
                     submit=lambda d: services.dispute_answer(actor=request.user, interface=Interface.WEB,
                                                              dispute=dispute, answer=d["answer"],
                                                              answered_on=d["answered_on"]),
                     success_url=lambda o: reverse("disputes:detail", args=[o.pk]),
                     success_message=_("Tanggapan dikirim kepada BPASN."),
                     context={"cancel_url": reverse("disputes:detail", args=[dispute.pk])})


@login_required
def dispute_decide(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    dispute = selectors.dispute_get(viewer=request.user, pk=pk)
    resource = (Resource.DISPUTE_OBJECTION_DECISION if dispute.route == Route.KEBERATAN
                else Resource.DISPUTE_APPEAL_DECISION)
    _require(request, resource, Action.CREATE)
    en = (get_language() or "id").startswith("en")
    penalties = [(p["code"], p["label_en" if en else "label_id"])
                 for p in discipline_penalties(on=timezone.localdate())] if dispute.penalty else []
    form = DisputeDecideForm(request.POST or None, penalties=penalties)
    return form_page(request, form=form, template="web/form.html", title=_("Keputusan atas upaya administratif"),
                     submit=lambda d: services.dispute_decide(
                         actor=request.user, interface=Interface.WEB, dispute=dispute, outcome=d["outcome"],
                         reason=d["reason"], decided_on=d["decided_on"], new_penalty=d.get("new_penalty") or ""),
                     success_url=lambda o: reverse("disputes:detail", args=[o.pk]),
                     success_message=_("Keputusan atas upaya administratif ditetapkan."),
                     context={"cancel_url": reverse("disputes:detail", args=[dispute.pk]), "dispute": dispute})


@login_required
def service_levels(request: AuthenticatedRequest) -> HttpResponse:
    _require(request, Resource.CASE_SERVICE_LEVELS)
    today = timezone.localdate()
    return render(request, "disputes/service_levels.html", {
        "title": _("Tingkat layanan disiplin dan upaya administratif"), "today": today,
        "levels": selectors.service_levels(viewer=request.user, today=today),
    })
