"""The Django admin adds parameter versions through the audited service, never edits them."""

from __future__ import annotations

import pytest
from django.test import Client

from simasn.accounts.roles import Role
from simasn.core.audit_actions import AuditAction
from simasn.core.models import AuditEvent
from simasn.lawdata.models import ParameterOverride
from simasn.testing.factories import user_with_role

pytestmark = pytest.mark.django_db

ADD = "/admin/lawdata/parameteroverride/add/"


def test_admin_adds_a_version_audited_and_cannot_change_it() -> None:
    client = Client()
    client.force_login(user_with_role(Role.ADMIN))
    assert client.get(ADD).status_code == 200
    response = client.post(
        ADD,
        {
            "name": "competency.pns_min_hours_per_year",
            "valid_from": "2027-01-01",
            "value": "24",
            "regulation": "PP 98/2026",
            "article": "203",
            "last_verified_on": "2026-11-20",
            "reason": "Jam pelajaran minimal naik.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    obj = ParameterOverride.objects.get()
    assert obj.value == 24
    event = AuditEvent.objects.get(action=AuditAction.PARAMETER_VERSION_ADDED)
    assert event.interface == "admin" and event.citations == ["PP 98/2026 Pasal 203"]

    change = client.post(f"/admin/lawdata/parameteroverride/{obj.pk}/change/", {"value": "30"})
    assert change.status_code in (302, 403)
    obj.refresh_from_db()
    assert obj.value == 24
    assert (
        client.post(
            f"/admin/lawdata/parameteroverride/{obj.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert ParameterOverride.objects.filter(pk=obj.pk).exists()


def test_operators_do_not_see_the_admin_page() -> None:
    client = Client()
    client.force_login(user_with_role(Role.OPERATOR))
    assert client.get(ADD).status_code in (302, 403)
