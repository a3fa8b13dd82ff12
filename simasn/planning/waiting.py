""""What waits for me" in needs planning (simasn.web.waiting): KemenPANRB's proposals to
review and decide, the PPK's plans ready to propose, the operator's returned plans and a
published policy without the instansi's plan."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.planning import selectors
from simasn.planning.models import NeedsPlan
from simasn.web.waiting import WaitingItem


def waiting_for(*, viewer: User) -> list[WaitingItem]:
    scope = Scope.of(viewer)
    items: list[WaitingItem] = []
    plans_url = reverse("planning:plan_list")
    if scope.can(Resource.NEEDS_DECISION, Action.CREATE):
        n = selectors.plan_list(viewer=viewer, status=NeedsPlan.Status.SUBMITTED).count()
        items.append(WaitingItem(label=_("Usulan kebutuhan ASN menunggu penelaahan dan penetapan"), count=n,
                                 url=f"{plans_url}?status={NeedsPlan.Status.SUBMITTED}"))
    if scope.can(Resource.NEEDS_PROPOSAL, Action.CREATE):
        n = (selectors.plan_list(viewer=viewer).filter(status__in=(NeedsPlan.Status.DRAFT, NeedsPlan.Status.RETURNED),
                                                       lines__proposals__isnull=False).distinct().count())
        items.append(WaitingItem(label=_("Rencana kebutuhan siap Anda usulkan kepada Menteri PANRB"), count=n,
                                 url=plans_url))
    if scope.can(Resource.NEEDS_PLAN, Action.UPDATE):
        n = selectors.plan_list(viewer=viewer, status=NeedsPlan.Status.RETURNED).count()
        items.append(WaitingItem(label=_("Rencana kebutuhan dikembalikan KemenPANRB untuk diperbaiki"), count=n,
                                 url=f"{plans_url}?status={NeedsPlan.Status.RETURNED}", urgent=True))
        year = timezone.localdate().year + 1
        if (viewer.instansi_id is not None and selectors.current_policy(year) is not None
                and not selectors.plan_list(viewer=viewer, fiscal_year=year).exists()):
            items.append(WaitingItem(
                label=_("Kebijakan kebutuhan nasional %(year)s sudah ditetapkan; rencana instansi belum disusun")
                % {"year": year}, count=1, url=reverse("planning:plan_create")))
    return items
