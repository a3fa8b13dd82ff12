"""GET /api/v1/employees/ and /{id}: scoped like the web pages, sensitive data masked, and
a fixed, small number of queries per call whatever the page holds (bench/api.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from simasn.accounts import tokens
from simasn.accounts.roles import Role
from simasn.accounts.services import api_token_create
from simasn.core.interfaces import Interface
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role

pytestmark = pytest.mark.django_db

SENSITIVE = {"nik", "religion", "marital_status", "disability", "home_address"}


@pytest.fixture(autouse=True)
def _empty_token_cache() -> Iterator[None]:
    tokens.clear()
    yield
    tokens.clear()


def _client(user) -> Client:
    _token, raw = api_token_create(actor=user, interface=Interface.WEB, name="SIASN")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_an_operator_reads_only_their_instansi_and_sees_no_sensitive_data() -> None:
    ours, theirs = InstansiFactory(), InstansiFactory()
    mine = [EmployeeFactory(instansi=ours, name=f"Budi {i}") for i in range(3)]
    other = EmployeeFactory(instansi=theirs, name="Budi Lain")
    client = _client(user_with_role(Role.OPERATOR, instansi=ours))

    body = client.get("/api/v1/employees/?q=Budi").json()
    assert body["meta"]["total"] == 3
    assert [item["id"] for item in body["items"]] == [e.pk for e in mine]  # sorted by name
    assert client.get(f"/api/v1/employees/{other.pk}").status_code == 404
    assert client.get(f"/api/v1/employees/?instansi_id={theirs.pk}").json()["meta"]["total"] == 0

    detail = client.get(f"/api/v1/employees/{mine[0].pk}").json()
    assert detail["nik_masked"] == "3273••••••••••01"
    assert not SENSITIVE & set(detail)
    assert not SENSITIVE & set(body["items"][0])


def test_a_pegawai_reads_only_their_own_record() -> None:
    me, colleague = EmployeeFactory(), EmployeeFactory()
    client = _client(user_with_role(Role.PEGAWAI, employee=me))
    assert [i["id"] for i in client.get("/api/v1/employees/").json()["items"]] == [me.pk]
    assert client.get(f"/api/v1/employees/{me.pk}").status_code == 200
    assert client.get(f"/api/v1/employees/{colleague.pk}").status_code == 404


def _queries(client: Client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def test_queries_per_call_do_not_grow_with_the_page() -> None:
    instansi = InstansiFactory()
    first = EmployeeFactory(instansi=instansi, name="Rina 0")
    client = _client(user_with_role(Role.BKN))
    client.get("/api/v1/employees/")  # the token look-up is cached from here on
    few = _queries(client, "/api/v1/employees/?q=Rina")
    for i in range(1, 12):
        EmployeeFactory(instansi=instansi, name=f"Rina {i}")
    many = _queries(client, "/api/v1/employees/?q=Rina")
    assert len(few) == len(many) == 2  # count + page
    # EmployeeOut needs only the employee row: sorting the matches joined to instansi,
    # unit and position cost 2-3x the search (bench/api.py).
    assert not any("JOIN" in sql for sql in many)
    assert "home_address" not in many[-1]  # only the columns EmployeeOut reads
    detail = _queries(client, f"/api/v1/employees/{first.pk}")
    assert len(detail) == 1 and "JOIN" not in detail[0]  # the row itself, nothing else
