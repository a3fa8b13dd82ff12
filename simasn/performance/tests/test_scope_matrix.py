"""The scope matrix for the performance resources: each role, on its own and on another
instansi, judged by effect (what the selector returns, whether the write happened). The
expectations are written out from the issue and MISSION.md, not read from the policy table."""

from __future__ import annotations

from typing import Any

import pytest

from simasn.accounts.roles import Role
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.performance import selectors, services, statistics
from simasn.performance.models import ANNUAL, PerformancePlan, Rating, TidakBerkinerjaCase
from simasn.performance.tests.conftest import WEB
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role

# role -> (sees own instansi's plans, sees the other's, may rate own plans, sets unit rating own,
#          decides cases own, reads national statistics)
EXPECTED = {
    Role.OPERATOR: (True, False, False, False, False, False),
    Role.PYB: (True, False, True, True, True, False),
    Role.PPK: (True, False, True, True, True, False),
    Role.PEGAWAI: (False, False, False, False, False, False),
    Role.ADMIN: (True, True, False, False, False, True),
    Role.BKN: (False, False, False, False, False, True),
    Role.KEMENPANRB: (False, False, False, False, False, True),
    Role.LAN: (False, False, False, False, False, True),
    Role.KASN: (False, False, False, False, False, True),
    Role.PRESIDEN: (False, False, False, False, False, False),
    Role.BAPPENAS: (False, False, False, False, False, False),
}


def _user(role: Role, org: Any, other: Any) -> Any:
    if role in (Role.OPERATOR, Role.PYB, Role.PPK):
        return user_with_role(role, instansi=org.instansi)
    if role == Role.PEGAWAI:  # an employee who appraises nobody, in the other instansi
        return user_with_role(role, employee=EmployeeFactory(instansi=other))
    return user_with_role(role)


def _allowed(call: Any) -> bool:
    try:
        call()
    except PermissionDeniedError:
        return False
    except ApplicationError:
        return True  # past the permission check, refused by a business rule
    return True


@pytest.mark.parametrize("role", list(EXPECTED))
def test_scope_matrix(role: Role, org: Any, period: Any) -> None:
    other = InstansiFactory(name="Kabupaten Lain", kind="KABUPATEN")
    other_employee = EmployeeFactory(instansi=other)
    other_plan = PerformancePlan.objects.create(period=services.period_open(
        actor=user_with_role(Role.OPERATOR, instansi=other), interface=WEB, instansi_id=other.pk, year=2025),
        instansi=other, employee=other_employee, position=org.staff_pos, unit=org.bidang,
        start_date=period.start_date, end_date=period.end_date)
    # A final rating in the other instansi (for the national statistics) and an open case here.
    Rating.objects.create(plan=other_plan, evaluation=ANNUAL, work_result_rating="SESUAI_EKSPEKTASI",
                          behaviour_rating="SESUAI_EKSPEKTASI", computed_predikat="BAIK", predikat="BAIK",
                          is_final=True)
    case = TidakBerkinerjaCase.objects.create(instansi=org.instansi, employee=org.staff[4], year=2025)
    user = _user(role, org, other)
    own_plan = PerformancePlan.objects.get(period=period, employee=org.staff[0])
    visible = set(selectors.plan_list(viewer=user).values_list("pk", flat=True))
    observed = (
        own_plan.pk in visible,
        other_plan.pk in visible,
        _allowed(lambda: services.rating_set(actor=user, interface=WEB, plan=own_plan, evaluation=ANNUAL,
                                             work_result_rating="SESUAI_EKSPEKTASI",
                                             behaviour_rating="SESUAI_EKSPEKTASI")),
        _allowed(lambda: services.unit_rating_set(actor=user, interface=WEB, period=period,
                                                  unit_id=org.bidang.pk, rating="BAIK")),
        _allowed(lambda: services.case_decide(actor=user, interface=WEB, case=case, forward=False,
                                              note="Kinerja membaik setelah konseling.")),
        any(row["group"] == "Kabupaten Lain" for row in statistics.distribution(viewer=user, year=2025)),
    )
    assert observed == EXPECTED[role], f"{role}: {observed}"


def test_a_superior_sees_exactly_the_plans_they_appraise(org: Any, period: Any) -> None:
    kabid = org.user(org.kabid)
    team = set(selectors.team_list(viewer=kabid).values_list("employee_id", flat=True))
    assert team == {e.pk for e in org.staff}
    kaban = org.user(org.kaban)
    assert set(selectors.team_list(viewer=kaban).values_list("employee_id", flat=True)) == {org.kabid.pk}
    # An employee sees their own plan and those they appraise, nothing else of the instansi.
    assert set(selectors.plan_list(viewer=kabid).values_list("employee_id", flat=True)) == {
        org.kabid.pk, *[e.pk for e in org.staff]}
