"""The organisation's goals of the SKP come from the instansi's plan (issue 15 item 2): where
the work-plan chapter has programmes for the instansi and year, a result at the top of the
cascade names one of them; elsewhere the goal stays free text."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from simasn.core import providers
from simasn.core.errors import ApplicationError
from simasn.performance import services
from simasn.performance.models import PerformancePlan, WorkResult
from simasn.performance.tests.conftest import WEB, YEAR

PROGRAMMES = [{"key": "workplans.program:7", "code": "PR1", "name": "Manajemen talenta ASN", "cycle": "Renja 2025",
               "draft_kind": "SELARAS", "activities": []}]
CALLS: list[dict[str, Any]] = []


def fake_programmes(*, instansi_id: int, year: int) -> list[dict[str, Any]]:
    CALLS.append({"instansi_id": instansi_id, "year": year})
    return PROGRAMMES if year == YEAR else []


@pytest.fixture
def with_plan(monkeypatch: Any) -> None:
    """The work-plan chapter's provider answering for the instansi (its own test covers it)."""
    monkeypatch.setitem(providers.PROVIDERS, "workplans.programmes_of_instansi",
                        f"{__name__}.fake_programmes")


def _top_plan(org: Any, period: Any) -> PerformancePlan:
    return PerformancePlan.objects.get(period=period, employee=org.sekda)


def test_a_top_result_is_linked_to_a_programme_of_the_instansi_plan(org: Any, period: Any, with_plan: None) -> None:
    plan = _top_plan(org, period)
    result = services.result_add(actor=org.user(org.sekda), interface=WEB, plan=plan, text="Talenta terpetakan",
                                 programme_key="workplans.program:7",
                                 indicators=[{"text": "Instansi terpetakan", "kind": "QUANT", "target": "100%"}])
    assert result.organisation_programme == "workplans.program:7"
    assert result.organisation_goal == "PR1 Manajemen talenta ASN" and result.cascade == "ORGANISATION"
    assert CALLS[-1] == {"instansi_id": org.instansi.pk, "year": YEAR}
    # The cascade continues from it as before.
    child = services.result_add(actor=org.user(org.kaban), interface=WEB,
                                plan=PerformancePlan.objects.get(period=period, employee=org.kaban),
                                text="Talenta BKPSDM", parent=result)
    assert child.cascade == "DIRECT"


def test_free_text_goal_or_unknown_programme_is_refused_where_a_plan_exists(org: Any, period: Any,
                                                                            with_plan: None) -> None:
    plan = _top_plan(org, period)
    with pytest.raises(ApplicationError) as free:
        services.result_add(actor=org.user(org.sekda), interface=WEB, plan=plan, text="X",
                            organisation_goal="Sasaran ketikan sendiri")
    assert "pilih sasaran organisasi dari programnya" in free.value.message
    with pytest.raises(ApplicationError) as unknown:
        services.result_add(actor=org.user(org.sekda), interface=WEB, plan=plan, text="X",
                            programme_key="workplans.program:999")
    assert unknown.value.fields == {"programme": ["Tidak dikenal."]}
    assert not WorkResult.objects.filter(plan=plan).exists()


def test_without_a_plan_the_goal_stays_free_text(org: Any, period: Any) -> None:
    plan = _top_plan(org, period)
    result = services.result_add(actor=org.user(org.sekda), interface=WEB, plan=plan, text="Pelayanan prima",
                                 organisation_goal="Indeks pelayanan publik meningkat")
    assert result.organisation_programme == "" and result.organisation_goal == "Indeks pelayanan publik meningkat"


def test_the_form_offers_the_programmes(org: Any, period: Any, with_plan: None) -> None:
    plan = _top_plan(org, period)
    client = Client()
    client.force_login(org.user(org.sekda))
    url = reverse("performance:result_add", args=[plan.pk])
    assert "PR1 Manajemen talenta ASN (Renja 2025)" in client.get(url).content.decode()
    response = client.post(url, {"programme": "workplans.program:7", "text": "Talenta terpetakan",
                                 "indicator": "Instansi terpetakan", "kind": "QUANT", "target": "100%"})
    assert response.status_code == 302
    page = client.get(reverse("performance:plan", args=[plan.pk])).content.decode()
    assert "Program rencana kerja instansi" in page and "PR1 Manajemen talenta ASN" in page
