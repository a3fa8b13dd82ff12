from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.learning import development, selectors, services
from simasn.learning.forms import (
    ComplianceForm,
    ImportForm,
    LearningRecordForm,
    NeedForm,
    PlanFilterForm,
    RecordFilterForm,
)
from simasn.learning.models import DevelopmentNeed, LearningRecord
from simasn.learning.selectors import development_plan_summary
from simasn.organization.models import Instansi
from simasn.personnel.models import Employee
from simasn.web.pages import Rows, apply_errors, form_page, list_page, not_allowed_message
from simasn.web.pages import require_page as _require


def _fmt_jp(value: object) -> str:
    return f"{float(value or 0):.2f}".rstrip("0").rstrip(".").replace(".", ",")  # type: ignore[arg-type]


@login_required
def record_list(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = _require(request, Resource.LEARNING_RECORD)
    form = RecordFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = selectors.learning_record_list(viewer=request.user, q=data.get("q") or "", year=data.get("year"))
    columns = [
        (_("NIP"), lambda r: r.employee.nip), (_("Pegawai"), lambda r: r.employee.full_name),
        (_("Bentuk"), lambda r: r.get_form_display()), (_("Kegiatan"), lambda r: r.title),
        (_("Penyelenggara"), lambda r: r.provider), (_("Mulai"), lambda r: r.start_date.isoformat()),
        (_("Selesai"), lambda r: r.end_date.isoformat()), (_("JP"), lambda r: float(r.jp)),
        (_("Dasar JP"), lambda r: r.get_jp_basis_display()),
        (_("Penugasan tertulis"), lambda r: _("ya") if r.assigned else _("tidak")),
        (_("Sumber"), lambda r: r.get_source_display()),
    ]
    return list_page(request, queryset=qs, template="learning/list.html", title=_("Pengembangan kompetensi"),
                     columns=columns, export_name="pengembangan-kompetensi", filter_form=form,
                     export_object_type="learning.learningrecord",
                     context={"can_create": scope.can(Resource.LEARNING_RECORD, Action.CREATE),
                              "can_import": scope.reach(Resource.LEARNING_RECORD, Action.CREATE) >= Reach.INSTANSI,
                              "can_compliance": scope.can(Resource.LEARNING_COMPLIANCE)})


def _employees_for_form(request: AuthenticatedRequest) -> object:
    scope = Scope.of(request.user)
    qs = Employee.objects.filter(status="AKTIF").order_by("name")
    level = scope.reach(Resource.LEARNING_RECORD, Action.CREATE)
    if level == Reach.SELF:
        return qs.filter(pk=scope.employee_id or -1)
    if level == Reach.INSTANSI:
        return qs.filter(instansi_id=scope.instansi_id or -1)
    return qs


@login_required
def record_create(request: AuthenticatedRequest) -> HttpResponse:
    _require(request, Resource.LEARNING_RECORD, Action.CREATE)
    form = LearningRecordForm(request.POST or None, request.FILES or None, viewer=request.user,
                              employees=_employees_for_form(request))
    form.label_suffix = ""
    if request.method == "POST" and form.is_valid():
        try:
            record = services.learning_record_create(actor=request.user, interface=Interface.WEB,
                                                     **form.service_kwargs())
        except ApplicationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Kegiatan dicatat: %(jp)s JP.") % {"jp": _fmt_jp(record.jp)})
            return HttpResponseRedirect(reverse("learning:list"))
    return render(request, "web/form.html", {"form": form, "title": _("Catat kegiatan pengembangan kompetensi"),
                                                  "cancel_url": reverse("learning:list"), "multipart": True},
                  status=400 if request.method == "POST" else 200)


@login_required
def record_import(request: AuthenticatedRequest) -> HttpResponse:
    scope = _require(request, Resource.LEARNING_RECORD, Action.CREATE)
    if scope.reach(Resource.LEARNING_RECORD, Action.CREATE) < Reach.INSTANSI:
        raise PermissionDeniedError(not_allowed_message())
    form = ImportForm(request.POST or None, request.FILES or None)
    form.label_suffix = ""
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            count = services.learning_records_import(actor=request.user, interface=Interface.IMPORT,
                                                     content=form.cleaned_data["file"].read())
        except ApplicationError as error:
            problems = error.details.get("problems", [])
            apply_errors(form, error)
        else:
            messages.success(request, _("%(n)d kegiatan diimpor.") % {"n": count})
            return HttpResponseRedirect(reverse("learning:list"))
    return render(request, "web/form.html", {"form": form, "title": _("Impor catatan pengembangan kompetensi"),
                                                  "cancel_url": reverse("learning:list"), "multipart": True,
                                                  "problems": problems},
                  status=400 if request.method == "POST" else 200)


@login_required
def compliance(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = _require(request, Resource.LEARNING_COMPLIANCE)
    form = ComplianceForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    on: dt.date = data.get("on") or timezone.localdate()
    national = scope.reach(Resource.LEARNING_COMPLIANCE, Action.VIEW) == Reach.NATIONAL
    instansi_id = data.get("instansi") if national else None
    instansi_choices = list(Instansi.objects.active().order_by("name").values_list("pk", "name")) if national else []
    if national and not instansi_id:
        return _national_compliance(request, on=on, instansi_choices=instansi_choices)
    summary = selectors.jp_compliance(viewer=request.user, on=on, instansi_id=instansi_id)
    rows = summary.behind if data.get("behind") else summary.rows
    q = (data.get("q") or "").lower()
    if q:
        rows = [r for r in rows if q in r.name.lower() or q in r.nip or q in r.unit_name.lower()]
    columns = [
        (_("NIP"), lambda r: r.nip), (_("Nama"), lambda r: r.name), (_("Jenis"), lambda r: r.employee_type),
        (_("Unit kerja"), lambda r: r.unit_name), (_("Status"), lambda r: r.status_label),
        (_("JP dihitung"), lambda r: r.counted_jp), (_("Batas JP"), lambda r: r.limit_jp),
        (_("Kekurangan JP"), lambda r: r.shortfall_jp), (_("Kelebihan JP"), lambda r: r.excess_jp),
        (_("Periode mulai"), lambda r: r.period_start.isoformat() if r.period_start else ""),
        (_("Periode akhir"), lambda r: r.period_end.isoformat() if r.period_end else ""),
    ]
    return list_page(request, queryset=Rows(rows), template="learning/compliance.html",
                     title=_("Kepatuhan JP pengembangan kompetensi"), columns=columns,
                     export_name="kepatuhan-jp", filter_form=form, estimate_count=False,
                     export_object_type="learning.compliance",
                     context={"summary": summary, "on": on, "instansi_id": instansi_id,
                              "status_counts": [(selectors.STATUS_LABELS.get(code, code), n)
                                                for code, n in sorted(summary.by_status.items())],
                              "instansi_choices": instansi_choices})


def _national_compliance(request: AuthenticatedRequest, *, on: dt.date,
                         instansi_choices: list[tuple[int, str]]) -> HttpResponseBase:
    """LAN's (and other national viewers') roll-up: one line per instansi, counts only; a
    line opens the instansi's per-employee list."""
    lines = selectors.jp_compliance_national(viewer=request.user, on=on)
    q = (request.GET.get("q") or "").strip().lower()
    if q:
        lines = [x for x in lines if q in x.name.lower() or q in x.code.lower()]

    def share(x: selectors.InstansiCompliance) -> str:
        return "" if x.pns_share is None else _fmt_jp(x.pns_share)

    columns = [
        (_("Kode"), lambda x: x.code), (_("Instansi"), lambda x: x.name),
        (_("Pegawai"), lambda x: x.employees), (_("PNS"), lambda x: x.pns),
        (_("PNS memenuhi"), lambda x: x.pns_met), (_("Persentase PNS memenuhi"), share),
        (_("PNS belum/tidak memenuhi"), lambda x: x.pns_behind), (_("PPPK"), lambda x: x.pppk),
        (_("PPPK melebihi batas"), lambda x: x.pppk_over),
        (_("Perlu kajian hukum"), lambda x: x.needs_legal_review),
        (_("Rata-rata JP dihitung"), lambda x: "" if x.average_jp is None else x.average_jp),
    ]
    employees = sum(x.employees for x in lines)
    pns = sum(x.pns for x in lines)
    pns_met = sum(x.pns_met for x in lines)
    return list_page(request, queryset=Rows(lines), template="learning/compliance_national.html",
                     title=_("Kepatuhan JP nasional per instansi"), columns=columns,
                     export_name="kepatuhan-jp-nasional", estimate_count=False,
                     export_object_type="learning.compliance_national",
                     context={"on": on, "q": q, "instansi_choices": instansi_choices,
                              "totals": {"employees": employees, "pns": pns, "pns_met": pns_met,
                                         "share": _fmt_jp(round(pns_met / pns * 100, 1)) if pns else None,
                                         "behind": sum(x.pns_behind for x in lines),
                                         "pppk_over": sum(x.pppk_over for x in lines)}})


@login_required
def my_learning(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.employee_id:
        raise PermissionDeniedError(_("Akun Anda tidak terhubung dengan data pegawai."))
    _require(request, Resource.LEARNING_RECORD)
    on = timezone.localdate()
    summary = selectors.jp_compliance(viewer=request.user, on=on, employee_id=request.user.employee_id)
    records = selectors.learning_record_list(viewer=request.user, employee_id=request.user.employee_id)[:50]
    return render(request, "learning/mine.html", {
        "title": _("Pembelajaran saya"), "row": summary.rows[0] if summary.rows else None, "records": records,
        "on": on, "can_create": Scope.of(request.user).can(Resource.LEARNING_RECORD, Action.CREATE),
    })


# ---------------------------------------------------------------- development plans


def _year(request: AuthenticatedRequest) -> int:
    raw = request.GET.get("tahun") or request.POST.get("year") or ""
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2200 else timezone.localdate().year


def _plan_page(request: AuthenticatedRequest, plan: Any, *, title: str, has_team: bool = False) -> HttpResponse:
    scope = Scope.of(request.user)
    can_update = scope.allows(Resource.DEVELOPMENT_PLAN, Action.UPDATE, instansi_id=plan.employee.instansi_id,
                              employee_id=plan.employee_id)
    return render(request, "learning/plan_detail.html", {
        "title": title, "plan": plan, "summary": development_plan_summary(plan), "can_update": can_update,
        "can_prepare": can_update, "year": plan.year, "has_team": has_team})


@login_required
def plan_mine(request: AuthenticatedRequest) -> HttpResponse:
    """The employee's development plan for a year (?tahun=)."""
    if not request.user.employee_id:
        raise PermissionDeniedError(_("Akun Anda tidak terhubung dengan data pegawai."))
    scope = _require(request, Resource.DEVELOPMENT_PLAN)
    year = _year(request)
    plan = selectors.development_plan_list(viewer=request.user, year=year).filter(
        employee_id=request.user.employee_id).first()
    has_team = selectors.development_team_plans(viewer=request.user, year=year).exists()
    if plan is None:
        return render(request, "learning/plan_detail.html", {
            "title": _("Rencana pengembangan saya"), "plan": None, "year": year,
            "can_prepare": scope.can(Resource.DEVELOPMENT_PLAN, Action.CREATE),
            "employee_id": request.user.employee_id, "has_team": has_team})
    return _plan_page(request, plan, title=_("Rencana pengembangan saya"), has_team=has_team)


@login_required
def plan_list(request: AuthenticatedRequest) -> HttpResponseBase:
    """The instansi's development plans (PyB, PPK, operator): planned vs done per employee."""
    _require(request, Resource.DEVELOPMENT_PLAN)
    form = PlanFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = selectors.development_plan_list(viewer=request.user, year=data.get("year"), q=data.get("q") or "")
    columns = [
        (_("NIP"), lambda p: p.employee.nip), (_("Pegawai"), lambda p: p.employee.full_name),
        (_("Unit kerja"), lambda p: p.employee.unit.name if p.employee.unit else ""),
        (_("Tahun"), lambda p: p.year), (_("Kebutuhan"), lambda p: p.need_count),
    ]
    return list_page(request, queryset=qs, template="learning/plan_list.html",
                     title=_("Rencana pengembangan kompetensi"), columns=columns,
                     export_name="rencana-pengembangan", filter_form=form,
                     export_object_type="learning.developmentplan",
                     context={"can_prepare": Scope.of(request.user).reach(Resource.DEVELOPMENT_PLAN, Action.CREATE)
                              >= Reach.INSTANSI, "this_year": timezone.localdate().year,
                              "can_team": Scope.of(request.user).can(Resource.DEVELOPMENT_TEAM)})


@login_required
def plan_team(request: AuthenticatedRequest) -> HttpResponseBase:
    """A superior's view: the development plans of the employees they appraise, planned vs
    done (policy: DEVELOPMENT_TEAM, qualified to the viewer's appraisees)."""
    _require(request, Resource.DEVELOPMENT_TEAM)
    form = PlanFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    year = data.get("year") or timezone.localdate().year
    plans = list(selectors.development_team_plans(viewer=request.user, year=year))
    q = (data.get("q") or "").strip().lower()
    if q:
        plans = [p for p in plans if q in p.employee.name.lower() or q == p.employee.nip]
    rows = Rows(selectors.development_plan_summaries(plans))
    columns = [
        (_("NIP"), lambda s: s.plan.employee.nip), (_("Pegawai"), lambda s: s.plan.employee.full_name),
        (_("Jabatan"), lambda s: str(s.plan.employee.position or "")), (_("Tahun"), lambda s: s.plan.year),
        (_("Kebutuhan"), lambda s: len(s.needs)), (_("Kebutuhan selesai"), lambda s: s.done_count),
        (_("JP direncanakan"), lambda s: float(s.planned_jp)),
        (_("JP untuk kebutuhan"), lambda s: float(s.gap_jp)), (_("JP tahun ini"), lambda s: float(s.year_jp)),
    ]
    return list_page(request, queryset=rows, template="learning/plan_team.html",
                     title=_("Rencana pengembangan tim saya"), columns=columns,
                     export_name="rencana-pengembangan-tim", filter_form=form, estimate_count=False,
                     export_object_type="learning.developmentplan", context={"year": year})


@login_required
def plan_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = selectors.development_plan_get(viewer=request.user, pk=pk)
    return _plan_page(request, plan, title=_("Rencana pengembangan: %(name)s") % {"name": plan.employee.full_name})


@login_required
def plan_prepare(request: AuthenticatedRequest) -> HttpResponse:
    """POST: prepare (or refresh from the performance ratings) an employee's plan for a year."""
    if request.method != "POST":
        return HttpResponseRedirect(reverse("learning:plan_mine"))
    raw = request.POST.get("employee") or ""
    employee_id = int(raw) if raw.isdigit() and len(raw) < 19 else (request.user.employee_id or 0)
    nip = (request.POST.get("nip") or "").strip()
    if nip:  # an operator prepares the plan of an employee of the instansi by NIP
        employee_id = Employee.objects.filter(nip=nip[:30]).values_list("pk", flat=True).first() or 0
    try:
        plan = development.development_plan_prepare(actor=request.user, interface=Interface.WEB,
                                                    employee_id=employee_id, year=_year(request))
    except ApplicationError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(reverse("learning:plan_mine"))
    messages.success(request, _("Rencana pengembangan disusun; kebutuhan dari penilaian kinerja dimasukkan."))
    if plan.employee_id == request.user.employee_id:
        return HttpResponseRedirect(reverse("learning:plan_mine") + f"?tahun={plan.year}")
    return HttpResponseRedirect(reverse("learning:plan_detail", args=[plan.pk]))


def _back(request: AuthenticatedRequest, plan: Any) -> str:
    if plan.employee_id == request.user.employee_id:
        return reverse("learning:plan_mine") + f"?tahun={plan.year}"
    return reverse("learning:plan_detail", args=[plan.pk])


@login_required
def need_add(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = selectors.development_plan_get(viewer=request.user, pk=pk)
    back = _back(request, plan)
    form = NeedForm(request.POST or None)
    return form_page(request, form=form, template="web/form.html", title=_("Tambah kebutuhan pengembangan"),
                     submit=lambda d: development.development_need_add(actor=request.user, interface=Interface.WEB,
                                                                       plan=plan, **d),
                     success_url=lambda _o: back, success_message=_("Kebutuhan ditambahkan."),
                     context={"cancel_url": back})


@login_required
def record_link(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """POST: link one of the employee's learning records of the year to a need."""
    need = DevelopmentNeed.objects.select_related("plan").filter(pk=pk).first()
    if need is None:
        raise NotFoundError(_("Kebutuhan pengembangan tidak ditemukan."))
    plan = selectors.development_plan_get(viewer=request.user, pk=need.plan_id)
    back = _back(request, plan)
    if request.method != "POST":
        return HttpResponseRedirect(back)
    raw = request.POST.get("record") or ""
    record = (LearningRecord.objects.filter(pk=int(raw)).first() if raw.isdigit() and len(raw) < 19 else None)
    try:
        development.development_record_link(actor=request.user, interface=Interface.WEB, need=need, record=record)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Catatan pembelajaran ditautkan ke kebutuhan."))
    return HttpResponseRedirect(back)
