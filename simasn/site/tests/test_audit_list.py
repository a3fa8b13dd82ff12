"""Issue 12 item 15: the audit list shows what changed (old → new, sensitive values masked)
and can be filtered by action and date."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from simasn.accounts.roles import Role
from simasn.core.interfaces import Interface
from simasn.personnel import services
from simasn.testing.factories import EmployeeFactory, user_with_role

pytestmark = pytest.mark.django_db


def test_an_update_shows_old_and_new_values_with_the_nik_masked() -> None:
    employee = EmployeeFactory(phone="")
    admin = user_with_role(Role.ADMIN)
    services.employee_update(actor=admin, interface=Interface.WEB, employee=employee,
                             data={"phone": "0812-3456-7890", "nik": "3273015705800002"})
    client = Client()
    client.force_login(admin)
    page = client.get("/audit/?action=update").content.decode()
    assert "0812-3456-7890" in page and "→" in page
    assert "3273015705800002" not in page and "3273••••••••••02" in page
    assert client.get("/audit/?action=view_sensitive").content.decode().count("0812-3456-7890") == 0
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    assert "0812-3456-7890" not in client.get(f"/audit/?since={tomorrow}").content.decode()
    export = b"".join(client.get("/audit/?format=csv&action=update").streaming_content).decode("utf-8-sig")
    # Each field by the name its form shows (found in the browser walk: "phone: — → …").
    assert "Telepon: — → 0812-3456-7890" in export and "3273015705800002" not in export
    assert "Telepon: — → 0812-3456-7890" in page and "<code>phone</code>" not in page
    client.cookies["django_language"] = "en"
    english = client.get("/audit/?action=update", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Phone: — → 0812-3456-7890" in english
