"""Keberatan and banding administratif through the real services, with deadlines counted
by the law's working-day calendar (PP 79/2021), and an outcome that amends a decision."""

from __future__ import annotations

import datetime as dt

import pytest

from simasn.accounts.roles import Role
from simasn.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.providers import provide
from simasn.discipline import legal as discipline_legal
from simasn.discipline import services as discipline_services
from simasn.discipline.tests.conftest import DECIDED, EXAMINED, RECEIVED, REPORTED
from simasn.disputes import selectors, services
from simasn.disputes.models import DisputeState, Route
from simasn.testing.factories import user_with_role

WEB = Interface.WEB


def _file(world, **kw):
    data = {"employee_id": world.employee.pk, "decision_kind": "LAINNYA", "decision_number": "800/1/2026",
            "decision_date": DECIDED, "decision_received_date": RECEIVED, "grounds": "Keputusan keliru.",
            "filed_on": dt.date(2026, 10, 20)}
    data.update(kw)
    return services.dispute_file(actor=world.pegawai, interface=WEB, **data)


def test_a_keberatan_in_time_goes_to_the_ppk_with_its_deadline(world):
    dispute = _file(world)
    assert dispute.route == Route.KEBERATAN and dispute.body == "PPK"
    assert dispute.state == DisputeState.DIAJUKAN and dispute.admissible is True
    # 21 working days from receipt of the keberatan (Tuesday 20 October 2026).
    assert dispute.decide_due == dt.date(2026, 11, 18)
    assert any("PP 79/2021" in c for c in dispute.citations)


def test_a_late_keberatan_is_inadmissible_at_once_with_the_reason(world):
    dispute = _file(world, filed_on=dt.date(2026, 11, 20))
    assert dispute.state == DisputeState.TIDAK_DITERIMA and dispute.admissible is False
    assert "tidak dapat diterima" in dispute.admissibility["explanation_id"]
    assert dispute.decide_due is None


def test_a_filing_in_time_on_one_reading_only_shows_both_readings(world):
    # 14 calendar days from the decision: 26 October; 14 working days from receipt: 2 November.
    dispute = _file(world, filed_on=dt.date(2026, 10, 28))
    assert dispute.admissible is None and dispute.state == DisputeState.DIAJUKAN
    assert dispute.needs_legal_review
    readings = dispute.admissibility["outcome"]["readings"]
    assert len({r["due_date"] for r in readings}) > 1


def test_the_filing_boundary_is_the_earliest_due_date(world):
    in_time = _file(world, filed_on=dt.date(2026, 10, 26), decision_number="A/1")
    assert in_time.admissible is True


def test_a_dismissal_goes_to_bpasn_who_waits_for_the_ppk_or_decides_on_silence(world):
    bpasn = user_with_role(Role.BPASN)
    dispute = _file(world, decision_kind="PEMBERHENTIAN_PNS", decision_number="BHT/1/2026",
                    decision_date=dt.date(2026, 5, 25), decision_received_date=dt.date(2026, 5, 26),
                    filed_on=dt.date(2026, 6, 2))
    assert dispute.route == Route.BANDING_ADMINISTRATIF and dispute.body == "BPASN"
    assert dispute.answer_due is not None and dispute.decide_due is not None
    assert dispute.decide_due > dispute.answer_due
    # The PPK's keberatan power does not reach a banding; BPASN waits for the PPK's answer.
    with pytest.raises(PermissionDeniedError):
        services.dispute_decide(actor=world.ppk, interface=WEB, dispute=dispute, outcome="MEMPERKUAT",
                                reason="x", decided_on=dt.date(2026, 6, 10))
    with pytest.raises(ApplicationError) as waiting:
        services.dispute_decide(actor=bpasn, interface=WEB, dispute=dispute, outcome="MEMPERKUAT",
                                reason="x", decided_on=dt.date(2026, 6, 10))
    assert waiting.value.code == "awaiting_answer"
    # After the PPK's 21 working days BPASN decides on the evidence it has (Pasal 13 ayat (2)).
    decided = services.dispute_decide(actor=bpasn, interface=WEB, dispute=dispute, outcome="MEMBATALKAN",
                                      reason="Pemberhentian tidak didukung bukti.", decided_on=dt.date(2026, 8, 3))
    assert decided.state == DisputeState.DIPUTUS and not decided.decided_late
    assert any("Pasal 13" in c for c in decided.citations)


def test_the_ppk_answers_a_banding_then_bpasn_decides(world):
    bpasn = user_with_role(Role.BPASN)
    dispute = _file(world, decision_kind="PEMBERHENTIAN_PNS", decision_number="BHT/2/2026",
                    decision_date=dt.date(2026, 5, 25), decision_received_date=dt.date(2026, 5, 26),
                    filed_on=dt.date(2026, 6, 2))
    with pytest.raises(PermissionDeniedError):
        services.dispute_answer(actor=world.other_ppk, interface=WEB, dispute=dispute, answer="x")
    answered = services.dispute_answer(actor=world.ppk, interface=WEB, dispute=dispute,
                                       answer="Pemberhentian sesuai putusan.", answered_on=dt.date(2026, 6, 15))
    assert answered.state == DisputeState.DITANGGAPI
    decided = services.dispute_decide(actor=bpasn, interface=WEB, dispute=answered, outcome="MEMPERKUAT",
                                      reason="Sesuai.", decided_on=dt.date(2026, 7, 1))
    assert decided.outcome == "MEMPERKUAT"


