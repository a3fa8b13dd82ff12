from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.accounts.selectors import audit_list
from simasn.actions import disclosure, selectors, services, workflow
from simasn.actions.documents import document_bytes
from simasn.actions.forms import (
    ActionDraftForm,
    ActionFilterForm,
    ProjectionForm,
    StepForm,
    facts_shown,
)
from simasn.actions.models import ActionDocument, PersonnelAction
from simasn.actions.progress import action_progress
from simasn.actions.summary import latest_refresh
from simasn.actions.worklist import instansi_worklist
from simasn.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.services import export_record
from simasn.positions.models import POSITION_KIND_CHOICES
from simasn.web.exports import csv_response, xlsx_response
from simasn.web.pages import apply_errors, form_page, list_page, not_allowed_message

STEP_SERVICES: dict[str, Callable[..., PersonnelAction]] = {
    "propose": services.action_propose,
    "accept": services.action_accept,
    "decide": services.action_decide,
    "reject": services.action_reject,
    "withdraw": services.action_withdraw,
}
STEP_NOTES = {
    "propose": _("Tindakan akan diusulkan kepada Pejabat Pembina Kepegawaian."),
    "accept": _("Instansi Anda menyatakan menerima pegawai ini."),
    "decide": _("Keputusan ditetapkan, nomor SK diberikan dan berkas SK disimpan permanen. "
                "Langkah ini tidak dapat dibatalkan."),
    "reject": _("Tindakan ditolak dan ditutup. Langkah ini tidak dapat dibatalkan."),
    "withdraw": _("Tindakan ditarik dan ditutup. Langkah ini tidak dapat dibatalkan."),
}


def _require_view(request: AuthenticatedRequest) -> Scope:
    scope = Scope.of(request.user)
    if not scope.can(Resource.ACTION):
        raise PermissionDeniedError(not_allowed_message())
    return scope


