"""Irreversible steps ask first and record the reason."""

from __future__ import annotations

import pytest
from django.test import Client

from simasn.accounts.roles import Role
from simasn.core.models import AuditEvent
from simasn.organization.models import Unit
from simasn.testing.factories import EmployeeFactory, PositionFactory, UnitFactory, user_with_role

pytestmark = pytest.mark.django_db


def test_deleting_a_unit_asks_for_a_reason_and_audits_it() -> None:
    unit = UnitFactory()
    client = Client()
    client.force_login(user_with_role(Role.OPERATOR, instansi=unit.instansi))
    page = client.get(f"/organisasi/unit/{unit.pk}/hapus/")
    assert page.status_code == 200 and unit.name in page.content.decode()
    assert Unit.objects.filter(pk=unit.pk).exists()  # looking is not deleting
    refused = client.post(f"/organisasi/unit/{unit.pk}/hapus/", {"reason": ""})
    assert refused.status_code == 400 and "alasan" in refused.content.decode().lower()
    done = client.post(f"/organisasi/unit/{unit.pk}/hapus/", {"reason": "Unit digabung ke Sekretariat"})
    assert done.status_code == 302 and not Unit.objects.filter(pk=unit.pk).exists()
    event = AuditEvent.objects.get(action="delete", object_type="organization.unit")
    assert event.reason == "Unit digabung ke Sekretariat" and event.changes["before"]["name"] == unit.name


def test_a_unit_in_use_cannot_be_deleted_and_says_why() -> None:
    unit = UnitFactory()
    position = PositionFactory(unit=unit)
    EmployeeFactory(instansi=unit.instansi, unit=unit, position=position)
    client = Client()
    client.force_login(user_with_role(Role.OPERATOR, instansi=unit.instansi))
    response = client.post(f"/organisasi/unit/{unit.pk}/hapus/", {"reason": "coba"})
    assert response.status_code == 400
    assert "masih dipakai" in response.content.decode()
    assert Unit.objects.filter(pk=unit.pk).exists()
    assert not AuditEvent.objects.filter(action="delete").exists()
