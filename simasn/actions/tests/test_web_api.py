from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.test import Client
from django.utils import timezone

from simasn.accounts.roles import Role
from simasn.actions import services
from simasn.actions.models import ActionDocument, ActionType
from simasn.core.interfaces import Interface
from simasn.testing.factories import EmployeeFactory, user_with_role


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_web_draft_confirm_and_download(world):
    today = timezone.localdate()
    employee = EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.admin_pos,
                               birth_date=dt.date(today.year - 58, today.month, 1), sex="L")
    op = _client(world.operator)
    assert op.get("/tindakan/buat/").status_code == 200
    response = op.post("/tindakan/buat/", {"action_type": "RETIREMENT", "employee": employee.pk})
    assert response.status_code == 302, response.content.decode()[:2000]
    detail = response["Location"]
    pk = int(detail.rstrip("/").split("/")[-1])
    pyb = _client(world.pyb)
    page = pyb.get(f"/tindakan/{pk}/propose/")
    assert page.status_code == 200 and "Ya, Usulkan" in page.content.decode()
    assert pyb.post(f"/tindakan/{pk}/propose/", {"version": 1}).status_code == 302
    ppk = _client(world.ppk)
    # A stale version is refused with the conflict message.
    stale = ppk.post(f"/tindakan/{pk}/decide/", {"version": 1})
    assert stale.status_code == 400 and "diubah oleh pengguna lain" in stale.content.decode()
    assert ppk.post(f"/tindakan/{pk}/decide/", {"version": 2}).status_code == 302
    doc = ActionDocument.objects.get(action_id=pk)
    assert doc.sha256 in ppk.get(f"/tindakan/{pk}/").content.decode()
    pdf = ppk.get(f"/tindakan/{pk}/sk.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert hashlib.sha256(pdf.content).hexdigest() == doc.sha256
    # The employee sees their own action and document; another employee does not.
    me = user_with_role(Role.PEGAWAI, employee=employee)
    assert _client(me).get(f"/tindakan/{pk}/sk.pdf").status_code == 200
    other = user_with_role(Role.PEGAWAI, employee=world.employee)
    assert _client(other).get(f"/tindakan/{pk}/").status_code == 404


def test_pages_render(world):
    services.action_draft(actor=world.operator, interface=Interface.WEB, action_type=ActionType.RETIREMENT,
                          employee_id=world.employee.pk)
    op = _client(world.operator)
    for url in ("/tindakan/", "/tindakan/daftar-kerja/", "/tindakan/pensiun/", "/tindakan/pensiun/proyeksi/?years=3",
                "/tindakan/pensiun/proyeksi/?format=csv", "/tindakan/pensiun/proyeksi/?format=xlsx",
                "/tindakan/?format=csv", "/tindakan/pensiun/?format=xlsx"):
        response = op.get(url)
        assert response.status_code == 200, url


def test_api_flow_and_refusals(world):
    op = _client(world.operator)
    response = op.post("/api/v1/actions/", {"action_type": "RETIREMENT", "employee_id": world.employee.pk},
                       content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    pk = body["id"]
    assert body["state"] == "DRAFT" and body["citations"]
    wrong = _client(world.ppk).post(f"/api/v1/actions/{pk}/decide", {}, content_type="application/json")
    assert wrong.status_code == 409 and wrong.json()["error"]["code"] == "invalid_state"
    ok = _client(world.pyb).post(f"/api/v1/actions/{pk}/propose", {"version": 1}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["state"] == "PROPOSED"
    forbidden = op.post(f"/api/v1/actions/{pk}/decide", {}, content_type="application/json")
    assert forbidden.status_code == 403 and forbidden.json()["error"]["code"] == "wrong_actor"
    decided = _client(world.ppk).post(f"/api/v1/actions/{pk}/decide", {"version": 2},
                                      content_type="application/json")
    assert decided.status_code == 200
    doc = decided.json()["document"]
    assert len(doc["sha256"]) == 64
    pdf = _client(world.ppk).get(doc["download_url"])
    assert pdf.status_code == 200 and hashlib.sha256(pdf.content).hexdigest() == doc["sha256"]
    non_asn = op.post("/api/v1/actions/", {"action_type": "APPOINTMENT", "position_id": world.pelaksana_pos.pk,
                                          "candidate_type": "NON_ASN", "candidate_name": "Honorer",
                                          "tmt": "2026-12-01"}, content_type="application/json")
    assert non_asn.status_code == 400 and non_asn.json()["error"]["code"] == "rule_forbids"
    assert _client(world.operator).get("/api/v1/retirement/projection?years=2").status_code == 200
    assert _client(world.operator).get("/api/v1/actions/worklist").status_code == 200


@pytest.mark.parametrize("role", [Role.KEMENPANRB, Role.LAN])
def test_roles_without_actions_are_refused(world, role):
    user = user_with_role(role)
    assert _client(user).get("/tindakan/").status_code == 403


def test_national_institution_reads_the_national_projection(world):
    from simasn.actions.selectors import projection_rows, retirement_projection

    menpan = _client(user_with_role(Role.KEMENPANRB))
    page = menpan.get("/tindakan/pensiun/proyeksi/?years=5")
    assert page.status_code == 200 and "Nasional" in page.content.decode()
    assert 'href="/tindakan/pensiun/proyeksi/"' in page.content.decode()  # nav item
    csv = b"".join(menpan.get("/tindakan/pensiun/proyeksi/?format=csv").streaming_content).decode()
    rows = projection_rows(retirement_projection(viewer=user_with_role(Role.BKN), years=5, on=timezone.localdate()))
    assert csv.count("\n") == len(rows) + 1


def test_the_national_projection_page_says_which_summary_it_counts(world):
    from simasn.actions.summary import refresh_retirement_summary

    menpan = _client(user_with_role(Role.KEMENPANRB))
    assert 'data-testid="summary-at"' not in menpan.get("/tindakan/pensiun/proyeksi/").content.decode()
    refresh_retirement_summary(actor=None, interface=Interface.SYSTEM)
    page = menpan.get("/tindakan/pensiun/proyeksi/").content.decode()
    assert "Dihitung dari ringkasan nasional per" in page
    own = _client(world.operator).get("/tindakan/pensiun/proyeksi/").content.decode()
    assert "ringkasan nasional" not in own  # an instansi's projection reads its register


def test_employee_record_shows_the_actions_with_sk(world):
    action = services.action_draft(actor=world.operator, interface=Interface.WEB,
                                   action_type=ActionType.RETIREMENT, employee_id=world.employee.pk)
    services.action_propose(actor=world.pyb, interface=Interface.WEB, action_id=action.pk)
    action = services.action_decide(actor=world.ppk, interface=Interface.WEB, action_id=action.pk)
    me = user_with_role(Role.PEGAWAI, employee=world.employee)
    html = _client(me).get(f"/pegawai/{world.employee.pk}/").content.decode()
    assert action.sk_number in html and "UU 20/2023 Pasal 55" in html
