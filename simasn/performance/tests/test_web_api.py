"""Pages and API of performance management: each role sees its view; API writes with a
token under enforced CSRF; refusals are messages, never 500s."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from simasn.accounts.roles import Role
from simasn.accounts.services import api_token_create
from simasn.core.interfaces import Interface
from simasn.performance import services
from simasn.performance.models import ANNUAL, PerformancePlan, Rating
from simasn.performance.tests.conftest import WEB
from simasn.testing.factories import user_with_role


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_employee_sees_their_plan_and_not_a_colleagues(org: Any, period: Any) -> None:
    mine = PerformancePlan.objects.get(period=period, employee=org.staff[0])
    other = PerformancePlan.objects.get(period=period, employee=org.staff[1])
    client = _client(org.user(org.staff[0]))
    page = client.get(reverse("performance:plan", args=[mine.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert org.kabid.name in body  # the appraiser derived from the hierarchy
    assert "Berorientasi pelayanan" in body  # the BerAKHLAK values from the law data
    assert client.get(reverse("performance:plan", args=[other.pk])).status_code == 404
    home = client.get(reverse("performance:home"))
    assert home.status_code == 200 and "SKP saya" in home.content.decode()


def test_a_planned_dialogue_shows_the_name_of_its_evaluation_not_its_code(org: Any, period: Any) -> None:
    plan = PerformancePlan.objects.get(period=period, employee=org.staff[0])
    last = services.evaluations(period)[-2]  # the last periodic evaluation, e.g. "Triwulan IV 2025"
    services.dialogue_plan(actor=org.user(plan.appraiser), interface=WEB, plan=plan,
                           planned_on=period.start_date, evaluation=last["code"])
    body = _client(org.user(org.staff[0])).get(reverse("performance:plan", args=[plan.pk])).content.decode()
    dialogues = body[body.index("Dialog kinerja, coaching"):]
    assert last["label_id"] in dialogues and f">{last['code']}<" not in dialogues


def test_the_superior_rates_through_the_form_and_sees_the_matrix_predikat(org: Any, period: Any) -> None:
    plan = PerformancePlan.objects.get(period=period, employee=org.staff[0])
    client = _client(org.user(org.kabid))
    team = client.get(reverse("performance:team"))
    assert team.status_code == 200 and org.staff[0].name in team.content.decode()
    response = client.post(reverse("performance:rate", args=[plan.pk]), {
        "evaluation": ANNUAL, "work_result_rating": "DI_ATAS_EKSPEKTASI", "behaviour_rating": "DI_BAWAH_EKSPEKTASI",
        "development_needs": "Pelatihan pelayanan publik"})
    assert response.status_code == 302
    rating = Rating.objects.get(plan=plan, evaluation=ANNUAL)
    assert rating.predikat == "KURANG" and rating.development_needs == ["Pelatihan pelayanan publik"]
    # A colleague cannot rate: the form shows the refusal, no rating changes.
    response = _client(org.user(org.staff[1])).post(reverse("performance:rate", args=[plan.pk]), {
        "evaluation": ANNUAL, "work_result_rating": "DI_ATAS_EKSPEKTASI", "behaviour_rating": "DI_ATAS_EKSPEKTASI"})
    assert response.status_code == 404


def test_the_unit_page_names_the_failing_limit_and_finalising_refuses(org: Any, period: Any) -> None:
    services.unit_rating_set(actor=org.pyb, interface=WEB, period=period, unit_id=org.bidang.pk, rating="BAIK")
    for employee in org.staff:
        plan = PerformancePlan.objects.get(period=period, employee=employee)
        services.rating_set(actor=org.user(org.kabid), interface=WEB, plan=plan, evaluation=ANNUAL,
                            work_result_rating="SESUAI_EKSPEKTASI", behaviour_rating="SESUAI_EKSPEKTASI")
    services.rating_set(actor=org.pyb, interface=WEB, plan=PerformancePlan.objects.get(period=period, employee=org.kabid),
                        evaluation=ANNUAL, work_result_rating="", behaviour_rating="SESUAI_EKSPEKTASI")
    client = _client(org.pyb)
    page = client.get(reverse("performance:unit", args=[period.pk, org.bidang.pk]))
    assert "Baik paling banyak 70 %: kelebihan 2 orang" in page.content.decode()
    refused = client.post(reverse("performance:unit_finalise", args=[period.pk, org.bidang.pk]), {})
    assert refused.status_code == 400 and "kelebihan 2 orang" in refused.content.decode()
    assert not Rating.objects.filter(is_final=True).exists()


def test_api_rating_with_a_token_under_enforced_csrf(org: Any, period: Any) -> None:
    plan = PerformancePlan.objects.get(period=period, employee=org.staff[0])
    _token, raw = api_token_create(actor=org.pyb, interface=Interface.WEB, name="e-Kinerja")
    client = Client(enforce_csrf_checks=True)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    ok = client.post(f"/api/v1/performance/plans/{plan.pk}/ratings", {
        "evaluation": ANNUAL, "work_result_rating": "SESUAI_EKSPEKTASI", "behaviour_rating": "DI_ATAS_EKSPEKTASI"},
        content_type="application/json", **auth)
    assert ok.status_code == 200, ok.content
    assert ok.json()["predikat"] == "BAIK" and ok.json()["nip"] == org.staff[0].nip
    bad = client.post(f"/api/v1/performance/plans/{plan.pk}/ratings", {
        "evaluation": "TW-9", "work_result_rating": "SESUAI_EKSPEKTASI", "behaviour_rating": "SESUAI_EKSPEKTASI"},
        content_type="application/json", **auth)
    assert bad.status_code == 400 and set(bad.json()["error"]) == {"code", "message", "fields", "details"}
    listed = client.get("/api/v1/performance/ratings?year=2025", **auth).json()
    assert listed["meta"]["total"] == 1 and listed["items"][0]["hasil_kerja"] == "SESUAI_EKSPEKTASI"
    # The same write by session without the CSRF token is refused.
    session = Client(enforce_csrf_checks=True)
    session.force_login(org.pyb)
    refused = session.post(f"/api/v1/performance/plans/{plan.pk}/ratings", {
        "evaluation": ANNUAL, "work_result_rating": "SESUAI_EKSPEKTASI", "behaviour_rating": "SESUAI_EKSPEKTASI"},
        content_type="application/json")
    assert refused.status_code == 403


def test_the_ratings_export_is_the_documented_format(org: Any, period: Any) -> None:
    plan = PerformancePlan.objects.get(period=period, employee=org.staff[0])
    services.rating_set(actor=org.pyb, interface=WEB, plan=plan, evaluation=ANNUAL,
                        work_result_rating="SESUAI_EKSPEKTASI", behaviour_rating="SESUAI_EKSPEKTASI")
    client = _client(org.operator)
    document = client.get(reverse("performance:ratings") + "?format=json").json()
    assert document["format"] == "simasn.performance.ratings/1"
    assert document["ratings"][0]["nip"] == org.staff[0].nip and document["ratings"][0]["predikat"] == "BAIK"
    csv = client.get(reverse("performance:ratings") + "?format=csv")
    assert csv.status_code == 200 and org.staff[0].nip in b"".join(csv.streaming_content).decode()


def test_national_view_has_no_names(org: Any, period: Any) -> None:
    menpan = user_with_role(Role.KEMENPANRB)
    page = _client(menpan).get(reverse("performance:national") + "?tahun=2025")
    assert page.status_code == 200
    assert org.staff[0].name not in page.content.decode()
    assert _client(menpan).get(reverse("performance:plans")).status_code == 403


def test_a_tidak_berkinerja_case_leads_to_a_dismissal_draft_in_the_action_workflow(org: Any, period: Any) -> None:
    from simasn.performance.models import TidakBerkinerjaCase
    from simasn.performance.tests.test_services_rating import finalise_bidang
    finalise_bidang(org, period, org.staff[4])
    case = TidakBerkinerjaCase.objects.get(employee=org.staff[4])
    operator = _client(org.operator)
    page = operator.get(reverse("performance:case", args=[case.pk])).content.decode()
    assert "Perlu kajian hukum" in page
    draft_url = reverse("actions:create") + f"?action_type=DISMISSAL&amp;employee={org.staff[4].pk}&amp;ground=f"
    assert draft_url in page  # the operator drafts the dismissal in the personnel-action workflow
    form = operator.get(draft_url.replace("&amp;", "&")).content.decode()
    assert 'value="f" selected' in form and f'value="{org.staff[4].pk}" selected' in form
    # Only the PPK/PyB decide the case, with a reason and an explicit confirmation.
    ppk = _client(org.ppk)
    unconfirmed = ppk.post(reverse("performance:case", args=[case.pk]), {"forward": "1", "note": "Diproses."})
    assert unconfirmed.status_code == 400
    done = ppk.post(reverse("performance:case", args=[case.pk]),
                    {"forward": "1", "note": "Diproses pemberhentian.", "action_reference": "", "confirm": "on"})
    assert done.status_code == 302
    case.refresh_from_db()
    assert case.status == "FORWARDED"
