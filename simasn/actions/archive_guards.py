"""What an archive would break in personnel actions: an action still open (drafted,
proposed, or decided but not yet in effect) keeps its instansi and target position, and an
instansi keeps an official able to decide it (simasn.core.archiving; registered in
ActionsConfig.ready). Decided SKs need nothing: they carry their signer's name and title."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.actions.models import OPEN_STATES, PersonnelAction
from simasn.organization.models import Instansi, Official
from simasn.organization.selectors import official_in_office
from simasn.positions.models import Position


def _open(count: int) -> str:
    if count:
        return _("%(n)d tindakan kepegawaian yang belum selesai masih menyebutnya; selesaikan atau tarik "
                 "tindakan itu lebih dulu.") % {"n": count}
    return ""


def instansi_in_open_actions(instansi: Instansi) -> str:
    return _open(PersonnelAction.objects.filter(Q(instansi=instansi) | Q(target_instansi=instansi),
                                                state__in=OPEN_STATES).count())


def position_in_open_actions(position: Position) -> str:
    return _open(PersonnelAction.objects.filter(position=position, state__in=OPEN_STATES).count())


def official_needed_for_open_actions(official: Official) -> str:
    """The official in office today may be archived only if someone else holds the role today
    or nothing in the instansi waits for a decision."""
    today = timezone.localdate()
    if official_in_office(instansi_id=official.instansi_id, role=official.role, on=today) != official:
        return ""
    others = (Official.objects.active().valid_on(today)
              .filter(instansi_id=official.instansi_id, role=official.role).exclude(pk=official.pk))
    if others.exists():
        return ""
    waiting = PersonnelAction.objects.filter(instansi_id=official.instansi_id, state__in=OPEN_STATES).count()
    if waiting:
        return _("pejabat ini sedang menjabat dan %(n)d tindakan kepegawaian instansinya menunggu "
                 "penetapan; catat penggantinya lebih dulu.") % {"n": waiting}
    return ""