@login_required
def action_list(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = _require_view(request)
    form = ActionFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    waiting = request.GET.get("menunggu", "")
    if waiting in selectors.WAITING_KINDS:
        # From the dashboard's "Menunggu tindakan Anda": only what waits for this user.
        base = selectors.actions_waiting(viewer=request.user, kind=waiting)
        qs = selectors.action_list(viewer=request.user, q=data.get("q", ""), state=data.get("state", ""),
                                   action_type=data.get("action_type", "")).filter(pk__in=base.values("pk"))
    else:
        qs = selectors.action_list(viewer=request.user, q=data.get("q", ""), state=data.get("state", ""),
                                   action_type=data.get("action_type", ""),
                                   employee_id=int(request.GET["pegawai"]) if request.GET.get("pegawai", "").isdigit() else None)
    columns = [
        (_("Jenis"), lambda a: a.get_action_type_display()),
        (_("Pegawai"), lambda a: a.employee.full_name if a.employee_id else a.candidate_name),
        (_("NIP"), lambda a: a.employee.nip if a.employee_id else ""),
        (_("Instansi"), lambda a: a.instansi.name),
        (_("Status"), lambda a: a.get_state_display()),
        (_("TMT"), lambda a: a.tmt.isoformat() if a.tmt else ""),
        (_("Nomor SK"), lambda a: a.sk_number or ""),
        (_("Penetap"), lambda a: a.decider),
        (_("Dasar hukum"), lambda a: "; ".join(a.citations)),
    ]
    return list_page(request, queryset=qs, template="actions/list.html", title=_("Tindakan kepegawaian"),
                     columns=columns, export_name="tindakan-kepegawaian", filter_form=form,
                     export_object_type="actions.personnelaction",
                     context={"can_create": scope.can(Resource.ACTION, Action.CREATE),
                              "can_worklist": scope.reach(Resource.EMPLOYEE, Action.VIEW) >= Reach.INSTANSI,
                              "can_project": scope.can(Resource.AGGREGATE)})


@login_required
def action_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_view(request)
    action = selectors.action_get(viewer=request.user, pk=pk)
    document = ActionDocument.objects.filter(action=action, kind="SK").first()
    history = list(audit_list(viewer=request.user, object_type="actions.personnelaction",
                              object_id=str(action.pk)).order_by("occurred_at", "id"))
    return render(request, "actions/detail.html", {
        "title": str(action), "action": action, "document": document,
        "steps": workflow.allowed(request.user, action), "history": history,
        "progress": action_progress(action, on=timezone.localdate()),
        "facts": facts_shown(action.facts or {}),
    })


@login_required
def action_create(request: AuthenticatedRequest) -> HttpResponse:
    """The draft form of one action type: choosing the type swaps the fields (htmx GET of
    this page, which also works without script through the "Tampilkan isian" button)."""
    if not Scope.of(request.user).can(Resource.ACTION, Action.CREATE):
        raise PermissionDeniedError(not_allowed_message())
    source = request.POST if request.method == "POST" else request.GET
    action_type = source.get("action_type", "")
    initial = {k: request.GET[k] for k in ("action_type", "employee", "position", "ground") if request.GET.get(k)}
    form = ActionDraftForm(request.POST or None, viewer=request.user, initial=initial, action_type=action_type,
                           position_q=source.get("position_q", ""))
    return form_page(
        request, form=form, template="actions/draft_form.html", title=_("Konsep tindakan kepegawaian"),
        submit=lambda d: services.action_draft(actor=request.user, interface=Interface.WEB,
                                               **form.service_kwargs()),
        success_url=lambda o: reverse("actions:detail", args=[o.pk]),
        success_message=_("Konsep tindakan disimpan."),
        context={"cancel_url": reverse("actions:list"), "action_type": form.kind,
                 "position_q": source.get("position_q", ""),
                 "has_position": "position" in form.fields,
                 "is_transfer": form.kind == "TRANSFER"},
    )


@login_required
def action_step(request: AuthenticatedRequest, pk: int, step: str) -> HttpResponse:
    """A confirmation page for every step; the POST calls the step's service."""
    _require_view(request)
    if step not in STEP_SERVICES:
        raise NotFoundError(_("Langkah tidak dikenal."))
    action = selectors.action_get(viewer=request.user, pk=pk)
    transition = workflow.TRANSITIONS[step]
    form = StepForm(request.POST or None, initial={"version": action.version})
    if request.method == "POST" and form.is_valid():
        kwargs: dict[str, Any] = {"actor": request.user, "interface": Interface.WEB, "action_id": action.pk,
                                  "expected_version": form.cleaned_data["version"]}
        if transition.needs_reason:
            kwargs["reason"] = form.cleaned_data.get("reason") or ""
        try:
            STEP_SERVICES[step](**kwargs)
        except ApplicationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Langkah \"%(step)s\" berhasil.") % {"step": transition.label})
            return redirect("actions:detail", pk=action.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "actions/confirm.html", {
        "title": f"{transition.label}: {action}", "action": action, "transition": transition,
        "form": form, "note": STEP_NOTES[step],
    }, status=status)


