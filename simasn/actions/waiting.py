""""What waits for me" from personnel actions (the contract: simasn.web.waiting).

One item per kind of waiting work: drafts the PyB proposes, cases the PPK or the
President's office decides, transfers the receiving PPK accepts, and — urgent — employees
past their TMT pensiun (and PPPK past their contract) with no decision, for whoever drafts
the actions of the instansi. Every count comes from the app's selectors, so the policy
table and Scope decide what the viewer is shown.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.actions import selectors
from simasn.web.waiting import WaitingItem


def waiting_for(*, viewer: User) -> list[WaitingItem]:
    scope = Scope.of(viewer)
    if not scope.can(Resource.ACTION):
        return []
    listing = reverse("actions:list")
    items = [
        WaitingItem(label=_("Konsep tindakan kepegawaian yang menunggu usul Anda"),
                    count=selectors.actions_waiting(viewer=viewer, kind="usul").count(),
                    url=f"{listing}?menunggu=usul"),
        WaitingItem(label=_("Usul tindakan kepegawaian yang menunggu keputusan Anda"),
                    count=selectors.actions_waiting(viewer=viewer, kind="tetapkan").count(),
                    url=f"{listing}?menunggu=tetapkan"),
        WaitingItem(label=_("Mutasi antarinstansi yang menunggu penerimaan instansi Anda"),
                    count=selectors.actions_waiting(viewer=viewer, kind="terima").count(),
                    url=f"{listing}?menunggu=terima",
                    detail=_("Diterima dahulu oleh PPK instansi tujuan sebelum dapat ditetapkan.")),
    ]
    if scope.can(Resource.ACTION, Action.CREATE) and scope.reach(Resource.EMPLOYEE, Action.VIEW) >= Reach.INSTANSI:
        on = timezone.localdate()
        worklist = reverse("actions:worklist")
        items.append(WaitingItem(
            label=_("Pegawai melewati batas usia pensiun tanpa keputusan"),
            count=selectors.retirement_overdue(viewer=viewer, on=on).count(),
            url=worklist, urgent=True,
            detail=_("UU 20/2023 Pasal 52 ayat (3) huruf c, Pasal 55: buat konsep pemberhentian.")))
        items.append(WaitingItem(
            label=_("PPPK yang perjanjian kerjanya sudah berakhir tanpa keputusan"),
            count=selectors.contracts_ended(viewer=viewer, on=on).count(),
            url=worklist, urgent=True))
    return items
