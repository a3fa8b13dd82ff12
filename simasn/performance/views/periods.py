"""The operator's and the officials' pages: periods, preparing plans, Plt assignments, a
unit's calibration against the distribution limits and its finalisation."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.law import organisation_ratings
from simasn.organization.models import Unit
from simasn.performance import access, forms, hierarchy, selectors, services
from simasn.performance.models import ANNUAL, PREDIKAT_CHOICES, Rating, UnitRating
from simasn.personnel.selectors import employee_list
from simasn.positions.models import Position
from simasn.web.pages import confirm_page, form_page, list_page, not_allowed_message

#: Rows per page of a unit's calibration list (a large unit has thousands of people).
CALIBRATION_PAGE_SIZE = 100
UNRATED = "BELUM"

WEB = Interface.WEB


@login_required
def period_list(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = Scope.of(request.user)
    if not scope.can(Resource.PERFORMANCE_PERIOD):
        raise PermissionDeniedError(not_allowed_message())
    form = forms.SearchForm(request.GET or None)
    q = form.cleaned_data.get("q", "") if form.is_valid() else ""
    columns = [(_("Instansi"), lambda p: p.instansi.name), (_("Tahun"), lambda p: p.year),
               (_("Skema"), lambda p: p.scheme), (_("Status"), lambda p: p.get_status_display())]
    return list_page(request, queryset=selectors.period_list(viewer=request.user, q=q),
                     template="performance/period_list.html", title=_("Periode kinerja"), columns=columns,
                     export_name="periode-kinerja", filter_form=form,
                     export_object_type="performance.performanceperiod",
                     context={"can_create": scope.can(Resource.PERFORMANCE_PERIOD, Action.CREATE)})


@login_required
def period_open(request: AuthenticatedRequest) -> HttpResponse:
    instansi_id = request.user.instansi_id
    if instansi_id is None or not Scope.of(request.user).allows(Resource.PERFORMANCE_PERIOD, Action.CREATE,
                                                                instansi_id=instansi_id):
        raise PermissionDeniedError(not_allowed_message())
    form = forms.PeriodOpenForm(request.POST or None)
    return form_page(request, form=form, template="web/form.html", title=_("Buka periode kinerja"),
                     submit=lambda d: services.period_open(actor=request.user, interface=WEB, instansi_id=instansi_id,
                                                           year=d["year"], scheme=d.get("scheme") or ""),
                     success_url=lambda p: reverse("performance:period", args=[p.pk]),
                     success_message=_("Periode kinerja dibuka."),
                     context={"cancel_url": reverse("performance:periods")})


@login_required
def period_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = selectors.period_get(viewer=request.user, pk=pk)
    scope = Scope.of(request.user)
    units = selectors.unit_overview(viewer=request.user, period=period)
    mine = selectors.plan_list(viewer=request.user, period_id=period.pk).filter(employee_id=request.user.employee_id) \
        if request.user.employee_id else []
    return render(request, "performance/period_detail.html", {
        "title": _("Periode kinerja %(year)s — %(instansi)s") % {"year": period.year, "instansi": period.instansi},
        "period": period, "evaluations": services.evaluations(period), "units": units, "my_plans": mine,
        "can_manage": scope.allows(Resource.PERFORMANCE_PERIOD, Action.UPDATE, instansi_id=period.instansi_id),
        "can_prepare_own": bool(request.user.employee_id) and scope.can(Resource.PERFORMANCE_PLAN, Action.CREATE),
    })


@login_required
def period_prepare(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = selectors.period_get(viewer=request.user, pk=pk)
    back = reverse("performance:period", args=[period.pk])
    return confirm_page(request, title=_("Siapkan SKP seluruh pegawai"),
                        question=_("Siapkan SKP %(year)s untuk setiap pegawai aktif, dengan pejabat penilai menurut "
                                   "hierarki jabatan di register?") % {"year": period.year},
                        perform=lambda _r: services.plans_prepare_all(actor=request.user, interface=WEB, period=period),
                        success_url=back, success_message=_("SKP disiapkan."), cancel_url=back, needs_reason=False)


@login_required
def plan_prepare_own(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = selectors.period_get(viewer=request.user, pk=pk)
    if request.user.employee is None:
        raise PermissionDeniedError(not_allowed_message())
    employee = request.user.employee
    back = reverse("performance:period", args=[period.pk])
    return confirm_page(request, title=_("Buat SKP saya"),
                        question=_("Buat SKP %(year)s Anda? Pejabat penilai diambil dari hierarki jabatan.")
                        % {"year": period.year},
                        perform=lambda _r: services.plan_prepare(actor=request.user, interface=WEB, period=period,
                                                                 employee=employee),
                        success_url=back, success_message=_("SKP dibuat."), cancel_url=back, needs_reason=False)


@login_required
def period_close(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = selectors.period_get(viewer=request.user, pk=pk)
    back = reverse("performance:period", args=[period.pk])
    return confirm_page(request, title=_("Tutup periode kinerja"),
                        question=_("Tutup periode %(year)s? Setelah ditutup SKP dan penilaian tidak dapat diubah.")
                        % {"year": period.year},
                        perform=lambda _r: services.period_close(actor=request.user, interface=WEB, period=period),
                        success_url=back, success_message=_("Periode ditutup."), cancel_url=back, needs_reason=False)


@login_required
def unit_calibration(request: AuthenticatedRequest, pk: int, unit_id: int) -> HttpResponse:
    """A unit's predikat counts against the limits of its organisation rating."""
    period = selectors.period_get(viewer=request.user, pk=pk)
    # The officials see every unit of the instansi; a unit's leader the units they lead.
    if not access.can_see_unit(request.user, period, unit_id):
        raise PermissionDeniedError(not_allowed_message())
    unit = Unit.objects.filter(pk=unit_id, instansi_id=period.instansi_id).first()
    if unit is None:
        raise NotFoundError(_("Unit kerja tidak ditemukan."))
    unit_rating = UnitRating.objects.filter(period=period, unit=unit).first()
    counts = services.unit_counts(period, unit.pk)
    check = services.unit_check(period, unit.pk, unit_rating.rating, counts=counts) if unit_rating else None
    plans = selectors.plan_list(viewer=request.user, period_id=period.pk, unit_id=unit.pk).filter(
        end_date=period.end_date)
    # The counts above cover the whole unit; the list below is paged and may be narrowed to
    # one predikat (the people of a limit that fails) or to those not yet rated.
    shown = request.GET.get("predikat", "")
    if shown in dict(PREDIKAT_CHOICES):
        plans = plans.filter(ratings__evaluation=ANNUAL, ratings__predikat=shown)
    elif shown == UNRATED:
        plans = plans.exclude(ratings__evaluation=ANNUAL)
    else:
        shown = ""
    page = Paginator(plans.prefetch_related(Prefetch("ratings", queryset=Rating.objects.filter(evaluation=ANNUAL))),
                     CALIBRATION_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(p, next(iter(p.ratings.all()), None)) for p in page]
    query = request.GET.copy()
    query.pop("page", None)
    refusals = (AuditEvent.objects.filter(object_type="performance.unitrating", object_id=str(unit_rating.pk),
                                          action=AuditAction.REFUSED).order_by("occurred_at")
                if unit_rating else AuditEvent.objects.none())
    return render(request, "performance/unit_calibration.html", {
        "refusals": refusals,
        "title": _("Kalibrasi %(unit)s — %(year)s") % {"unit": unit.name, "year": period.year},
        "period": period, "unit": unit, "unit_rating": unit_rating, "check": check, "rows": rows,
        "page_obj": page, "querystring": query.urlencode(), "shown": shown, "unrated": UNRATED,
        "predikat_choices": PREDIKAT_CHOICES,
        "labels": {r["code"]: r["label_id"] for r in organisation_ratings(period.end_date)},
        "can_decide": Scope.of(request.user).allows(Resource.PERFORMANCE_UNIT_RATING, Action.UPDATE,
                                                    instansi_id=period.instansi_id),
        # Before the organisation rating is set (or to weigh another): would the ratings given
        # so far fit the limits of each organisation rating? What the leader calibrates against.
        "fits": services.unit_fits(period, counts),
        "rated": sum(counts.values()), "unrated_count": services.unit_unrated(period, unit.pk, leaders=False),
        # The rows the viewer may rate (their appraisees; an official any), straight from here.
        "ratable": {p.pk for p, r in rows if period.status == "OPEN" and not (r and r.is_final)
                    and access.can_act_as_appraiser(request.user, p)},
    })


