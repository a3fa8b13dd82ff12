"""Screens of the participants' drafts (Pasal 5 ayat (2), (4)).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import ApplicationError, NotFoundError
from simasn.core.services import export_record
from simasn.web.pages import form_page
from simasn.workplans import forms as f
from simasn.workplans import selectors, services, xlsx
from simasn.workplans.models import Activity, Draft, DraftProgram
from simasn.workplans.views._common import W, _file, _form_errors, _run

# --- drafts --------------------------------------------------------------------------------

@login_required
def draft_detail(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    draft = selectors.draft_get(viewer=request.user, pk=pk)
    back = reverse("workplans:draft_detail", args=[pk])
    can_edit = Scope.of(request.user).allows(Resource.WORKPLAN_DRAFT, Action.UPDATE, institution_id=draft.institution_id)
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
                    count = services.draft_import_xlsx(actor=request.user, interface=W, draft=draft, data=upload.read(),
                                                   filename=upload.name)
                except ApplicationError as error:
                    return render(request, "workplans/draft_detail.html", {
                        **_draft_context(request, draft, can_edit, available), "import_error": error}, status=400)
                messages.success(request, _("%(n)d kegiatan diimpor.") % {"n": count})
                return HttpResponseRedirect(back)
        messages.error(request, _form_errors(form) if form is not None else _("Permintaan tidak dikenal."))
        return HttpResponseRedirect(back)
    return render(request, "workplans/draft_detail.html", _draft_context(request, draft, can_edit, available))


def _draft_context(request: AuthenticatedRequest, draft: Draft, can_edit: bool, available: Any) -> dict[str, Any]:
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
def draft_xlsx(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    draft = selectors.draft_get(viewer=request.user, pk=pk)
    export_record(actor=request.user, interface=W, obj=draft, extra={"format": "xlsx"})
    return _file(xlsx.template_bytes(draft), f"rencana-kerja-{draft.institution.code}-{draft.cycle_id}.xlsx",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@login_required
def activity_edit(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
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
                     template="web/form.html", base_template="workplans/base.html", title=_("Ubah kegiatan %(c)s") % {"c": activity.code},
                     submit=lambda d: services.activity_update(actor=request.user, interface=W, activity=activity,
                                                               data=d),
                     success_url=lambda o: back, success_message=_("Kegiatan disimpan."),
                     context={"cancel_url": back})
