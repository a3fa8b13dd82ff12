"""The national retirement summary gives national viewers the same projection, faster."""

from __future__ import annotations

import datetime as dt

from simasn.accounts.roles import Role
from simasn.actions import selectors
from simasn.actions.models import RetirementSummary
from simasn.actions.summary import refresh_retirement_summary
from simasn.core.audit_actions import AuditAction
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.testing.factories import EmployeeFactory, PositionFactory, user_with_role

from .conftest import TODAY
from .test_selectors_retirement import _people


def _projection(viewer, **kwargs):
    return selectors.projection_rows(selectors.retirement_projection(viewer=viewer, years=8, on=TODAY, **kwargs))


def test_the_summary_projection_equals_the_register_projection(world):
    _people(world)
    # Leap-day births, PPPK, an employee without a position and one out of service.
    leap = PositionFactory(unit=world.unit, kind="FUNGSIONAL", functional_level="AHLI_UTAMA",
                           functional_family="ANALIS_KEBIJAKAN")
    EmployeeFactory(instansi=world.instansi, position=leap, birth_date=dt.date(1964, 2, 29))
    EmployeeFactory(instansi=world.instansi, position=None, birth_date=dt.date(1968, 3, 3))
    EmployeeFactory(instansi=world.other_instansi, birth_date=dt.date(1967, 8, 8), status="DIBERHENTIKAN_SEMENTARA",
                    position=PositionFactory(kind="JPT_PRATAMA", open_to_pppk=False))
    national = user_with_role(Role.BKN)
    live = _projection(national)
    refresh = refresh_retirement_summary(actor=user_with_role(Role.ADMIN), interface=Interface.CLI)
    assert RetirementSummary.objects.exists() and refresh.employees >= 10
    from_summary = _projection(national)
    assert from_summary == live
    assert sum(r["total"] for r in live) >= 6
    assert any(r["leap_day"] for r in live)
    assert "actions_retirementsummary" in str(selectors.retirement_projection(viewer=national, years=8, on=TODAY).query)


def test_the_summary_is_as_of_its_refresh_and_live_reads_the_register(world):
    _people(world)
    national = user_with_role(Role.BKN)
    refresh_retirement_summary(actor=None, interface=Interface.SYSTEM)
    before = sum(r["total"] for r in _projection(national))
    EmployeeFactory(instansi=world.instansi, position=world.pelaksana_pos, birth_date=dt.date(1969, 1, 15))
    assert sum(r["total"] for r in _projection(national)) == before
    assert sum(r["total"] for r in _projection(national, live=True)) == before + 1
    refresh_retirement_summary(actor=None, interface=Interface.SYSTEM)
    assert sum(r["total"] for r in _projection(national)) == before + 1


def test_instansi_viewers_always_read_their_own_register(world):
    _people(world)
    refresh_retirement_summary(actor=None, interface=Interface.SYSTEM)
    qs = selectors.retirement_projection(viewer=world.operator, years=8, on=TODAY)
    assert "actions_retirementsummary" not in str(qs.query)
    assert "personnel_employee" in str(qs.query)


def test_a_refresh_replaces_the_counts_and_is_audited(world):
    _people(world)
    first = refresh_retirement_summary(actor=None, interface=Interface.SYSTEM)
    rows = sorted(RetirementSummary.objects.values_list("birth_year", "birth_month", "employee_type", "rank", "total"))
    second = refresh_retirement_summary(actor=None, interface=Interface.SYSTEM)
    assert sorted(RetirementSummary.objects.values_list("birth_year", "birth_month", "employee_type", "rank",
                                                        "total")) == rows
    assert (second.employees, second.groups) == (first.employees, first.groups)
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_type="actions.retirementsummary").count() == 2
