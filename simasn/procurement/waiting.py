""""What waits for me" in procurement (simasn.web.waiting contract)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.procurement import selectors
from simasn.procurement.models import Stage, Verdict
from simasn.web.formatting import short_date
from simasn.web.waiting import WaitingItem


def waiting_for(*, viewer: User) -> list[WaitingItem]:
    scope = Scope.of(viewer)
    items: list[WaitingItem] = []
    if scope.can(Resource.APPLICATION_VERIFICATION, Action.UPDATE):
        todo = selectors.verification_todo(viewer=viewer).count()
        items.append(WaitingItem(label=_("Lamaran yang menunggu verifikasi administrasi"), count=todo,
                                 url=reverse("procurement:verification") + "?status=todo"))
    if scope.can(Resource.SANGGAH, Action.UPDATE):
        open_ = selectors.sanggah_list(viewer=viewer, open_only=True)
        late = open_.filter(answer_due_on__lt=timezone.localdate()).count()
        nearest = open_.first()
        items.append(WaitingItem(
            label=_("Sanggah yang menunggu jawaban"), count=open_.count(), url=reverse("procurement:sanggah_list"),
            urgent=late > 0, detail=(_("batas terdekat %(d)s") % {"d": short_date(nearest.answer_due_on)})
            if nearest else ""))
    if scope.can(Resource.PROCUREMENT_APPOINTMENT, Action.CREATE):
        pending = selectors.application_list(viewer=viewer).filter(
            selected=True, appointment__isnull=True, period__stage__in=(Stage.FINAL, Stage.APPOINTMENT)).count()
        items.append(WaitingItem(label=_("Pelamar lulus yang menunggu pengangkatan"), count=pending,
                                 url=reverse("procurement:periods")))
    applicant = selectors.applicant_of(viewer=viewer)
    if applicant is not None:
        mine = selectors.application_list(viewer=viewer)
        tms = mine.filter(admin_verdict=Verdict.TMS, sanggah__isnull=True).count()
        items.append(WaitingItem(label=_("Lamaran Anda yang tidak memenuhi syarat (periksa kesempatan sanggah)"),
                                 count=tms, url=reverse("procurement:my_applications")))
    return items