def test_a_presidential_decision_has_no_settled_remedy(world):
    with pytest.raises(ApplicationError) as refused:
        _file(world, issuer="PRESIDEN", decision_kind="LAINNYA")
    assert refused.value.code == "needs_legal_review"


def test_only_the_employee_files_for_themselves_and_scope_holds(world):
    with pytest.raises(PermissionDeniedError):
        services.dispute_file(actor=world.other_pegawai, interface=WEB, employee_id=world.employee.pk,
                              decision_kind="LAINNYA", decision_number="X", decision_date=DECIDED,
                              grounds="x", filed_on=dt.date(2026, 10, 20))
    dispute = _file(world)
    with pytest.raises(NotFoundError):
        selectors.dispute_get(viewer=world.other_pegawai, pk=dispute.pk)
    with pytest.raises(NotFoundError):
        selectors.dispute_get(viewer=world.other_ppk, pk=dispute.pk)
    assert selectors.dispute_get(viewer=world.ppk, pk=dispute.pk) == dispute
    with pytest.raises(PermissionDeniedError):
        services.dispute_decide(actor=world.other_ppk, interface=WEB, dispute=dispute, outcome="MEMPERKUAT",
                                reason="x", decided_on=dt.date(2026, 10, 22))
    with pytest.raises(ApplicationError):  # the same decision twice
        _file(world)


def _discipline_decision(world):
    case = discipline_services.case_report(actor=world.operator, interface=WEB, employee_id=world.employee.pk,
                                           breach="PASAL_4_F", reported_on=REPORTED, report="Alpa 12 hari.")
    case = discipline_services.case_examine(actor=world.operator, interface=WEB, case=case, examined_on=EXAMINED,
                                            examiner_name="A", examiner_title="B", statement="", findings="C",
                                            absent_days=12)
    officials = discipline_legal.authority_for(case, penalty="PEMOTONGAN_TUKIN_6_BULAN", on=DECIDED).outcome["officials"]
    return discipline_services.case_decide(
        actor=world.ppk, interface=WEB, case=case, penalty="PEMOTONGAN_TUKIN_6_BULAN",
        authority_official="PPK" if "PPK" in officials else officials[0], decider_name="Muhammad Farhan",
        decider_title="Wali Kota Uji", decided_on=DECIDED, decision_received_on=RECEIVED)


def test_a_keberatan_outcome_amends_the_discipline_decision_end_to_end(world):
    case = _discipline_decision(world)
    on = dt.date(2026, 12, 1)
    assert provide("discipline.record", employee_ids=[world.employee.pk], on=on)[world.employee.pk][
        "active_penalty_level"] == "sedang"
    dispute = _file(world, decision_kind="HUKUMAN_DISIPLIN", penalty=case.penalty,
                    decision_number=case.decision_number, source=f"discipline.disciplinecase:{case.pk}")
    assert dispute.route == Route.KEBERATAN
    decided = services.dispute_decide(actor=world.ppk, interface=WEB, dispute=dispute, outcome="MEMPERINGAN",
                                      new_penalty="TEGURAN_TERTULIS", reason="Ada alasan meringankan.",
                                      decided_on=dt.date(2026, 11, 2))
    assert decided.source_amended
    case.refresh_from_db()
    assert case.penalty == "TEGURAN_TERTULIS" and case.original_penalty == "PEMOTONGAN_TUKIN_6_BULAN"
    assert case.level == "RINGAN" and case.remedy_reference == decided.result_number
    record = provide("discipline.record", employee_ids=[world.employee.pk], on=on)[world.employee.pk]
    assert record["penalties"][0]["penalty"] == "TEGURAN_TERTULIS"
    assert record["active_penalty_level"] in (None, "ringan")



def test_the_dispute_page_names_penalties_and_the_body_never_their_codes(world, client):
    case = _discipline_decision(world)
    dispute = _file(world, decision_kind="HUKUMAN_DISIPLIN", penalty=case.penalty,
                    decision_number=case.decision_number, source=f"discipline.disciplinecase:{case.pk}")
    services.dispute_decide(actor=world.ppk, interface=WEB, dispute=dispute, outcome="MEMPERINGAN",
                            new_penalty="TEGURAN_TERTULIS", reason="Ada alasan meringankan.",
                            decided_on=dt.date(2026, 11, 2))
    client.force_login(world.ppk)
    page = client.get(f"/upaya-administratif/{dispute.pk}/").content.decode()
    assert "TEGURAN_TERTULIS" not in page and "PEMOTONGAN_TUKIN_6_BULAN" not in page
    assert "teguran tertulis" in page.lower()
    assert "ATASAN_PEJABAT" not in page and ">PPK<" not in page


