"""Scope of the performance year (period) and of work-culture activities, own vs other
instansi, judged by effect: the period or activity is created or refused, the list shows it
or not.

Written out from MISSION.md "Users and their jobs" (UU 20/2023 Pasal 39-45): the operator of
an instansi opens its performance year and records its work-culture activities; the PPK and
PyB, and the instansi's employees, read them; another instansi's roles do neither; the
national institutions read every instansi's (without writing).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from simasn.accounts.roles import Role
from simasn.core.errors import PermissionDeniedError
from simasn.performance import selectors, services
from simasn.performance.models import CultureActivity, PerformancePeriod
from simasn.performance.tests.conftest import WEB
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role

# role -> (writes own, writes other, reads own, reads other)
EXPECTED: dict[Role, tuple[bool, bool, bool, bool]] = {
    Role.OPERATOR: (True, False, True, False),
    Role.PPK: (False, False, True, False),
    Role.PYB: (False, False, True, False),
    Role.PEGAWAI: (False, False, True, False),
    Role.BKN: (False, False, True, True),
    Role.KEMENPANRB: (False, False, True, True),
}


def _user(role: Role, instansi: Any) -> Any:
    if role == Role.PEGAWAI:
        return user_with_role(role, instansi=instansi, employee=EmployeeFactory(instansi=instansi))
    if role in (Role.OPERATOR, Role.PPK, Role.PYB):
        return user_with_role(role, instansi=instansi)
    return user_with_role(role)


def _allowed(call: Any) -> bool:
    try:
        call()
    except PermissionDeniedError:
        return False
    return True


def _open(actor: Any, instansi: Any) -> bool:
    return _allowed(lambda: services.period_open(actor=actor, interface=WEB, instansi_id=instansi.pk, year=2025))


def _culture(actor: Any, instansi: Any) -> bool:
    return _allowed(lambda: services.culture_activity_add(
        actor=actor, interface=WEB, instansi_id=instansi.pk, title="Apel nilai dasar BerAKHLAK",
        held_on=dt.date(2025, 3, 3), value_codes=["KODE_ETIK"]))


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(EXPECTED), ids=lambda r: r.value)
def test_the_own_operator_opens_the_year_and_records_culture_others_read_in_scope(role: Role) -> None:
    own, other = InstansiFactory(name="Kota Sendiri"), InstansiFactory(name="Kabupaten Lain")
    user = _user(role, own)
    writes_own, writes_other, reads_own, reads_other = EXPECTED[role]
    assert _open(user, own) is writes_own
    assert _open(user, other) is writes_other
    assert _culture(user, own) is writes_own
    assert _culture(user, other) is writes_other
    # What exists is what the instansi's own operator wrote, read in scope.
    for instansi in (own, other):
        operator = user_with_role(Role.OPERATOR, instansi=instansi)
        if not PerformancePeriod.objects.filter(instansi=instansi).exists():
            _open(operator, instansi)
        if not CultureActivity.objects.filter(instansi=instansi).exists():
            _culture(operator, instansi)
    periods = set(selectors.period_list(viewer=user).values_list("instansi_id", flat=True))
    cultures = set(selectors.culture_list(viewer=user).values_list("instansi_id", flat=True))
    assert (own.pk in periods, other.pk in periods) == (reads_own, reads_other), periods
    assert (own.pk in cultures, other.pk in cultures) == (reads_own, reads_other), cultures
