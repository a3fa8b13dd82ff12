"""What waits for the talent roles: incoming mobility proposals to accept (receiving
instansi), proposals ready to be drafted as an SK (operator of the sending instansi)."""

from __future__ import annotations

from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.talent import selectors
from simasn.talent.models import MobilityKind, MobilityState
from simasn.web.waiting import WaitingItem


def waiting_for(*, viewer: User) -> list[WaitingItem]:
    scope = Scope.of(viewer)
    if scope.reach(Resource.TALENT_MOBILITY, Action.UPDATE) < Reach.INSTANSI:
        return []
    proposals = selectors.mobility_list(viewer=viewer)
    items = []
    if scope.reach(Resource.TALENT_MOBILITY, Action.UPDATE) == Reach.INSTANSI:
        incoming = proposals.filter(target_instansi_id=scope.instansi_id, state=MobilityState.PROPOSED).exclude(
            source_instansi_id=scope.instansi_id).count()
        items.append(WaitingItem(label=_("Usul mobilitas talenta menunggu penerimaan instansi Anda"), count=incoming,
                                 url=reverse("talent:mobility_list") + "?state=" + MobilityState.PROPOSED))
    if scope.allows(Resource.ACTION, Action.CREATE, instansi_id=scope.instansi_id):
        ready = proposals.filter(source_instansi_id=scope.instansi_id).exclude(kind=MobilityKind.OUT).filter(
            Q(state=MobilityState.ACCEPTED)
            | Q(state=MobilityState.PROPOSED) & (Q(target_instansi__isnull=True) | Q(target_instansi_id=F("source_instansi_id")))
        ).count()
        items.append(WaitingItem(label=_("Usul mobilitas siap disusun menjadi konsep SK"), count=ready,
                                 url=reverse("talent:mobility_list")))
    return items
