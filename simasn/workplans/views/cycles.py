"""Screens of the cycle (Pasal 2, 3), its agenda (Pasal 5 ayat (1)) and notifications.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError
from simasn.law.parameters import ParameterError
from simasn.web.pages import form_page, list_page
from simasn.workplans import forms as f
from simasn.workplans import selectors, services
from simasn.workplans.calendar import milestones
from simasn.workplans.models import BeritaAcara, Meeting, Stage
from simasn.workplans.views._common import W, _can, _require

# --- cycles -------------------------------------------------------------------------------

@login_required
def cycle_list(request: AuthenticatedRequest) -> HttpResponseBase:
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
def cycle_create(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.WORKPLAN, Action.CREATE)
    form = f.CycleForm(request.POST or None, policies=selectors.policy_list(viewer=request.user),
                       cycles=selectors.cycle_list(viewer=request.user))
    return form_page(request, form=form, template="web/form.html", base_template="workplans/base.html", title=_("Siklus sinkronisasi baru"),
                     submit=lambda d: services.cycle_create(actor=request.user, interface=W, **d),
                     success_url=lambda o: reverse("workplans:cycle_detail", args=[o.pk]),
                     success_message=_("Siklus dibuat; peserta diambil dari registri pada tanggal siklus."))


@login_required
def cycle_detail(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    user = request.user
    own = Scope.of(user).own_institution_id()
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
                     and own not in signed and Scope.of(user).allows(Resource.WORKPLAN_SIGNATURE, Action.CREATE,
                                                             institution_id=own)),
        "can_coordinate": _can(request, Resource.WORKPLAN_COORDINATION, Action.CREATE),
        "can_revise": _can(request, Resource.WORKPLAN, Action.CREATE) and not cycle.is_superseded,
        "Stage": Stage,
        "calendar": _calendar(cycle),
    }
    return render(request, "workplans/cycle_detail.html", context)


def _calendar(cycle: Any) -> list[Any]:
    year = services.first_budget_year(scope_kind=cycle.scope_kind, year_start=cycle.year_start,
                                      on=cycle.reference_date)
    try:
        return milestones(budget_year=year, on=cycle.reference_date)
    except ParameterError:
        return []


# --- agenda -------------------------------------------------------------------------------

@login_required
def agenda_send(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    _require(request, Resource.WORKPLAN_MEETING, Action.CREATE)
    initial = {"letter_date": timezone.localdate(), "body": _(
        "Sehubungan dengan pelaksanaan sinkronisasi Rencana Kerja di bidang Manajemen ASN, mohon Saudara menyusun "
        "bahan rancangan Rencana Kerja dengan mengacu pada Arah Kebijakan yang telah ditetapkan dan memperhatikan "
        "hasil evaluasi pelaksanaan Rencana Kerja periode sebelumnya.")}
    return form_page(request, form=f.AgendaForm(request.POST or None, initial=initial), template="web/form.html", base_template="workplans/base.html",
                     title=_("Kirim agenda penyusunan (Pasal 5 ayat (1))"),
                     submit=lambda d: services.agenda_send(actor=request.user, interface=W, cycle=cycle, **d),
                     success_url=lambda o: reverse("workplans:cycle_detail", args=[pk]),
                     success_message=_("Agenda dikirim kepada pimpinan peserta."),
                     context={"cancel_url": reverse("workplans:cycle_detail", args=[pk])})


@login_required
def agenda_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    agenda = getattr(cycle, "agenda", None)
    if agenda is None or not agenda.pdf:
        raise NotFoundError(_("Agenda belum dikirim."))
    return FileResponse(agenda.pdf.open("rb"), content_type="application/pdf", filename=f"agenda-{pk}.pdf")


# --- notifications ------------------------------------------------------------------------

@login_required
def notifications(request: AuthenticatedRequest) -> HttpResponseBase:
    items = selectors.notification_list(viewer=request.user)[:100]
    return render(request, "workplans/notifications.html", {
        "title": _("Pemberitahuan"), "items": items, "unread": any(n.read_at is None for n in items)})


@login_required
@require_POST
def notifications_read(request: AuthenticatedRequest) -> HttpResponseBase:
    count = services.notifications_mark_read(actor=request.user, interface=W)
    messages.success(request, _("%(n)d pemberitahuan ditandai sudah dibaca.") % {"n": count})
    return redirect("workplans:notifications")
