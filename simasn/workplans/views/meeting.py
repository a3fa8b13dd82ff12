"""Screens of the analysis, the discussion meeting and the berita acara (Pasal 5 ayat (5),
(6), Pasal 6).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.core.errors import NotFoundError
from simasn.core.services import export_record
from simasn.web.pages import form_page
from simasn.workplans import analysis, analysis_export, pdf, selectors, services
from simasn.workplans import forms as f
from simasn.workplans.models import Attendance, BeritaAcara, Draft, Meeting, OverlapDecision
from simasn.workplans.views._common import W, _can, _file, _form_errors, _require, _run

# --- analysis and meeting ------------------------------------------------------------------------

@login_required
def analysis_page(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    _require(request, Resource.WORKPLAN_MEETING)
    kind = request.GET.get("jenis") or (Draft.Kind.SELARAS if cycle.drafts.filter(kind=Draft.Kind.SELARAS).exists()
                                        else Draft.Kind.USULAN)
    result = analysis.analyse_cycle(cycle, kind=kind)
    if request.GET.get("format") == "xlsx":
        export_record(actor=request.user, interface=W, obj=cycle,
                      extra={"format": "xlsx", "what": "analysis", "kind": kind})
        return _file(analysis_export.analysis_xlsx(result), f"analisis-sinkronisasi-{pk}.xlsx",
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return render(request, "workplans/analysis.html", {
        "title": _("Analisis sinkronisasi: %(c)s") % {"c": cycle}, "cycle": cycle, "result": result, "kind": kind,
        "chart": result.chart(), "Kind": Draft.Kind,
        "can_mark": _can(request, Resource.WORKPLAN_LABEL, Action.CREATE) and not cycle.is_superseded,
        "activities": result.activities})


@login_required
def meeting_open(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    _require(request, Resource.WORKPLAN_MEETING, Action.CREATE)
    return form_page(request, form=f.MeetingForm(request.POST or None, initial={"held_on": timezone.localdate()}),
                     template="web/form.html", base_template="workplans/base.html", title=_("Buka pertemuan pembahasan (Pasal 5 ayat (5))"),
                     submit=lambda d: services.meeting_open(actor=request.user, interface=W, cycle=cycle, **d),
                     success_url=lambda o: reverse("workplans:meeting", args=[pk]),
                     success_message=_("Pertemuan dibuka; dugaan tumpang tindih siap diputuskan."),
                     context={"cancel_url": reverse("workplans:cycle_detail", args=[pk])})


@login_required
def meeting_page(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    _require(request, Resource.WORKPLAN_MEETING)
    meeting = Meeting.objects.filter(cycle=cycle).first()
    if meeting is None:
        raise NotFoundError(_("Pertemuan belum dibuka."))
    back = reverse("workplans:meeting", args=[pk])
    if request.method == "POST":
        op = request.POST.get("op")
        form: forms.Form | None = None
        if op == "attendance":
            att = Attendance.objects.get(meeting=meeting, pk=request.POST.get("attendance", ""))
            form = f.AttendanceForm(request.POST)
            if form.is_valid():
                cleaned = form.cleaned_data
                return _run(request, lambda: services.attendance_set(
                    actor=request.user, interface=W, attendance=att, **cleaned), _("Kehadiran dicatat."), back)
        elif op == "guest":
            form = f.GuestForm(request.POST)
            if form.is_valid():
                cleaned = form.cleaned_data
                return _run(request, lambda: services.guest_add(
                    actor=request.user, interface=W, meeting=meeting, **cleaned), _("Undangan dicatat."), back)
        elif op == "decide":
            overlap = OverlapDecision.objects.get(meeting=meeting, pk=request.POST.get("overlap", ""))
            form = f.DecisionForm(request.POST)
            if form.is_valid():
                cleaned = form.cleaned_data
                return _run(request, lambda: services.overlap_decide(
                    actor=request.user, interface=W, overlap=overlap, **cleaned),
                    _("Keputusan dicatat."), back + f"#tt-{overlap.pk}")
        elif op == "close":
            form = f.CloseMeetingForm(request.POST)
            if form.is_valid():
                cleaned = form.cleaned_data
                return _run(request, lambda: services.meeting_close(
                    actor=request.user, interface=W, meeting=meeting, **cleaned),
                    _("Pertemuan selesai; rancangan selaras dan berita acara dibuat."),
                    reverse("workplans:cycle_detail", args=[pk]))
        messages.error(request, _form_errors(form) if form is not None else _("Permintaan tidak dikenal."))
        return HttpResponseRedirect(back)
    can_edit = _can(request, Resource.WORKPLAN_MEETING, Action.UPDATE) and meeting.status == Meeting.Status.OPEN
    overlaps = list(meeting.overlaps.select_related("activity_a__program__draft__institution",
                                                    "activity_b__program__draft__institution"))
    return render(request, "workplans/meeting.html", {
        "title": _("Pertemuan pembahasan: %(c)s") % {"c": cycle}, "cycle": cycle, "meeting": meeting,
        "attendance": meeting.attendance.select_related("institution"), "guests": meeting.guests.all(),
        "overlaps": analysis.explain_decisions(overlaps),
        "can_edit": can_edit, "guest_form": f.GuestForm(), "decision_form": f.DecisionForm(),
        "close_form": f.CloseMeetingForm(), "Decision": OverlapDecision.Decision, "Side": OverlapDecision.Side,
    })


# --- berita acara -----------------------------------------------------------------------------

def _ba_for(request: AuthenticatedRequest, pk: int) -> BeritaAcara:
    """The berita acara of a cycle the viewer sees, or one sent to the viewer (Pasal 7)."""
    try:
        cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    except NotFoundError:
        sent = selectors.coordination_list(viewer=request.user).filter(cycle_id=pk).first()
        if sent is None:
            raise
        cycle = sent.cycle
    ba = BeritaAcara.objects.filter(cycle=cycle).first()
    if ba is None:
        raise NotFoundError(_("Berita acara belum dibuat."))
    return ba


@login_required
def berita_acara_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    ba = _ba_for(request, pk)
    return FileResponse(ba.pdf.open("rb"), content_type="application/pdf", filename=f"berita-acara-{pk}.pdf")


@login_required
@require_POST
def berita_acara_sign(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    ba = _ba_for(request, pk)
    return _run(request, lambda: services.berita_acara_sign(actor=request.user, interface=W, berita_acara=ba),
                _("Berita acara ditandatangani secara elektronik."), reverse("workplans:cycle_detail", args=[pk]))


@login_required
def berita_acara_verify(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    ba = _ba_for(request, pk)
    data = ba.pdf.open("rb").read()
    return render(request, "workplans/verify.html", {
        "title": _("Verifikasi berita acara %(n)s") % {"n": ba.number}, "ba": ba, "checks": pdf.verify_pdf(data),
        "actual_sha256": pdf.sha256(data), "matches": pdf.sha256(data) == ba.sha256,
        "signatures": ba.signatures.select_related("institution"), "form": f.VerifyForm()})


@login_required
def verify_upload(request: AuthenticatedRequest) -> HttpResponseBase:
    """Anyone signed in may check a berita acara PDF they received."""
    form = f.VerifyForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"title": _("Periksa keaslian berita acara"), "form": form}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        digest = pdf.sha256(data)
        try:
            checks = pdf.verify_pdf(data)
        except Exception:  # a file that is not a PDF: show it as unverifiable, never a 500
            checks = []
        context.update({"checks": checks, "actual_sha256": digest, "uploaded": True,
                        "known": BeritaAcara.objects.filter(sha256=digest).first()})
    return render(request, "workplans/verify.html", context)