@login_required
def action_document(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require_view(request)
    action = selectors.action_get(viewer=request.user, pk=pk)
    document = selectors.document_get(viewer=request.user, action=action)
    data = document_bytes(document)
    response = HttpResponse(data, content_type="application/pdf")
    safe = (action.sk_number or str(action.pk)).replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="SK-{safe}.pdf"'
    response["X-Content-SHA256"] = document.sha256
    return response


def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public (no login): is this a decree SIMASN issued? Number, date, issuer and hash only.

    A POSTed file is hashed and compared with the recorded SHA-256 (nothing is stored).
    """
    found = selectors.document_verification(code=code)
    match: bool | None = None
    upload = request.FILES.get("berkas") if request.method == "POST" else None
    if found is not None and isinstance(upload, UploadedFile):
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        match = digest.hexdigest() == found["sha256"]
    return render(request, "actions/verify.html", {
        "title": _("Verifikasi keputusan"), "found": found, "code": code, "match": match,
    }, status=200 if found is not None else 404)


def _instansi_param(request: HttpRequest) -> int | None:
    raw = request.GET.get("instansi", "")
    if raw.isdigit():
        return int(raw)
    return getattr(request.user, "instansi_id", None)


@login_required
def worklist(request: AuthenticatedRequest) -> HttpResponse:
    scope = Scope.of(request.user)
    if scope.reach(Resource.EMPLOYEE, Action.VIEW) < Reach.INSTANSI:
        raise PermissionDeniedError(not_allowed_message())
    today = timezone.localdate()
    data = instansi_worklist(viewer=request.user, on=today, instansi_id=_instansi_param(request))
    return render(request, "actions/worklist.html", {
        "title": _("Daftar kerja tindakan kepegawaian"), "today": today, **data,
        "can_create": scope.can(Resource.ACTION, Action.CREATE),
    })


@login_required
def retirement_register(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = Scope.of(request.user)
    if scope.reach(Resource.EMPLOYEE, Action.VIEW) < Reach.INSTANSI:
        raise PermissionDeniedError(not_allowed_message())
    today = timezone.localdate()
    months = max(1, min(int(request.GET.get("bulan", "12") or 12) if request.GET.get("bulan", "12").isdigit() else 12, 120))
    instansi_id = _instansi_param(request) if request.GET.get("instansi") else None
    overdue_qs = selectors.retirement_overdue(viewer=request.user, on=today, instansi_id=instansi_id)
    overdue = request.GET.get("kelompok") == "terlambat"
    if overdue:
        qs = overdue_qs
        title = _("Register pensiun: melewati BUP, belum ada keputusan")
    else:
        qs = selectors.retirement_register(viewer=request.user, on=today, months=months,
                                           instansi_id=instansi_id, without_overdue=True)
        title = _("Register pensiun (%(n)s bulan ke depan)") % {"n": months}

    def tmt(e: Any) -> str:
        return f"{e.tmt_year:04d}-{e.tmt_month:02d}-01"

    columns = [
        (_("NIP"), lambda e: e.nip), (_("Nama"), lambda e: e.full_name),
        (_("Instansi"), lambda e: e.instansi.name), (_("Jenis"), lambda e: e.employee_type),
        (_("Jabatan"), lambda e: e.position.name if e.position else ""),
        (_("Jenis jabatan"), lambda e: e.position.kind if e.position else ""),
        (_("Golongan"), lambda e: e.rank), (_("BUP"), lambda e: e.bup_age),
        (_("TMT pensiun"), tmt),
    ]
    return list_page(request, queryset=qs, template="actions/register.html",
                     title=title,
                     columns=columns, export_name="register-pensiun-terlambat" if overdue else "register-pensiun",
                     export_object_type="actions.register",
                     context={"months": months, "tmt": tmt, "overdue": overdue,
                              "overdue_count": None if overdue else overdue_qs.count()},
                     # The planner cannot estimate a filter on the BUP CASE (93,000 for 192,586 at 4.3 M):
                     # count exactly (0.75 s nationally, 30 ms for an instansi).
                     estimate_count=False)


def _period_label(month_index: int) -> str:
    """'Desember 2026 – November 2027': the twelve months from ``month_index`` (year*12+month-1)."""
    first_year, first_month = divmod(month_index, 12)
    last_year, last_month = divmod(month_index + 11, 12)
    return f"{MONTHS[first_month + 1]} {first_year} – {MONTHS[last_month + 1]} {last_year}"


@login_required
def retirement_projection(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = Scope.of(request.user)
    if not scope.can(Resource.AGGREGATE):
        raise PermissionDeniedError(not_allowed_message())
    form = ProjectionForm(request.GET or None)
    years = (form.cleaned_data.get("years") if form.is_valid() else None) or 5
    instansi_id = int(request.GET["instansi"]) if request.GET.get("instansi", "").isdigit() else None
    today = timezone.localdate()
    # This month's overdue are counted once, in the "overdue" bucket below, not again in this month.
    rows = disclosure.protect(selectors.projection_less_overdue(selectors.projection_rows(selectors.retirement_projection(
        viewer=request.user, years=years, on=today, instansi_id=instansi_id)),
        viewer=request.user, on=today, instansi_id=instansi_id), viewer=request.user)
    exact = disclosure.exact_counts_allowed(request.user)
    columns = [
        (_("Tahun"), lambda r: r["tmt_year"]), (_("Bulan"), lambda r: r["tmt_month"]),
        (_("Jenis pegawai"), lambda r: r["employee_type"]), (_("Jenis jabatan"), lambda r: r["position_kind"] or ""),
        (_("Golongan"), lambda r: r["rank"]),
        (_("Jumlah"), lambda r: disclosure.shown(r["total"], viewer_exact=exact)),
        (_("Lahir 29 Februari (perlu kajian hukum)"),
         lambda r: disclosure.shown(r["leap_day"], viewer_exact=exact) if r["leap_day"] != 0 else 0),
    ]
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        export_record(actor=request.user, interface=Interface.WEB, object_type="actions.retirement_projection",
                      instansi_id=getattr(request.user, "instansi_id", None),
                      extra={"format": fmt, "years": years, "instansi": instansi_id})
        name = f"proyeksi-pensiun-{today.isoformat()}"
        if fmt == "csv":
            return csv_response(name, columns, rows)
        return xlsx_response(name, columns, rows, title=_("Proyeksi pensiun"))
    kind_labels = {code: str(label) for code, label in POSITION_KIND_CHOICES}
    rows = [{**row, "position_kind_label": kind_labels.get(row["position_kind"] or "", row["position_kind"] or "-")}
            for row in rows]
    # "N tahun ke depan" is N periods of twelve months from this month (not the calendar years
    # they touch, which would be N + 1 rows); each period is labelled by its first and last month.
    start = today.year * 12 + today.month - 1
    periods = [_period_label(start + 12 * n) for n in range(years)]
    rows = [{**row, "tmt_month_name": MONTHS[row["tmt_month"]]} for row in rows]
    by_year: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    kinds: set[str] = set()
    for row in rows:
        kind = row["position_kind"] or "-"
        kinds.add(kind)
        period = (row["tmt_year"] * 12 + row["tmt_month"] - 1 - start) // 12
        # Totals add up the cells this viewer sees: a suppressed cell cannot be recovered.
        by_year[period][kind] += row["total"] or 0
        by_year[period]["_total"] += row["total"] or 0
    # The "overdue" bucket: TMT pensiun already past, no decision (first row of the table).
    overdue_counts = selectors.retirement_overdue_counts(viewer=request.user, on=today, instansi_id=instansi_id)
    kinds.update(overdue_counts)
    kinds_sorted = sorted(kinds)
    summary: list[dict[str, Any]] = [
        {"year": periods[y], "period": y, "cells": [disclosure.shown(by_year[y].get(k, 0), viewer_exact=exact) for k in kinds_sorted],
         "total": disclosure.shown(by_year[y]["_total"], viewer_exact=exact)}
        for y in range(years)]
    chart = {"type": "bar", "data": {"labels": [s["year"] for s in summary], "datasets": [
        {"label": kind_labels.get(k, k), "data": [by_year[s["period"]].get(k, 0) for s in summary]}
        for k in kinds_sorted]},
        "options": {"scales": {"x": {"stacked": True}, "y": {"stacked": True}}}}
    overdue_row = {
        "cells": [disclosure.shown(overdue_counts.get(k, 0), viewer_exact=exact) for k in kinds_sorted],
        "total": disclosure.shown(sum(overdue_counts.values()), viewer_exact=exact),
    } if overdue_counts else None
    national = scope.reach(Resource.AGGREGATE, Action.VIEW) == Reach.NATIONAL
    latest = latest_refresh() if national and not instansi_id else None
    return render(request, "actions/projection.html", {
        "summary_at": latest.refreshed_at if latest else None,
        "title": _("Proyeksi pensiun"), "rows": rows, "summary": summary, "overdue": overdue_row,
        "kinds": [kind_labels.get(k, k) for k in kinds_sorted],
        "years": years, "form": form, "national": national and not instansi_id, "chart": chart,
        "querystring": request.GET.urlencode(),
        "suppressed": sum(1 for row in rows if row["suppressed"]), "min_cell": disclosure.minimum_cell(),
    })
