"""The employee's and the superior's pages: my plans, my team, one SKP with its results,
evidence, dialogues and ratings; each step a form that calls one service."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.storage import working_storage
from simasn.law import behaviour_indicators
from simasn.performance import forms, selectors, services, statistics
from simasn.performance.access import can_act_as_appraiser, can_act_as_owner
from simasn.performance.models import (
    ANNUAL,
    Dialogue,
    Evidence,
    Indicator,
    PerformancePlan,
    WorkResult,
)
from simasn.web.pages import confirm_page, form_page, list_page, not_allowed_message

WEB = Interface.WEB


def _plan_columns() -> list[Any]:
    return [
        (_("Tahun"), lambda p: p.period.year),
        (_("Pegawai"), lambda p: p.employee.name),
        (_("NIP"), lambda p: p.employee.nip),
        (_("Jabatan"), lambda p: p.position.name),
        (_("Unit kerja"), lambda p: p.unit.name),
        (_("Mulai"), lambda p: p.start_date.isoformat()),
        (_("Sampai"), lambda p: p.end_date.isoformat()),
        (_("Pejabat penilai"), lambda p: p.appraiser.name if p.appraiser else _("PPK")),
        (_("Status"), lambda p: p.get_status_display()),
    ]


@login_required
def plan_list(request: AuthenticatedRequest) -> HttpResponseBase:
    if not Scope.of(request.user).can(Resource.PERFORMANCE_PLAN):
        raise PermissionDeniedError(not_allowed_message())
    form = forms.SearchForm(request.GET or None)
    q = form.cleaned_data.get("q", "") if form.is_valid() else ""
    qs = selectors.plan_list(viewer=request.user, q=q)
    return list_page(request, queryset=qs, template="performance/plan_list.html", title=_("SKP"),
                     columns=_plan_columns(), export_name="skp", filter_form=form,
                     export_object_type="performance.performanceplan")


@login_required
def team_list(request: AuthenticatedRequest) -> HttpResponseBase:
    """The superior's team: the plans they appraise, with what is overdue."""
    form = forms.SearchForm(request.GET or None)
    q = form.cleaned_data.get("q", "") if form.is_valid() else ""
    qs = selectors.team_list(viewer=request.user, q=q)
    return list_page(request, queryset=qs, template="performance/plan_list.html", title=_("Tim saya"),
                     columns=_plan_columns(), export_name="tim-saya", filter_form=form,
                     export_object_type="performance.performanceplan",
                     context={"team": True, "overrides": selectors.pending_overrides(viewer=request.user)})


@login_required
def plan_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    values = {v["code"]: v for v in behaviour_indicators(plan.start_date)}
    expectations = {b.value_code: b for b in plan.behaviour_expectations.all()}
    ratings = {r.evaluation: r for r in plan.ratings.all()}
    evaluations = services.evaluations(plan.period)
    labels = {e["code"]: e["label_id"] for e in evaluations}
    return render(request, "performance/plan_detail.html", {
        "title": _("SKP %(year)s — %(name)s") % {"year": plan.period.year, "name": plan.employee.name},
        "plan": plan,
        "results": plan.results.select_related("parent__plan__employee").prefetch_related("indicators"),
        "behaviour": [{"value": values[c], "expectation": expectations.get(c)} for c in values],
        "evidence": plan.evidence.select_related("indicator"),
        # A dialogue keeps the evaluation's code; the page shows its name ("Triwulan IV 2026").
        "dialogues": [{"dialogue": d, "evaluation": labels.get(d.evaluation, d.evaluation)}
                      for d in plan.dialogues.all()],
        "dialogues_held": sum(1 for d in plan.dialogues.all() if d.held_on),
        "ratings": [{"evaluation": e, "rating": ratings.get(e["code"])} for e in evaluations],
        "feedback": _feedback_summary(plan, values),
        "min_cell": statistics.minimum_cell(),
        "is_owner": can_act_as_owner(request.user, plan, Action.UPDATE),
        "is_appraiser": can_act_as_appraiser(request.user, plan),
        "history": selectors.rating_list(viewer=request.user).filter(plan__employee_id=plan.employee_id),
        "ANNUAL": ANNUAL,
    })


def _feedback_summary(plan: PerformancePlan, values: dict[str, Any]) -> list[dict[str, Any]]:
    """Peer and subordinate feedback per value as counts only, never who said what; a value
    with fewer answers than the aggregate threshold shows no counts (the giver would show)."""
    counts: dict[str, dict[str, int]] = {}
    for row in plan.feedback.values("value_code", "rating"):
        bucket = counts.setdefault(row["value_code"], {"DI_BAWAH_EKSPEKTASI": 0, "SESUAI_EKSPEKTASI": 0,
                                                       "DI_ATAS_EKSPEKTASI": 0})
        bucket[row["rating"]] = bucket.get(row["rating"], 0) + 1
    k = statistics.minimum_cell()
    return [{"label": values.get(code, {}).get("label_id", code), "total": sum(c.values()),
             "shown": sum(c.values()) >= k, **c} for code, c in counts.items()]


