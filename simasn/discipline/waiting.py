"""What waits for the discipline roles: reports to examine, examined cases to decide."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.discipline import selectors
from simasn.discipline.models import CaseState
from simasn.web.waiting import WaitingItem


def waiting_for(*, viewer: User) -> list[WaitingItem]:
    scope = Scope.of(viewer)
    items: list[WaitingItem] = []
    if not scope.can(Resource.DISCIPLINE_CASE):
        return items
    url = reverse("discipline:list")
    if scope.can(Resource.DISCIPLINE_CASE, Action.UPDATE):
        count = selectors.case_list(viewer=viewer, state=CaseState.DILAPORKAN).count()
        items.append(WaitingItem(label=_("Laporan pelanggaran disiplin yang menunggu pemeriksaan"), count=count,
                                 url=f"{url}?state={CaseState.DILAPORKAN}"))
    if scope.can(Resource.DISCIPLINE_DECISION, Action.CREATE) and scope.instansi_id is not None:
        count = selectors.case_list(viewer=viewer, state=CaseState.DIPERIKSA).count()
        items.append(WaitingItem(label=_("Kasus disiplin yang menunggu keputusan"), count=count,
                                 url=f"{url}?state={CaseState.DIPERIKSA}"))
    return items
