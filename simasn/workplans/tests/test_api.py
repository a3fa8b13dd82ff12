"""The API follows the same scope and the same error shape."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from simasn.workplans.models import Draft
from simasn.workplans.tests.conftest import make_policy
from simasn.workplans.tests.test_services_cycle import new_cycle, run_to_sealed
from simasn.workplans.tests.test_views import client_for

pytestmark = pytest.mark.django_db


def test_api_cycle_analysis_and_verification(users: Any, django_capture_on_commit_callbacks: Any) -> None:
    policy = make_policy(users.minister, 2025, 2029)
    cycle = new_cycle(users, policy, on=dt.date(2025, 9, 1), year=2027)
    run_to_sealed(users, cycle, django_capture_on_commit_callbacks)
    c = client_for(users.minister)
    body = c.get("/api/v1/workplans/cycles/").json()
    assert body["meta"]["total"] == 1
    assert sorted(body["items"][0]["participants"]) == ["BKN", "KEMENPANRB", "LAN"]
    analysis = c.get(f"/api/v1/workplans/cycles/{cycle.pk}/analysis?kind=USULAN").json()
    assert analysis["overlaps"] and analysis["budget_by_institution"]["BKN"] > 0
    talent = next(o for o in analysis["overlaps"] if {o["institution_a"], o["institution_b"]} == {"KEMENPANRB", "BKN"})
    assert talent["band"] in ("SAMA", "MIRIP") and talent["marked_overlap"] is None
    assert analysis["detector_version"] == "0" and analysis["glossary_version"]
    units = {u["unit"]: u for u in analysis["target_by_unit"]}
    assert units["dokumen"]["additive"] and units["dokumen"]["by_institution"]["BKN"] == "3.00"
    assert analysis["unit_mismatches"]  # every activity is in "dokumen", its indicator in persen/kasus
    verified = c.get(f"/api/v1/workplans/cycles/{cycle.pk}/minutes/verification").json()
    assert verified["sealed"] and verified["sha256_file"] == verified["sha256_recorded"]
    assert len(verified["signatures"]) == 3 and all(s["trusted"] and s["intact"] for s in verified["signatures"])
    # A sealed aligned draft refuses changes with the one error shape.
    aligned = Draft.objects.get(cycle=cycle, institution__code="BKN", kind=Draft.Kind.SELARAS)
    response = client_for(users.planner["BKN"]).post(
        f"/api/v1/workplans/drafts/{aligned.pk}/activities", content_type="application/json",
        data={"program_code": "PR1", "code": "B77", "name": "x", "output": "y", "target": 1, "target_unit": "u",
              "budget": 1, "unit_in_charge": "z"})
    assert response.status_code == 409 and response.json()["error"]["code"] == "sealed"
    # Another institution's planner cannot read BKN's draft.
    assert client_for(users.planner["LAN"]).get(f"/api/v1/workplans/drafts/{aligned.pk}").status_code == 404
    assert Client().get("/api/v1/workplans/cycles/").status_code == 401
