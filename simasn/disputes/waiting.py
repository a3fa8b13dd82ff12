"""What waits for the remedy roles: keberatan to decide, banding to answer or decide."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.disputes import selectors
from simasn.disputes.models import DisputeState, Route
from simasn.web.formatting import short_date
from simasn.web.waiting import WaitingItem


def waiting_for(*, viewer: User) -> list[WaitingItem]:
    scope = Scope.of(viewer)
    if not scope.can(Resource.DISPUTE):
        return []
    today = timezone.localdate()
    url = reverse("disputes:list")
    items: list[WaitingItem] = []

    def item(label: str, route: str, state: str) -> None:
        qs = selectors.dispute_list(viewer=viewer, route=route, state=state)
        count = qs.count()
        overdue = qs.filter(decide_due__lt=today).count() if route == Route.KEBERATAN or state == \
            DisputeState.DITANGGAPI else qs.filter(answer_due__lt=today).count()
        nearest = qs.order_by("decide_due").values_list("decide_due", flat=True).first()
        detail = _("Batas terdekat: %(d)s") % {"d": short_date(nearest)} if nearest else ""
        items.append(WaitingItem(label=label, count=count, url=f"{url}?route={route}&state={state}",
                                 urgent=overdue > 0, detail=detail))

    if scope.can(Resource.DISPUTE_OBJECTION_DECISION, Action.CREATE):
        item(_("Keberatan yang menunggu keputusan Anda"), Route.KEBERATAN, DisputeState.DIAJUKAN)
    if scope.can(Resource.DISPUTE_APPEAL_ANSWER, Action.CREATE):
        item(_("Banding administratif yang menunggu tanggapan PPK"), Route.BANDING_ADMINISTRATIF,
             DisputeState.DIAJUKAN)
    if scope.can(Resource.DISPUTE_APPEAL_DECISION, Action.CREATE):
        item(_("Banding administratif yang menunggu keputusan BPASN"), Route.BANDING_ADMINISTRATIF,
             DisputeState.DITANGGAPI)
    return items
