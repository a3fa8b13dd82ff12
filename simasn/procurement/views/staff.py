"""Selection administration: periods (BKN) and the vacancies each instansi opens."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.core.errors import ConflictError
from simasn.core.interfaces import Interface
from simasn.positions.models import Position
from simasn.procurement import legal, readiness, selectors
from simasn.procurement.forms import PeriodForm, SearchForm, VacancyForm
from simasn.procurement.models import STAGE_ORDER, SelectionPeriod, Stage
from simasn.procurement.readiness import period_blockers
from simasn.procurement.services import portal as portal_services
from simasn.web.exports import Column
from simasn.web.pages import confirm_page, form_page, list_page
from simasn.web.pages import require_page as _require


@login_required
def period_list(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = _require(request, Resource.SELECTION_PERIOD)
    columns: list[Column] = [
        (_("Nama seleksi"), lambda p: p.name), (_("Tahun anggaran"), lambda p: p.fiscal_year),
        (_("Jenis ASN"), lambda p: p.employee_type), (_("Tahap"), lambda p: p.get_stage_display()),
        (_("Pendaftaran dibuka"), lambda p: p.opens_on.isoformat()),
        (_("Pendaftaran ditutup"), lambda p: p.closes_on.isoformat()),
        (_("Lowongan"), lambda p: p.vacancy_count),
    ]
    q = request.GET.get("q", "").strip()
    qs = selectors.period_list(viewer=request.user)
    if q:
        qs = qs.filter(name__icontains=q)
    return list_page(request, queryset=qs, template="procurement/period_list.html", title=_("Periode seleksi"),
                     columns=columns, export_name="periode-seleksi", export_object_type="procurement.selectionperiod",
                     estimate_count=False, filter_form=SearchForm(request.GET or None),
                     context={"can_create": scope.can(Resource.SELECTION_PERIOD, Action.CREATE),
                              "create_url": reverse("procurement:period_create"), "q": q})


@login_required
def period_create(request: AuthenticatedRequest) -> HttpResponse:
    _require(request, Resource.SELECTION_PERIOD, Action.CREATE)
    form = PeriodForm(request.POST or None)

    def submit(data: dict[str, Any]) -> SelectionPeriod:
        return portal_services.period_create(actor=request.user, interface=Interface.WEB, **data)

    return form_page(request, form=form, template="web/form.html", title=_("Periode seleksi baru"), submit=submit,
                     success_url=lambda p: reverse("procurement:period", args=[p.pk]),
                     success_message=_("Periode seleksi dibuat."))


@login_required
def period_detail(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    scope = _require(request, Resource.SELECTION_PERIOD)
    period = selectors.period_get(viewer=request.user, pk=pk)
    q = request.GET.get("q", "").strip()
    qs = selectors.vacancy_list(viewer=request.user, period_id=period.pk, q=q)
    columns: list[Column] = [
        (_("Instansi"), lambda v: v.instansi.name), (_("Jabatan"), lambda v: v.position.name),
        (_("Jenis formasi"), lambda v: v.formasi_type), (_("Kebutuhan"), lambda v: v.seats),
        (_("Pelamar"), lambda v: v.application_count),
        (_("Dasar formasi"), lambda v: v.formasi_decision or (f"#{v.formasi_ref}" if v.formasi_ref else "")),
    ]
    may_advance = scope.can(Resource.SELECTION_PERIOD, Action.UPDATE) and _next_stage(period) is not None
    return list_page(request, queryset=qs, template="procurement/period_detail.html", title=period.name,
                     columns=columns, export_name="lowongan-periode", export_object_type="procurement.vacancy",
                     estimate_count=False, filter_form=SearchForm(request.GET or None),
                     context={"period": period, "q": q, "next_stage": _next_stage(period),
                              "can_advance": may_advance,
                              # What keeps the period in its stage, before anyone clicks "next".
                              "blockers": readiness.blockers_for(request.user, period, on=timezone.localdate())
                              if _next_stage(period) else [],
                              "can_open": scope.can(Resource.VACANCY, Action.CREATE) and period.stage == "OPEN",
                              # Import, ranking, announcements and appointment live on the results
                              # page; once registration has closed it is the period's next step.
                              "can_results": scope.can(Resource.SELECTION_RESULT, Action.VIEW)
                              and period.stage != "OPEN",
                              "create_url": reverse("procurement:vacancy_create", args=[period.pk])})


def _next_stage(period: SelectionPeriod) -> tuple[str, str] | None:
    """The stage after the period's (code, name), or None once it is closed."""
    index = STAGE_ORDER.index(period.stage)
    if index + 1 >= len(STAGE_ORDER):
        return None
    code = STAGE_ORDER[index + 1]
    return code, str(Stage(code).label)


@login_required
def period_advance(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """BKN moves a national selection to its next stage, after confirming: never back."""
    _require(request, Resource.SELECTION_PERIOD, Action.UPDATE)
    period = selectors.period_get(viewer=request.user, pk=pk)
    back = reverse("procurement:period", args=[period.pk])
    following = _next_stage(period)
    if following is None:
        raise ConflictError(_("Periode seleksi ini sudah selesai."), code="wrong_stage")
    code, name = following
    if request.method == "GET" and period_blockers(period, on=timezone.localdate()):
        # Nothing to confirm yet: the period's page lists what is still unfinished.
        messages.error(request, _("Tahap “%(now)s” belum selesai; lihat daftar yang masih harus diselesaikan.")
                       % {"now": period.get_stage_display()})
        return HttpResponseRedirect(back)
    return confirm_page(
        request, title=_("Lanjutkan tahap seleksi"),
        question=_("Pindahkan %(period)s dari tahap “%(now)s” ke tahap “%(next)s”? Tahap tidak dapat "
                   "dikembalikan: pengumuman yang sudah dibuat tetap berlaku.")
        % {"period": period.name, "now": period.get_stage_display(), "next": name},
        perform=lambda _reason: portal_services.period_advance(actor=request.user, interface=Interface.WEB,
                                                                period_id=period.pk, to_stage=code),
        success_url=back, cancel_url=back, needs_reason=False,
        success_message=_("Tahap seleksi sekarang: %(next)s.") % {"next": name},
    )


@login_required
def vacancy_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    scope = _require(request, Resource.VACANCY, Action.CREATE)
    period = selectors.period_get(viewer=request.user, pk=pk)
    positions = scope.filter(Position.objects.listed().select_related("instansi"), Resource.POSITION) \
        if scope.can(Resource.POSITION) else Position.objects.none()
    rows = legal.formasi_types(period.fiscal_year)
    form = VacancyForm(request.POST or None, positions=positions.order_by("instansi__name", "name"),
                       formasi_types=[(r.code, r.label) for r in rows])

    def submit(data: dict[str, Any]) -> Any:
        position = data.pop("position")
        return portal_services.vacancy_open(actor=request.user, interface=Interface.WEB, period_id=period.pk,
                                            position_id=position.pk, **data)

    return form_page(request, form=form, template="web/form.html", title=_("Buka lowongan — %(p)s") % {"p": period.name},
                     submit=submit, success_url=lambda v: reverse("procurement:period", args=[period.pk]),
                     success_message=_("Lowongan dibuka dan tampil di portal."))
