"""Development plans from gaps (issue 16 item 8): needs from the position's competence gap
and from the performance ratings, planned vs done through linked learning records, the share
of JP spent on the identified needs, who may see and change a plan (policy table)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.roles import Role
from simasn.accounts.scope import Scope
from simasn.core import providers
from simasn.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.learning import development, selectors
from simasn.learning.models import DevelopmentPlan
from simasn.learning.tests.conftest import add
from simasn.testing.factories import EmployeeFactory, user_with_role

pytestmark = pytest.mark.django_db
W = Interface.WEB
YEAR = 2025


def fake_needs(*, employee_ids: list[int], year: int) -> dict[int, list[str]]:
    return {i: ["Pelayanan publik", "Analisis data"] for i in employee_ids} if year == YEAR - 1 else {}


def fake_competence(*, employee_ids: list[int], on: dt.date) -> dict[int, dict[str, Any]]:
    return {i: {"score": 62.5, "assessed_on": dt.date(2024, 11, 1), "source": "Assessment Center BKN",
                "reference": "AC-1"} for i in employee_ids}


@pytest.fixture
def chapters(monkeypatch: Any) -> None:
    """The performance and talent chapters' providers (their own tests cover them)."""
    monkeypatch.setitem(providers.PROVIDERS, "performance.development_needs", f"{__name__}.fake_needs")
    monkeypatch.setitem(providers.PROVIDERS, "talent.latest_competence", f"{__name__}.fake_competence")


@pytest.fixture
def me(pns: Any) -> Any:
    return user_with_role(Role.PEGAWAI, employee=pns)


def test_the_plan_takes_the_performance_needs_once(me: Any, pns: Any, chapters: None) -> None:
    plan = development.development_plan_prepare(actor=me, interface=W, employee_id=pns.pk, year=YEAR)
    assert [(n.source, n.competency) for n in plan.needs.all()] == [
        ("PERFORMANCE", "Pelayanan publik"), ("PERFORMANCE", "Analisis data")]
    again = development.development_plan_prepare(actor=me, interface=W, employee_id=pns.pk, year=YEAR)
    assert again.pk == plan.pk and again.needs.count() == 2
    assert AuditEvent.objects.filter(object_type="learning.developmentplan", object_id=str(plan.pk)).count() == 1


def test_a_competence_gap_needs_a_standard_above_the_assessed_level(me: Any, pns: Any) -> None:
    plan = development.development_plan_prepare(actor=me, interface=W, employee_id=pns.pk, year=YEAR)
    base = {"actor": me, "interface": W, "plan": plan, "source": "COMPETENCE_GAP", "competency": "Manajemen SDM",
            "planned_form": "PELATIHAN_KLASIKAL", "planned_jp": "16",
            "evidence": "SKJ Analis SDM; laporan AC 2024"}
    need = development.development_need_add(**base, standard_level=4, assessed_level=2)
    assert need.standard_level - need.assessed_level == 2
    for levels, field in (({"standard_level": 3, "assessed_level": 3}, "assessed_level"),
                          ({"standard_level": None, "assessed_level": 2}, "standard_level"),
                          ({"standard_level": 6, "assessed_level": 2}, "standard_level")):
        with pytest.raises(ApplicationError) as refused:
            development.development_need_add(**base, **levels)
        assert field in refused.value.fields
    with pytest.raises(ApplicationError):
        development.development_need_add(**{**base, "planned_jp": "0"}, standard_level=4, assessed_level=2)
    with pytest.raises(ApplicationError):
        development.development_need_add(**{**base, "evidence": ""}, standard_level=4, assessed_level=2)
    assert plan.needs.count() == 1


