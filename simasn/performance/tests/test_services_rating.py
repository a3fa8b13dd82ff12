"""Rating by the rules (issue 15 item 5) and what the results feed (item 6)."""

from __future__ import annotations

from typing import Any

import pytest

from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.providers import provide
from simasn.performance import services
from simasn.performance.models import (
    ANNUAL,
    CaseStatus,
    PerformancePlan,
    Rating,
    TidakBerkinerjaCase,
)
from simasn.performance.tests.conftest import WEB, YEAR

ABOVE, AS, BELOW = "DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI"


def plan_of(period: Any, employee: Any) -> PerformancePlan:
    return PerformancePlan.objects.get(period=period, employee=employee)


def rate(org: Any, period: Any, employee: Any, results: str, behaviour: str, *, evaluation: str = ANNUAL,
         needs: list[str] | None = None) -> Rating:
    plan = plan_of(period, employee)
    appraiser = org.user(plan.appraiser)
    return services.rating_set(actor=appraiser, interface=WEB, plan=plan, evaluation=evaluation,
                               work_result_rating=results, behaviour_rating=behaviour, development_needs=needs)


def test_the_predikat_is_the_matrix_cell_and_only_the_appraiser_rates(org: Any, period: Any) -> None:
    rating = rate(org, period, org.staff[0], ABOVE, BELOW)
    assert rating.predikat == "KURANG" and rating.computed_predikat == "KURANG"
    assert "PermenPANRB 6/2022 Lampiran" in rating.citations
    with pytest.raises(PermissionDeniedError):  # a colleague is not the appraiser
        services.rating_set(actor=org.user(org.staff[1]), interface=WEB, plan=plan_of(period, org.staff[0]),
                            evaluation=ANNUAL, work_result_rating=AS, behaviour_rating=AS)
    with pytest.raises(PermissionDeniedError):  # nor is the employee
        services.rating_set(actor=org.user(org.staff[0]), interface=WEB, plan=plan_of(period, org.staff[0]),
                            evaluation=ANNUAL, work_result_rating=AS, behaviour_rating=AS)


def test_periodic_evaluations_are_the_laws_quarters(org: Any, period: Any) -> None:
    codes = [e["code"] for e in services.evaluations(period)]
    assert codes[-1] == ANNUAL and len(codes) == 5  # four quarterly evaluations, then the year
    rating = rate(org, period, org.staff[0], AS, AS, evaluation=codes[0])
    assert rating.predikat == "BAIK"
    with pytest.raises(ApplicationError):
        rate(org, period, org.staff[0], AS, AS, evaluation="TW-9")


def test_every_quarter_code_is_stored_whole_and_dialogues_refuse_unknown_ones(org: Any, period: Any) -> None:
    """TRIWULAN_III is longer than ten characters: PostgreSQL refused it and a dialogue cut it short."""
    codes = [e["code"] for e in services.evaluations(period)]
    plan = plan_of(period, org.staff[0])
    for code in codes:
        assert rate(org, period, org.staff[0], AS, AS, evaluation=code).evaluation == code
    dialogue = services.dialogue_plan(actor=org.user(plan.appraiser), interface=WEB, plan=plan,
                                      planned_on=period.start_date, evaluation=max(codes, key=len))
    dialogue.refresh_from_db()
    assert dialogue.evaluation == max(codes, key=len)
    with pytest.raises(ApplicationError) as refused:
        services.dialogue_plan(actor=org.user(plan.appraiser), interface=WEB, plan=plan,
                               planned_on=period.start_date, evaluation="TW-9")
    assert "evaluation" in refused.value.fields


def test_finalisation_is_refused_when_a_limit_fails_then_calibrated(org: Any, period: Any) -> None:
    unit = services.unit_rating_set(actor=org.pyb, interface=WEB, period=period, unit_id=org.bidang.pk, rating="BAIK")
    for employee in org.staff:
        rate(org, period, employee, AS, AS)
    rate(org, period, org.kabid, "", AS)  # the leader: results follow the unit's rating
    assert Rating.objects.get(plan__employee=org.kabid).predikat == "BAIK"
    with pytest.raises(ApplicationError) as refused:
        services.unit_finalise(actor=org.pyb, interface=WEB, unit_rating=unit)
    message = str(refused.value.message)
    assert "Baik paling banyak 70 %: kelebihan 2 orang" in message
    assert "kekurangan 1 orang" in message
    assert refused.value.details["people"] == {"BAIK_MAX": 2, "BUTUH_PERBAIKAN_ATAU_KURANG_ADA": 1}
    assert not Rating.objects.filter(is_final=True).exists()
    # Calibration: the superior revisits two ratings up and one down.
    rate(org, period, org.staff[0], ABOVE, ABOVE)
    rate(org, period, org.staff[1], ABOVE, ABOVE)
    rate(org, period, org.staff[2], BELOW, AS)
    unit = services.unit_finalise(actor=org.pyb, interface=WEB, unit_rating=unit)
    assert unit.last_check["ok"] is True
    assert Rating.objects.filter(plan__unit=org.bidang, is_final=True).count() == 6
    with pytest.raises(Exception):  # noqa: B017 - final ratings cannot be changed
        rate(org, period, org.staff[3], ABOVE, ABOVE)


