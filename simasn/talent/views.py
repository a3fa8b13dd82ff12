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
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.law import talent_boxes
from simasn.positions.models import Position
from simasn.talent import gaps, selectors, services
from simasn.talent.forms import (
    CriticalPositionForm,
    GridForm,
    HandOverForm,
    ImportForm,
    MobilityForm,
    NominateForm,
    PriorityForm,
)
from simasn.talent.models import COMPONENT_CHOICES, MobilityKind, MobilityState, NationalPriority
from simasn.web.pages import Rows, apply_errors, confirm_page, list_page
from simasn.web.pages import require_page as _require


def _on(value: Any) -> dt.date:
    return value or timezone.localdate()


def _render_form(request: AuthenticatedRequest, form: Any, title: str, cancel_url: str, **extra: Any) -> HttpResponse:
    return render(request, "talent/form.html", {"form": form, "title": title, "cancel_url": cancel_url, **extra},
                  status=400 if request.method == "POST" else 200)


def _box_labels(on: dt.date) -> dict[int, str]:
    return {b["box"]: b["label_id"] for b in talent_boxes(on)}


@login_required
def grid(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = _require(request, Resource.TALENT_PROFILE)
    if scope.reach(Resource.TALENT_PROFILE, Action.VIEW) == Reach.SELF:
        return HttpResponseRedirect(reverse("talent:mine"))
    form = GridForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    on = _on(data.get("on"))
    instansi_id = int(request.GET["instansi"]) if request.GET.get("instansi", "").isdigit() else None
    result = selectors.talent_grid(viewer=request.user, on=on, box=data.get("box"), instansi_id=instansi_id)
    rows = result.rows
    q = (data.get("q") or "").lower()
    if q:
        rows = [r for r in rows if q in r.employee.name.lower() or q in r.employee.nip]
    labels = _box_labels(on)
    columns = [
        (_("NIP"), lambda r: r.employee.nip), (_("Nama"), lambda r: r.employee.full_name),
        (_("Jabatan"), lambda r: str(r.employee.position or "")),
        (_("Kotak"), lambda r: r.placement.box or ""),
        (_("Keterangan"), lambda r: labels.get(r.placement.box, _("Data tidak lengkap"))),
        (_("Skor potensial"), lambda r: r.placement.potential_score if r.placement.potential_score is not None else ""),
        (_("Data kurang/kedaluwarsa"), lambda r: ", ".join(r.placement.missing + r.placement.stale)),
    ]
    return list_page(request, queryset=Rows(rows), template="talent/grid.html", title=_("Peta talenta (9 kotak)"),
                     columns=columns, export_name="peta-talenta", filter_form=form, estimate_count=False,
                     export_object_type="talent.placement",
                     context={"grid": result, "on": on, "labels": labels,
                              "can_import": scope.can(Resource.TALENT_ASSESSMENT, Action.CREATE),
                              "can_succession": scope.can(Resource.TALENT_SUCCESSION)})


@login_required
def employee_profile(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require(request, Resource.TALENT_PROFILE)
    form = GridForm(request.GET or None)
    on = _on(form.cleaned_data.get("on") if form.is_valid() else None)
    profile = selectors.employee_talent(viewer=request.user, employee_id=pk, on=on)
    return render(request, "talent/profile.html", {"title": _("Profil talenta"), "p": profile, "on": on,
                                                   "labels": _box_labels(on), "components": COMPONENT_CHOICES,
                                                   "can_mobility": Scope.of(request.user).can(Resource.TALENT_MOBILITY, Action.CREATE)})


@login_required
def mine(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.employee_id:
        raise PermissionDeniedError(_("Akun Anda tidak terhubung dengan data pegawai."))
    _require(request, Resource.TALENT_PROFILE)
    form = GridForm(request.GET or None)
    on = _on(form.cleaned_data.get("on") if form.is_valid() else None)
    profile = selectors.employee_talent(viewer=request.user, employee_id=request.user.employee_id, on=on)
    return render(request, "talent/profile.html", {"title": _("Talenta saya"), "p": profile, "on": on, "mine": True,
                                                   "labels": _box_labels(on), "components": COMPONENT_CHOICES})


@login_required
def assessment_import(request: AuthenticatedRequest) -> HttpResponse:
    _require(request, Resource.TALENT_ASSESSMENT, Action.CREATE)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            count = services.assessments_import(actor=request.user, interface=Interface.IMPORT,
                                                content=form.cleaned_data["file"].read())
        except ApplicationError as error:
            problems = error.details.get("problems", [])
            apply_errors(form, error)
        else:
            messages.success(request, _("%(n)d hasil penilaian diimpor.") % {"n": count})
            return HttpResponseRedirect(reverse("talent:grid"))
    return _render_form(request, form, _("Impor hasil penilaian talenta"), reverse("talent:grid"),
                        multipart=True, problems=problems)


# ------------------------------------------------------------- succession

@login_required
def succession(request: AuthenticatedRequest) -> HttpResponse:
    scope = _require(request, Resource.TALENT_SUCCESSION)
    q = request.GET.get("q", "")
    plans = selectors.succession_plans(viewer=request.user, q=q)
    coverage = selectors.succession_coverage(plans)
    return render(request, "talent/succession.html", {
        "title": _("Jabatan kritis dan rencana suksesi"), "plans": plans, "coverage": coverage, "q": q,
        "can_designate": scope.can(Resource.TALENT_SUCCESSION, Action.CREATE)})


@login_required
def critical_create(request: AuthenticatedRequest) -> HttpResponse:
    scope = _require(request, Resource.TALENT_SUCCESSION, Action.CREATE)
    positions = Position.objects.filter(kind__in=("JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR"),
                                        is_active=True, archived_at__isnull=True, critical_designation__isnull=True)
    if scope.reach(Resource.TALENT_SUCCESSION, Action.CREATE) == Reach.INSTANSI:
        positions = positions.filter(instansi_id=scope.instansi_id or -1)
    choices = [(p.pk, f"{p.name} — {p.instansi}") for p in positions.select_related("instansi").order_by("name")[:500]]
    form = CriticalPositionForm(request.POST or None, positions=choices)
    if request.method == "POST" and form.is_valid():
        try:
            services.critical_position_designate(actor=request.user, interface=Interface.WEB,
                                                 position_id=int(form.cleaned_data["position"]),
                                                 reason=form.cleaned_data["reason"])
        except ApplicationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Jabatan ditetapkan sebagai jabatan kritis."))
            return HttpResponseRedirect(reverse("talent:succession"))
    return _render_form(request, form, _("Tetapkan jabatan kritis"), reverse("talent:succession"))


@login_required
def critical_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    scope = _require(request, Resource.TALENT_SUCCESSION)
    critical = selectors.critical_position_get(viewer=request.user, pk=pk)
    on = timezone.localdate()
    plan = selectors.succession_plans(viewer=request.user, q="")
    post = next(p for p in plan if p.critical.pk == critical.pk)
    readiness = [(c["code"], c["label_id"]) for c in services.readiness_categories(on)]
    form = NominateForm(request.POST or None, readiness=readiness)
    if request.method == "POST" and form.is_valid():
        try:
            services.successor_nominate(actor=request.user, interface=Interface.WEB, critical_position_id=critical.pk,
                                        employee_id=form.cleaned_data["employee"],
                                        readiness=form.cleaned_data["readiness"], note=form.cleaned_data["note"])
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Calon suksesor dicatat."))
        return HttpResponseRedirect(reverse("talent:critical", args=[critical.pk]))
    can_nominate = scope.allows(Resource.TALENT_SUCCESSION, Action.UPDATE, instansi_id=critical.position.instansi_id)
    return render(request, "talent/critical.html", {
        "title": str(critical.position), "post": post, "on": on, "readiness": readiness,
        "readiness_labels": dict(readiness), "labels": _box_labels(on),
        "pool": selectors.ready_candidates(viewer=request.user, critical=critical, on=on) if can_nominate else [],
        "can_nominate": can_nominate,
        "can_mobility": scope.can(Resource.TALENT_MOBILITY, Action.CREATE)})


# ---------------------------------------------------------------- mobility

@login_required
def mobility_list(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.TALENT_MOBILITY)
    q, state = request.GET.get("q", ""), request.GET.get("state", "")
    qs = selectors.mobility_list(viewer=request.user, q=q, state=state if state in MobilityState.values else "")
    states = selectors.action_states(list(qs[:500]))
    today = timezone.localdate()
    columns = [
        (_("Pegawai"), lambda p: p.employee.full_name), (_("NIP"), lambda p: p.employee.nip),
        (_("Jenis"), lambda p: p.get_kind_display()), (_("Dari"), lambda p: p.source_instansi.name),
        (_("Ke"), lambda p: str(p.target_position or p.destination)),
        (_("Status"), lambda p: p.get_state_display()), (_("Diusulkan"), lambda p: p.proposed_on.isoformat()),
        (_("Hari kerja berjalan"), lambda p: gaps.elapsed_working_days(p, today)),
    ]
    return list_page(request, queryset=qs, template="talent/mobility_list.html", title=_("Mobilitas talenta"),
                     columns=columns, export_name="mobilitas-talenta", export_object_type="talent.mobilityproposal",
                     context={"states": states, "state_choices": MobilityState.choices, "today": today})


@login_required
def mobility_create(request: AuthenticatedRequest) -> HttpResponse:
    scope = _require(request, Resource.TALENT_MOBILITY, Action.CREATE)
    employee_id = request.POST.get("employee") or request.GET.get("employee")
    if not (employee_id or "").isdigit():
        raise PermissionDeniedError(_("Pilih pegawai dari peta talenta."))
    profile = selectors.employee_talent(viewer=request.user, employee_id=int(employee_id or 0), on=timezone.localdate())
    positions = Position.objects.filter(is_active=True, archived_at__isnull=True).select_related("instansi")
    preset = request.GET.get("position", "")
    if scope.reach(Resource.TALENT_MOBILITY, Action.CREATE) == Reach.INSTANSI and not preset:
        positions = positions.filter(instansi_id=scope.instansi_id or -1)
    elif preset.isdigit():
        positions = positions.filter(pk=int(preset)) | positions.filter(instansi_id=scope.instansi_id or -1)
    choices = [(p.pk, f"{p.name} — {p.instansi}") for p in positions.order_by("name")[:500]]
    initial = {"employee": employee_id, "target_position": preset, "priority": request.GET.get("priority"),
               "kind": request.GET.get("kind", MobilityKind.WITHIN)}
    form = MobilityForm(request.POST or None, positions=choices, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            proposal = services.mobility_propose(
                actor=request.user, interface=Interface.WEB, employee_id=d["employee"], kind=d["kind"],
                reason=d["reason"], target_position_id=int(d["target_position"]) if d["target_position"] else None,
                destination=d["destination"], priority_id=d["priority"])
        except ApplicationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Usul mobilitas dicatat."))
            return HttpResponseRedirect(reverse("talent:mobility", args=[proposal.pk]))
    return _render_form(request, form, _("Usul mobilitas talenta — %(name)s") % {"name": profile.employee.full_name},
                        reverse("talent:mobility_list"), profile=profile)


@login_required
def mobility_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    scope = _require(request, Resource.TALENT_MOBILITY)
    proposal = selectors.mobility_get(viewer=request.user, pk=pk)
    state = selectors.action_states([proposal]).get(proposal.action_id or 0)
    today = timezone.localdate()
    is_target = scope.allows(Resource.TALENT_MOBILITY, Action.UPDATE, instansi_id=proposal.target_instansi_id)
    is_source = scope.allows(Resource.TALENT_MOBILITY, Action.UPDATE, instansi_id=proposal.source_instansi_id)
    ready = (proposal.state == (MobilityState.ACCEPTED if proposal.needs_acceptance else MobilityState.PROPOSED)
             and proposal.kind != MobilityKind.OUT)
    drafts = scope.allows(Resource.ACTION, Action.CREATE, instansi_id=proposal.source_instansi_id)
    return render(request, "talent/mobility.html", {
        "title": str(proposal), "p": proposal, "sk": state, "today": today,
        "elapsed": gaps.elapsed_working_days(proposal, today),
        "can_accept": is_target and proposal.needs_acceptance and proposal.state == MobilityState.PROPOSED,
        "can_hand_over": is_source and drafts and ready,
        # The PPK/PyB who proposed sees who takes the next step: the operator drafts the SK.
        "awaits_operator": ready and not drafts,
        "can_reject": (is_source or is_target) and proposal.state in (MobilityState.PROPOSED, MobilityState.ACCEPTED),
    })


@login_required
def mobility_step(request: AuthenticatedRequest, pk: int, step: str) -> HttpResponse:
    _require(request, Resource.TALENT_MOBILITY)
    proposal = selectors.mobility_get(viewer=request.user, pk=pk)
    back = reverse("talent:mobility", args=[proposal.pk])
    if step == "terima":
        return confirm_page(request, title=_("Terima pegawai"), question=_(
            "Instansi Anda menyatakan menerima %(name)s pada jabatan %(pos)s?") % {
                "name": proposal.employee.full_name, "pos": proposal.target_position},
            perform=lambda reason: services.mobility_accept(actor=request.user, interface=Interface.WEB,
                                                            proposal_id=proposal.pk),
            success_url=back, success_message=_("Usul diterima."), cancel_url=back, needs_reason=False)
    if step == "serahkan":
        form = HandOverForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.mobility_hand_over(actor=request.user, interface=Interface.WEB, proposal_id=proposal.pk,
                                            tmt=form.cleaned_data["tmt"])
            except ApplicationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Konsep SK dibuat."))
                return HttpResponseRedirect(back)
        return _render_form(request, form, _("Proses sebagai SK"), back, question=_(
            "Serahkan usul ini ke alur tindakan kepegawaian? Konsep SK pemindahan (mutasi) dibuat dan diperiksa "
            "aturan; langkah ini tidak dapat dibatalkan dari sini (konsep dapat ditarik di halaman tindakan)."))
    if step == "tolak":
        return confirm_page(request, title=_("Tolak usul"), question=_("Tolak usul mobilitas ini? Tidak dapat dibatalkan."),
                            perform=lambda reason: services.mobility_reject(actor=request.user, interface=Interface.WEB,
                                                                            proposal_id=proposal.pk, reason=reason),
                            success_url=back, success_message=_("Usul ditolak."), cancel_url=back)
    raise PermissionDeniedError(_("Langkah tidak dikenal."))


# ------------------------------------------------------- national priorities

@login_required
def priority_list(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = _require(request, Resource.TALENT_PRIORITY)
    qs = selectors.priority_list(viewer=request.user)
    columns = [(_("Prioritas"), lambda p: p.title), (_("Rumpun jabatan"), lambda p: p.job_family),
               (_("Wilayah"), lambda p: p.region or _("Nasional")), (_("Kebutuhan"), lambda p: p.needed),
               (_("Target"), lambda p: p.deadline.isoformat())]
    return list_page(request, queryset=qs, template="talent/priority_list.html", title=_("Prioritas talenta nasional"),
                     columns=columns, export_name="prioritas-talenta-nasional",
                     export_object_type="talent.nationalpriority",
                     context={"can_create": scope.can(Resource.TALENT_PRIORITY, Action.CREATE),
                              "create_url": reverse("talent:priority_create")})


@login_required
def priority_create(request: AuthenticatedRequest) -> HttpResponse:
    _require(request, Resource.TALENT_PRIORITY, Action.CREATE)
    form = PriorityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            priority = services.priority_create(actor=request.user, interface=Interface.WEB, **form.cleaned_data)
        except ApplicationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Prioritas nasional dicatat."))
            return HttpResponseRedirect(reverse("talent:priority", args=[priority.pk]))
    return _render_form(request, form, _("Prioritas talenta nasional baru"), reverse("talent:priority_list"))


@login_required
def priority_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    scope = _require(request, Resource.TALENT_PRIORITY)
    priority = selectors.priority_list(viewer=request.user).filter(pk=pk).first()
    if priority is None:
        raise PermissionDeniedError(_("Prioritas tidak ditemukan."))
    on = timezone.localdate()
    national = scope.reach(Resource.TALENT_PROFILE, Action.VIEW) == Reach.NATIONAL
    candidates = selectors.priority_candidates(viewer=request.user, priority=priority, on=on) if national else []
    return render(request, "talent/priority.html", {
        "title": priority.title, "priority": priority, "candidates": candidates, "labels": _box_labels(on),
        "proposals": priority.proposals.select_related("employee", "target_position"),
        "can_propose": scope.can(Resource.TALENT_PRIORITY, Action.CREATE), "national": national})


# -------------------------------------------------------------------- gaps

@login_required
def gap_view(request: AuthenticatedRequest) -> HttpResponse:
    _require(request, Resource.TALENT_GAP)
    on = timezone.localdate()
    data = gaps.talent_gaps(viewer=request.user, on=on)
    return render(request, "talent/gaps.html", {"title": _("Kesenjangan talenta"), "d": data, "on": on})


@login_required
def fairness_view(request: AuthenticatedRequest) -> HttpResponse:
    _require(request, Resource.TALENT_GAP)
    on = timezone.localdate()
    return render(request, "talent/fairness.html", {"title": _("Keadilan kelompok talenta dan mobilitas"),
                                                    "d": gaps.fairness(viewer=request.user, on=on), "on": on})


def national_priority(pk: int) -> NationalPriority | None:
    return NationalPriority.objects.filter(pk=pk).first()
