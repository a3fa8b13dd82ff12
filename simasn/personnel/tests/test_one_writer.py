"""One writer per record: only the personnel app writes employees and their position history
(services, and `loading` for bulk imports), with one date rule for closing a history row."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from simasn.accounts.roles import Role
from simasn.core.errors import PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.law.enums import EmployeeStatus
from simasn.personnel.models import PositionHistory
from simasn.personnel.services import (
    employee_assign_position,
    employee_end_service,
    employee_set_status,
)
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)

ROOT = Path(__file__).resolve().parents[2]
WRITES = re.compile(
    r"Employee\.objects\b.*\.(create|bulk_create|update|get_or_create|update_or_create|delete)\("
    r"|PositionHistory\b.*\.(create|bulk_create|update|get_or_create|update_or_create|delete)\("
    r"|\b(employee|emp)\.(status|position|position_id|unit|unit_id|instansi|instansi_id)\s*=[^=]"
    r"|\.status\s*=\s*\"(AKTIF|BERHENTI|PENSIUN|DIBERHENTIKAN_SEMENTARA)\""
    r"|(INSERT INTO|COPY|UPDATE|DELETE FROM)\s+personnel_(employee|positionhistory)\b"
)
#: Places outside personnel that may name the register's tables without writing rows.
ALLOWED = {
    "bulk/deferral.py",  # drops and rebuilds the tables' indexes around a first national load
}


def test_only_personnel_writes_employees_and_their_history() -> None:
    skip = ("personnel", "testing", "migrations", "tests")
    offending = []
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT)
        if any(part in skip for part in rel.parts) or rel.as_posix() in ALLOWED:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if WRITES.search(line):
                offending.append(f"{rel.as_posix()}:{number}: {line.strip()}")
    assert not offending, "write through simasn.personnel.services:\n" + "\n".join(offending)


@pytest.fixture
def placed(db):
    instansi = InstansiFactory()
    unit = UnitFactory(instansi=instansi)
    first = PositionFactory(unit=unit, kind="PELAKSANA")
    employee = EmployeeFactory(instansi=instansi, unit=unit, position=first)
    PositionHistory.objects.create(employee=employee, instansi=instansi, position=first, position_name=first.name,
                                   start_date=dt.date(2020, 1, 1))
    return employee, PositionFactory(unit=unit, kind="PELAKSANA"), user_with_role(Role.OPERATOR, instansi=instansi)


def _rows(employee):
    return list(PositionHistory.objects.filter(employee=employee).order_by("start_date", "id")
                .values_list("start_date", "end_date"))


def test_a_new_position_closes_the_old_one_the_day_before(placed) -> None:
    employee, second, operator = placed
    employee_assign_position(actor=operator, interface=Interface.WEB, employee=employee, position=second,
                             start=dt.date(2026, 3, 1))
    assert _rows(employee) == [(dt.date(2020, 1, 1), dt.date(2026, 2, 28)), (dt.date(2026, 3, 1), None)]
    employee.refresh_from_db()
    assert employee.position == second


def test_leaving_the_service_closes_the_history_the_day_before_the_tmt(placed) -> None:
    employee, _second, _operator = placed
    employee_end_service(actor=None, interface=Interface.SYSTEM, employee=employee, status=EmployeeStatus.PENSIUN,
                         on=dt.date(2026, 12, 1))
    assert _rows(employee) == [(dt.date(2020, 1, 1), dt.date(2026, 11, 30))]
    employee.refresh_from_db()
    assert employee.status == EmployeeStatus.PENSIUN


def test_a_same_day_move_never_ends_a_row_before_it_started(placed) -> None:
    employee, second, operator = placed
    employee_assign_position(actor=operator, interface=Interface.WEB, employee=employee, position=second,
                             start=dt.date(2020, 1, 1))
    assert _rows(employee)[0] == (dt.date(2020, 1, 1), dt.date(2020, 1, 1))


def test_suspension_keeps_the_position_and_another_instansi_may_not_move_the_employee(placed) -> None:
    employee, second, _operator = placed
    employee_set_status(actor=None, interface=Interface.SYSTEM, employee=employee,
                        status=EmployeeStatus.DIBERHENTIKAN_SEMENTARA)
    assert _rows(employee) == [(dt.date(2020, 1, 1), None)]
    stranger = user_with_role(Role.OPERATOR, instansi=InstansiFactory())
    with pytest.raises(PermissionDeniedError):
        employee_assign_position(actor=stranger, interface=Interface.WEB, employee=employee, position=second,
                                 start=dt.date(2026, 3, 1))
