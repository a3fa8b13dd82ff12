"""Scope of the synchronization meeting and of the monitoring of aligned work plans
(PermenRK Pasal 6 and 9), judged by effect: the meeting is opened or not, the realization is
recorded or not, the monitoring rows show an institution's activities or not.

Written out from PermenRK and MISSION.md "Users and their jobs": KemenPANRB (the coordinator)
convenes the meeting; a participant's planner and secretariat head, and the recipients of
the plans, do not. Each participant's planner records the realization of their own
institution's aligned activities, not another participant's; the coordinator reads them all.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.workplans import selectors, services
from simasn.workplans.models import Activity, Draft, Meeting, Realization
from simasn.workplans.tests.conftest import make_policy
from simasn.workplans.tests.test_services_cycle import new_cycle, run_to_sealed

pytestmark = pytest.mark.django_db
W = Interface.WEB


def _past_permission(call: Any) -> bool:
    try:
        call()
    except PermissionDeniedError:
        return False
    except ApplicationError:
        return True  # refused by the cycle's state, not by scope
    return True


def test_only_the_coordinator_convenes_the_meeting(users: Any, draft: Any) -> None:
    cycle = draft.cycle

    def convene(actor: Any) -> bool:
        return _past_permission(lambda: services.meeting_open(
            actor=actor, interface=W, cycle=cycle, held_on=cycle.starts_on + dt.timedelta(days=28), mode="LURING",
            location="Kantor KemenPANRB"))

    for actor in (users.planner["BKN"], users.secretary["BKN"], users.planner["KEMENPANRB"], users.bappenas,
                  users.kemenkeu, users.presiden):
        assert not convene(actor), actor.username
    assert not Meeting.objects.filter(cycle=cycle).exists()
    assert convene(users.minister)


def test_each_planner_records_the_realization_of_their_own_institution_only(
        users: Any, django_capture_on_commit_callbacks: Any) -> None:
    cycle = new_cycle(users, make_policy(users.minister, 2025, 2029), on=dt.date(2025, 9, 1), year=2027)
    run_to_sealed(users, cycle, django_capture_on_commit_callbacks)
    activity = Activity.objects.filter(program__draft__cycle=cycle, program__draft__kind=Draft.Kind.SELARAS,
                                       program__draft__institution__code="BKN").first()
    assert activity is not None

    def record(actor: Any) -> bool:
        return _past_permission(lambda: services.realization_record(
            actor=actor, interface=W, activity=activity, year=2027, quarter=1, target_realized=Decimal("10"),
            budget_realized=1_000_000))

    for actor in (users.planner["LAN"], users.secretary["LAN"], users.bappenas):
        assert not record(actor), actor.username
    assert not Realization.objects.filter(activity=activity).exists()
    assert record(users.planner["BKN"])
    assert Realization.objects.filter(activity=activity).exists()

    def institutions(viewer: Any) -> set[str]:
        return {row.activity.program.draft.institution.code
                for row in selectors.monitoring_rows(viewer=viewer, cycle=cycle, year=2027)}

    assert institutions(users.planner["BKN"]) == {"BKN"}
    assert "BKN" not in institutions(users.planner["LAN"])
    assert {"BKN", "LAN"} <= institutions(users.minister)
    assert institutions(users.kemenkeu) == set()
