"""`/api/v1/law/...`: evaluation, lists, and the error shape for bad facts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from simasn.accounts.roles import Role
from simasn.lawdata.models import ParameterOverride
from simasn.testing.factories import user_with_role

pytestmark = pytest.mark.django_db

URL = "/api/v1/law/evaluate"


def _client(role: Role = Role.OPERATOR) -> Client:
    client = Client()
    client.force_login(user_with_role(role))
    return client


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, body, content_type="application/json")


def _evaluate(rule: str, on: str, facts: dict[str, Any]) -> Any:
    return _post(_client(), URL, {"rule": rule, "on": on, "facts": facts})


def test_evaluate_returns_the_decision_with_its_articles() -> None:
    response = _evaluate("retirement", "2025-01-01", {
        "employee_type": "PNS",
        "position_kind": "ADMINISTRATOR",
        "birth_date": "1967-05-10",
    })
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["outcome"]["retirement_date"] == "2025-06-01"
    assert "UU 20/2023 Pasal 55 huruf a angka 2" in body["citations"]
    assert body["needs_legal_review"] is False
    assert body["explanation_id"].startswith("Batas usia pensiun 58 tahun")


def test_bad_facts_use_the_one_error_shape_with_field_messages() -> None:
    response = _evaluate("retirement", "2025-01-01",
                         {"employee_type": "PNX", "birth_date": "kemarin", "hobby": "catur"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "facts"
    assert set(error["fields"]) == {
        "facts.employee_type",
        "facts.birth_date",
        "facts.position_kind",
        "facts.hobby",
    }
    assert error["fields"]["facts.position_kind"] == ["required"]
    assert error["details"] == {"rule": "retirement"}


def test_contradictory_facts_are_refused() -> None:
    response = _evaluate("retirement", "2025-01-01", {
        "employee_type": "PPPK",
        "position_kind": "PELAKSANA",
        "birth_date": "1970-01-01",
    })
    assert response.status_code == 400
    assert "contract_end_date" in str(response.json()["error"]["fields"])


def test_unknown_rule_is_a_400_naming_the_field() -> None:
    response = _post(_client(), URL, {"rule": "pensiun", "on": "2025-01-01", "facts": {}})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "unknown_rule"
    assert "rule" in response.json()["error"]["fields"]


def test_a_malformed_body_is_a_validation_error() -> None:
    response = _post(_client(), URL, {"rule": "retirement", "on": "31/12/2025"})
    assert response.status_code in (400, 422)
    assert response.json()["error"]["code"] == "validation"
    assert "on" in response.json()["error"]["fields"]


def test_anonymous_callers_are_refused() -> None:
    response = _post(Client(), URL, {"rule": "nip", "on": "2025-01-01", "facts": {}})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_rules_and_parameters_are_listed() -> None:
    client = _client(Role.PEGAWAI)
    rules = client.get("/api/v1/law/rules").json()
    assert {r["name"] for r in rules} >= {"nip", "retirement", "authority", "merit_inputs"}
    assert rules[0]["facts_schema"]["type"] == "object"
    assert client.get("/api/v1/law/rules/authority").json()["name"] == "authority"
    assert client.get("/api/v1/law/rules/nope").status_code == 404

    params = client.get("/api/v1/law/parameters?on=2024-01-01").json()
    by_name = {p["name"]: p for p in params}
    participants = by_name["workplan.participants"]["in_force"]["value"]
    assert {p["institution"] for p in participants} == {"KEMENPANRB", "KASN", "LAN", "BKN"}
    history = client.get("/api/v1/law/parameters/bup.position_kind").json()
    assert [v["from"] for v in history["versions"]] == ["2014-01-15", "2023-10-31"]
    assert client.get("/api/v1/law/parameters/nope").status_code == 404


def test_kemenpanrb_adds_a_version_through_the_api() -> None:
    client = _client(Role.KEMENPANRB)
    response = _post(
        client,
        "/api/v1/law/parameters/competency.pns_min_hours_per_year/versions",
        {
            "valid_from": "2027-01-01",
            "value": 24,
            "regulation": "PP 98/2026",
            "article": "203",
            "last_verified_on": "2026-11-20",
            "reason": "Jam pelajaran minimal naik.",
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["citation"] == "PP 98/2026 Pasal 203"
    from simasn.law import parameters

    assert parameters.value("competency.pns_min_hours_per_year", dt.date(2027, 1, 1)) == 24
    assert parameters.value("competency.pns_min_hours_per_year", dt.date(2026, 12, 31)) == 20


def test_an_operator_may_not_add_a_version() -> None:
    response = _post(
        _client(Role.OPERATOR),
        "/api/v1/law/parameters/dismissal.min_prison_sentence_years/versions",
        {
            "valid_from": "2027-01-01",
            "value": 3,
            "regulation": "UU 1/2027",
            "last_verified_on": "2026-11-20",
            "reason": "x",
        },
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert not ParameterOverride.objects.exists()
