""""What waits for me" in the work-plan synchronization (contract: simasn.web.waiting).

- the planner: the institution's rancangan usulan still being drafted while the agenda's
  deadline runs (PermenRK Pasal 5 ayat (2), (4)); urgent once the deadline has passed;
- the head of a secretariat unit: a berita acara the institution has not signed yet
  (Pasal 5 ayat (5) huruf d);
- everyone: unread notices (agenda, coordination letters — Pasal 5 ayat (1), Pasal 7).

Who may do it comes from the policy table (Scope.allows), never from the role itself.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.web.waiting import WaitingItem
from simasn.workplans import selectors
from simasn.workplans.models import BeritaAcara, Draft, Stage


def waiting_for(*, viewer: User) -> list[WaitingItem]:
    items: list[WaitingItem] = []
    institution_id = Scope.of(viewer).own_institution_id()
    today = timezone.localdate()
    if institution_id is not None and Scope.of(viewer).allows(Resource.WORKPLAN_DRAFT, Action.UPDATE,
                                                    institution_id=institution_id) \
            and Scope.of(viewer).reach(Resource.WORKPLAN_DRAFT, Action.UPDATE) != Reach.NATIONAL:
        drafts = list(
            selectors.draft_list(viewer=viewer, kind=Draft.Kind.USULAN)
            .filter(institution_id=institution_id, status=Draft.Status.DRAFT, locked=False,
                    cycle__is_superseded=False, cycle__agenda__isnull=False)
            .select_related("cycle__agenda").order_by("cycle__agenda__draft_deadline"))
        late = [d for d in drafts if d.cycle.agenda.draft_deadline < today]
        due = [d for d in drafts if d.cycle.agenda.draft_deadline >= today]
        if late:
            items.append(WaitingItem(
                label=_("Rancangan rencana kerja melewati batas pengiriman"), count=len(late),
                url=reverse("workplans:draft_detail", args=[late[0].pk]), urgent=True,
                detail=_("Batas %(date)s (PermenRK Pasal 5 ayat (4)).")
                % {"date": date_format(late[0].cycle.agenda.draft_deadline, "j F Y")}))
        if due:
            items.append(WaitingItem(
                label=_("Rancangan rencana kerja yang harus dikirim kepada Menteri"), count=len(due),
                url=reverse("workplans:draft_detail", args=[due[0].pk]),
                detail=_("Batas terdekat %(date)s.")
                % {"date": date_format(due[0].cycle.agenda.draft_deadline, "j F Y")}))
    if institution_id is not None and Scope.of(viewer).allows(Resource.WORKPLAN_SIGNATURE, Action.CREATE,
                                                    institution_id=institution_id):
        unsigned = list(
            BeritaAcara.objects.filter(
                sealed_at__isnull=True, cycle__stage=Stage.PENANDATANGANAN,
                cycle__in=selectors.cycle_list(viewer=viewer),
                cycle__participants__institution_id=institution_id)
            .exclude(signatures__institution_id=institution_id).select_related("cycle").order_by("cycle_id"))
        if unsigned:
            items.append(WaitingItem(
                label=_("Berita acara yang menunggu tanda tangan Anda"), count=len(unsigned),
                url=reverse("workplans:meeting", args=[unsigned[0].cycle_id])))
    unread = selectors.notification_list(viewer=viewer).filter(read_at__isnull=True).count()
    items.append(WaitingItem(label=_("Pemberitahuan sinkronisasi rencana kerja yang belum dibaca"),
                             count=unread, url=reverse("workplans:notifications")))
    return items
