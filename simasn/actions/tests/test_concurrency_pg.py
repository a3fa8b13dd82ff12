"""Two officials act on the same action at once: exactly one wins (real PostgreSQL)."""

from __future__ import annotations

import pytest

from simasn.actions import services
from simasn.actions.models import ActionDocument, ActionState, ActionType, PersonnelAction
from simasn.core.errors import ApplicationError, ConflictError
from simasn.core.interfaces import Interface
from simasn.testing.concurrency import race, require_postgres

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _require_postgres() -> None:
    require_postgres()


def test_two_deciders_exactly_one_wins(world):
    from simasn.accounts.roles import Role
    from simasn.testing.factories import user_with_role

    second_ppk = user_with_role(Role.PPK, instansi=world.instansi)
    action = services.action_draft(actor=world.operator, interface=Interface.API,
                                   action_type=ActionType.RETIREMENT, employee_id=world.employee.pk)
    action = services.action_propose(actor=world.pyb, interface=Interface.API, action_id=action.pk)
    version = action.version
    results = race([
        lambda: services.action_decide(actor=world.ppk, interface=Interface.API, action_id=action.pk,
                                       expected_version=version),
        lambda: services.action_decide(actor=second_ppk, interface=Interface.API, action_id=action.pk,
                                       expected_version=version),
    ])
    winners = [r for r in results if isinstance(r, PersonnelAction)]
    losers = [r for r in results if isinstance(r, ApplicationError)]
    assert len(winners) == 1, results
    assert len(losers) == 1 and isinstance(losers[0], ConflictError), results
    action.refresh_from_db()
    assert action.state == ActionState.DECIDED and action.version == version + 1
    assert ActionDocument.objects.filter(action=action).count() == 1


def test_decide_and_reject_at_once(world):
    action = services.action_draft(actor=world.operator, interface=Interface.API,
                                   action_type=ActionType.RETIREMENT, employee_id=world.employee.pk)
    action = services.action_propose(actor=world.pyb, interface=Interface.API, action_id=action.pk)
    results = race([
        lambda: services.action_decide(actor=world.ppk, interface=Interface.API, action_id=action.pk),
        lambda: services.action_withdraw(actor=world.operator, interface=Interface.API, action_id=action.pk,
                                         reason="salah pegawai"),
    ])
    assert sum(isinstance(r, PersonnelAction) for r in results) == 1, results
    assert sum(isinstance(r, ConflictError) for r in results) == 1, results
    action.refresh_from_db()
    assert action.state in (ActionState.DECIDED, ActionState.WITHDRAWN)


def test_daily_job_run_twice_at_once_applies_once(world):
    import datetime as dt

    from simasn.testing.factories import EmployeeFactory

    # A young employee, so that a TMT in 2030 is still inside the years of service.
    young = EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos,
                            birth_date=dt.date(1995, 5, 5), tmt_cpns=dt.date(2020, 3, 1))
    action = services.action_draft(actor=world.operator, interface=Interface.API,
                                   action_type=ActionType.TEMPORARY_DISMISSAL, employee_id=young.pk,
                                   facts={"reason": "CUTI_DILUAR_TANGGUNGAN_NEGARA"}, tmt=dt.date(2030, 1, 1))
    services.action_propose(actor=world.pyb, interface=Interface.API, action_id=action.pk)
    services.action_decide(actor=world.ppk, interface=Interface.API, action_id=action.pk)
    on = dt.date(2030, 1, 2)
    results = race([lambda: services.apply_due_actions(on=on), lambda: services.apply_due_actions(on=on)])
    assert sorted(len(r) for r in results) == [0, 1], results
