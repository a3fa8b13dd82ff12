"""Screens of the Arah Kebijakan (Pasal 1 angka 8, Pasal 5 ayat (3)).
"""

from __future__ import annotations

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
from simasn.core.errors import ApplicationError
from simasn.web.pages import form_page
from simasn.workplans import forms as f
from simasn.workplans import selectors, services
from simasn.workplans.views._common import W, _can, _form_errors, _require, _run

# --- Arah Kebijakan -------------------------------------------------------------------------

@login_required
def policy_list(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.WORKPLAN_POLICY)
    return render(request, "workplans/policy_list.html", {
        "title": _("Arah Kebijakan Manajemen ASN"), "policies": selectors.policy_list(viewer=request.user),
        "can_create": _can(request, Resource.WORKPLAN_POLICY, Action.CREATE)})


@login_required
def policy_create(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.WORKPLAN_POLICY, Action.CREATE)
    return form_page(request, form=f.PolicyForm(request.POST or None), template="web/form.html", base_template="workplans/base.html",
                     title=_("Arah Kebijakan baru"),
                     submit=lambda d: services.policy_create(actor=request.user, interface=W, **d),
                     success_url=lambda o: reverse("workplans:policy_detail", args=[o.pk]),
                     success_message=_("Arah Kebijakan dibuat sebagai konsep."))


@login_required
def policy_detail(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
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
