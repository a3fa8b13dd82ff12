"""What waits for the rewards roles: the year's Satyalancana candidates to propose."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.rewards import selectors
from simasn.rewards.models import CandidateState
from simasn.web.waiting import WaitingItem


def waiting_for(*, viewer: User) -> list[WaitingItem]:
    scope = Scope.of(viewer)
    if not scope.can(Resource.SATYALANCANA, Action.UPDATE):
        return []
    year = timezone.localdate().year
    count = selectors.candidate_list(viewer=viewer, year=year, state=CandidateState.CALON).count()
    return [WaitingItem(label=_("Calon Satyalancana Karya Satya %(year)s yang belum diusulkan") % {"year": year},
                        count=count, url=f"{reverse('rewards:candidates')}?state={CandidateState.CALON}")]