def _plan_form(request: AuthenticatedRequest, plan: PerformancePlan, *, form: Any, title: str,
               submit: Any, message: str, back: str = "") -> HttpResponse:
    back = back or reverse("performance:plan", args=[plan.pk])
    return form_page(request, form=form, template="web/form.html", title=title, submit=submit,
                     success_url=lambda _o: back, success_message=message,
                     context={"cancel_url": back})


@login_required
def result_add(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    parents = WorkResult.objects.filter(plan__period=plan.period).filter(
        Q(plan__employee_id=plan.appraiser_id) | Q(children__plan__employee_id=plan.appraiser_id)
    ).select_related("plan__employee").distinct() if plan.appraiser_id else WorkResult.objects.none()
    form = forms.ResultForm(request.POST or None, parents=parents,
                            programmes=services.organisation_programmes(plan))
    return _plan_form(request, plan, form=form, title=_("Tambah rencana hasil kerja"), message=_("Hasil kerja ditambahkan."),
                      submit=lambda d: services.result_add(
                          actor=request.user, interface=WEB, plan=plan, text=d["text"], parent=d.get("parent"),
                          organisation_goal=d.get("organisation_goal") or "", programme_key=d.get("programme") or "",
                          indicators=[{"text": d["indicator"], "kind": d["kind"], "target": d["target"]}]))


def _result(request: AuthenticatedRequest, pk: int) -> WorkResult:
    result = WorkResult.objects.select_related("plan").filter(pk=pk).first()
    if result is None:
        raise NotFoundError(_("Hasil kerja tidak ditemukan."))
    selectors.plan_get(viewer=request.user, pk=result.plan_id)
    return result


@login_required
def indicator_add(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    result = _result(request, pk)
    form = forms.IndicatorForm(request.POST or None)
    return _plan_form(request, result.plan, form=form, title=_("Tambah indikator"), message=_("Indikator ditambahkan."),
                      submit=lambda d: services.indicator_add(actor=request.user, interface=WEB, result=result, **d))


@login_required
def expectation_set(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    result = _result(request, pk)
    form = forms.ExpectationForm(request.POST or None, initial={"expectation": result.leader_expectation})
    return _plan_form(request, result.plan, form=form, title=_("Ekspektasi pimpinan"), message=_("Ekspektasi disimpan."),
                      submit=lambda d: services.expectation_set(actor=request.user, interface=WEB, result=result,
                                                                expectation=d["expectation"]))


@login_required
def realisation_record(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    indicator = Indicator.objects.select_related("result__plan").filter(pk=pk).first()
    if indicator is None:
        raise NotFoundError(_("Indikator tidak ditemukan."))
    plan = selectors.plan_get(viewer=request.user, pk=indicator.result.plan_id)
    form = forms.RealisationForm(request.POST or None, initial={"realisation": indicator.realisation})
    return _plan_form(request, plan, form=form, title=_("Realisasi: %(i)s") % {"i": indicator.text},
                      message=_("Realisasi disimpan."),
                      submit=lambda d: services.realisation_record(actor=request.user, interface=WEB,
                                                                   indicator=indicator, realisation=d["realisation"]))


@login_required
def behaviour_expectation(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    form = forms.BehaviourExpectationForm(request.POST or None, initial={"value_code": request.GET.get("nilai", "")})
    return _plan_form(request, plan, form=form, title=_("Ekspektasi perilaku kerja"), message=_("Ekspektasi disimpan."),
                      submit=lambda d: services.behaviour_expectation_set(actor=request.user, interface=WEB,
                                                                          plan=plan, **d))


@login_required
def evidence_add(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    form = forms.EvidenceForm(request.POST or None, request.FILES or None)
    back = reverse("performance:plan", args=[plan.pk])
    return form_page(request, form=form, template="performance/upload_form.html", title=_("Tambah bukti dukung"),
                     submit=lambda d: services.evidence_add(actor=request.user, interface=WEB, plan=plan,
                                                            description=d["description"], link=d.get("link") or "",
                                                            upload=d.get("upload")),
                     success_url=lambda _o: back, success_message=_("Bukti dukung disimpan."),
                     context={"cancel_url": back})


@login_required
def dialogue_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    form = forms.DialoguePlanForm(request.POST or None, evaluations=services.evaluations(plan.period))
    return _plan_form(request, plan, form=form, title=_("Rencanakan dialog kinerja"), message=_("Dialog direncanakan."),
                      submit=lambda d: services.dialogue_plan(actor=request.user, interface=WEB, plan=plan, **d))


@login_required
def dialogue_record(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    dialogue = Dialogue.objects.select_related("plan").filter(pk=pk).first()
    if dialogue is None:
        raise NotFoundError(_("Dialog tidak ditemukan."))
    plan = selectors.plan_get(viewer=request.user, pk=dialogue.plan_id)
    form = forms.DialogueRecordForm(request.POST or None, initial={"held_on": dialogue.planned_on})
    return _plan_form(request, plan, form=form, title=_("Catat dialog kinerja"), message=_("Dialog dicatat."),
                      submit=lambda d: services.dialogue_record(actor=request.user, interface=WEB, dialogue=dialogue,
                                                                **d))


@login_required
def rating_set(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    form = forms.RatingForm(request.POST or None, evaluations=services.evaluations(plan.period),
                            leader=plan.is_unit_leader, initial={"evaluation": request.GET.get("evaluasi", ANNUAL)})
    return _plan_form(request, plan, form=form, title=_("Penilaian kinerja: %(name)s") % {"name": plan.employee.name},
                      message=_("Penilaian disimpan; predikat menurut matriks PermenPANRB 6/2022."),
                      # Rated from the unit's calibration page: back to it (a fixed page, not a URL).
                      back=reverse("performance:unit", args=[plan.period_id, plan.unit_id])
                      if request.GET.get("kembali") == "kalibrasi" else "",
                      submit=lambda d: services.rating_set(
                          actor=request.user, interface=WEB, plan=plan, evaluation=d["evaluation"],
                          work_result_rating=d.get("work_result_rating") or "", behaviour_rating=d["behaviour_rating"],
                          development_needs=(d.get("development_needs") or "").splitlines()))


def _rating(request: AuthenticatedRequest, pk: int) -> Any:
    return selectors.rating_get(viewer=request.user, pk=pk)


@login_required
def override_request(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    rating = _rating(request, pk)
    form = forms.OverrideForm(request.POST or None)
    return _plan_form(request, rating.plan, form=form, title=_("Usulkan penyesuaian predikat"),
                      message=_("Usulan penyesuaian menunggu persetujuan atasan pejabat penilai."),
                      submit=lambda d: services.rating_override_request(actor=request.user, interface=WEB,
                                                                        rating=rating, **d))


@login_required
def override_decide(request: AuthenticatedRequest, pk: int, decision: str) -> HttpResponse:
    rating = _rating(request, pk)
    approve = decision == "setujui"
    back = reverse("performance:team")
    return confirm_page(
        request, title=_("Persetujuan penyesuaian predikat"),
        question=(_("Setujui predikat %(new)s (menurut matriks: %(old)s) untuk %(name)s? Alasan penilai: %(reason)s")
                  if approve else _("Tolak usulan predikat %(new)s (menurut matriks: %(old)s) untuk %(name)s? "
                                    "Alasan penilai: %(reason)s"))
        % {"new": rating.get_override_predikat_display(), "old": rating.get_computed_predikat_display(),
           "name": rating.plan.employee.name, "reason": rating.override_reason},
        perform=lambda reason: services.rating_override_decide(actor=request.user, interface=WEB, rating=rating,
                                                               approve=approve, note=reason),
        success_url=back, success_message=_("Keputusan dicatat."), cancel_url=back, needs_reason=not approve)


@login_required
def plan_agree(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    back = reverse("performance:plan", args=[plan.pk])
    return confirm_page(request, title=_("Sepakati SKP"),
                        question=_("Sepakati SKP %(name)s beserta hasil kerja dan indikatornya?") % {"name": plan.employee.name},
                        perform=lambda _r: services.plan_agree(actor=request.user, interface=WEB, plan=plan),
                        success_url=back, success_message=_("SKP disepakati."), cancel_url=back, needs_reason=False)


@login_required
def feedback_list(request: AuthenticatedRequest) -> HttpResponse:
    """Colleagues the viewer may give behaviour feedback on (peers and their own appraiser)."""
    targets = selectors.feedback_targets(viewer=request.user)
    return render(request, "performance/feedback_list.html", {"title": _("Umpan balik perilaku"), "targets": targets})


@login_required
def feedback_give(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = next((p for p in selectors.feedback_targets(viewer=request.user) if p.pk == pk), None)
    if plan is None:
        raise NotFoundError(_("SKP tidak ditemukan."))
    form = forms.FeedbackForm(request.POST or None)
    back = reverse("performance:feedback")
    return form_page(request, form=form, template="web/form.html",
                     title=_("Umpan balik untuk %(name)s") % {"name": plan.employee.name},
                     submit=lambda d: services.feedback_give(actor=request.user, interface=WEB, plan=plan, **d),
                     success_url=lambda _o: back, success_message=_("Umpan balik disimpan. Terima kasih."),
                     context={"cancel_url": back})


@login_required
def evidence_download(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    """A stored evidence file, opened from the working storage for a viewer of the plan."""
    evidence = Evidence.objects.select_related("plan").filter(pk=pk).exclude(file_name="").first()
    if evidence is None:
        raise NotFoundError(_("Berkas tidak ditemukan."))
    selectors.plan_get(viewer=request.user, pk=evidence.plan_id)
    handle = working_storage().open(evidence.file_name, "rb")
    return FileResponse(handle, as_attachment=True, filename=evidence.original_name or "bukti")
