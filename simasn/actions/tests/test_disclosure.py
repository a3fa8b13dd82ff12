"""The retirement projection does not identify people to roles without personal data
(issue 10 item 8): counts below SIMASN_AGGREGATE_MIN_CELL are suppressed for them."""

from __future__ import annotations

import csv
import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from simasn.accounts.roles import Role
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def register() -> Any:
    """Six pelaksana III/a retiring the same month, and one administrator IV/a alone."""
    instansi = InstansiFactory()
    unit = UnitFactory(instansi=instansi)
    pelaksana = PositionFactory(unit=unit, kind="PELAKSANA")
    administrator = PositionFactory(unit=unit, kind="ADMINISTRATOR")
    today = timezone.localdate()
    born = dt.date(today.year - 57, today.month, 1)  # BUP 58 next year, same month
    for _ in range(6):
        EmployeeFactory(instansi=instansi, unit=unit, position=pelaksana, birth_date=born, rank="III/a")
    EmployeeFactory(instansi=instansi, unit=unit, position=administrator, birth_date=born.replace(day=2),
                    rank="IV/a", name="Satu-satunya Kepala Bagian")
    return instansi


def _rows(user: Any, **params: Any) -> list[dict[str, Any]]:
    client = Client()
    client.force_login(user)
    response = client.get("/api/v1/retirement/projection", {"years": 3, **params})
    assert response.status_code == 200
    return response.json()


def test_a_role_without_personal_data_sees_small_cells_suppressed(register: Any) -> None:
    rows = _rows(user_with_role(Role.KEMENPANRB), instansi_id=register.pk)
    by_rank = {row["rank"]: row for row in rows}
    assert by_rank["III/a"]["total"] == 6 and not by_rank["III/a"]["suppressed"]
    assert by_rank["IV/a"]["total"] is None and by_rank["IV/a"]["suppressed"]
    assert by_rank["IV/a"]["leap_day"] is None


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.BKN, Role.ADMIN])
def test_roles_that_may_read_the_employees_see_exact_counts(register: Any, role: Role) -> None:
    user = user_with_role(role, instansi=register) if role == Role.OPERATOR else user_with_role(role)
    rows = _rows(user, instansi_id=register.pk)
    assert {row["rank"]: row["total"] for row in rows} == {"III/a": 6, "IV/a": 1}
    assert not any(row["suppressed"] for row in rows)


def test_the_threshold_is_a_setting(register: Any, settings: Any) -> None:
    settings.SIMASN_AGGREGATE_MIN_CELL = 7
    rows = _rows(user_with_role(Role.LAN), instansi_id=register.pk)
    assert all(row["total"] is None for row in rows)


def test_the_page_and_its_export_hide_the_cell_and_its_share_of_the_totals(register: Any) -> None:
    client = Client()
    client.force_login(user_with_role(Role.KASN))
    page = client.get("/tindakan/pensiun/proyeksi/", {"years": 3, "instansi": register.pk}).content.decode()
    assert 'data-testid="suppressed"' in page and "&lt; 5" in page
    assert ">7<" not in page  # the year's total would give the suppressed 1 back (7 - 6)
    export = b"".join(client.get("/tindakan/pensiun/proyeksi/",
                                 {"years": 3, "instansi": register.pk, "format": "csv"}).streaming_content)
    rows = list(csv.reader(export.decode("utf-8-sig").splitlines()))
    totals = sorted(row[5] for row in rows[1:])
    assert totals == ["6", "< 5"]
