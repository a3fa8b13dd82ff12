"""Reading the catalogue: scope, holders counted by status, vacancy, and archived positions
left out unless asked — in the selectors, the web list and the API."""

from __future__ import annotations

import pytest
from django.test import Client

from simasn.accounts.roles import Role
from simasn.core.errors import NotFoundError
from simasn.core.interfaces import Interface
from simasn.law.enums import EmployeeStatus
from simasn.positions import selectors, services
from simasn.testing.factories import (
    EmployeeFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    unit = UnitFactory()
    full = PositionFactory(unit=unit, name="Kepala Seksi", seats=1)
    vacant = PositionFactory(unit=unit, name="Pranata Komputer", seats=2)
    old = PositionFactory(unit=unit, name="Juru Ketik")
    EmployeeFactory(instansi=unit.instansi, unit=unit, position=full)
    EmployeeFactory(instansi=unit.instansi, unit=unit, position=vacant, status=EmployeeStatus.PENSIUN.value)
    admin = user_with_role(Role.ADMIN)
    services.position_archive(actor=admin, interface=Interface.WEB, position=old, reason="tidak dipakai lagi")
    elsewhere = PositionFactory(name="Jabatan instansi lain")
    return {"unit": unit, "full": full, "vacant": vacant, "old": old, "elsewhere": elsewhere}


def test_holders_in_service_are_counted_and_vacancy_follows(catalogue):
    operator = user_with_role(Role.OPERATOR, instansi=catalogue["unit"].instansi)
    rows = {p.name: p.holder_count for p in selectors.position_list(viewer=operator)}
    assert rows == {"Kepala Seksi": 1, "Pranata Komputer": 0}  # a retired holder leaves the seat free
    assert [p.name for p in selectors.position_list(viewer=operator, vacant=True)] == ["Pranata Komputer"]
    assert [p.name for p in selectors.position_list(viewer=operator, vacant=False)] == ["Kepala Seksi"]


def test_archived_positions_are_listed_only_when_asked_but_always_found_by_id(catalogue):
    operator = user_with_role(Role.OPERATOR, instansi=catalogue["unit"].instansi)
    with_archived = selectors.position_list(viewer=operator, include_archived=True)
    assert catalogue["old"] in with_archived
    assert catalogue["old"] not in selectors.position_list(viewer=operator)
    assert selectors.position_get(viewer=operator, pk=catalogue["old"].pk) == catalogue["old"]


def test_another_instansi_is_out_of_an_operators_sight(catalogue):
    operator = user_with_role(Role.OPERATOR, instansi=catalogue["unit"].instansi)
    assert catalogue["elsewhere"] not in selectors.position_list(viewer=operator, include_archived=True)
    with pytest.raises(NotFoundError):
        selectors.position_get(viewer=operator, pk=catalogue["elsewhere"].pk)


def test_web_list_and_api_hide_archived_positions_by_default(catalogue):
    client = Client()
    client.force_login(user_with_role(Role.OPERATOR, instansi=catalogue["unit"].instansi))
    assert "Juru Ketik" not in client.get("/jabatan/").content.decode()
    page = client.get("/jabatan/?include_archived=on").content.decode()
    assert "Juru Ketik" in page and "diarsipkan" in page
    api = client.get("/api/v1/positions/").json()
    assert {item["name"] for item in api["items"]} == {"Kepala Seksi", "Pranata Komputer"}
    api = client.get("/api/v1/positions/?include_archived=true").json()
    old = next(item for item in api["items"] if item["name"] == "Juru Ketik")
    assert old["archive_reason"] == "tidak dipakai lagi" and old["archived_at"]
    detail = client.get(f"/jabatan/{catalogue['old'].pk}/").content.decode()
    assert "tidak dipakai lagi" in detail and "/arsipkan/" not in detail and "/ubah/" not in detail


def test_national_readers_see_every_instansi(catalogue):
    reader = user_with_role(Role.KEMENPANRB)
    names = {p.name for p in selectors.position_list(viewer=reader)}
    assert {"Kepala Seksi", "Jabatan instansi lain"} <= names and "Juru Ketik" not in names
