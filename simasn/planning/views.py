"""Screens of needs planning: the national policy, the instansi plans, the national view."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.services import export_record
from simasn.planning import calculation, selectors, services
from simasn.planning import forms as f
from simasn.planning.charts import national_charts
from simasn.planning.documents import decision_bytes, decision_context
from simasn.planning.models import NeedsPlan
from simasn.positions.selectors import position_list
from simasn.web.exports import Column, csv_response, xlsx_response
from simasn.web.pages import (
    confirm_page,
    form_errors_text,
    form_page,
    list_page,
    not_allowed_message,
    run_service,
)

W = Interface.WEB


def _can(request: AuthenticatedRequest, resource: Resource, action: Action = Action.VIEW, **kw: Any) -> bool:
    scope = Scope.of(request.user)
    if kw:
        return scope.allows(resource, action, **kw)
    return scope.can(resource, action)


def _require(request: AuthenticatedRequest, resource: Resource, action: Action = Action.VIEW) -> None:
    if not _can(request, resource, action):
        raise PermissionDeniedError(not_allowed_message())


_run = run_service


_form_errors = form_errors_text


# --- National policy (Pasal 32 ayat (1)-(2)) ---------------------------------------------------

@login_required
def policy_list(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.NEEDS_POLICY)
    form = f.PlanFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = selectors.policy_list(viewer=request.user, q=data.get("q") or "", fiscal_year=data.get("fiscal_year"))
    columns = [
        (_("Tahun anggaran"), lambda p: p.fiscal_year), (_("Judul"), lambda p: p.title),
        (_("Versi"), lambda p: p.version_no), (_("Status"), lambda p: p.get_status_display()),
        (_("Porsi PNS (%)"), lambda p: p.pns_share_percent), (_("Porsi PPPK (%)"), lambda p: p.pppk_share_percent),
        (_("Target nasional"), lambda p: p.national_target or ""),
        (_("Ditetapkan pada"), lambda p: timezone.localtime(p.published_at).date() if p.published_at else ""),
    ]
    filter_form = f.YearForm(request.GET or None)
    filter_form.fields["fiscal_year"].required = False
    return list_page(request, queryset=qs, template="planning/policy_list.html",
                     title=_("Kebijakan perencanaan kebutuhan ASN nasional"), columns=columns,
                     export_name="kebijakan-kebutuhan-asn", export_object_type="planning.needspolicy",
                     filter_form=filter_form, estimate_count=False,
                     context={"can_create": _can(request, Resource.NEEDS_POLICY, Action.CREATE),
                              "create_url": reverse("planning:policy_create")})


@login_required
def policy_create(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.NEEDS_POLICY, Action.CREATE)
    return form_page(request, form=f.PolicyForm(request.POST or None), template="web/form.html",
                     title=_("Kebijakan kebutuhan nasional baru"),
                     submit=lambda d: services.policy_create(actor=request.user, interface=W, **d),
                     success_url=lambda o: reverse("planning:policy_detail", args=[o.pk]),
                     success_message=_("Kebijakan dibuat sebagai konsep."),
                     context={"cancel_url": reverse("planning:policy_list")})


@login_required
def policy_detail(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    policy = selectors.policy_get(viewer=request.user, pk=pk)
    back = reverse("planning:policy_detail", args=[pk])
    can_edit = _can(request, Resource.NEEDS_POLICY, Action.UPDATE) and not policy.is_published
    if request.method == "POST":
        op = request.POST.get("op")
        form: forms.Form | None = None
        if op == "edit":
            form = f.PolicyEditForm(request.POST, prefix="edit")
            if form.is_valid():
                data = form.cleaned_data
                return _run(request, lambda: services.policy_update(actor=request.user, interface=W, policy=policy,
                                                                    **data), _("Kebijakan diperbarui."), back)
        elif op == "priority":
            form = f.PriorityForm(request.POST, prefix="priority")
            if form.is_valid():
                data = form.cleaned_data
                return _run(request, lambda: services.policy_priority_add(
                    actor=request.user, interface=W, policy=policy, **data), _("Rumpun prioritas ditambahkan."), back)
        elif op == "formasi":
            form = f.FormasiTypeForm(request.POST, prefix="formasi")
            if form.is_valid():
                data = form.cleaned_data
                return _run(request, lambda: services.policy_formasi_type_add(
                    actor=request.user, interface=W, policy=policy, **data), _("Jenis formasi ditambahkan."), back)
        elif op == "version":
            form = f.NoteForm(request.POST, prefix="version")
            if form.is_valid():
                try:
                    new = services.policy_new_version(actor=request.user, interface=W, policy=policy,
                                                      change_note=form.cleaned_data["change_note"])
                except ApplicationError as error:
                    messages.error(request, error.message)
                    return HttpResponseRedirect(back)
                messages.success(request, _("Versi baru dibuat sebagai konsep."))
                return HttpResponseRedirect(reverse("planning:policy_detail", args=[new.pk]))
        messages.error(request, _form_errors(form) if form is not None else _("Permintaan tidak dikenal."))
        return HttpResponseRedirect(back)
    return render(request, "planning/policy_detail.html", {
        "title": str(policy), "policy": policy, "can_edit": can_edit,
        "can_version": _can(request, Resource.NEEDS_POLICY, Action.CREATE) and policy.is_published,
        "edit_form": f.PolicyEditForm(prefix="edit", initial={
            "title": policy.title, "basis": policy.basis, "pns_share_percent": policy.pns_share_percent,
            "national_target": policy.national_target}),
        "priority_form": f.PriorityForm(prefix="priority"), "formasi_form": f.FormasiTypeForm(prefix="formasi"),
        "note_form": f.NoteForm(prefix="version"),
        "versions": selectors.policy_list(viewer=request.user, fiscal_year=policy.fiscal_year),
    })


@login_required
def policy_publish(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    policy = selectors.policy_get(viewer=request.user, pk=pk)
    _require(request, Resource.NEEDS_POLICY, Action.UPDATE)
    back = reverse("planning:policy_detail", args=[pk])
    return confirm_page(
        request, title=_("Tetapkan kebijakan"),
        question=_("Tetapkan %(policy)s? Setelah ditetapkan, kebijakan menjadi panduan instansi (Pasal 32 ayat (2)) "
                   "dan tidak dapat diubah; perubahan dibuat sebagai versi baru.") % {"policy": policy},
        perform=lambda reason: services.policy_publish(actor=request.user, interface=W, policy=policy),
        success_url=back, success_message=_("Kebijakan ditetapkan."), cancel_url=back, needs_reason=False)


# --- Instansi needs plans (Pasal 32 ayat (3), Pasal 35) -----------------------------------------

@login_required
def plan_list(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.NEEDS_PLAN)
    form = f.PlanFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = selectors.plan_list(viewer=request.user, q=data.get("q") or "", fiscal_year=data.get("fiscal_year"),
                             status=data.get("status") or "")
    columns = [
        (_("Instansi"), lambda p: p.instansi.name), (_("Tahun anggaran"), lambda p: p.fiscal_year),
        (_("Status"), lambda p: p.get_status_display()), (_("Pagu (Rp/tahun)"), lambda p: int(p.budget_ceiling)),
        (_("Nomor keputusan"), lambda p: p.decision_number), (_("Tanggal keputusan"), lambda p: p.decision_date or ""),
    ]
    user = request.user
    can_create = user.instansi_id is not None and _can(request, Resource.NEEDS_PLAN, Action.CREATE,
                                                       instansi_id=user.instansi_id)
    return list_page(request, queryset=qs, template="planning/plan_list.html",
                     title=_("Rencana kebutuhan ASN instansi"), columns=columns, filter_form=form,
                     export_name="rencana-kebutuhan-asn", export_object_type="planning.needsplan",
                     estimate_count=False,
                     context={"can_create": can_create, "create_url": reverse("planning:plan_create"),
                              "can_national": _can(request, Resource.NEEDS_NATIONAL)})


@login_required
def plan_create(request: AuthenticatedRequest) -> HttpResponseBase:
    instansi_id = request.user.instansi_id
    if instansi_id is None or not _can(request, Resource.NEEDS_PLAN, Action.CREATE, instansi_id=instansi_id):
        raise PermissionDeniedError(not_allowed_message())
    return form_page(request, form=f.PlanForm(request.POST or None), template="web/form.html",
                     title=_("Rencana kebutuhan baru"),
                     submit=lambda d: services.plan_create(actor=request.user, interface=W, instansi_id=instansi_id,
                                                           **d),
                     success_url=lambda o: reverse("planning:plan_detail", args=[o.pk]),
                     success_message=_("Rencana kebutuhan dibuat sebagai konsep."),
                     context={"cancel_url": reverse("planning:plan_list")})


def _plan_post(request: AuthenticatedRequest, plan: NeedsPlan, back: str) -> HttpResponseBase:
    op = request.POST.get("op")
    form: forms.Form | None = None
    actor = request.user
    if op == "ceiling":
        form = f.CeilingForm(request.POST, prefix="ceiling")
        if form.is_valid():
            amount = form.cleaned_data["budget_ceiling"]
            return _run(request, lambda: services.plan_update(actor=actor, interface=W, plan=plan,
                                                              budget_ceiling=amount), _("Pagu diperbarui."), back)
    elif op == "line":
        form = f.LineForm(request.POST, prefix="line", plan=plan, positions=_positions(request, plan))
        if form.is_valid():
            d = form.cleaned_data
            return _run(request, lambda: services.line_add(
                actor=actor, interface=W, plan=plan, position_id=d["position"].pk,
                workload_hours=d["workload_hours"], job_family=d["job_family"]), _("Jabatan ditambahkan."), back)
    elif op in ("refresh", "remove"):
        line = selectors.line_get(viewer=actor, pk=int(request.POST.get("line", "0") or 0))
        if op == "refresh":
            return _run(request, lambda: services.line_refresh(actor=actor, interface=W, line=line),
                        _("Pemangku dan proyeksi pensiun dihitung ulang."), back)
        return _run(request, lambda: services.line_remove(actor=actor, interface=W, line=line),
                    _("Jabatan dikeluarkan dari rencana."), back)
    elif op == "proposal":
        form = f.ProposalForm(request.POST, prefix="proposal", policy=plan.policy,
                              on=calculation.fiscal_year_start(plan.fiscal_year), lines=selectors.line_list(plan=plan))
        if form.is_valid():
            d = form.cleaned_data
            line = selectors.line_get(viewer=actor, pk=d.pop("line"))
            return _run(request, lambda: services.proposal_set(actor=actor, interface=W, line=line, **d),
                        _("Usulan formasi disimpan."), back)
    elif op == "review":
        form = f.ReviewForm(request.POST, prefix="review")
        if form.is_valid():
            d = form.cleaned_data
            proposal = selectors.proposal_get(viewer=actor, pk=d.pop("proposal"))
            return _run(request, lambda: services.proposal_review(actor=actor, interface=W, proposal=proposal, **d),
                        _("Hasil penelaahan disimpan."), back)
    messages.error(request, _form_errors(form) if form is not None else _("Permintaan tidak dikenal."))
    return HttpResponseRedirect(back)


def _positions(request: AuthenticatedRequest, plan: NeedsPlan) -> Any:
    return position_list(viewer=request.user, instansi_id=plan.instansi_id)


@login_required
def plan_detail(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    back = reverse("planning:plan_detail", args=[pk])
    if request.method == "POST":
        return _plan_post(request, plan, back)
    can_edit = plan.is_editable and _can(request, Resource.NEEDS_PLAN, Action.UPDATE, instansi_id=plan.instansi_id)
    can_review = (plan.status == NeedsPlan.Status.SUBMITTED
                  and _can(request, Resource.NEEDS_DECISION, Action.CREATE, instansi_id=plan.instansi_id))
    lines = list(selectors.line_list(plan=plan))
    on = calculation.fiscal_year_start(plan.fiscal_year)
    return render(request, "planning/plan_detail.html", {
        "title": str(plan), "plan": plan, "lines": lines, "totals": services.plan_totals(plan),
        "can_edit": can_edit, "can_review": can_review,
        "can_submit": plan.is_editable and _can(request, Resource.NEEDS_PROPOSAL, Action.CREATE,
                                                instansi_id=plan.instansi_id),
        "families": {p.job_family: p.name for p in plan.policy.priorities.all()},
        "ceiling_form": f.CeilingForm(prefix="ceiling", initial={"budget_ceiling": plan.budget_ceiling}),
        "line_form": f.LineForm(prefix="line", plan=plan, positions=_positions(request, plan)) if can_edit else None,
        "proposal_form": (f.ProposalForm(prefix="proposal", policy=plan.policy, on=on, lines=lines)
                          if can_edit and lines else None),
    })


@login_required
def plan_submit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    if not _can(request, Resource.NEEDS_PROPOSAL, Action.CREATE, instansi_id=plan.instansi_id):
        raise PermissionDeniedError(not_allowed_message())
    back = reverse("planning:plan_detail", args=[pk])
    totals = services.plan_totals(plan)
    return confirm_page(
        request, title=_("Usulkan rencana kebutuhan"),
        question=_("Usulkan %(n)s formasi %(plan)s kepada Menteri PANRB? Selama ditelaah, rencana tidak dapat "
                   "diubah.") % {"n": totals["proposed"], "plan": plan},
        perform=lambda reason: services.plan_submit(actor=request.user, interface=W, plan=plan),
        success_url=back, success_message=_("Rencana kebutuhan diusulkan."), cancel_url=back, needs_reason=False)


@login_required
def plan_return(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    if not _can(request, Resource.NEEDS_DECISION, Action.CREATE, instansi_id=plan.instansi_id):
        raise PermissionDeniedError(not_allowed_message())
    back = reverse("planning:plan_detail", args=[pk])
    return confirm_page(
        request, title=_("Kembalikan untuk diperbaiki"),
        question=_("Kembalikan usulan %(plan)s kepada instansi? Tuliskan apa yang harus diperbaiki.") % {"plan": plan},
        perform=lambda reason: services.plan_return(actor=request.user, interface=W, plan=plan, note=reason),
        success_url=back, success_message=_("Usulan dikembalikan kepada instansi."), cancel_url=back)


@login_required
def plan_decide(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    if not _can(request, Resource.NEEDS_DECISION, Action.CREATE, instansi_id=plan.instansi_id):
        raise PermissionDeniedError(not_allowed_message())
    form = f.DecideForm(request.POST or None, initial={"decision_date": timezone.localdate()})
    return form_page(
        request, form=form, template="planning/decide.html", title=_("Penetapan kebutuhan %(plan)s") % {"plan": plan},
        submit=lambda d: services.plan_decide(actor=request.user, interface=W, plan=plan, **d),
        success_url=lambda o: reverse("planning:plan_decision", args=[o.pk]),
        success_message=_("Kebutuhan ditetapkan."),
        context={"plan": plan, "totals": services.plan_totals(plan),
                 "cancel_url": reverse("planning:plan_detail", args=[pk])})


@login_required
def plan_decision(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The penetapan kebutuhan as a Tata Naskah Dinas decision (keputusan)."""
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    if plan.status != NeedsPlan.Status.DECIDED:
        messages.error(request, _("Kebutuhan instansi ini belum ditetapkan."))
        return HttpResponseRedirect(reverse("planning:plan_detail", args=[pk]))
    return render(request, "planning/decision.html", {"title": _("Keputusan penetapan kebutuhan"),
                                                      **decision_context(plan)})