@login_required
def unit_rating_set(request: AuthenticatedRequest, pk: int, unit_id: int) -> HttpResponse:
    period = selectors.period_get(viewer=request.user, pk=pk)
    back = reverse("performance:unit", args=[period.pk, unit_id])
    current = UnitRating.objects.filter(period=period, unit_id=unit_id).first()
    form = forms.UnitRatingForm(request.POST or None, initial={"rating": current.rating if current else ""})
    return form_page(request, form=form, template="web/form.html", title=_("Predikat kinerja organisasi unit"),
                     submit=lambda d: services.unit_rating_set(actor=request.user, interface=WEB, period=period,
                                                               unit_id=unit_id, rating=d["rating"]),
                     success_url=lambda _o: back, success_message=_("Predikat unit disimpan."),
                     context={"cancel_url": back})


@login_required
def unit_finalise(request: AuthenticatedRequest, pk: int, unit_id: int) -> HttpResponse:
    period = selectors.period_get(viewer=request.user, pk=pk)
    back = reverse("performance:unit", args=[period.pk, unit_id])
    unit_rating = UnitRating.objects.filter(period=period, unit_id=unit_id).first()
    if unit_rating is None:
        raise NotFoundError(_("Predikat kinerja organisasi unit ini belum ditetapkan."))
    return confirm_page(request, title=_("Finalkan penilaian unit"),
                        question=_("Finalkan penilaian tahunan unit ini? Predikat yang final tidak dapat diubah dan "
                                   "diteruskan ke pengembangan kompetensi, penghargaan dan sanksi."),
                        perform=lambda _r: services.unit_finalise(actor=request.user, interface=WEB,
                                                                  unit_rating=unit_rating),
                        success_url=back, success_message=_("Penilaian unit difinalkan."), cancel_url=back,
                        needs_reason=False)


@login_required
def acting_assign(request: AuthenticatedRequest) -> HttpResponse:
    instansi_id = request.user.instansi_id
    if instansi_id is None or not Scope.of(request.user).allows(Resource.PERFORMANCE_PERIOD, Action.UPDATE,
                                                                instansi_id=instansi_id):
        raise PermissionDeniedError(not_allowed_message())
    positions = Position.objects.filter(instansi_id=instansi_id, kind__in=list(hierarchy.MANAGERIAL_RANK),
                                        archived_at__isnull=True).order_by("name")
    employees = employee_list(viewer=request.user).filter(status="AKTIF").order_by("name")
    form = forms.ActingForm(request.POST or None, positions=positions, employees=employees)
    back = reverse("performance:periods")
    return form_page(request, form=form, template="web/form.html", title=_("Tetapkan Pelaksana tugas (Plt)"),
                     submit=lambda d: services.acting_assign(actor=request.user, interface=WEB, **d),
                     success_url=lambda _o: back, success_message=_("Plt dicatat."), context={"cancel_url": back})
