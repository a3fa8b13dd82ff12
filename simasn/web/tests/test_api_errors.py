"""Every API endpoint answers malformed input with a 4xx and the one error shape.

The endpoints are read from the OpenAPI schema, so endpoints added later are covered
without touching this test.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from simasn.accounts.roles import Role
from simasn.testing.factories import EmployeeFactory, user_with_role

pytestmark = pytest.mark.django_db


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    from config.api import api

    schema = api.get_openapi_schema()
    return [
        (method.upper(), path, spec)
        for path, methods in schema["paths"].items()
        for method, spec in methods.items()
        if method in {"get", "post", "patch", "put", "delete"}
        and ("requestBody" in spec or spec.get("parameters") or "{" in path)
    ]


def _assert_error_shape(response: Any) -> None:
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) >= {"code", "message", "fields", "details"}, error
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    assert isinstance(error["fields"], dict)


@pytest.fixture
def admin_client() -> Client:
    client = Client()
    client.force_login(user_with_role(Role.ADMIN))
    return client


def _fill_path(path: str, value: str) -> str:
    return re.sub(r"\{[^}]+\}", value, path)


@pytest.mark.parametrize(("method", "path", "spec"), _operations(), ids=lambda v: v if isinstance(v, str) else "")
def test_malformed_input_gets_the_error_shape(admin_client: Client, method: str, path: str, spec: dict) -> None:
    EmployeeFactory()
    has_path_params = "{" in path
    has_body = "requestBody" in spec
    query_params = [p for p in spec.get("parameters", []) if p.get("in") == "query"]
    if has_body:
        # Broken JSON, then a JSON value of the wrong type.
        url = _fill_path(path, "1")
        for payload in ("{not json", json.dumps(["a list", "not an object"])):
            response = admin_client.generic(method, url, payload, content_type="application/json")
            _assert_error_shape(response)
    elif query_params:
        typed = [p for p in query_params if p.get("schema", {}).get("type") in {"integer", "boolean", "string"}]
        bad = {p["name"]: ("not-a-number" if p["schema"].get("type") == "integer" else "x" * 5000) for p in typed}
        response = admin_client.generic(method, _fill_path(path, "999999999") + "?" + "&".join(
            f"{k}={v}" for k, v in bad.items()))
        if response.status_code < 400:
            # Only free-text parameters: a missing object must still be a clean 404.
            response = admin_client.generic(method, _fill_path(path, "999999999"))
            if has_path_params:
                _assert_error_shape(response)
            return
        _assert_error_shape(response)
    else:
        assert has_path_params
        _assert_error_shape(admin_client.generic(method, _fill_path(path, "999999999")))


def test_unauthenticated_calls_get_the_error_shape() -> None:
    response = Client().get("/api/v1/employees/")
    _assert_error_shape(response)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_field_errors_name_the_field(admin_client: Client) -> None:
    response = admin_client.post("/api/v1/employees/", {"nip": "12", "employee_type": "ASN"},
                                 content_type="application/json")
    _assert_error_shape(response)
    fields = response.json()["error"]["fields"]
    assert "nip" in fields and "employee_type" in fields and "name" in fields


def test_business_refusal_is_a_field_error_in_indonesian(admin_client: Client) -> None:
    instansi = EmployeeFactory().instansi
    response = admin_client.post("/api/v1/employees/", {
        "instansi": instansi.pk, "employee_type": "PNS", "nip": "198001012005011001", "name": "Budi",
        "birth_date": "1980-01-02", "sex": "L", "tmt_cpns": "2005-01-01",
    }, content_type="application/json")
    _assert_error_shape(response)
    assert response.status_code == 400
    assert any("Tanggal lahir pada NIP" in m for m in response.json()["error"]["fields"]["nip"])


def test_token_auth_works_and_bad_tokens_are_refused() -> None:
    from simasn.accounts.services import api_token_create
    from simasn.core.interfaces import Interface

    user = user_with_role(Role.BKN)
    _token, raw = api_token_create(actor=user, interface=Interface.WEB, name="SIASN")
    ok = Client().get("/api/v1/employees/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert ok.status_code == 200
    bad = Client().get("/api/v1/employees/", HTTP_AUTHORIZATION="Bearer sim_wrong")
    _assert_error_shape(bad)


def test_interactive_docs_are_served_by_the_app_not_a_cdn(admin_client: Client) -> None:
    page = admin_client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    schema = admin_client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "SIMASN API" and "/api/v1/employees/" in schema["paths"]
