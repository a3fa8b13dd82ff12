"""Issue 12 item 15: "5 tahun ke depan" on the retirement projection is five rows of twelve
months from this month (not the six calendar years they touch), and months are named."""

from __future__ import annotations

import datetime as dt

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

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]


def _month(index: int) -> str:
    return f"{BULAN[index % 12]} {index // 12}"


def test_five_years_ahead_are_five_twelve_month_periods_with_named_months():
    today = timezone.localdate()
    instansi = InstansiFactory()
    unit = UnitFactory(instansi=instansi)
    position = PositionFactory(unit=unit, kind="PELAKSANA")
    # A pelaksana (BUP 58) who turns 58 in about 30 months: TMT pensiun in the third period.
    birth = dt.date(today.year - 58 + 2, today.month, 1) + dt.timedelta(days=190)
    EmployeeFactory(instansi=instansi, unit=unit, position=position, birth_date=birth)
    operator = user_with_role(Role.OPERATOR, instansi=instansi)
    client = Client()
    client.force_login(operator)
    response = client.get("/tindakan/pensiun/proyeksi/?years=5")
    assert response.status_code == 200
    start = today.year * 12 + today.month - 1
    labels = [row["year"] for row in response.context["summary"]]
    assert labels == [f"{_month(start + 12 * n)} – {_month(start + 12 * n + 11)}" for n in range(5)]
    assert response.context["chart"]["data"]["labels"] == labels
    totals = [row["total"] for row in response.context["summary"]]
    assert totals.count(0) == 4 and totals[2] != 0
    html = response.content.decode()
    month = response.context["rows"][0]
    assert f"<td>{BULAN[month['tmt_month'] - 1]}</td>" in html