def test_linked_learning_marks_a_need_done_and_counts_the_share_on_gaps(me: Any, pns: Any, operator: Any,
                                                                       chapters: None) -> None:
    plan = development.development_plan_prepare(actor=me, interface=W, employee_id=pns.pk, year=YEAR)
    gap = development.development_need_add(actor=operator, interface=W, plan=plan, source="COMPETENCE_GAP",
                                           competency="Manajemen SDM", standard_level=4, assessed_level=2,
                                           evidence="SKJ; AC 2024", planned_form="COACHING", planned_jp="10")
    on = dt.date(YEAR, 6, 1)
    first = add(operator, pns, jp="6", on=on)
    second = add(operator, pns, jp="4", on=on)
    add(operator, pns, jp="10", on=on)  # learning outside the plan
    development.development_record_link(actor=me, interface=W, need=gap, record=first)
    summary = selectors.development_plan_summary(plan)
    row = next(r for r in summary.needs if r.need.pk == gap.pk)
    assert row.done_jp == Decimal(6) and not row.done
    development.development_record_link(actor=me, interface=W, need=gap, record=second)
    summary = selectors.development_plan_summary(plan)
    row = next(r for r in summary.needs if r.need.pk == gap.pk)
    assert row.done and summary.done_count == 1 and len(summary.needs) == 3
    assert summary.year_jp == 20 and summary.gap_jp == 10 and summary.gap_share == Decimal("50.0")
    assert summary.competence["score"] == 62.5
    # A record of another year or of another employee cannot be linked.
    with pytest.raises(ApplicationError):
        development.development_record_link(actor=me, interface=W, need=gap,
                                            record=add(operator, pns, jp="2", on=dt.date(YEAR + 1, 1, 2)))
    with pytest.raises(ApplicationError):
        development.development_record_link(actor=operator, interface=W, need=gap,
                                            record=add(operator, EmployeeFactory(instansi=pns.instansi), jp="2",
                                                       on=on))


def test_scope_rows_for_development_plans(me: Any, pns: Any, instansi: Any) -> None:
    colleague = EmployeeFactory(instansi=instansi)
    plan = development.development_plan_prepare(actor=me, interface=W, employee_id=pns.pk, year=YEAR)
    expected = {
        Role.PEGAWAI: (Reach.SELF, Reach.SELF, Reach.SELF),
        Role.OPERATOR: (Reach.INSTANSI, Reach.INSTANSI, Reach.INSTANSI),
        Role.PYB: (Reach.INSTANSI, Reach.NONE, Reach.NONE),
        Role.PPK: (Reach.INSTANSI, Reach.NONE, Reach.NONE),
        Role.BKN: (Reach.NONE, Reach.NONE, Reach.NONE),
    }
    for role, reaches in expected.items():
        user = me if role == Role.PEGAWAI else user_with_role(role, instansi=instansi)
        scope = Scope.of(user)
        assert tuple(scope.reach(Resource.DEVELOPMENT_PLAN, a) for a in (Action.VIEW, Action.CREATE,
                                                                           Action.UPDATE)) == reaches, role
    # A colleague neither sees nor prepares the employee's plan; the PPK reads, never writes.
    other = user_with_role(Role.PEGAWAI, employee=colleague)
    with pytest.raises(NotFoundError):
        selectors.development_plan_get(viewer=other, pk=plan.pk)
    with pytest.raises(NotFoundError):
        development.development_plan_prepare(actor=other, interface=W, employee_id=pns.pk, year=YEAR)
    ppk = user_with_role(Role.PPK, instansi=instansi)
    assert selectors.development_plan_get(viewer=ppk, pk=plan.pk) == plan
    with pytest.raises(PermissionDeniedError):
        development.development_need_add(actor=ppk, interface=W, plan=plan, source="PERFORMANCE",
                                         competency="X", planned_form="KURSUS", planned_jp="4")


