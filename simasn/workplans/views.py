"""Screens of the PermenRK procedure. Thin: parse, call a service or selector, render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from simasn.accounts.policy import Action, Reach, Resource
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.web import form_page, list_page, not_allowed_message
from simasn.workplans import access, analysis, pdf, selectors, services, xlsx
from simasn.workplans import forms as f
from simasn.workplans.models import (
    Activity,
    Attendance,
    BeritaAcara,
    Draft,
    DraftProgram,
    Meeting,
    OverlapDecision,
    Stage,
)

W = Interface.WEB


def _can(request: HttpRequest, resource: Resource, action: Action = Action.VIEW) -> bool:
    return access.reach(request.user, resource, action) > Reach.NONE


def _require(request: HttpRequest, resource: Resource, action: Action = Action.VIEW) -> None:
    if not _can(request, resource, action):
        raise PermissionDeniedError(not_allowed_message())


def _run(request: HttpRequest, call: Callable[[], Any], ok: str, back: str) -> HttpResponseBase:
    """Run a service from a POST; a refusal becomes a message on the page it came from."""
    try:
        call()
    except ApplicationError as error:
        details = [m for msgs in error.fields.values() for m in msgs]
        messages.error(request, " ".join([error.message, *details]))
    else:
        messages.success(request, ok)
    return HttpResponseRedirect(back)


def _form_errors(form: forms.BaseForm) -> str:
    return "; ".join(f"{form.fields[k].label if k in form.fields else ''}: {' '.join(str(m) for m in v)}".strip(": ")
                     for k, v in form.errors.items())


def _file(data: bytes | Any, name: str, content_type: str) -> HttpResponseBase:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- cycles -------------------------------------------------------------------------------

@login_required
def cycle_list(request: HttpRequest) -> HttpResponseBase:
    _require(request, Resource.WORKPLAN)
    form = f.CycleFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = selectors.cycle_list(viewer=request.user, q=data.get("q", ""), stage=data.get("stage", ""))
    columns = [
        (_("Judul"), lambda o: str(o)), (_("Cakupan"), lambda o: o.get_scope_kind_display()),
        (_("Tahun"), lambda o: f"{o.year_start}-{o.year_end}"), (_("Tanggal siklus"), lambda o: o.reference_date),
        (_("Tahap"), lambda o: o.get_stage_display()), (_("Terlambat"), lambda o: _("ya") if o.is_late else ""),
    ]
    return list_page(request, queryset=qs, template="workplans/cycle_list.html", title=_("Sinkronisasi rencana kerja"),
                     columns=columns, export_name="siklus-sinkronisasi", filter_form=form, context={
                         "can_create": _can(request, Resource.WORKPLAN, Action.CREATE),
                         "create_url": reverse("workplans:cycle_create"),
                         "unread": selectors.notification_list(viewer=request.user).filter(read_at__isnull=True).count(),
                     })


@login_required
def cycle_create(request: HttpRequest) -> HttpResponseBase:
    _require(request, Resource.WORKPLAN, Action.CREATE)
    form = f.CycleForm(request.POST or None, policies=selectors.policy_list(viewer=request.user),
                       cycles=selectors.cycle_list(viewer=request.user))
    return form_page(request, form=form, template="workplans/form.html", title=_("Siklus sinkronisasi baru"),
                     submit=lambda d: services.cycle_create(actor=request.user, interface=W, **d),
                     success_url=lambda o: reverse("workplans:cycle_detail", args=[o.pk]),
                     success_message=_("Siklus dibuat; peserta diambil dari registri pada tanggal siklus."))


@login_required
def cycle_detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    user = request.user
    own = access.institution_id_of(user)
    drafts = selectors.draft_list(viewer=user, cycle=cycle)
    ba = BeritaAcara.objects.filter(cycle=cycle).first()
    signed = {s.institution_id: s for s in ba.signatures.select_related("signer")} if ba else {}
    participants = list(cycle.participants.select_related("institution"))
    context = {
        "title": str(cycle), "cycle": cycle, "participants": participants,
        "stages": [(value, label, i <= cycle.stage_index) for i, (value, label) in enumerate(Stage.choices)],
        "agenda": getattr(cycle, "agenda", None), "drafts": drafts,
        "meeting": Meeting.objects.filter(cycle=cycle).first(), "ba": ba,
        "signature_rows": [(p, signed.get(p.institution_id)) for p in participants],
        "coordinations": cycle.coordinations.prefetch_related("recipients__institution"),
        "revisions": selectors.revision_chain(cycle),
        "can_run": _can(request, Resource.WORKPLAN_MEETING, Action.CREATE),
        "can_sign": (ba is not None and not ba.is_sealed and own in {p.institution_id for p in participants}
                     and own not in signed and access.allows(user, Resource.WORKPLAN_SIGNATURE, Action.CREATE,
                                                             institution_id=own)),
        "can_coordinate": _can(request, Resource.WORKPLAN_COORDINATION, Action.CREATE),
        "can_revise": _can(request, Resource.WORKPLAN, Action.CREATE) and not cycle.is_superseded,
        "Stage": Stage,
        "calendar": _calendar(cycle),
    }
    return render(request, "workplans/cycle_detail.html", context)


def _calendar(cycle: Any) -> list[Any]:
    from simasn.law.parameters import ParameterError
    from simasn.workplans.calendar import milestones

    year = services.first_budget_year(scope_kind=cycle.scope_kind, year_start=cycle.year_start,
                                      on=cycle.reference_date)
    try:
        return milestones(budget_year=year, on=cycle.reference_date)
    except ParameterError:
        return []


# --- Arah Kebijakan -------------------------------------------------------------------------

@login_required
def policy_list(request: HttpRequest) -> HttpResponseBase:
    _require(request, Resource.WORKPLAN_POLICY)
    return render(request, "workplans/policy_list.html", {
        "title": _("Arah Kebijakan Manajemen ASN"), "policies": selectors.policy_list(viewer=request.user),
        "can_create": _can(request, Resource.WORKPLAN_POLICY, Action.CREATE)})


@login_required
def policy_create(request: HttpRequest) -> HttpResponseBase:
    _require(request, Resource.WORKPLAN_POLICY, Action.CREATE)
    return form_page(request, form=f.PolicyForm(request.POST or None), template="workplans/form.html",
                     title=_("Arah Kebijakan baru"),
                     submit=lambda d: services.policy_create(actor=request.user, interface=W, **d),
                     success_url=lambda o: reverse("workplans:policy_detail", args=[o.pk]),
                     success_message=_("Arah Kebijakan dibuat sebagai konsep."))


@login_required
def policy_detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    policy = selectors.policy_get(viewer=request.user, pk=pk)
    back = reverse("workplans:policy_detail", args=[pk])
    can_edit = _can(request, Resource.WORKPLAN_POLICY, Action.UPDATE) and not policy.is_published
    if request.method == "POST":
        op = request.POST.get("op")
        form: forms.BaseForm | None
        if op == "program":
            form = f.PolicyProgramForm(request.POST, prefix="program")
            if form.is_valid():
                cleaned = form.cleaned_data
                return _run(request, lambda: services.policy_program_add(
                    actor=request.user, interface=W, policy=policy, **cleaned), _("Program ditambahkan."), back)
        elif op == "indicator":
            form = f.PolicyIndicatorForm(request.POST, policy=policy, prefix="indicator")
            if form.is_valid():
                cleaned = form.cleaned_data
                return _run(request, lambda: services.policy_indicator_add(
                    actor=request.user, interface=W, **cleaned), _("Indikator ditambahkan."), back)
        elif op == "publish":
            return _run(request, lambda: services.policy_publish(actor=request.user, interface=W, policy=policy),
                        _("Arah Kebijakan ditetapkan."), back)
        elif op == "version":
            form = f.NoteForm(request.POST)
            if form.is_valid():
                try:
                    new = services.policy_new_version(actor=request.user, interface=W, policy=policy,
                                                      change_note=form.cleaned_data["change_note"])
                except ApplicationError as error:
                    messages.error(request, error.message)
                    return HttpResponseRedirect(back)
                messages.success(request, _("Versi baru dibuat sebagai konsep."))
                return HttpResponseRedirect(reverse("workplans:policy_detail", args=[new.pk]))
        else:
            form = None
        messages.error(request, _form_errors(form) if form is not None else _("Permintaan tidak dikenal."))
        return HttpResponseRedirect(back)
    return render(request, "workplans/policy_detail.html", {
        "title": str(policy), "policy": policy, "can_edit": can_edit,
        "can_version": _can(request, Resource.WORKPLAN_POLICY, Action.CREATE) and policy.is_published,
        "program_form": f.PolicyProgramForm(prefix="program"),
        "indicator_form": f.PolicyIndicatorForm(policy=policy, prefix="indicator"),
        "note_form": f.NoteForm(), "versions": selectors.policy_list(viewer=request.user).filter(title=policy.title),
    })


# --- agenda -------------------------------------------------------------------------------

@login_required
def agenda_send(request: HttpRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    _require(request, Resource.WORKPLAN_MEETING, Action.CREATE)
    initial = {"letter_date": timezone.localdate(), "body": _(
        "Sehubungan dengan pelaksanaan sinkronisasi Rencana Kerja di bidang Manajemen ASN, mohon Saudara menyusun "
        "bahan rancangan Rencana Kerja dengan mengacu pada Arah Kebijakan yang telah ditetapkan dan memperhatikan "
        "hasil evaluasi pelaksanaan Rencana Kerja periode sebelumnya.")}
    return form_page(request, form=f.AgendaForm(request.POST or None, initial=initial), template="workplans/form.html",
                     title=_("Kirim agenda penyusunan (Pasal 5 ayat (1))"),
                     submit=lambda d: services.agenda_send(actor=request.user, interface=W, cycle=cycle, **d),
                     success_url=lambda o: reverse("workplans:cycle_detail", args=[pk]),
                     success_message=_("Agenda dikirim kepada pimpinan peserta."),
                     context={"cancel_url": reverse("workplans:cycle_detail", args=[pk])})


@login_required
def agenda_pdf(request: HttpRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    agenda = getattr(cycle, "agenda", None)
    if agenda is None or not agenda.pdf:
        raise NotFoundError(_("Agenda belum dikirim."))
    return FileResponse(agenda.pdf.open("rb"), content_type="application/pdf", filename=f"agenda-{pk}.pdf")


# --- drafts --------------------------------------------------------------------------------

@login_required
def draft_detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    draft = selectors.draft_get(viewer=request.user, pk=pk)
    back = reverse("workplans:draft_detail", args=[pk])
    can_edit = access.allows(request.user, Resource.WORKPLAN_DRAFT, Action.UPDATE, institution_id=draft.institution_id)
    available = services.evaluations_available(cycle=draft.cycle, institution_id=draft.institution_id)
    if request.method == "POST":
        op = request.POST.get("op")
        form: forms.Form | None = None
        if op == "program":
            form = f.DraftProgramForm(request.POST, policy=draft.cycle.policy, prefix="program")
            if form.is_valid():
                cleaned = form.cleaned_data
                return _run(request, lambda: services.draft_program_add(
                    actor=request.user, interface=W, draft=draft, **cleaned), _("Program ditambahkan."), back)
        elif op == "activity":
            form = f.ActivityForm(request.POST, draft=draft, prefix="activity")
            if form.is_valid():
                data = dict(form.cleaned_data)
                program = DraftProgram.objects.get(pk=data.pop("program"), draft=draft)
                return _run(request, lambda: services.activity_add(
                    actor=request.user, interface=W, program=program, data=data), _("Kegiatan ditambahkan."), back)
        elif op == "evaluation":
            form = f.EvaluationLinkForm(request.POST, available=available)
            if form.is_valid():
                cleaned = form.cleaned_data
                return _run(request, lambda: services.draft_set_evaluation(
                    actor=request.user, interface=W, draft=draft, **cleaned),
                    _("Tautan evaluasi disimpan."), back)
        elif op == "submit":
            return _run(request, lambda: services.draft_submit(actor=request.user, interface=W, draft=draft),
                        _("Rancangan dikirim kepada Menteri (Pasal 5 ayat (4))."), back)
        elif op == "import":
            form = f.ImportForm(request.POST, request.FILES)
            if form.is_valid():
                upload = form.cleaned_data["file"]
                try:
                    count = xlsx.draft_import_xlsx(actor=request.user, interface=W, draft=draft, data=upload.read(),
                                                   filename=upload.name)
                except ApplicationError as error:
                    return render(request, "workplans/draft_detail.html", {
                        **_draft_context(request, draft, can_edit, available), "import_error": error}, status=400)
                messages.success(request, _("%(n)d kegiatan diimpor.") % {"n": count})
                return HttpResponseRedirect(back)
        messages.error(request, _form_errors(form) if form is not None else _("Permintaan tidak dikenal."))
        return HttpResponseRedirect(back)
    return render(request, "workplans/draft_detail.html", _draft_context(request, draft, can_edit, available))


def _draft_context(request: HttpRequest, draft: Draft, can_edit: bool, available: Any) -> dict[str, Any]:
    tree = selectors.draft_tree(cycle=draft.cycle, kind=draft.kind, institution_id=draft.institution_id)
    editable = can_edit
    if editable:
        try:
            services.ensure_editable(draft)
        except ApplicationError:
            editable = False
    prev = draft.previous_evaluation
    return {
        "title": str(draft), "draft": draft, "tree": tree[0] if tree else draft, "can_edit": editable,
        "can_submit": editable and draft.kind == Draft.Kind.USULAN,
        "program_form": f.DraftProgramForm(policy=draft.cycle.policy, prefix="program"),
        "activity_form": f.ActivityForm(draft=draft, prefix="activity"),
        "evaluation_form": f.EvaluationLinkForm(available=available, initial={
            "previous_evaluation": draft.previous_evaluation_id, "evaluation_note": draft.evaluation_note}),
        "import_form": f.ImportForm(), "available": available, "previous": prev,
        "previous_rows": selectors.monitoring_rows(viewer=request.user, cycle=prev.cycle, year=prev.year)
        if prev else [],
        "columns": xlsx.COLUMNS,
    }


@login_required
def draft_xlsx(request: HttpRequest, pk: int) -> HttpResponseBase:
    draft = selectors.draft_get(viewer=request.user, pk=pk)
    with transaction.atomic():
        audit_record(actor=request.user, action=AuditAction.EXPORT, interface=W, obj=draft, extra={"format": "xlsx"})
    return _file(xlsx.template_bytes(draft), f"rencana-kerja-{draft.institution.code}-{draft.cycle_id}.xlsx",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@login_required
def activity_edit(request: HttpRequest, pk: int) -> HttpResponseBase:
    activity = Activity.objects.select_related("program__draft").filter(pk=pk).first()
    if activity is None:
        raise NotFoundError(_("Kegiatan tidak ditemukan."))
    draft = selectors.draft_get(viewer=request.user, pk=activity.program.draft_id)
    back = reverse("workplans:draft_detail", args=[draft.pk])
    if request.method == "POST" and request.POST.get("op") == "delete":
        return _run(request, lambda: services.activity_delete(actor=request.user, interface=W, activity=activity),
                    _("Kegiatan dihapus."), back)
    initial = {k: getattr(activity, k) for k in services.ACTIVITY_FIELDS}
    return form_page(request, form=f.ActivityForm(request.POST or None, draft=draft, with_program=False,
                                                  initial=initial),
                     template="workplans/form.html", title=_("Ubah kegiatan %(c)s") % {"c": activity.code},
                     submit=lambda d: services.activity_update(actor=request.user, interface=W, activity=activity,
                                                               data=d),
                     success_url=lambda o: back, success_message=_("Kegiatan disimpan."),
                     context={"cancel_url": back})


# --- analysis and meeting ------------------------------------------------------------------------

@login_required
def analysis_page(request: HttpRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    _require(request, Resource.WORKPLAN_MEETING)
    kind = request.GET.get("jenis") or (Draft.Kind.SELARAS if cycle.drafts.filter(kind=Draft.Kind.SELARAS).exists()
                                        else Draft.Kind.USULAN)
    result = analysis.analyse_cycle(cycle, kind=kind)
    if request.GET.get("format") == "xlsx":
        with transaction.atomic():
            audit_record(actor=request.user, action=AuditAction.EXPORT, interface=W, obj=cycle,
                         extra={"format": "xlsx", "what": "analysis", "kind": kind})
        return _file(analysis.analysis_xlsx(result), f"analisis-sinkronisasi-{pk}.xlsx",
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return render(request, "workplans/analysis.html", {
        "title": _("Analisis sinkronisasi: %(c)s") % {"c": cycle}, "cycle": cycle, "result": result, "kind": kind,
        "chart": result.chart(), "Kind": Draft.Kind})


@login_required
def meeting_open(request: HttpRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    _require(request, Resource.WORKPLAN_MEETING, Action.CREATE)
    return form_page(request, form=f.MeetingForm(request.POST or None, initial={"held_on": timezone.localdate()}),
                     template="workplans/form.html", title=_("Buka pertemuan pembahasan (Pasal 5 ayat (5))"),
                     submit=lambda d: services.meeting_open(actor=request.user, interface=W, cycle=cycle, **d),
                     success_url=lambda o: reverse("workplans:meeting", args=[pk]),
                     success_message=_("Pertemuan dibuka; dugaan tumpang tindih siap diputuskan."),
                     context={"cancel_url": reverse("workplans:cycle_detail", args=[pk])})


@login_required
def meeting_page(request: HttpRequest, pk: int) -> HttpResponseBase:
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
    return render(request, "workplans/meeting.html", {
        "title": _("Pertemuan pembahasan: %(c)s") % {"c": cycle}, "cycle": cycle, "meeting": meeting,
        "attendance": meeting.attendance.select_related("institution"), "guests": meeting.guests.all(),
        "overlaps": meeting.overlaps.select_related("activity_a__program__draft__institution",
                                                    "activity_b__program__draft__institution"),
        "can_edit": can_edit, "guest_form": f.GuestForm(), "decision_form": f.DecisionForm(),
        "close_form": f.CloseMeetingForm(), "Decision": OverlapDecision.Decision, "Side": OverlapDecision.Side,
    })


# --- berita acara -----------------------------------------------------------------------------

def _ba_for(request: HttpRequest, pk: int) -> BeritaAcara:
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
def berita_acara_pdf(request: HttpRequest, pk: int) -> HttpResponseBase:
    ba = _ba_for(request, pk)
    return FileResponse(ba.pdf.open("rb"), content_type="application/pdf", filename=f"berita-acara-{pk}.pdf")


@login_required
@require_POST
def berita_acara_sign(request: HttpRequest, pk: int) -> HttpResponseBase:
    ba = _ba_for(request, pk)
    return _run(request, lambda: services.berita_acara_sign(actor=request.user, interface=W, berita_acara=ba),
                _("Berita acara ditandatangani secara elektronik."), reverse("workplans:cycle_detail", args=[pk]))


@login_required
def berita_acara_verify(request: HttpRequest, pk: int) -> HttpResponseBase:
    ba = _ba_for(request, pk)
    data = ba.pdf.open("rb").read()
    return render(request, "workplans/verify.html", {
        "title": _("Verifikasi berita acara %(n)s") % {"n": ba.number}, "ba": ba, "checks": pdf.verify_pdf(data),
        "actual_sha256": pdf.sha256(data), "matches": pdf.sha256(data) == ba.sha256,
        "signatures": ba.signatures.select_related("institution"), "form": f.VerifyForm()})


@login_required
def verify_upload(request: HttpRequest) -> HttpResponseBase:
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


# --- coordination -------------------------------------------------------------------------------

@login_required
def coordination_send(request: HttpRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    _require(request, Resource.WORKPLAN_COORDINATION, Action.CREATE)
    return form_page(request, form=f.CoordinationForm(request.POST or None,
                                                      initial={"letter_date": timezone.localdate()}),
                     template="workplans/form.html", title=_("Kirim kepada Bappenas/Kemenkeu (Pasal 7)"),
                     submit=lambda d: services.coordination_send(actor=request.user, interface=W, cycle=cycle, **d),
                     success_url=lambda o: reverse("workplans:cycle_detail", args=[pk]),
                     success_message=_("Rancangan selaras dikirim dengan tembusan kepada Presiden."),
                     context={"cancel_url": reverse("workplans:cycle_detail", args=[pk])})


@login_required
def coordination_list(request: HttpRequest) -> HttpResponseBase:
    _require(request, Resource.WORKPLAN_COORDINATION)
    return render(request, "workplans/coordination_list.html", {
        "title": _("Kiriman rancangan Rencana Kerja (Pasal 7)"),
        "items": selectors.coordination_list(viewer=request.user)})


@login_required
def coordination_detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    item = selectors.coordination_get(viewer=request.user, pk=pk)
    if request.GET.get("format") == "pdf" and item.pdf:
        return FileResponse(item.pdf.open("rb"), content_type="application/pdf", filename=f"koordinasi-{pk}.pdf")
    return render(request, "workplans/coordination_detail.html", {
        "title": _("Surat %(n)s") % {"n": item.letter_number}, "item": item, "cycle": item.cycle,
        "drafts": selectors.draft_tree(cycle=item.cycle, kind=Draft.Kind.SELARAS),
        "ba": BeritaAcara.objects.filter(cycle=item.cycle).first()})


# --- revision ------------------------------------------------------------------------------------

@login_required
def cycle_revise(request: HttpRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    _require(request, Resource.WORKPLAN, Action.CREATE)
    form = f.RevisionForm(request.POST or None, policies=selectors.policy_list(viewer=request.user))
    return form_page(request, form=form, template="workplans/form.html", title=_("Revisi rencana kerja (Pasal 8)"),
                     submit=lambda d: services.cycle_revise(actor=request.user, interface=W, cycle=cycle, **d),
                     success_url=lambda o: reverse("workplans:cycle_detail", args=[o.pk]),
                     success_message=_("Revisi dibuat; jalankan kembali tahapannya."),
                     context={"cancel_url": reverse("workplans:cycle_detail", args=[pk])})


@login_required
def revision_diff(request: HttpRequest, pk: int) -> HttpResponseBase:
    new = selectors.cycle_get(viewer=request.user, pk=pk)
    chain = selectors.revision_chain(new)
    other_id = request.GET.get("dari")
    old = next((c for c in chain if str(c.pk) == other_id), None) or (new.revision_of or new)
    return render(request, "workplans/diff.html", {
        "title": _("Perbandingan revisi"), "new": new, "old": old, "chain": chain,
        "diff": selectors.revision_diff(old=old, new=new)})


# --- monitoring (Pasal 9) ---------------------------------------------------------------------------

@login_required
def monitoring(request: HttpRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    _require(request, Resource.WORKPLAN_MONITORING)
    try:
        year = int(request.GET.get("tahun") or cycle.year_start)
    except ValueError:
        year = cycle.year_start
    back = reverse("workplans:monitoring", args=[pk]) + f"?tahun={year}"
    own = access.institution_id_of(request.user)
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
        "chart": chart, "can_record": access.allows(request.user, Resource.WORKPLAN_MONITORING, Action.CREATE,
                                                    institution_id=own) and own is not None,
        "can_report": access.allows(request.user, Resource.WORKPLAN_MONITORING, Action.UPDATE, institution_id=own)
        and own is not None and cycle.participants.filter(institution_id=own).exists(),
        "evaluation_form": f.EvaluationForm(initial={"summary": own_report.summary if own_report else "",
                                                     "recommendations": own_report.recommendations
                                                     if own_report else ""}),
        "own": own, "open": cycle.stage in (Stage.TERSEGEL, Stage.TERKOORDINASI)})


@login_required
def notifications(request: HttpRequest) -> HttpResponseBase:
    items = selectors.notification_list(viewer=request.user)
    page = list(items[:100])
    items.filter(read_at__isnull=True).update(read_at=timezone.now())
    return render(request, "workplans/notifications.html", {"title": _("Pemberitahuan"), "items": page})
