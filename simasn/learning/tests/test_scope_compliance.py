"""Scope of the yearly JP compliance (Pasal 49), own vs other instansi, through the page an
instansi works from. Written out from MISSION.md "Users and their jobs": the operator, PPK
and PyB follow their own instansi's employees; another instansi's see none of them, even when
they ask for the instansi by id; LAN and BKN read the national roll-up; the recipients of the
work plans (Bappenas, Kemenkeu) have no business with it. Judged by what the page shows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from simasn.accounts.roles import Role
from simasn.learning.tests.conftest import add
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role

pytestmark = pytest.mark.django_db

URL = "/pengembangan-kompetensi/kepatuhan/"


def _page(user: Any, **params: Any) -> tuple[int, str]:
    client = Client()
    client.force_login(user)
    response = client.get(URL, {"on": "2026-11-30", **params})
    return response.status_code, response.content.decode() if response.status_code == 200 else ""


def test_the_compliance_list_shows_the_own_instansi_only(operator: Any, pns: Any) -> None:
    add(operator, pns, jp="5", on=dt.date(2026, 2, 2))
    other = InstansiFactory(name="Kabupaten Lain")
    stranger = EmployeeFactory(instansi=other, name="Yohana Lain")
    for role in (Role.OPERATOR, Role.PPK, Role.PYB):
        status, body = _page(user_with_role(role, instansi=pns.instansi))
        assert status == 200 and pns.name in body and stranger.name not in body, role
        status, body = _page(user_with_role(role, instansi=other), instansi=pns.instansi_id)
        assert pns.name not in body, f"{role} of another instansi sees {pns.name}"
    for role in (Role.BAPPENAS, Role.KEMENKEU):
        status, body = _page(user_with_role(role), instansi=pns.instansi_id)
        assert status in (403, 404) and pns.name not in body, role
    status, body = _page(user_with_role(Role.LAN), instansi=pns.instansi_id)
    assert status == 200 and pns.name in body