def test_an_override_needs_a_reason_and_the_next_level_superiors_approval(org: Any, period: Any) -> None:
    rating = rate(org, period, org.staff[0], AS, AS)
    kabid = org.user(org.kabid)
    with pytest.raises(ApplicationError):
        services.rating_override_request(actor=kabid, interface=WEB, rating=rating, predikat="SANGAT_BAIK", reason="")
    services.rating_override_request(actor=kabid, interface=WEB, rating=rating, predikat="SANGAT_BAIK",
                                     reason="Memimpin migrasi data kepegawaian seluruh OPD.")
    rating.refresh_from_db()
    assert rating.predikat == "BAIK" and rating.override_status == "PENDING"
    assert services.override_approver_id(rating) == org.kaban.pk
    with pytest.raises(PermissionDeniedError):  # the appraiser cannot approve their own override
        services.rating_override_decide(actor=kabid, interface=WEB, rating=rating, approve=True)
    services.rating_override_decide(actor=org.user(org.kaban), interface=WEB, rating=rating, approve=True)
    rating.refresh_from_db()
    assert rating.predikat == "SANGAT_BAIK" and rating.computed_predikat == "BAIK"
    from simasn.core.models import AuditEvent
    events = AuditEvent.objects.filter(object_type="performance.rating", object_id=str(rating.pk),
                                       action="transition")
    assert events.count() == 2
    assert events.order_by("id").first().reason == "Memimpin migrasi data kepegawaian seluruh OPD."


def test_the_superior_named_on_the_request_sees_and_decides_the_override_not_the_instansi_officials(
        org: Any, period: Any) -> None:
    """The approver is a party the hierarchy names (a qualified grant in the policy table):
    the Kepala Badan is shown the Kepala Bidang's request and decides it; the PyB and PPK of
    the instansi, with reach over every plan, neither see nor decide it."""
    from simasn.accounts.roles import Role
    from simasn.performance import selectors
    from simasn.testing.factories import user_with_role

    rating = rate(org, period, org.staff[0], AS, AS)
    services.rating_override_request(actor=org.user(org.kabid), interface=WEB, rating=rating,
                                     predikat="SANGAT_BAIK", reason="Memimpin migrasi data kepegawaian.")
    rating.refresh_from_db()
    assert rating.override_approver_id == org.kaban.pk
    # Whatever their role, the employee the hierarchy names decides: here the Kepala Badan
    # signs in as the instansi's PyB.
    kaban = user_with_role(Role.PYB, instansi=org.instansi, employee=org.kaban)
    assert [r.pk for r in selectors.pending_overrides(viewer=kaban)] == [rating.pk]
    assert selectors.rating_get(viewer=kaban, pk=rating.pk).pk == rating.pk
    # The superior's superior, a colleague and the officials are not the approver.
    outsiders = [user_with_role(Role.PPK, instansi=org.instansi, employee=org.sekda), org.user(org.staff[1]),
                 org.pyb, org.ppk]
    for user in outsiders:
        assert selectors.pending_overrides(viewer=user) == []
        with pytest.raises(PermissionDeniedError):
            services.rating_override_decide(actor=user, interface=WEB, rating=rating, approve=True)
    services.rating_override_decide(actor=kaban, interface=WEB, rating=rating, approve=False,
                                    note="Belum cukup bukti.")
    rating.refresh_from_db()
    assert rating.override_status == "REJECTED" and rating.predikat == "BAIK"
    assert selectors.pending_overrides(viewer=kaban) == []


def test_at_the_top_of_the_register_the_pyb_or_ppk_of_the_instansi_decides_the_override(
        org: Any, period: Any) -> None:
    """The Kepala Badan's appraiser is the Sekda, who has nobody above: the PyB and PPK of the
    instansi see and decide the override; the Sekda, an employee, and another instansi's PPK do not."""
    from simasn.accounts.roles import Role
    from simasn.performance import selectors
    from simasn.testing.factories import InstansiFactory, user_with_role

    services.unit_rating_set(actor=org.pyb, interface=WEB, period=period, unit_id=org.badan.pk, rating="BAIK")
    rating = rate(org, period, org.kaban, "", AS)  # a unit leader's results follow the unit's rating
    services.rating_override_request(actor=org.user(org.sekda), interface=WEB, rating=rating,
                                     predikat="SANGAT_BAIK", reason="Reformasi birokrasi BKPSDM.")
    rating.refresh_from_db()
    assert rating.override_approver_id is None
    assert [r.pk for r in selectors.pending_overrides(viewer=org.pyb)] == [rating.pk]
    other_ppk = user_with_role(Role.PPK, instansi=InstansiFactory(name="Kabupaten Lain", kind="KABUPATEN"))
    for user in (org.user(org.sekda), org.operator, other_ppk):
        assert selectors.pending_overrides(viewer=user) == []
        with pytest.raises(PermissionDeniedError):
            services.rating_override_decide(actor=user, interface=WEB, rating=rating, approve=True)
    services.rating_override_decide(actor=org.ppk, interface=WEB, rating=rating, approve=True)
    rating.refresh_from_db()
    assert rating.override_status == "APPROVED" and rating.predikat == "SANGAT_BAIK"


