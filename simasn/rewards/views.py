from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.rewards import selectors, services
from simasn.rewards.forms import AwardForm, CandidateFilterForm
from simasn.web.pages import confirm_page, form_page, list_page, not_allowed_message
from simasn.web.pages import require_page as _require


@login_required
def candidate_list(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = _require(request, Resource.SATYALANCANA)
    form = CandidateFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    year = data.get("year") or timezone.localdate().year
    qs = selectors.candidate_list(viewer=request.user, year=year, q=data.get("q", ""), state=data.get("state", ""),
                                  klass=data.get("klass", ""))
    columns = [
        (_("Pegawai"), lambda c: c.employee.full_name),
        (_("NIP"), lambda c: c.employee.nip),
        (_("Instansi"), lambda c: c.instansi.name),
        (_("TMT CPNS"), lambda c: c.employee.tmt_cpns or ""),
        (_("Kelas"), lambda c: c.eligible_class),
        (_("Status"), lambda c: c.get_state_display()),
        (_("Alasan"), lambda c: c.reason),
    ]
    return list_page(request, queryset=qs, template="rewards/candidates.html",
                     title=_("Calon Satyalancana Karya Satya %(year)s") % {"year": year}, columns=columns,
                     export_name=f"satyalancana-{year}", filter_form=form,
                     export_object_type="rewards.satyalancanacandidate",
                     context={"year": year, "can_refresh": scope.instansi_id is not None
                              and scope.can(Resource.SATYALANCANA, Action.CREATE),
                              "can_propose": scope.can(Resource.SATYALANCANA, Action.UPDATE),
                              "can_award": scope.can(Resource.REWARD, Action.CREATE)})


@login_required
def candidate_refresh(request: AuthenticatedRequest) -> HttpResponse:
    scope = _require(request, Resource.SATYALANCANA, Action.CREATE)
    if request.method != "POST" or scope.instansi_id is None:
        return HttpResponseRedirect(reverse("rewards:candidates"))
    try:
        result = services.satyalancana_refresh(actor=request.user, interface=Interface.WEB,
                                               instansi_id=scope.instansi_id)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(assessed)s PNS dinilai; %(candidates)s calon.") % result)
    return HttpResponseRedirect(reverse("rewards:candidates"))


@login_required
def candidate_propose(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require(request, Resource.SATYALANCANA, Action.UPDATE)
    candidate = selectors.candidate_get(viewer=request.user, pk=pk)
    url = reverse("rewards:candidates")
    return confirm_page(
        request, title=_("Usulkan Satyalancana Karya Satya"),
        question=_("Usulkan %(name)s untuk Satyalancana Karya Satya kelas %(klass)s?")
        % {"name": candidate.employee.full_name, "klass": candidate.eligible_class},
        perform=lambda reason: services.satyalancana_propose(actor=request.user, interface=Interface.WEB,
                                                             candidate=candidate),
        success_url=url, success_message=_("Calon diusulkan."), cancel_url=url, needs_reason=False)


@login_required
def award_create(request: AuthenticatedRequest) -> HttpResponse:
    _require(request, Resource.REWARD, Action.CREATE)
    initial = {"employee": request.GET["employee"]} if request.GET.get("employee", "").isdigit() else {}
    form = AwardForm(request.POST or None, viewer=request.user, initial=initial)
    return form_page(request, form=form, template="web/form.html", title=_("Catat penghargaan"),
                     submit=lambda d: services.award_record(actor=request.user, interface=Interface.WEB,
                                                            **form.service_kwargs()),
                     success_url=lambda o: reverse("rewards:record", args=[o.employee_id]),
                     success_message=_("Penghargaan dicatat."),
                     context={"cancel_url": reverse("rewards:candidates")})


@login_required
def reward_record(request: AuthenticatedRequest, employee_id: int) -> HttpResponse:
    scope = _require(request, Resource.REWARD)
    record = selectors.reward_record(viewer=request.user, employee_id=employee_id, on=timezone.localdate())
    return render(request, "rewards/record.html", {
        "title": _("Penghargaan dan pengakuan"), **record,
        "can_award": scope.allows(Resource.REWARD, Action.CREATE, instansi_id=record["employee"].instansi_id)})


@login_required
def my_record(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.employee_id:  # type: ignore[union-attr]
        raise PermissionDeniedError(not_allowed_message())
    return reward_record(request, request.user.employee_id)  # type: ignore[union-attr]
