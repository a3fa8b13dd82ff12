from __future__ import annotations

from simasn.actions.tests.test_web_api import _client


def test_api_offers_each_party_its_steps(world):
    op = _client(world.operator)
    created = op.post("/api/v1/actions/", {"action_type": "RETIREMENT", "employee_id": world.employee.pk},
                      content_type="application/json").json()
    assert created["allowed_steps"] == ["withdraw"]
    seen_by_pyb = _client(world.pyb).get(f"/api/v1/actions/{created['id']}").json()
    assert seen_by_pyb["allowed_steps"] == ["propose", "reject"]
