"""What waits for the viewer in performance management (simasn.web.waiting contract); what
they may see and do comes from the policy table through Scope."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.performance import selectors, services
from simasn.performance.models import (
    ANNUAL,
    PerformancePeriod,
    PeriodStatus,
    PlanStatus,
    UnitRating,
)
from simasn.web.waiting import WaitingItem


def waiting_for(*, viewer: User) -> list[WaitingItem]:
    scope = Scope.of(viewer)
    items: list[WaitingItem] = []
    if not scope.can(Resource.PERFORMANCE_PERIOD):
        return items
    today = timezone.localdate()
    if viewer.employee_id:
        mine = selectors.plan_list(viewer=viewer, employee_id=viewer.employee_id).filter(
            period__status=PeriodStatus.OPEN)
        empty = mine.filter(results__isnull=True).count()
        items.append(WaitingItem(label=_("SKP saya yang belum berisi rencana hasil kerja"), count=empty,
                                 url=reverse("performance:home")))
        team = selectors.team_list(viewer=viewer).filter(period__status=PeriodStatus.OPEN)
        items.append(WaitingItem(label=_("SKP tim yang menunggu kesepakatan Anda"),
                                 count=team.filter(status=PlanStatus.DRAFT, results__isnull=False).distinct().count(),
                                 url=reverse("performance:team")))
        overdue = team.filter(period__end_date__lt=today).exclude(ratings__evaluation=ANNUAL).count()
        items.append(WaitingItem(label=_("Penilaian tahunan tim yang terlambat"), count=overdue,
                                 url=reverse("performance:team"), urgent=True))
        # The calibration of a unit the viewer leads waits for them from the last periodic
        # evaluation of an open year until the unit is finalised (the annual rating season).
        due = [c for c in selectors.led_calibrations(viewer=viewer) if not c["final"]
               and _rating_season(c["period_id"], today)]
        if due:
            items.append(WaitingItem(label=_("Kalibrasi unit yang Anda pimpin (penilaian tahunan)"), count=len(due),
                                     url=reverse("performance:unit", args=[due[0]["period_id"], due[0]["unit_id"]])))
        items.append(WaitingItem(label=_("Penyesuaian predikat menunggu persetujuan Anda"),
                                 count=len(selectors.pending_overrides(viewer=viewer)),
                                 url=reverse("performance:team")))
    if scope.reach(Resource.PERFORMANCE_UNIT_RATING, Action.UPDATE) >= Reach.INSTANSI:
        open_units = scope.filter(UnitRating.objects.filter(period__status=PeriodStatus.OPEN,
                                                            finalised_at__isnull=True),
                                  Resource.PERFORMANCE_UNIT_RATING, Action.UPDATE).count()
        items.append(WaitingItem(label=_("Unit kerja yang belum memfinalkan penilaian"), count=open_units,
                                 url=reverse("performance:periods")))
    if scope.reach(Resource.PERFORMANCE_CASE, Action.UPDATE) >= Reach.INSTANSI:
        items.append(WaitingItem(label=_('Kasus "tidak berkinerja" menunggu keputusan'),
                                 count=selectors.case_list(viewer=viewer).filter(status="OPEN").count(),
                                 url=reverse("performance:cases"), urgent=True))
    return items


def _rating_season(period_id: int, today: dt.date) -> bool:
    """From the start of the year's last periodic evaluation on (when annual ratings are given)."""
    period = PerformancePeriod.objects.get(pk=period_id)
    periodic = [e for e in services.evaluations(period) if e["code"] != ANNUAL]
    return bool(periodic) and today >= periodic[-1]["start"]