def test_the_pages_for_the_employee_and_the_ppk(me: Any, pns: Any, instansi: Any, chapters: None) -> None:
    client = Client()
    client.force_login(me)
    mine = reverse("learning:plan_mine") + f"?tahun={YEAR}"
    assert "Susun rencana pengembangan" in client.get(mine).content.decode()
    response = client.post(reverse("learning:plan_prepare"), {"year": str(YEAR)})
    assert response.status_code == 302
    page = client.get(mine).content.decode()
    assert "Pelayanan publik" in page and "Assessment Center BKN" in page
    plan = DevelopmentPlan.objects.get(employee=pns, year=YEAR)
    added = client.post(reverse("learning:need_add", args=[plan.pk]), {
        "source": "COMPETENCE_GAP", "competency": "Manajemen SDM", "standard_level": "4", "assessed_level": "4",
        "evidence": "SKJ", "planned_form": "KURSUS", "planned_jp": "8"})
    assert added.status_code == 400 and "tidak ada kesenjangan" in added.content.decode()
    ppk = Client()
    ppk.force_login(user_with_role(Role.PPK, instansi=instansi))
    listed = ppk.get(reverse("learning:plans")).content.decode()
    assert pns.full_name in listed
    detail = ppk.get(reverse("learning:plan_detail", args=[plan.pk])).content.decode()
    assert "Pelayanan publik" in detail and "Tambah kebutuhan pengembangan" not in detail
    english = Client()
    english.force_login(me)
    english.cookies["django_language"] = "en"
    assert "My development plan" in english.get(mine, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_the_api_prepares_a_plan_adds_a_gap_and_links_a_record(me: Any, pns: Any, operator: Any,
                                                               chapters: None) -> None:
    from simasn.accounts.services import api_token_create

    _token, raw = api_token_create(actor=me, interface=W, name="LMS")
    client, auth = Client(enforce_csrf_checks=True), {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    prepared = client.post("/api/v1/learning/plans", {"employee_id": pns.pk, "year": YEAR},
                           content_type="application/json", **auth)
    assert prepared.status_code == 200, prepared.content
    plan_id = prepared.json()["id"]
    assert [n["competency"] for n in prepared.json()["needs"]] == ["Pelayanan publik", "Analisis data"]
    no_gap = client.post(f"/api/v1/learning/plans/{plan_id}/needs", {
        "source": "COMPETENCE_GAP", "competency": "Manajemen SDM", "planned_form": "KURSUS", "planned_jp": "8",
        "standard_level": 3, "assessed_level": 3, "evidence": "SKJ"}, content_type="application/json", **auth)
    assert no_gap.status_code == 400 and set(no_gap.json()["error"]) == {"code", "message", "fields", "details"}
    added = client.post(f"/api/v1/learning/plans/{plan_id}/needs", {
        "source": "COMPETENCE_GAP", "competency": "Manajemen SDM", "planned_form": "KURSUS", "planned_jp": "8",
        "standard_level": 3, "assessed_level": 2, "evidence": "SKJ"}, content_type="application/json", **auth)
    assert added.status_code == 200, added.content
    need_id = added.json()["needs"][-1]["id"]
    record = add(operator, pns, jp="8", on=dt.date(YEAR, 5, 5))
    linked = client.post(f"/api/v1/learning/needs/{need_id}/records", {"record_id": record.pk},
                         content_type="application/json", **auth)
    assert linked.status_code == 200, linked.content
    assert linked.json()["needs"][-1]["done"] is True and linked.json()["gap_share_percent"] == "100.0"
    listed = client.get("/api/v1/learning/plans", **auth).json()
    assert listed["meta"]["total"] == 1 and listed["items"][0]["nip"] == pns.nip
    # Another employee's token sees nothing of it; a session write without the CSRF token is refused.
    other = user_with_role(Role.PEGAWAI, employee=EmployeeFactory(instansi=pns.instansi))
    _t, other_raw = api_token_create(actor=other, interface=W, name="x")
    assert client.get(f"/api/v1/learning/plans/{plan_id}", HTTP_AUTHORIZATION=f"Bearer {other_raw}").status_code == 404
    session = Client(enforce_csrf_checks=True)
    session.force_login(me)
    assert session.post("/api/v1/learning/plans", {"employee_id": pns.pk, "year": YEAR},
                        content_type="application/json").status_code == 403
