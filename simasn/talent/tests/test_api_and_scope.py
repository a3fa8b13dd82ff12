"""The talent API (token writes with CSRF enforced; the error shape) and scope matrix rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from simasn.accounts.policy import Action, Reach, Resource, reach
from simasn.accounts.roles import Role
from simasn.accounts.services import api_token_create
from simasn.core.interfaces import Interface
from simasn.talent.tests.conftest import assess
from simasn.talent.waiting import waiting_for
from simasn.testing.factories import user_with_role


@pytest.mark.parametrize(("role", "resource", "action", "expected"), [
    (Role.PEGAWAI, Resource.TALENT_PROFILE, Action.VIEW, Reach.SELF),
    (Role.PEGAWAI, Resource.TALENT_SUCCESSION, Action.VIEW, Reach.NONE),
    (Role.OPERATOR, Resource.TALENT_ASSESSMENT, Action.CREATE, Reach.INSTANSI),
    (Role.PPK, Resource.TALENT_ASSESSMENT, Action.CREATE, Reach.NONE),
    (Role.PPK, Resource.TALENT_SUCCESSION, Action.UPDATE, Reach.INSTANSI),
    (Role.PYB, Resource.TALENT_MOBILITY, Action.CREATE, Reach.INSTANSI),
    (Role.KEMENPANRB, Resource.TALENT_PRIORITY, Action.CREATE, Reach.NATIONAL),
    (Role.PRESIDEN, Resource.TALENT_MOBILITY, Action.CREATE, Reach.NATIONAL),
    (Role.BKN, Resource.TALENT_PRIORITY, Action.CREATE, Reach.NONE),
    (Role.KASN, Resource.TALENT_GAP, Action.VIEW, Reach.NATIONAL),
    (Role.KASN, Resource.TALENT_PROFILE, Action.VIEW, Reach.NONE),
    (Role.LAN, Resource.TALENT_PROFILE, Action.VIEW, Reach.NONE),
])
def test_scope_matrix(role: Role, resource: Resource, action: Action, expected: Reach) -> None:
    assert reach(role, resource, action) == expected


@pytest.mark.django_db
def test_assessment_and_proposal_over_the_api(world: Any, performance: dict) -> None:
    raw = api_token_create(actor=world.operator, interface=Interface.WEB, name="SIASN")[1]
    client = Client(enforce_csrf_checks=True)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    for component in ("KOMPETENSI", "POTENSI", "KUALIFIKASI", "INTEGRITAS_MORALITAS"):
        response = client.post("/api/v1/talent/assessments", {
            "employee_id": world.talent.pk, "component": component, "score": "91", "assessed_on": "2026-03-01",
            "source": "Assessment Center BKN"}, content_type="application/json", **auth)
        assert response.status_code == 201, response.content
    performance[(world.talent.pk, dt.date.today().year - 1)] = "SANGAT_BAIK"
    placement = client.get(f"/api/v1/talent/employees/{world.talent.pk}/placement", **auth).json()
    assert placement["outcome"]["box"] == 9 and placement["rule"] == "talent.box"
    bad = client.post("/api/v1/talent/assessments", {"employee_id": world.talent.pk, "component": "AGAMA",
                                                      "score": "91", "assessed_on": "2026-03-01", "source": "x"},
                      content_type="application/json", **auth)
    assert bad.status_code == 422 or bad.status_code == 400
    assert set(bad.json()["error"]) == {"code", "message", "fields", "details"}
    proposal = client.post("/api/v1/talent/mobility-proposals", {
        "employee_id": world.talent.pk, "kind": "DALAM_INSTANSI", "target_position_id": world.jpt.pk,
        "reason": "Suksesor"}, content_type="application/json", **auth)
    assert proposal.status_code == 201, proposal.content
    handed = client.post(f"/api/v1/talent/mobility-proposals/{proposal.json()['id']}/hand-over", {"tmt": "2027-01-01"},
                         content_type="application/json", **auth)
    assert handed.status_code == 200 and handed.json()["state"] == "DISERAHKAN" and handed.json()["action_id"]


@pytest.mark.django_db
def test_other_instansi_sees_no_placements_and_a_pegawai_only_their_own(world: Any) -> None:
    assess(world.operator, world.talent, "80")
    client = Client()
    client.force_login(world.other_operator)
    assert client.get("/api/v1/talent/placements").json()["total"] == 0
    me = user_with_role(Role.PEGAWAI, employee=world.talent)
    client.force_login(me)
    data = client.get("/api/v1/talent/placements").json()
    assert [i["employee_id"] for i in data["items"]] == [world.talent.pk]
    assert client.get(f"/api/v1/talent/employees/{world.holder.pk}/placement").status_code == 404


@pytest.mark.django_db
def test_waiting_for_receiver_and_operator(world: Any, performance: dict) -> None:
    from simasn.talent import services
    from simasn.testing.factories import PositionFactory, UnitFactory

    target = PositionFactory(unit=UnitFactory(instansi=world.other_instansi), kind="ADMINISTRATOR", open_to_pppk=False)
    services.mobility_propose(actor=world.ppk, interface=Interface.WEB, employee_id=world.talent.pk,
                              kind="ANTAR_INSTANSI", target_position_id=target.pk, reason="r")
    incoming = waiting_for(viewer=world.other_ppk)
    assert incoming[0].count == 1 and "penerimaan" in incoming[0].label
    assert sum(i.count for i in waiting_for(viewer=world.operator)) == 0


def test_the_profile_names_each_scored_component_never_its_code(world: Any) -> None:
    """Found in the new-user walk: the profile listed KOMPETENSI and INTEGRITAS_MORALITAS."""
    operator = user_with_role(Role.OPERATOR, instansi=world.instansi)
    assess(operator, world.talent, "85")
    client = Client()
    client.force_login(world.ppk)
    page = client.get(f"/talenta/pegawai/{world.talent.pk}/").content.decode()
    assert "Integritas dan moralitas" in page and "Kompetensi" in page
    assert "INTEGRITAS_MORALITAS" not in page and ">KOMPETENSI<" not in page
