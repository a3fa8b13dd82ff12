"""Scope of talent assessments, national priorities and the gap view, own vs other instansi,
judged by effect (the row is written or not, the list shows it or not).

Written out from MISSION.md "Users and their jobs" (UU 20/2023 Pasal 46-47): the operator
records the instansi's assessment results and the PPK/PyB read them; an employee reads their
own; another instansi reads none. KemenPANRB sets national talent priorities, BKN reads them,
an instansi's roles do neither. The gap view shows the instansi its own critical posts, the
national readers every instansi, another instansi nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from simasn.accounts.roles import Role
from simasn.core.errors import NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.talent import gaps, selectors, services
from simasn.talent.models import NationalPriority, TalentAssessment
from simasn.testing.factories import user_with_role

W = Interface.WEB
ON = dt.date(2026, 6, 1)


def _assess(actor: Any, employee: Any) -> bool:
    try:
        services.assessment_create(actor=actor, interface=W, employee_id=employee.pk, component="KOMPETENSI",
                                   score=Decimal("80"), assessed_on=dt.date(2026, 3, 1), source="Assessment Center")
    except (PermissionDeniedError, NotFoundError):
        return False
    return True


@pytest.mark.django_db
def test_assessments_are_recorded_by_the_own_operator_and_read_in_scope(world: Any) -> None:
    # role -> (records for the own instansi's employee, reads it)
    expected = {
        "operator": (True, True), "ppk": (False, True), "pyb": (False, True),
        "other_operator": (False, False), "other_ppk": (False, False),
    }
    for name, (records, _reads) in expected.items():
        before = TalentAssessment.objects.filter(employee=world.talent).count()
        assert _assess(getattr(world, name), world.talent) is records, name
        assert TalentAssessment.objects.filter(employee=world.talent).count() == before + records, name
    for name, (_records, reads) in expected.items():
        seen = selectors.assessment_list(viewer=getattr(world, name)).filter(employee=world.talent).exists()
        assert seen is reads, name
    assert selectors.assessment_list(viewer=user_with_role(Role.PEGAWAI, employee=world.talent)).exists()
    assert not selectors.assessment_list(viewer=user_with_role(Role.PEGAWAI, employee=world.holder)).exists()


@pytest.mark.django_db
def test_only_kemenpanrb_sets_national_priorities_and_instansi_roles_do_not_read_them(world: Any) -> None:
    def create(actor: Any) -> bool:
        try:
            services.priority_create(actor=actor, interface=W, title="Dokter spesialis daerah 3T",
                                     job_family="FUNGSIONAL", needed=5, deadline=dt.date(2027, 12, 31))
        except PermissionDeniedError:
            return False
        return True

    for actor in (world.operator, world.ppk, user_with_role(Role.BKN)):
        assert not create(actor)
    assert not NationalPriority.objects.exists()
    assert create(user_with_role(Role.KEMENPANRB))
    assert selectors.priority_list(viewer=user_with_role(Role.BKN)).count() == 1
    for actor in (world.operator, world.ppk):
        with pytest.raises(PermissionDeniedError):
            selectors.priority_list(viewer=actor)


@pytest.mark.django_db
def test_the_gap_view_shows_the_own_instansi_its_posts_and_another_nothing(world: Any) -> None:
    services.critical_position_designate(actor=world.ppk, interface=W, position_id=world.jpt.pk, reason="Kritis")

    def vacant(viewer: Any) -> int:
        return sum(row["vacant"] for row in gaps.talent_gaps(viewer=viewer, on=ON)["rows"])

    assert vacant(world.operator) == 1 and vacant(world.ppk) == 1
    assert vacant(user_with_role(Role.BKN)) == 1
    assert vacant(world.other_operator) == 0 and vacant(world.other_ppk) == 0
    assert vacant(user_with_role(Role.PEGAWAI, employee=world.talent)) == 0