def finalise_bidang(org: Any, period: Any, low: Any) -> None:
    unit = services.unit_rating_set(actor=org.pyb, interface=WEB, period=period, unit_id=org.bidang.pk,
                                    rating="BAIK")
    for i, employee in enumerate(org.staff):
        if employee != low:  # two Sangat Baik, two Baik: within "Baik at most 70 %"
            rate(org, period, employee, *((ABOVE, ABOVE) if i < 2 else (AS, AS)))
    rate(org, period, low, BELOW, AS, needs=["Pelatihan analisis jabatan"])
    rate(org, period, org.kabid, "", AS)
    services.unit_finalise(actor=org.pyb, interface=WEB, unit_rating=unit)


def test_ratings_feed_the_providers_other_chapters_read(org: Any, period: Any) -> None:
    ids = [e.pk for e in org.staff]
    assert provide("performance.ratings", employee_ids=ids, year=YEAR, default=None) == {}  # nothing final yet
    finalise_bidang(org, period, org.staff[4])
    found = provide("performance.ratings", employee_ids=ids, year=YEAR, default=None)
    assert found[org.staff[4].pk] == {"year": YEAR, "hasil_kerja": BELOW, "perilaku": AS,
                                      "predikat": "BUTUH_PERBAIKAN"}
    assert found[org.staff[0].pk]["predikat"] == "SANGAT_BAIK"
    assert found[org.staff[3].pk]["predikat"] == "BAIK"
    needs = provide("performance.development_needs", employee_ids=ids, year=YEAR, default=None)
    assert needs == {org.staff[4].pk: ["Pelatihan analisis jabatan"]}


def test_tidak_berkinerja_opens_a_case_for_a_human_never_a_dismissal(org: Any, period: Any) -> None:
    low = org.staff[4]
    finalise_bidang(org, period, low)
    case = TidakBerkinerjaCase.objects.get(employee=low)
    assert case.status == CaseStatus.OPEN and case.decision["needs_legal_review"] is True
    assert "UU 20/2023 Pasal 52 ayat (3) huruf f" in case.decision["citations"]
    assert not TidakBerkinerjaCase.objects.exclude(employee=low).exists()
    with pytest.raises(PermissionDeniedError):
        services.case_decide(actor=org.operator, interface=WEB, case=case, forward=True, note="x")
    with pytest.raises(ApplicationError):
        services.case_decide(actor=org.ppk, interface=WEB, case=case, forward=True, note="")
    services.case_decide(actor=org.ppk, interface=WEB, case=case, forward=True,
                         note="Dua kali dialog tanpa perbaikan; diproses pemberhentian.", action_reference="123")
    case.refresh_from_db()
    assert case.status == CaseStatus.FORWARDED


def test_the_dialogue_form_offers_the_evaluation_that_covers_today(org: Any, period: Any) -> None:
    """Found in the new-user walk: the form offered Triwulan I in December."""
    import datetime as dt

    from django.utils import timezone

    from simasn.performance.forms import DialoguePlanForm

    evaluations = [{"code": "Q1", "label_id": "I", "start": dt.date(2000, 1, 1), "end": dt.date(2000, 3, 31)},
                   {"code": "NOW", "label_id": "kini", "start": timezone.localdate() - dt.timedelta(days=1),
                    "end": timezone.localdate() + dt.timedelta(days=1)},
                   {"code": ANNUAL, "label_id": "tahunan", "start": dt.date(2000, 1, 1), "end": dt.date(2100, 1, 1)}]
    form = DialoguePlanForm(evaluations=evaluations)
    assert form.fields["evaluation"].initial == "NOW"
    assert form.fields["planned_on"].initial == timezone.localdate()


def test_overrides_waiting_before_the_approver_was_stored_get_the_approver_the_decision_computed(
        org: Any, period: Any) -> None:
    """Migration 0004 names the approver of overrides already pending when it runs."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("simasn.performance.migrations.0004_rating_override_approver")
    rating = rate(org, period, org.staff[0], AS, AS)
    Rating.objects.filter(pk=rating.pk).update(override_status="PENDING", override_predikat="SANGAT_BAIK",
                                               override_reason="Diajukan sebelum pembaruan.")
    migration.name_pending_approvers(apps, None)
    assert Rating.objects.get(pk=rating.pk).override_approver_id == org.kaban.pk
