from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.interfaces import Interface
from simasn.discipline import legal, selectors, services
from simasn.discipline.forms import (
    CaseDecideForm,
    CaseExamineForm,
    CaseFilterForm,
    CaseReportForm,
    ReceiveForm,
)
from simasn.discipline.models import CaseKind, CaseState, DisciplineCase
from simasn.organization.selectors import official_on
from simasn.web.pages import confirm_page, form_page, list_page, require_page


def _require(request: AuthenticatedRequest, resource: Resource = Resource.DISCIPLINE_CASE,
             action: Action = Action.VIEW) -> Scope:
    return require_page(request, resource, action)


def _penalty(case: DisciplineCase) -> str:
    if case.kind == CaseKind.KODE_ETIK:
        return dict(legal.moral_sanction_choices(on=case.reported_on)).get(case.moral_sanction, "")
    return legal.penalty_label(case.penalty, on=case.decided_or_reported) if case.penalty else ""


@login_required
def case_list(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = _require(request)
    form = CaseFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = selectors.case_list(viewer=request.user, q=data.get("q", ""), state=data.get("state", ""),
                             kind=data.get("kind", ""), level=data.get("level", ""))
    columns = [
        (_("Jenis"), lambda c: c.get_kind_display()),
        (_("Pegawai"), lambda c: c.employee.full_name),
        (_("NIP"), lambda c: c.employee.nip),
        (_("Instansi"), lambda c: c.instansi.name),
        (_("Tanggal laporan"), lambda c: c.reported_on),
        (_("Pelanggaran"), lambda c: c.breach or c.ethics_value),
        (_("Status"), lambda c: c.get_state_display()),
        (_("Tingkat"), lambda c: c.level),
        (_("Hukuman/sanksi"), _penalty),
        (_("Nomor keputusan"), lambda c: c.decision_number or ""),
        (_("Berlaku sampai"), lambda c: c.ends_on or ""),
    ]
    return list_page(request, queryset=qs, template="discipline/list.html", title=_("Kasus disiplin dan kode etik"),
                     columns=columns, export_name="kasus-disiplin", filter_form=form,
                     export_object_type="discipline.disciplinecase",
                     context={"can_create": scope.can(Resource.DISCIPLINE_CASE, Action.CREATE),
                              "can_levels": scope.can(Resource.CASE_SERVICE_LEVELS)})


@login_required
def case_create(request: AuthenticatedRequest) -> HttpResponse:
    _require(request, action=Action.CREATE)
    initial = {k: request.GET[k] for k in ("employee", "kind") if request.GET.get(k)}
    form = CaseReportForm(request.POST or None, viewer=request.user, initial=initial)
    return form_page(
        request, form=form, template="web/form.html", title=_("Laporan pelanggaran"),
        submit=lambda d: services.case_report(actor=request.user, interface=Interface.WEB, **form.service_kwargs()),
        success_url=lambda o: reverse("discipline:detail", args=[o.pk]),
        success_message=_("Laporan dicatat."),
        context={"cancel_url": reverse("discipline:list")},
    )


@login_required
def case_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    scope = _require(request)
    case = selectors.case_get(viewer=request.user, pk=pk)
    today = timezone.localdate()
    remedy = legal.remedy_for(case, on=today)
    can_update = scope.allows_object(Resource.DISCIPLINE_CASE, Action.UPDATE, case)
    can_decide = scope.allows(Resource.DISCIPLINE_DECISION, Action.CREATE, instansi_id=case.instansi_id)
    return render(request, "discipline/detail.html", {
        "title": str(case), "case": case,
        "breach_label": legal.breach_label(case.breach, on=case.reported_on) if case.breach else "",
        "penalty_label": _penalty(case),
        "official_label": legal.official_label(case.authority_official),
        "officials_labels": [legal.official_label(o) for o in case.authority_officials],
        "allowed_labels": [legal.penalty_label(p, on=case.reported_on) for p in case.allowed_penalties],
        "remedy": legal.remedy_view(remedy),
        "file_url": _file_url(scope, case, remedy),
        "can_examine": can_update and case.state in (CaseState.DILAPORKAN, CaseState.DIPERIKSA),
        "can_decide": can_decide and case.state == CaseState.DIPERIKSA,
        "can_close": can_decide and case.is_open,
        "can_receive": can_decide and case.state == CaseState.DIPUTUS and case.decision_received_on is None,
        "dismissal": case.penalty == "PEMBERHENTIAN_DENGAN_HORMAT",
    })


def _file_url(scope: Scope, case: DisciplineCase, remedy: Any) -> str:
    """The filing page of a keberatan/banding (simasn.disputes), prefilled with this decision."""
    if remedy is None or not remedy.outcome.get("route") or not scope.allows(
            Resource.DISPUTE, Action.CREATE, instansi_id=case.instansi_id, employee_id=case.employee_id):
        return ""
    params = {"employee": case.employee_id, "decision_kind": "HUKUMAN_DISIPLIN", "penalty": case.penalty,
              "issuer": "PPK" if case.authority_official == "PPK" else "PEJABAT",
              "decision_number": case.decision_number or "", "decision_date": case.decided_on.isoformat()
              if case.decided_on else "", "decision_received_date": case.decision_received_on.isoformat()
              if case.decision_received_on else "", "source": f"discipline.disciplinecase:{case.pk}"}
    return f"{reverse('disputes:file')}?{urlencode(params)}"


@login_required
def case_examine(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require(request, action=Action.UPDATE)
    case = selectors.case_get(viewer=request.user, pk=pk)
    form = CaseExamineForm(request.POST or None, case=case)

    def submit(d: dict) -> DisciplineCase:
        return services.case_examine(
            actor=request.user, interface=Interface.WEB, case=case, examined_on=d["examined_on"],
            examiner_name=d["examiner_name"], examiner_title=d["examiner_title"], statement=d["statement"],
            findings=d["findings"], impact=d.get("impact") or "", absent_days=d.get("absent_days"),
            consecutive_absent_days=d.get("consecutive_absent_days"),
            without_valid_reason=d.get("without_valid_reason"))

    return form_page(request, form=form, template="web/form.html", title=_("Berita acara pemeriksaan"),
                     submit=submit, success_url=lambda o: reverse("discipline:detail", args=[o.pk]),
                     success_message=_("Hasil pemeriksaan dicatat."),
                     context={"cancel_url": reverse("discipline:detail", args=[case.pk])})


@login_required
def case_decide(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require(request, Resource.DISCIPLINE_DECISION, Action.CREATE)
    case = selectors.case_get(viewer=request.user, pk=pk)
    ppk = official_on(instansi_id=case.instansi_id, role="PPK", on=timezone.localdate())
    initial = {"decider_name": ppk.person_name, "decider_title": ppk.title} if ppk else {}
    form = CaseDecideForm(request.POST or None, case=case, initial=initial)

    def submit(d: dict) -> DisciplineCase:
        return services.case_decide(
            actor=request.user, interface=Interface.WEB, case=case, penalty=d.get("penalty") or "",
            moral_sanction=d.get("moral_sanction") or "", authority_official=d.get("authority_official") or "",
            decider_name=d.get("decider_name") or "", decider_title=d.get("decider_title") or "",
            decided_on=d["decided_on"], decision_received_on=d.get("decision_received_on"))

    return form_page(request, form=form, template="web/form.html",
                     title=_("Keputusan atas kasus"), submit=submit,
                     success_url=lambda o: reverse("discipline:detail", args=[o.pk]),
                     success_message=_("Keputusan ditetapkan."),
                     context={"cancel_url": reverse("discipline:detail", args=[case.pk]), "case": case})


@login_required
def case_receive(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require(request, Resource.DISCIPLINE_DECISION, Action.CREATE)
    case = selectors.case_get(viewer=request.user, pk=pk)
    form = ReceiveForm(request.POST or None, initial={"received_on": timezone.localdate()})
    return form_page(request, form=form, template="web/form.html", title=_("Tanggal keputusan diterima"),
                     submit=lambda d: services.case_receive(actor=request.user, interface=Interface.WEB, case=case,
                                                            received_on=d["received_on"]),
                     success_url=lambda o: reverse("discipline:detail", args=[o.pk]),
                     success_message=_("Tanggal penerimaan dicatat; masa hukuman dihitung."),
                     context={"cancel_url": reverse("discipline:detail", args=[case.pk])})


@login_required
def case_close(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require(request, Resource.DISCIPLINE_DECISION, Action.CREATE)
    case = selectors.case_get(viewer=request.user, pk=pk)
    url = reverse("discipline:detail", args=[case.pk])
    return confirm_page(
        request, title=_("Hentikan kasus"),
        question=_("Kasus ini dihentikan karena pelanggaran tidak terbukti. Langkah ini tidak dapat dibatalkan."),
        perform=lambda reason: services.case_close(actor=request.user, interface=Interface.WEB, case=case,
                                                   reason=reason),
        success_url=url, success_message=_("Kasus dihentikan."), cancel_url=url)


def _document(request: AuthenticatedRequest, pk: int, template: str) -> HttpResponse:
    _require(request)
    case = selectors.case_get(viewer=request.user, pk=pk)
    on = case.decided_on or case.examined_on or case.reported_on
    ppk = official_on(instansi_id=case.instansi_id, role="PPK", on=on)
    remedy = legal.remedy_for(case, on=case.decided_on) if case.decided_on else None
    return render(request, template, {
        "title": str(case), "case": case, "ppk": ppk,
        "breach_label": legal.breach_label(case.breach, on=case.reported_on) if case.breach else "",
        "breach_citation": legal.breach_citation(case.breach, on=case.reported_on) if case.breach else "",
        "penalty_label": _penalty(case), "official_label": legal.official_label(case.authority_official),
        "remedy": legal.remedy_view(remedy),
    })


@login_required
def case_bap(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _document(request, pk, "discipline/bap.html")


@login_required
def case_decision(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _document(request, pk, "discipline/decision.html")