def test_an_annulled_discipline_decision_leaves_the_record(world):
    case = _discipline_decision(world)
    dispute = _file(world, decision_kind="HUKUMAN_DISIPLIN", penalty=case.penalty,
                    decision_number=case.decision_number, source=f"discipline.disciplinecase:{case.pk}")
    services.dispute_decide(actor=world.ppk, interface=WEB, dispute=dispute, outcome="MEMBATALKAN",
                            reason="Tidak terbukti.", decided_on=dt.date(2026, 11, 2))
    record = provide("discipline.record", employee_ids=[world.employee.pk], on=dt.date(2026, 12, 1))
    assert record[world.employee.pk]["penalties"] == []
    assert record[world.employee.pk]["active_penalty_level"] is None


def test_service_levels_count_open_overdue_and_late(world):
    _file(world, decision_number="S/1")  # due 18 November 2026
    _file(world, decision_number="S/2", filed_on=dt.date(2026, 11, 20))  # inadmissible
    levels = selectors.service_levels(viewer=world.ppk, today=dt.date(2026, 11, 25))
    assert levels["totals"]["open_keberatan"] == 1
    assert levels["totals"]["overdue"] == 1
    assert levels["totals"]["inadmissible"] == 1
    assert levels["rows"][0]["nearest_days"] < 0
    assert selectors.service_levels(viewer=world.other_ppk, today=dt.date(2026, 11, 25))["rows"] == []


def test_service_levels_count_discipline_cases_with_disputes_per_instansi_and_nationally(world, client):
    """The dashboard shows open discipline cases (to examine, to decide, the oldest's age in
    working days) beside the keberatan and banding; the PPK sees their instansi, BPASN and
    BKN the nation, an employee not at all (policy rows CASE_SERVICE_LEVELS)."""
    discipline_services.case_report(actor=world.operator, interface=WEB, employee_id=world.employee.pk,
                                    breach="PASAL_4_F", reported_on=REPORTED, report="Alpa.")
    _file(world, decision_number="S/1")
    today = dt.date(2026, 11, 25)
    mine = selectors.service_levels(viewer=world.ppk, today=today)
    assert mine["national"] is False
    assert mine["totals"]["discipline_to_examine"] == 1 and mine["totals"]["open_keberatan"] == 1
    row = mine["rows"][0]
    assert row["instansi_id"] == world.instansi.pk
    assert row["discipline_oldest_days"] > 30  # 1 October to 25 November, in working days
    assert selectors.service_levels(viewer=world.other_ppk, today=today)["rows"] == []
    for national in (world.bkn, user_with_role(Role.BPASN)):
        levels = selectors.service_levels(viewer=national, today=today)
        assert levels["national"] is True and levels["totals"]["discipline_to_examine"] == 1
    with pytest.raises(PermissionDeniedError):
        selectors.service_levels(viewer=world.pegawai, today=today)
    client.force_login(world.pegawai)
    assert client.get("/upaya-administratif/layanan/").status_code == 403
    assert client.get("/api/v1/disputes/service-levels").status_code == 403
    client.force_login(world.ppk)
    page = client.get("/upaya-administratif/layanan/").content.decode()
    assert "Disiplin: menunggu pemeriksaan" in page and world.instansi.name in page
    api = client.get("/api/v1/disputes/service-levels").json()
    assert api["totals"]["discipline_to_examine"] == 1


def test_a_deadline_running_into_2027_is_marked_for_legal_review_not_guessed(world, client, monkeypatch):
    """No SKB 3 Menteri list for 2027 is in the law data: a decision deadline that runs into
    2027 is not counted (no date is invented); the dispute is marked for legal review with
    the reason, and its page says so."""
    monkeypatch.setattr(services, "_today", lambda: dt.date(2026, 12, 10))
    dispute = _file(world, decision_number="800/9/2026", decision_date=dt.date(2026, 12, 1),
                    decision_received_date=dt.date(2026, 12, 2), filed_on=dt.date(2026, 12, 10))
    assert dispute.state == DisputeState.DIAJUKAN
    assert dispute.decide_due is None
    assert dispute.needs_legal_review and "2027" in dispute.review_reason
    client.force_login(world.ppk)
    page = client.get(f"/upaya-administratif/{dispute.pk}/").content.decode()
    assert "2027" in page
    # In Indonesian, once, with a long date (found in the new-user walk: the English reason, an
    # ISO date and "Perlu telaah hukum: perlu telaah hukum:").
    assert "belum ditetapkan per 10 Desember 2026" in page
    assert "not yet set" not in page and "2026-12-10" not in page
    assert "perlu telaah hukum: perlu telaah hukum" not in page.lower()


def test_the_ppk_is_told_the_nearest_deadline_written_the_tables_way(world):
    """Found in the browser walk (issue 12 item 13): the dashboard said "Batas terdekat: 30-12-2026"."""
    from simasn.disputes.waiting import waiting_for

    _file(world)  # decide by 18 November 2026
    items = [i for i in waiting_for(viewer=world.ppk) if i.label.startswith("Keberatan")]
    assert [(i.count, i.detail) for i in items] == [(1, "Batas terdekat: 18/11/2026")]
