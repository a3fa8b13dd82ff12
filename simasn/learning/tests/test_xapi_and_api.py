"""The API: records written with a token (CSRF enforced, no cookies), the compliance answer,
and the xAPI statement endpoint driven by a real xAPI client (TinCanPython) over HTTP."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from simasn.accounts.roles import Role
from simasn.accounts.services import api_token_create
from simasn.core.interfaces import Interface
from simasn.learning.models import LearningRecord, RecordSource
from simasn.learning.xapi import EXT, duration_minutes
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role


def _token(user: Any) -> str:
    return api_token_create(actor=user, interface=Interface.WEB, name="LMS")[1]


@pytest.mark.django_db
def test_a_record_written_with_a_token_and_read_back(operator: Any, pns: Any) -> None:
    raw = _token(operator)
    client = Client(enforce_csrf_checks=True)
    body = {"employee_id": pns.pk, "form": "E_LEARNING", "title": "Literasi Digital", "start_date": "2026-02-01",
            "end_date": "2026-02-01", "minutes": 450, "assigned": True, "assignment_reference": "ST-2"}
    response = client.post("/api/v1/learning/records", body, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 201, response.content
    assert Decimal(response.json()["jp"]) == Decimal("10")
    compliance = client.get(f"/api/v1/learning/compliance?on=2026-06-30&employee_id={pns.pk}",
                            HTTP_AUTHORIZATION=f"Bearer {raw}").json()
    assert compliance["rows"][0]["counted_jp"] == 10 and compliance["rows"][0]["status"] == "BELUM_MEMENUHI"


@pytest.mark.django_db
def test_api_refusals_use_the_one_error_shape(operator: Any, pns: Any) -> None:
    raw = _token(operator)
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v1/learning/records", {"employee_id": pns.pk, "form": "COACHING", "title": "C",
                                                         "start_date": "2026-02-01", "end_date": "2026-02-01",
                                                         "minutes": 60},
                           content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 400
    assert set(response.json()["error"]) == {"code", "message", "fields", "details"}
    assert "jp" in response.json()["error"]["fields"]


@pytest.mark.parametrize(("text", "minutes"), [("PT45M", 45), ("PT1H30M", 90), ("PT2H0.5M", 121), ("P1DT1H", 1500)])
def test_iso_durations(text: str, minutes: int) -> None:
    assert duration_minutes(text) == minutes


def _statement(employee: Any, *, statement_id: uuid.UUID | None = None, verb: str = "completed",
               duration: str = "PT2H15M", form: str = "PELATIHAN_JARAK_JAUH") -> Any:
    from tincan import (  # heavy optional client library, only needed by this test
        Activity,
        ActivityDefinition,
        Agent,
        AgentAccount,
        Context,
        Extensions,
        LanguageMap,
        Result,
        Statement,
        Verb,
    )
    return Statement(
        id=statement_id,
        actor=Agent(name=employee.name, account=AgentAccount(home_page="https://asn-unggul.lan.go.id",
                                                             name=employee.nip)),
        verb=Verb(id=f"http://adlnet.gov/expapi/verbs/{verb}", display=LanguageMap({"en-US": verb})),
        object=Activity(id="https://asn-unggul.lan.go.id/course/analisis-kebijakan",
                        definition=ActivityDefinition(name=LanguageMap({"id-ID": "Analisis Kebijakan"}),
                                                      type="http://adlnet.gov/expapi/activities/course")),
        result=Result(completion=True, duration=duration),
        context=Context(platform="ASN Unggul (LAN)", extensions=Extensions({EXT["form"]: form, EXT["assigned"]: True})),
        timestamp=dt.datetime(2026, 4, 30, 23, 30, tzinfo=dt.UTC),
    )


@pytest.mark.django_db(transaction=True)
def test_a_real_xapi_client_reports_completions(live_server: Any) -> None:
    from tincan import RemoteLRS  # heavy optional client library, only needed by this test

    instansi = InstansiFactory()
    employee = EmployeeFactory(instansi=instansi)
    lan = user_with_role(Role.LAN)
    lrs = RemoteLRS(endpoint=f"{live_server.url}/api/v1/learning/xapi/", version="1.0.3", auth=f"Bearer {_token(lan)}")

    statement_id = uuid.uuid4()
    put = lrs.save_statement(_statement(employee, statement_id=statement_id))
    assert put.success, put.data
    posted = lrs.save_statement(_statement(employee, duration="PT45M", form="SEMINAR"))
    assert posted.success, posted.data

    records = LearningRecord.objects.filter(employee=employee).order_by("jp")
    assert [(r.form, r.jp, r.source) for r in records] == [
        ("SEMINAR", Decimal("1.00"), RecordSource.XAPI), ("PELATIHAN_JARAK_JAUH", Decimal("3.00"), RecordSource.XAPI)]
    first = records.get(form="PELATIHAN_JARAK_JAUH")
    # 23:30 UTC is 06:30 WIB on the next day.
    assert (first.xapi_statement_id, first.end_date, first.assigned) == (statement_id, dt.date(2026, 5, 1), True)
    assert first.provider == "ASN Unggul (LAN)" and first.title == "Analisis Kebijakan"

    again = lrs.save_statement(_statement(employee, statement_id=statement_id))
    assert not again.success and LearningRecord.objects.filter(employee=employee).count() == 2
    attempted = lrs.save_statement(_statement(employee, verb="attempted"))
    assert not attempted.success and "completed" in attempted.data


@pytest.mark.django_db(transaction=True)
def test_an_operators_platform_cannot_report_for_another_instansi(live_server: Any) -> None:
    from tincan import RemoteLRS  # heavy optional client library, only needed by this test

    operator = user_with_role(Role.OPERATOR, instansi=InstansiFactory())
    stranger = EmployeeFactory(instansi=InstansiFactory())
    lrs = RemoteLRS(endpoint=f"{live_server.url}/api/v1/learning/xapi/", version="1.0.3",
                    auth=f"Bearer {_token(operator)}")
    response = lrs.save_statement(_statement(stranger))
    assert not response.success and response.response.status == 404
    assert not LearningRecord.objects.exists()


@pytest.mark.django_db
def test_an_id_beyond_any_database_integer_is_a_validation_error_not_a_500(operator: Any) -> None:
    client = Client()
    client.force_login(operator)
    huge = 103778401374584764174346223616
    for url in (f"/api/v1/learning/compliance?instansi_id={huge}", f"/api/v1/learning/records?employee_id={huge}",
                f"/api/v1/talent/placements?instansi_id={huge}"):
        response = client.get(url)
        assert response.status_code in (400, 422), (url, response.status_code)
        assert set(response.json()["error"]) == {"code", "message", "fields", "details"}
