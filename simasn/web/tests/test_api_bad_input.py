"""Bad input gets a 4xx in the one error shape, never a 5xx (issue 10 item 4).

Each case is one that schemathesis or a manual probe turned into a server error or an
HTML page; the fuzz run itself is test_api_fuzz.py.
"""

from __future__ import annotations

import pytest
from django.test import Client

from simasn.accounts.roles import Role
from simasn.organization.models import Unit
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin() -> Client:
    client = Client()
    client.force_login(user_with_role(Role.ADMIN))
    return client


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body["error"]) == {"code", "message", "fields", "details"}
    assert body["error"]["code"] == code
    return body["error"]


@pytest.mark.parametrize("page", [9223372036854775807, int("9" * 40)])
@pytest.mark.parametrize("path", ["/api/v1/employees/", "/api/v1/workplans/cycles/", "/api/v1/agencies/"])
def test_a_page_far_past_the_last_is_empty_not_an_overflow(admin: Client, path: str, page: int) -> None:
    EmployeeFactory()
    response = admin.get(path, {"page": page})
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_a_nul_character_in_the_query_is_refused(admin: Client) -> None:
    _error(admin.get("/api/v1/employees/?q=Budi%00"), 400, "nul_character")


def test_a_nul_character_in_a_json_body_is_refused_and_nothing_is_written(admin: Client) -> None:
    instansi = InstansiFactory()
    response = admin.post("/api/v1/units/", {"instansi": instansi.pk, "code": "U1", "name": "Bagian\u0000Umum"},
                          content_type="application/json")
    _error(response, 400, "nul_character")
    assert not Unit.objects.filter(code="U1").exists()


def test_a_date_before_the_law_is_in_force_says_so(admin: Client) -> None:
    EmployeeFactory()
    error = _error(admin.get("/api/v1/retirement/projection", {"on": "0001-01-01"}), 400, "law_not_in_force")
    assert error["message"] == "Hukum belum berlaku pada tanggal itu."


def test_a_body_over_the_limit_is_413(admin: Client, settings) -> None:
    body = '{"name": "' + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1) + '"}'
    _error(admin.post("/api/v1/units/", body, content_type="application/json"), 413, "payload_too_large")


@pytest.mark.parametrize("content_type", ["text/plain", "multipart/form-data", "application/x-www-form-urlencoded"])
def test_a_body_that_is_not_json_is_415(admin: Client, content_type: str) -> None:
    instansi = InstansiFactory()
    body = f'{{"instansi": {instansi.pk}, "code": "U2", "name": "Bagian"}}'
    _error(admin.post("/api/v1/units/", body, content_type=content_type), 415, "unsupported_media_type")
    assert not Unit.objects.filter(code="U2").exists()


@pytest.mark.parametrize("path", ["/api/v1/tidak-ada", "/api/v1/agencies/-1", "/api/v1/units/0.5", "/api/v2/"])
def test_an_unknown_api_path_is_a_json_404(admin: Client, path: str) -> None:
    _error(admin.get(path), 404, "no_such_endpoint")


def test_an_unknown_web_path_is_still_a_page(admin: Client) -> None:
    response = admin.get("/tidak-ada/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")


def test_the_retirement_decision_matches_its_documented_schema(admin: Client) -> None:
    employee = EmployeeFactory()
    body = admin.get(f"/api/v1/employees/{employee.pk}/retirement", {"on": "2026-01-01"}).json()
    schema = admin.get("/api/v1/openapi.json").json()
    ref = schema["paths"]["/api/v1/employees/{pk}/retirement"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]["$ref"].split("/")[-1]
    assert set(schema["components"]["schemas"][ref]["required"]) == set(body)


def test_a_nul_character_in_a_web_search_is_an_indonesian_400_page() -> None:
    client = Client()
    client.force_login(user_with_role(Role.ADMIN))
    response = client.get("/audit/?q=Budi%00")
    assert response.status_code == 400
    assert "karakter NUL" in response.content.decode()
