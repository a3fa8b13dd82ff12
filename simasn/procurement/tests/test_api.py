"""The procurement API: public vacancies, registration, the idempotent submit (CSRF enforced)."""

from __future__ import annotations

from django.test import Client

from simasn.accounts.services import api_token_create
from simasn.core.interfaces import Interface
from simasn.procurement.models import Application
from simasn.procurement.tests.conftest import NIK_BUDI


def test_vacancies_are_public_in_the_api(world):
    response = Client().get("/api/v1/procurement/vacancies", {"q": "guru"})
    assert response.status_code == 200
    body = response.json()
    assert [v["position"] for v in body["items"]] == ["Guru Ahli Pertama"]


def test_registration_by_api_refuses_a_second_account_in_the_error_shape(world):
    client = Client(enforce_csrf_checks=True)
    payload = {"nik": NIK_BUDI, "name": "Budi", "birth_date": "1999-03-12", "sex": "L", "email": "b@contoh.id",
               "password": "rahasia-pelamar-1"}
    assert client.post("/api/v1/procurement/applicants", payload, content_type="application/json").status_code == 201
    again = client.post("/api/v1/procurement/applicants", payload, content_type="application/json")
    assert again.status_code == 409 and again.json()["error"]["code"] == "duplicate_nik"


def test_submit_by_api_with_a_retry_returns_the_same_receipt(world, ready_applicant):
    _token, raw = api_token_create(actor=ready_applicant.user, interface=Interface.WEB, name="aplikasi")
    client = Client(enforce_csrf_checks=True)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}", "HTTP_IDEMPOTENCY_KEY": "api-key-000001"}
    first = client.post("/api/v1/procurement/applications", {"period_id": world.period.pk},
                        content_type="application/json", **auth)
    assert first.status_code == 201, first.content
    retry = client.post("/api/v1/procurement/applications", {"period_id": world.period.pk},
                        content_type="application/json", **auth)
    assert retry.status_code == 200
    assert retry.json()["receipt_number"] == first.json()["receipt_number"]
    assert retry.json()["receipt_signature"] == first.json()["receipt_signature"]
    assert Application.objects.count() == 1
    missing_key = client.post("/api/v1/procurement/applications", {"period_id": world.period.pk},
                              content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert missing_key.status_code == 400 and missing_key.json()["error"]["code"] == "validation"


def test_a_session_submit_without_csrf_is_refused(world, ready_applicant):
    client = Client(enforce_csrf_checks=True)
    client.force_login(ready_applicant.user)
    response = client.post("/api/v1/procurement/applications", {"period_id": world.period.pk},
                           content_type="application/json", HTTP_IDEMPOTENCY_KEY="api-key-000002")
    assert response.status_code == 403
    assert not Application.objects.exists()


def test_bkn_moves_a_period_on_by_api_only_forward(world):
    _token, raw = api_token_create(actor=world.bkn, interface=Interface.WEB, name="seleksi")
    client = Client(enforce_csrf_checks=True)
    url = f"/api/v1/procurement/periods/{world.period.pk}/stage"
    moved = client.post(url, {"to_stage": "VERIFICATION"}, content_type="application/json",
                        HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert moved.status_code == 200 and moved.json()["stage"] == "VERIFICATION"
    back = client.post(url, {"to_stage": "OPEN"}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert back.status_code == 409 and back.json()["error"]["code"] == "wrong_stage"
    _token, other = api_token_create(actor=world.operator, interface=Interface.WEB, name="operator")
    refused = client.post(url, {"to_stage": "SKD"}, content_type="application/json",
                          HTTP_AUTHORIZATION=f"Bearer {other}")
    assert refused.status_code == 403 and "error" in refused.json()
