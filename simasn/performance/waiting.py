"""What waits for the viewer in performance management (simasn.web.waiting contract); what
they may see and do comes from the policy table through Scope."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.performance import selectors
from simasn.performance.models import ANNUAL, PeriodStatus, PlanStatus, UnitRating
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
