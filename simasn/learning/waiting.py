"""What waits for the learning roles: employees behind on their JP (operator, PPK, PyB)
and one's own shortfall (employee)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.learning import selectors
from simasn.web.waiting import WaitingItem


def waiting_for(*, viewer: User) -> list[WaitingItem]:
    scope = Scope.of(viewer)
    level = scope.reach(Resource.LEARNING_COMPLIANCE, Action.VIEW)
    today = timezone.localdate()
    items: list[WaitingItem] = []
    if level == Reach.INSTANSI and scope.instansi_id:
        summary = selectors.jp_compliance(viewer=viewer, on=today)
        behind = summary.behind
        items.append(WaitingItem(
            label=_("Pegawai belum memenuhi atau melebihi batas JP"), count=len(behind),
            url=reverse("learning:compliance") + "?behind=on",
            urgent=any(r.status == "TIDAK_MEMENUHI" or r.status == "MELEBIHI" for r in behind),
            detail=_("PNS paling sedikit 20 JP setahun; PPPK paling banyak 24 JP per tahun perjanjian.")))
    if level == Reach.SELF and viewer.employee_id:
        summary = selectors.jp_compliance(viewer=viewer, on=today, employee_id=viewer.employee_id)
        row = summary.rows[0] if summary.rows else None
        if row is not None and row.behind:
            items.append(WaitingItem(
                label=_("JP Anda tahun ini belum memenuhi batas"), count=1, url=reverse("learning:mine"),
                detail=_("Kurang %(jp)s JP.") % {"jp": f"{row.shortfall_jp:g}".replace(".", ",")}
                if row.shortfall_jp else ""))
    return items
