"""Screens of coordination (Pasal 7), revision (Pasal 8) and monitoring and evaluation
(Pasal 9).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.web.pages import form_page
from simasn.workplans import forms as f
from simasn.workplans import selectors, services
from simasn.workplans.models import Activity, BeritaAcara, Draft, Stage
from simasn.workplans.views._common import W, _form_errors, _require, _run

# --- coordination -------------------------------------------------------------------------------

@login_required
def coordination_send(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    _require(request, Resource.WORKPLAN_COORDINATION, Action.CREATE)
    return form_page(request, form=f.CoordinationForm(request.POST or None,
                                                      initial={"letter_date": timezone.localdate()}),
                     template="web/form.html", base_template="workplans/base.html", title=_("Kirim kepada Bappenas/Kemenkeu (Pasal 7)"),
                     submit=lambda d: services.coordination_send(actor=request.user, interface=W, cycle=cycle, **d),
                     success_url=lambda o: reverse("workplans:cycle_detail", args=[pk]),
                     success_message=_("Rancangan selaras dikirim dengan tembusan kepada Presiden."),
                     context={"cancel_url": reverse("workplans:cycle_detail", args=[pk])})


@login_required
def coordination_list(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.WORKPLAN_COORDINATION)
    return render(request, "workplans/coordination_list.html", {
        "title": _("Kiriman rancangan Rencana Kerja (Pasal 7)"),
        "items": selectors.coordination_list(viewer=request.user)})


@login_required
def coordination_detail(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    item = selectors.coordination_get(viewer=request.user, pk=pk)
    if request.GET.get("format") == "pdf" and item.pdf:
        return FileResponse(item.pdf.open("rb"), content_type="application/pdf", filename=f"koordinasi-{pk}.pdf")
    return render(request, "workplans/coordination_detail.html", {
        "title": _("Surat %(n)s") % {"n": item.letter_number}, "item": item, "cycle": item.cycle,
        "drafts": selectors.draft_tree(cycle=item.cycle, kind=Draft.Kind.SELARAS),
        "ba": BeritaAcara.objects.filter(cycle=item.cycle).first()})


# --- revision ------------------------------------------------------------------------------------

@login_required
def cycle_revise(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    _require(request, Resource.WORKPLAN, Action.CREATE)
    form = f.RevisionForm(request.POST or None, policies=selectors.policy_list(viewer=request.user))
    return form_page(request, form=form, template="web/form.html", base_template="workplans/base.html", title=_("Revisi rencana kerja (Pasal 8)"),
                     submit=lambda d: services.cycle_revise(actor=request.user, interface=W, cycle=cycle, **d),
                     success_url=lambda o: reverse("workplans:cycle_detail", args=[o.pk]),
                     success_message=_("Revisi dibuat; jalankan kembali tahapannya."),
                     context={"cancel_url": reverse("workplans:cycle_detail", args=[pk])})


@login_required
def revision_diff(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    new = selectors.cycle_get(viewer=request.user, pk=pk)
    chain = selectors.revision_chain(new)
    other_id = request.GET.get("dari")
    old = next((c for c in chain if str(c.pk) == other_id), None) or (new.revision_of or new)
    return render(request, "workplans/diff.html", {
        "title": _("Perbandingan revisi"), "new": new, "old": old, "chain": chain,
        "diff": selectors.revision_diff(old=old, new=new)})


# --- monitoring (Pasal 9) ---------------------------------------------------------------------------

@login_required
def monitoring(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    _require(request, Resource.WORKPLAN_MONITORING)
    try:
        year = int(request.GET.get("tahun") or cycle.year_start)
    except ValueError:
        year = cycle.year_start
    back = reverse("workplans:monitoring", args=[pk]) + f"?tahun={year}"
    own = Scope.of(request.user).own_institution_id()
    if request.method == "POST":
        op = request.POST.get("op")
        form: forms.Form | None = None
        if op == "realization":
            form = f.RealizationForm(request.POST)
            if form.is_valid():
                data = dict(form.cleaned_data)
                activity = Activity.objects.get(pk=data.pop("activity"), program__draft__cycle=cycle)
                data["quarter"] = int(data["quarter"])
                return _run(request, lambda: services.realization_record(
                    actor=request.user, interface=W, activity=activity, year=year, **data),
                    _("Realisasi dicatat."), back)
        elif op == "evaluation":
            form = f.EvaluationForm(request.POST)
            if form.is_valid():
                cleaned = form.cleaned_data
                return _run(request, lambda: services.evaluation_save(
                    actor=request.user, interface=W, cycle=cycle, institution_id=own or 0, year=year,
                    **cleaned), _("Evaluasi disimpan."), back)
        elif op == "report":
            report = selectors.evaluation_list(viewer=request.user, cycle=cycle).get(pk=request.POST.get("report", ""))
            return _run(request, lambda: services.evaluation_submit(actor=request.user, interface=W, report=report),
                        _("Laporan dikirim kepada Menteri (Pasal 9 ayat (2))."), back)
        messages.error(request, _form_errors(form) if form is not None else _("Permintaan tidak dikenal."))
        return HttpResponseRedirect(back)
    rows = selectors.monitoring_rows(viewer=request.user, cycle=cycle, year=year)
    reports = selectors.evaluation_list(viewer=request.user, cycle=cycle).filter(year=year)
    own_report = reports.filter(institution_id=own).first() if own else None
    chart = {"type": "bar", "data": {"labels": [f"{r.institution} {r.activity.code}" for r in rows], "datasets": [
        {"label": _("Realisasi target (%)"), "data": [round(r.target_pct, 1) for r in rows],
         "backgroundColor": "#2da44e"},
        {"label": _("Realisasi anggaran (%)"), "data": [round(r.budget_pct, 1) for r in rows],
         "backgroundColor": "#1f6feb"}]},
        "options": {"responsive": True, "scales": {"y": {"beginAtZero": True, "suggestedMax": 100}}}}
    return render(request, "workplans/monitoring.html", {
        "title": _("Pemantauan dan evaluasi: %(c)s") % {"c": cycle}, "cycle": cycle, "year": year, "rows": rows,
        "years": list(range(cycle.year_start, cycle.year_end + 1)), "reports": reports, "own_report": own_report,
        "chart": chart, "can_record": Scope.of(request.user).allows(Resource.WORKPLAN_MONITORING, Action.CREATE,
                                                    institution_id=own) and own is not None,
        "can_report": Scope.of(request.user).allows(Resource.WORKPLAN_MONITORING, Action.UPDATE, institution_id=own)
        and own is not None and cycle.participants.filter(institution_id=own).exists(),
        "evaluation_form": f.EvaluationForm(initial={"summary": own_report.summary if own_report else "",
                                                     "recommendations": own_report.recommendations
                                                     if own_report else ""}),
        "own": own, "open": cycle.stage in (Stage.TERSEGEL, Stage.TERKOORDINASI)})
