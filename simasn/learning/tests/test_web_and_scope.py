"""Pages, the scope matrix of the learning resources, and "what waits for me"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from simasn.accounts.policy import Action, Reach, Resource, reach
from simasn.accounts.roles import Role
from simasn.learning.models import LearningRecord
from simasn.learning.tests.conftest import add
from simasn.learning.waiting import waiting_for
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("role", "resource", "action", "expected"), [
    (Role.PEGAWAI, Resource.LEARNING_RECORD, Action.CREATE, Reach.SELF),
    (Role.PEGAWAI, Resource.LEARNING_COMPLIANCE, Action.VIEW, Reach.SELF),
    (Role.OPERATOR, Resource.LEARNING_RECORD, Action.CREATE, Reach.INSTANSI),
    (Role.PPK, Resource.LEARNING_RECORD, Action.CREATE, Reach.NONE),
    (Role.PPK, Resource.LEARNING_COMPLIANCE, Action.VIEW, Reach.INSTANSI),
    (Role.PYB, Resource.LEARNING_COMPLIANCE, Action.VIEW, Reach.INSTANSI),
    (Role.LAN, Resource.LEARNING_RECORD, Action.CREATE, Reach.NATIONAL),
    (Role.LAN, Resource.LEARNING_COMPLIANCE, Action.VIEW, Reach.NATIONAL),
    (Role.BKN, Resource.LEARNING_RECORD, Action.CREATE, Reach.NONE),
    (Role.KEMENPANRB, Resource.LEARNING_RECORD, Action.VIEW, Reach.NONE),
    (Role.BAPPENAS, Resource.LEARNING_COMPLIANCE, Action.VIEW, Reach.NONE),
])
def test_scope_matrix(role: Role, resource: Resource, action: Action, expected: Reach) -> None:
    assert reach(role, resource, action) == expected


def test_lists_show_only_the_viewers_reach(operator: Any, pns: Any) -> None:
    add(operator, pns, jp="5", on=dt.date(2026, 2, 2))
    other = EmployeeFactory(instansi=InstansiFactory())
    add(user_with_role(Role.OPERATOR, instansi=other.instansi), other, jp="7", on=dt.date(2026, 2, 2))
    client = Client()
    client.force_login(operator)
    page = client.get("/pengembangan-kompetensi/")
    assert page.status_code == 200
    assert pns.name in page.content.decode() and other.name not in page.content.decode()
    me = Client()
    me.force_login(user_with_role(Role.PEGAWAI, employee=other))
    mine = me.get("/pengembangan-kompetensi/saya/").content.decode()
    assert "7 JP" in mine and "Kurang 13" not in mine and other.name not in page.content.decode()


def test_compliance_page_worklist_and_export(operator: Any, pns: Any) -> None:
    behind = EmployeeFactory(instansi=pns.instansi, name="Siti Tertinggal")
    add(operator, pns, jp="20", on=dt.date(2026, 2, 2))
    client = Client()
    client.force_login(operator)
    page = client.get("/pengembangan-kompetensi/kepatuhan/?behind=on&on=2026-11-30").content.decode()
    assert "Siti Tertinggal" in page and pns.name not in page.split("<tbody>")[-1]
    export = client.get("/pengembangan-kompetensi/kepatuhan/?on=2026-11-30&format=csv")
    text = b"".join(export.streaming_content).decode()  # type: ignore[attr-defined]
    assert behind.nip in text and "Belum memenuhi" in text


def test_a_national_viewer_sees_the_roll_up_then_opens_an_instansi(pns: Any) -> None:
    client = Client()
    client.force_login(user_with_role(Role.LAN))
    roll_up = client.get("/pengembangan-kompetensi/kepatuhan/").content.decode()
    assert "Kepatuhan JP nasional per instansi" in roll_up and pns.name not in roll_up
    page = client.get(f"/pengembangan-kompetensi/kepatuhan/?instansi={pns.instansi_id}")
    assert page.status_code == 200 and pns.name in page.content.decode()


def test_bad_form_input_shows_indonesian_errors_and_saves_nothing(operator: Any, pns: Any) -> None:
    client = Client()
    client.force_login(operator)
    response = client.post("/pengembangan-kompetensi/catat/", {
        "employee": pns.pk, "form": "MENTORING", "title": "Mentoring", "start_date": "2026-02-01",
        "end_date": "2026-02-01", "minutes": "60"})
    assert response.status_code == 400
    assert "perlu kajian hukum" in response.content.decode()
    assert not LearningRecord.objects.exists()


def test_waiting_items_for_operator_and_employee(operator: Any, pns: Any) -> None:
    items = waiting_for(viewer=operator)
    assert [i.count for i in items] == [1]
    assert "/pengembangan-kompetensi/kepatuhan/" in items[0].url
    me = user_with_role(Role.PEGAWAI, employee=pns)
    assert waiting_for(viewer=me)[0].count == 1
    add(operator, pns, jp="20", on=dt.date(2026, 1, 5))
    assert waiting_for(viewer=me) == [] and waiting_for(viewer=operator)[0].count == 0
