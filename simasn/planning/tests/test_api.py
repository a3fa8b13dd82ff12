"""The planning API: writes with a token under enforced CSRF, the one error shape, scope."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.utils import timezone

from simasn.accounts.services import api_token_create
from simasn.core.interfaces import Interface
from simasn.planning.models import NeedsPlan
from simasn.planning.tests.conftest import YEAR, World


def _client(user: Any) -> tuple[Client, dict[str, str]]:
    _token, raw = api_token_create(actor=user, interface=Interface.WEB, name="SIASN")
    return Client(enforce_csrf_checks=True), {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _post(client: Client, headers: dict[str, str], path: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(path, body or {}, content_type="application/json", **headers)


def test_plan_from_draft_to_decision_over_the_api(world: World) -> None:
    op, op_h = _client(world.operator)
    ppk, ppk_h = _client(world.ppk)
    menpan, menpan_h = _client(world.menpan)
    created = _post(op, op_h, "/api/v1/planning/plans/", {"instansi_id": world.instansi.pk, "fiscal_year": YEAR,
                                                           "budget_ceiling": "2000000000"})
    assert created.status_code == 201, created.content
    plan_id = created.json()["id"]
    lined = _post(op, op_h, f"/api/v1/planning/plans/{plan_id}/lines",
                  {"position_id": world.position.pk, "workload_hours": "6250", "job_family": "guru"})
    assert lined.status_code == 201, lined.content
    line = lined.json()["lines"][0]
    assert line["holders"] == 2 and line["retirements"] == 1
    over = _post(op, op_h, f"/api/v1/planning/plans/{plan_id}/proposals",
                 {"line_id": line["id"], "employee_type": "PNS", "formasi_type": "UMUM",
                  "proposed_count": line["gap"] + 1, "entry_rank": "III/a"})
    assert over.status_code == 400 and over.json()["error"]["code"] == "over_gap"
    ok = _post(op, op_h, f"/api/v1/planning/plans/{plan_id}/proposals",
               {"line_id": line["id"], "employee_type": "PNS", "formasi_type": "UMUM", "proposed_count": 2,
                "entry_rank": "III/a"})
    assert ok.status_code == 200, ok.content
    proposal_id = ok.json()["lines"][0]["proposals"][0]["id"]
    assert _post(op, op_h, f"/api/v1/planning/plans/{plan_id}/submit").status_code == 403
    submitted = _post(ppk, ppk_h, f"/api/v1/planning/plans/{plan_id}/submit")
    assert submitted.status_code == 200 and submitted.json()["status"] == "SUBMITTED"
    reviewed = _post(menpan, menpan_h, f"/api/v1/planning/proposals/{proposal_id}/review", {"approved_count": 2})
    assert reviewed.status_code == 200 and reviewed.json()["approved_count"] == 2
    bad_date = _post(menpan, menpan_h, f"/api/v1/planning/plans/{plan_id}/decide",
                     {"decision_number": "B/1/2026", "decision_date": "30-11-2026", "signer": "Menteri"})
    assert bad_date.status_code in (400, 422) and "error" in bad_date.json()
    today = timezone.localdate().isoformat()
    decided = _post(menpan, menpan_h, f"/api/v1/planning/plans/{plan_id}/decide",
                    {"decision_number": "B/1/2026", "decision_date": today, "signer": "Menteri PANRB"})
    assert decided.status_code == 200 and decided.json()["status"] == "DECIDED"
    approved = op.get(f"/api/v1/planning/approved-needs?fiscal_year={YEAR}", **op_h).json()
    assert approved == [{"id": proposal_id, "fiscal_year": YEAR, "instansi_id": world.instansi.pk,
                         "position_id": world.position.pk, "employee_type": "PNS", "formasi_type": "UMUM",
                         "count": 2, "decided_on": today}]
    other, other_h = _client(world.other_operator)
    assert other.get(f"/api/v1/planning/approved-needs?fiscal_year={YEAR}", **other_h).json() == []
    assert other.get(f"/api/v1/planning/plans/{plan_id}", **other_h).status_code == 404
    national = menpan.get(f"/api/v1/planning/national?fiscal_year={YEAR}", **menpan_h).json()
    assert national["totals"]["approved"] == 2 and national["families"][0]["code"] == "guru"
    assert national["shares"][0] == {"employee_type": "PNS", "proposed": 2, "approved": 2, "proposed_percent": 100.0,
                                     "approved_percent": 100.0, "policy_percent": 60}
    assert national["shares"][1]["policy_percent"] == 40 and national["shares"][1]["proposed"] == 0


def test_policy_over_the_api_is_read_only_once_published(world: World) -> None:
    menpan, h = _client(world.menpan)
    created = _post(menpan, h, "/api/v1/planning/policies/",
                    {"fiscal_year": YEAR + 1, "title": "Kebijakan 2028", "basis": "RPJMN", "pns_share_percent": 50})
    assert created.status_code == 201
    pk = created.json()["id"]
    assert _post(menpan, h, f"/api/v1/planning/policies/{pk}/publish").json()["error"]["code"] == "no_priorities"
    _post(menpan, h, f"/api/v1/planning/policies/{pk}/priorities", {"job_family": "guru", "name": "Guru",
                                                                    "target": 10})
    published = _post(menpan, h, f"/api/v1/planning/policies/{pk}/publish")
    assert published.status_code == 200 and published.json()["status"] == "PUBLISHED"
    refused = _post(menpan, h, f"/api/v1/planning/policies/{pk}/special-types", {"formasi_type": "DIASPORA"})
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "policy_published"
    op, op_h = _client(world.operator)
    assert _post(op, op_h, "/api/v1/planning/policies/", {"fiscal_year": 2031, "title": "x", "basis": "x",
                                                          "pns_share_percent": 1}).status_code == 403


def test_a_session_write_without_csrf_is_refused(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.operator)
    response = client.post("/api/v1/planning/plans/", {"instansi_id": world.instansi.pk, "fiscal_year": YEAR,
                                                       "budget_ceiling": "1"}, content_type="application/json")
    assert response.status_code == 403 and response.json()["error"]["code"] == "csrf_failed"
    assert not NeedsPlan.objects.exists()
