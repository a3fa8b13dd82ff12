"""The API for doing the work (issue 15 item 4 and the override of item 5): evidence,
dialogues and overrides, by token under enforced CSRF, scoped by the policy table, refusals
in the one error shape."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from simasn.accounts.services import api_token_create
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.performance import services
from simasn.performance.models import ANNUAL, Dialogue, Evidence, PerformancePlan, Rating
from simasn.performance.tests.conftest import WEB

ERROR_KEYS = {"code", "message", "fields", "details"}


def _api(user: Any) -> tuple[Client, dict[str, str]]:
    _token, raw = api_token_create(actor=user, interface=Interface.WEB, name="e-Kinerja")
    return Client(enforce_csrf_checks=True), {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def staff_plan(org: Any, period: Any) -> PerformancePlan:
    plan = PerformancePlan.objects.get(period=period, employee=org.staff[0])
    return plan


def test_the_employee_adds_evidence_as_a_link_and_as_a_file(org: Any, staff_plan: PerformancePlan) -> None:
    client, auth = _api(org.user(org.staff[0]))
    url = f"/api/v1/performance/plans/{staff_plan.pk}/evidence"
    linked = client.post(url, {"description": "Laporan triwulan I", "link": "https://drive.example/laporan"}, **auth)
    assert linked.status_code == 201, linked.content
    assert linked.json()["link"] == "https://drive.example/laporan" and linked.json()["has_file"] is False
    upload = SimpleUploadedFile("notulen.pdf", b"%PDF-1.4 notulen", content_type="application/pdf")
    filed = client.post(url, {"description": "Notulen rapat", "file": upload}, **auth)
    assert filed.status_code == 201, filed.content
    assert filed.json()["has_file"] is True and filed.json()["original_name"] == "notulen.pdf"
    listed = client.get(url, **auth).json()
    assert [e["description"] for e in listed] == ["Notulen rapat", "Laporan triwulan I"]
    assert AuditEvent.objects.filter(interface=Interface.API, changes__evidence="Notulen rapat").exists()
    # Bad input: the error shape, in Indonesian, nothing stored.
    for data in ({"description": "Tanpa apa-apa"}, {"description": "x", "link": "javascript:alert(1)"},
                 {"description": "x", "file": SimpleUploadedFile("a.exe", b"MZ")},
                 {"description": "x", "link": "https://a.example", "indicator_id": "999999"}):
        bad = client.post(url, data, **auth)
        assert bad.status_code == 400, (data, bad.content)
        assert set(bad.json()["error"]) == ERROR_KEYS
    assert Evidence.objects.filter(plan=staff_plan).count() == 2


def test_a_colleague_cannot_read_or_add_evidence(org: Any, staff_plan: PerformancePlan) -> None:
    client, auth = _api(org.user(org.staff[1]))
    url = f"/api/v1/performance/plans/{staff_plan.pk}/evidence"
    assert client.get(url, **auth).status_code == 404
    refused = client.post(url, {"description": "x", "link": "https://a.example"}, **auth)
    assert refused.status_code == 404 and set(refused.json()["error"]) == ERROR_KEYS
    # A session without the CSRF token cannot write either.
    session = Client(enforce_csrf_checks=True)
    session.force_login(org.user(org.staff[0]))
    assert session.post(url, {"description": "x", "link": "https://a.example"}).status_code == 403


def test_a_dialogue_is_planned_then_recorded_by_the_appraiser(org: Any, staff_plan: PerformancePlan) -> None:
    employee, auth = _api(org.user(org.staff[0]))
    planned = employee.post(f"/api/v1/performance/plans/{staff_plan.pk}/dialogues",
                            {"kind": "DIALOGUE", "evaluation": "TRIWULAN_I", "planned_on": "2025-03-20"},
                            content_type="application/json", **auth)
    assert planned.status_code == 201, planned.content
    boss, boss_auth = _api(org.user(org.kabid))
    recorded = boss.post(f"/api/v1/performance/dialogues/{planned.json()['id']}/record",
                         {"held_on": "2025-03-21", "notes": "Target triwulan tercapai.",
                          "agreed_actions": "Pendampingan penyusunan laporan."},
                         content_type="application/json", **boss_auth)
    assert recorded.status_code == 200, recorded.content
    assert recorded.json()["held_on"] == "2025-03-21"
    listed = employee.get(f"/api/v1/performance/plans/{staff_plan.pk}/dialogues", **auth).json()
    assert listed[0]["agreed_actions"] == "Pendampingan penyusunan laporan."
    for body in ({"evaluation": "TW-9", "planned_on": "2025-03-20"},
                 {"evaluation": "TRIWULAN_I", "planned_on": "2031-01-01"},
                 {"evaluation": "TRIWULAN_I", "planned_on": "bukan tanggal"}):
        bad = employee.post(f"/api/v1/performance/plans/{staff_plan.pk}/dialogues", body,
                            content_type="application/json", **auth)
        assert bad.status_code in (400, 422) and set(bad.json()["error"]) == ERROR_KEYS, (body, bad.content)
    assert Dialogue.objects.filter(plan=staff_plan).count() == 1
    # A colleague neither records nor sees it.
    other, other_auth = _api(org.user(org.staff[1]))
    assert other.post(f"/api/v1/performance/dialogues/{planned.json()['id']}/record",
                      {"held_on": "2025-03-21", "notes": "x"}, content_type="application/json",
                      **other_auth).status_code == 404


def test_an_override_needs_a_reason_and_the_next_level_superiors_approval(org: Any,
                                                                          staff_plan: PerformancePlan) -> None:
    rating = services.rating_set(actor=org.user(org.kabid), interface=WEB, plan=staff_plan, evaluation=ANNUAL,
                                 work_result_rating="SESUAI_EKSPEKTASI", behaviour_rating="SESUAI_EKSPEKTASI")
    appraiser, auth = _api(org.user(org.kabid))
    url = f"/api/v1/performance/ratings/{rating.pk}/override"
    no_reason = appraiser.post(url, {"predikat": "SANGAT_BAIK", "reason": ""}, content_type="application/json", **auth)
    assert no_reason.status_code in (400, 422) and set(no_reason.json()["error"]) == ERROR_KEYS
    asked = appraiser.post(url, {"predikat": "SANGAT_BAIK", "reason": "Inovasi layanan mutasi daring."},
                           content_type="application/json", **auth)
    assert asked.status_code == 200, asked.content
    assert asked.json()["override_status"] == "PENDING" and asked.json()["predikat"] == "BAIK"
    # The appraiser cannot approve their own proposal; the next level (Kepala BKPSDM) can.
    own = appraiser.post(url + "/decision", {"approve": True}, content_type="application/json", **auth)
    assert own.status_code in (403, 404)
    kaban, kaban_auth = _api(org.user(org.kaban))
    waiting = kaban.get("/api/v1/performance/overrides", **kaban_auth).json()
    assert [r["id"] for r in waiting] == [rating.pk] and waiting[0]["override_reason"].startswith("Inovasi")
    rejected_without_note = kaban.post(url + "/decision", {"approve": False}, content_type="application/json",
                                       **kaban_auth)
    assert rejected_without_note.status_code == 400
    approved = kaban.post(url + "/decision", {"approve": True, "note": "Sesuai bukti."},
                          content_type="application/json", **kaban_auth)
    assert approved.status_code == 200, approved.content
    assert approved.json()["predikat"] == "SANGAT_BAIK" and approved.json()["override_status"] == "APPROVED"
    assert Rating.objects.get(pk=rating.pk).override_decided_by_id == org.kaban.pk
    assert AuditEvent.objects.filter(interface=Interface.API, reason="Sesuai bukti.").exists()


def test_an_id_beyond_any_database_integer_is_refused_in_the_error_shape(org: Any, staff_plan: PerformancePlan) -> None:
    client, auth = _api(org.user(org.staff[0]))
    huge = 10**29
    for url in (f"/api/v1/performance/plans/{huge}/evidence", f"/api/v1/performance/plans/{huge}/dialogues"):
        assert client.get(url, **auth).status_code in (400, 404, 422)
    response = client.post(f"/api/v1/performance/dialogues/{huge}/record", {"held_on": "2025-03-21", "notes": "x"},
                           content_type="application/json", **auth)
    assert response.status_code in (400, 404, 422)
    response = client.post(f"/api/v1/performance/plans/{staff_plan.pk}/evidence",
                           {"description": "x", "link": "https://a.example", "indicator_id": str(huge)}, **auth)
    assert response.status_code in (400, 422) and set(response.json()["error"]) == ERROR_KEYS


def test_a_third_quarter_code_is_kept_whole(org: Any, staff_plan: PerformancePlan) -> None:
    """The law's codes run to 12 characters (TRIWULAN_III): they were cut to 10 before."""
    client, auth = _api(org.user(org.kabid))
    rated = client.post(f"/api/v1/performance/plans/{staff_plan.pk}/ratings",
                        {"evaluation": "TRIWULAN_III", "work_result_rating": "SESUAI_EKSPEKTASI",
                         "behaviour_rating": "SESUAI_EKSPEKTASI"}, content_type="application/json", **auth)
    assert rated.status_code == 200, rated.content
    assert Rating.objects.get(plan=staff_plan).evaluation == "TRIWULAN_III"
    planned = client.post(f"/api/v1/performance/plans/{staff_plan.pk}/dialogues",
                          {"kind": "COACHING", "evaluation": "TRIWULAN_III", "planned_on": "2025-08-01"},
                          content_type="application/json", **auth)
    assert planned.status_code == 201 and planned.json()["evaluation"] == "TRIWULAN_III"