@login_required
def plan_decision_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The stored keputusan, re-hashed before it is sent."""
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    if not plan.decision_file:
        raise NotFoundError(_("Keputusan ini belum tersimpan sebagai berkas."))
    response = HttpResponse(decision_bytes(plan), content_type="application/pdf")
    safe = plan.decision_number.replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="penetapan-kebutuhan-{safe}.pdf"'
    response["X-Content-SHA256"] = plan.decision_sha256
    return response


# --- National view --------------------------------------------------------------------------

@login_required
def national(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.NEEDS_NATIONAL)
    form = f.YearForm(request.GET or None)
    year = form.cleaned_data["fiscal_year"] if form.is_valid() else timezone.localdate().year + 1
    summary = selectors.national_summary(viewer=request.user, fiscal_year=year)
    fmt = request.GET.get("format")
    if fmt in {"csv", "xlsx"}:
        export_record(actor=request.user, interface=W, object_type="planning.national",
                      extra={"format": fmt, "fiscal_year": year})
        rows = [{"group": _("Rumpun jabatan"), **r} for r in summary["families"]]
        rows += [{"group": _("Wilayah"), "target": None, **r} for r in summary["regions"]]
        columns: list[Column] = [
            (_("Kelompok"), lambda r: r["group"]), (_("Nama"), lambda r: r["name"]),
            (_("Target nasional"), lambda r: r.get("target") or ""), (_("Diusulkan"), lambda r: r["proposed"]),
            (_("Ditetapkan"), lambda r: r["approved"]), (_("Biaya usulan (Rp/tahun)"), lambda r: r["cost"]),
            (_("Biaya ditetapkan (Rp/tahun)"), lambda r: r["approved_cost"]),
            (_("Pagu (Rp/tahun)"), lambda r: r["ceiling"] if r["group"] == _("Wilayah") else ""),
        ]
        name = f"kebutuhan-asn-nasional-{year}"
        if fmt == "csv":
            return csv_response(name, columns, rows)
        return xlsx_response(name, columns, rows, title=str(_("Kebutuhan ASN nasional")))
    return render(request, "planning/national.html", {
        "title": _("Kebutuhan ASN nasional %(year)s") % {"year": year}, "year": year, "form": form,
        **summary, **national_charts(summary)})
