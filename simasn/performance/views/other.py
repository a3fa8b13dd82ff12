"""The start page, the ratings export, the "tidak berkinerja" worklist, work culture and
the national distribution."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.services import export_record
from simasn.law import behaviour_indicators, employee_ratings
from simasn.performance import export, forms, selectors, services, statistics
from simasn.personnel.selectors import employee_list
from simasn.web.pages import form_page, list_page, not_allowed_message

WEB = Interface.WEB


@login_required
def home(request: AuthenticatedRequest) -> HttpResponse:
    scope = Scope.of(request.user)
    if not (scope.can(Resource.PERFORMANCE_PERIOD) or scope.can(Resource.PERFORMANCE_STATISTICS)):
        raise PermissionDeniedError(not_allowed_message())
    mine = selectors.plan_list(viewer=request.user, employee_id=request.user.employee_id)[:10] \
        if request.user.employee_id else []
    team = selectors.team_list(viewer=request.user)
    periods = selectors.period_list(viewer=request.user)[:5]
    return render(request, "performance/home.html", {
        "title": _("Kinerja dan budaya kerja"), "my_plans": mine, "team_count": team.count(),
        "overrides": selectors.pending_overrides(viewer=request.user), "periods": periods,
        "calibrations": selectors.led_calibrations(viewer=request.user),
        "open_cases": selectors.case_list(viewer=request.user).filter(status="OPEN").count()
        if scope.reach(Resource.PERFORMANCE_CASE, Action.VIEW) >= 2 else 0,
        "can_cases": scope.reach(Resource.PERFORMANCE_CASE, Action.VIEW) >= 2,
        "can_national": scope.can(Resource.PERFORMANCE_STATISTICS),
        "can_culture": scope.can(Resource.WORK_CULTURE),
        "can_acting": scope.can(Resource.PERFORMANCE_PERIOD, Action.UPDATE),
    })


@login_required
def rating_list(request: AuthenticatedRequest) -> HttpResponseBase:
    """Annual ratings; `?format=csv|xlsx` exports them, `?format=json` in the documented
    exchange format (docs/performance.md)."""
    form = forms.SearchForm(request.GET or None)
    q = form.cleaned_data.get("q", "") if form.is_valid() else ""
    year = int(request.GET["tahun"]) if request.GET.get("tahun", "").isdigit() else None
    qs = selectors.rating_list(viewer=request.user, q=q, year=year)
    if request.GET.get("format") == "json":
        export_record(actor=request.user, interface=WEB, object_type="performance.rating",
                      instansi_id=request.user.instansi_id, extra={"format": "json", "year": year})
        return JsonResponse(export.exchange_document(qs), json_dumps_params={"ensure_ascii": False})
    return list_page(request, queryset=qs, template="performance/rating_list.html", title=_("Penilaian kinerja tahunan"),
                     columns=export.COLUMNS, export_name="penilaian-kinerja", filter_form=form,
                     export_object_type="performance.rating")


@login_required
def case_list(request: AuthenticatedRequest) -> HttpResponseBase:
    if not Scope.of(request.user).can(Resource.PERFORMANCE_CASE):
        raise PermissionDeniedError(not_allowed_message())
    form = forms.SearchForm(request.GET or None)
    q = form.cleaned_data.get("q", "") if form.is_valid() else ""
    columns = [(_("Pegawai"), lambda c: c.employee.name), (_("NIP"), lambda c: c.employee.nip),
               (_("Tahun"), lambda c: c.year), (_("Status"), lambda c: c.get_status_display()),
               (_("Catatan keputusan"), lambda c: c.note)]
    return list_page(request, queryset=selectors.case_list(viewer=request.user, q=q),
                     template="performance/case_list.html", title=_('Kasus "tidak berkinerja"'), columns=columns,
                     export_name="kasus-tidak-berkinerja", filter_form=form,
                     export_object_type="performance.tidakberkinerjacase")


@login_required
def case_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = selectors.case_get(viewer=request.user, pk=pk)
    can_decide = Scope.of(request.user).allows_object(Resource.PERFORMANCE_CASE, Action.UPDATE, case)
    form = forms.CaseDecisionForm(request.POST or None) if can_decide else None
    if form is not None and request.method == "POST":
        back = reverse("performance:case", args=[case.pk])
        return form_page(request, form=form, template="web/form.html", title=_("Keputusan kasus"),
                         submit=lambda d: services.case_decide(actor=request.user, interface=WEB, case=case, forward=d["forward"],
                                                               note=d["note"], action_reference=d["action_reference"]),
                         success_url=lambda _o: back, success_message=_("Keputusan dicatat."),
                         context={"cancel_url": back})
    draft_url = reverse("actions:create") + "?" + "&".join([
        "action_type=" + ("CONTRACT_END" if case.employee.employee_type == "PPPK" else "DISMISSAL"),
        f"employee={case.employee_id}", "ground=f"])
    return render(request, "performance/case_detail.html", {
        "title": _('Kasus "tidak berkinerja": %(name)s') % {"name": case.employee.name}, "case": case,
        "form": form, "draft_url": draft_url,
        "can_draft": Scope.of(request.user).can(Resource.ACTION, Action.CREATE),
    })


@login_required
def culture_list(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = Scope.of(request.user)
    if not scope.can(Resource.WORK_CULTURE):
        raise PermissionDeniedError(not_allowed_message())
    form = forms.SearchForm(request.GET or None)
    q = form.cleaned_data.get("q", "") if form.is_valid() else ""
    labels = {v["code"]: v["label_id"] for v in behaviour_indicators(timezone.localdate())}
    columns = [(_("Instansi"), lambda a: a.instansi.name), (_("Tanggal"), lambda a: a.held_on.isoformat()),
               (_("Kegiatan"), lambda a: a.title),
               (_("Nilai"), lambda a: ", ".join(labels.get(c, _("Kode etik")) for c in a.value_codes)),
               (_("Peserta"), lambda a: a.participant_count)]
    return list_page(request, queryset=selectors.culture_list(viewer=request.user, q=q),
                     template="performance/culture_list.html", title=_("Program budaya kerja"), columns=columns,
                     export_name="budaya-kerja", filter_form=form, export_object_type="performance.cultureactivity",
                     context={"can_create": scope.can(Resource.WORK_CULTURE, Action.CREATE), "labels": labels})


@login_required
def culture_add(request: AuthenticatedRequest) -> HttpResponse:
    instansi_id = request.user.instansi_id
    if instansi_id is None or not Scope.of(request.user).allows(Resource.WORK_CULTURE, Action.CREATE,
                                                                instansi_id=instansi_id):
        raise PermissionDeniedError(not_allowed_message())
    employees = employee_list(viewer=request.user).filter(status="AKTIF").order_by("name")
    form = forms.CultureActivityForm(request.POST or None, employees=employees)
    back = reverse("performance:culture")
    return form_page(request, form=form, template="web/form.html", title=_("Tambah kegiatan budaya kerja"),
                     submit=lambda d: services.culture_activity_add(
                         actor=request.user, interface=WEB, instansi_id=instansi_id, title=d["title"],
                         held_on=d["held_on"], value_codes=d["value_codes"],
                         participant_ids=[e.pk for e in d.get("participants") or []], notes=d.get("notes") or ""),
                     success_url=lambda _o: back, success_message=_("Kegiatan dicatat."), context={"cancel_url": back})


def _year(request: AuthenticatedRequest) -> int:
    raw = request.GET.get("tahun", "")
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2200 else timezone.localdate().year - 1


@login_required
def culture_view(request: AuthenticatedRequest) -> HttpResponse:
    if not Scope.of(request.user).can(Resource.WORK_CULTURE):
        raise PermissionDeniedError(not_allowed_message())
    year = _year(request)
    labels = {v["code"]: v["label_id"] for v in behaviour_indicators(timezone.localdate())}
    rows = statistics.culture_by_value(viewer=request.user, year=year)
    return render(request, "performance/culture_view.html", {
        "title": _("Budaya kerja menurut nilai dasar — %(year)s") % {"year": year}, "rows": rows, "year": year,
        "labels": labels, "min_cell": statistics.minimum_cell(), "weak_share": statistics.WEAK_SHARE_PERCENT})


@login_required
def national(request: AuthenticatedRequest) -> HttpResponse:
    if not Scope.of(request.user).can(Resource.PERFORMANCE_STATISTICS):
        raise PermissionDeniedError(not_allowed_message())
    year = _year(request)
    by = request.GET.get("menurut", "instansi")
    by = by if by in statistics.GROUPS else "instansi"
    rows = statistics.distribution(viewer=request.user, year=year, by=by)
    labels = {r["code"]: r["label_id"] for r in employee_ratings(timezone.localdate())}
    return render(request, "performance/national.html", {
        "title": _("Distribusi predikat kinerja — %(year)s") % {"year": year}, "rows": rows, "year": year, "by": by,
        "labels": labels, "predikat": statistics.PREDIKAT, "chart": statistics.chart_spec(rows, labels),
        "min_cell": statistics.minimum_cell(), "chart_json": json.dumps(bool(rows))})
