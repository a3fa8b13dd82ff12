"""Satyalancana Karya Satya for every PNS of an instansi, with the discipline record, and
awards with their funding source."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.discipline import legal as discipline_legal
from simasn.discipline import services as discipline
from simasn.rewards import selectors, services
from simasn.rewards.models import CandidateState, SatyalancanaCandidate
from simasn.testing.factories import EmployeeFactory

WEB = Interface.WEB
ON = dt.date(2026, 11, 2)


def _pns(world, name, tmt):
    return EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.employee.position, name=name,
                           tmt_cpns=tmt)


def _penalise(world, employee, penalty, absent_days, decided):
    case = discipline.case_report(actor=world.operator, interface=WEB, employee_id=employee.pk,
                                  breach="PASAL_4_F", reported_on=decided - dt.timedelta(days=10), report="Alpa.")
    case = discipline.case_examine(actor=world.operator, interface=WEB, case=case,
                                   examined_on=decided - dt.timedelta(days=5), examiner_name="A",
                                   examiner_title="B", statement="", findings="C", absent_days=absent_days)
    officials = discipline_legal.authority_for(case, penalty=penalty, on=decided).outcome["officials"]
    discipline.case_decide(actor=world.ppk, interface=WEB, case=case, penalty=penalty,
                           authority_official="PPK" if "PPK" in officials else officials[0],
                           decider_name="A", decider_title="B", decided_on=decided,
                           decision_received_on=decided + dt.timedelta(days=1))


def test_satyalancana_at_ten_years_not_at_nine_and_not_with_a_medium_penalty(world):
    ten = _pns(world, "Sepuluh Tahun", dt.date(2016, 3, 1))
    nine = _pns(world, "Sembilan Tahun", dt.date(2017, 12, 1))
    penalised = _pns(world, "Pernah Dihukum", dt.date(2016, 3, 1))
    _penalise(world, penalised, "PEMOTONGAN_TUKIN_6_BULAN", 12, dt.date(2022, 6, 2))
    result = services.satyalancana_refresh(actor=world.operator, interface=WEB, instansi_id=world.instansi.pk, on=ON)
    assert result["assessed"] >= 3
    rows = {c.employee_id: c for c in SatyalancanaCandidate.objects.filter(year=2026)}
    assert rows[ten.pk].eligible_class == "X" and rows[ten.pk].state == CandidateState.CALON
    assert nine.pk not in rows
    assert penalised.pk not in rows or rows[penalised.pk].eligible_class == ""
    # Recomputing keeps the list the same and keeps what was proposed.
    services.satyalancana_propose(actor=world.ppk, interface=WEB, candidate=rows[ten.pk], on=ON)
    services.satyalancana_refresh(actor=world.operator, interface=WEB, instansi_id=world.instansi.pk, on=ON)
    assert SatyalancanaCandidate.objects.get(year=2026, employee=ten).state == CandidateState.DIUSULKAN
    assert SatyalancanaCandidate.objects.filter(year=2026, employee=ten).count() == 1


def test_a_light_penalty_does_not_bar_satyalancana(world):
    light = _pns(world, "Teguran Saja", dt.date(2016, 3, 1))
    _penalise(world, light, "TEGURAN_LISAN", 3, dt.date(2022, 6, 2))
    services.satyalancana_refresh(actor=world.operator, interface=WEB, instansi_id=world.instansi.pk, on=ON)
    assert SatyalancanaCandidate.objects.get(employee=light).eligible_class == "X"


def test_only_the_ppk_proposes_and_only_its_own(world):
    ten = _pns(world, "Sepuluh Tahun", dt.date(2016, 3, 1))
    services.satyalancana_refresh(actor=world.operator, interface=WEB, instansi_id=world.instansi.pk, on=ON)
    candidate = SatyalancanaCandidate.objects.get(employee=ten)
    with pytest.raises(PermissionDeniedError):
        services.satyalancana_propose(actor=world.operator, interface=WEB, candidate=candidate)
    with pytest.raises(PermissionDeniedError):
        services.satyalancana_propose(actor=world.other_ppk, interface=WEB, candidate=candidate)
    with pytest.raises(PermissionDeniedError):
        services.satyalancana_refresh(actor=world.other_ppk, interface=WEB, instansi_id=world.instansi.pk, on=ON)
    assert list(selectors.candidate_list(viewer=world.other_ppk, year=2026)) == []


def test_an_award_takes_its_funding_source_from_the_instansi_kind(world):
    award = services.award_record(actor=world.operator, interface=WEB, employee_id=world.employee.pk,
                                  component="PENGHARGAAN_MOTIVASI", form="FINANSIAL", title="Inovasi Layanan",
                                  amount=Decimal("2500000"), decision_number="003/1/2026",
                                  decision_date=dt.date(2026, 8, 17))
    assert award.funding_source == "APBD"  # a kota is an Instansi Daerah (Pasal 50 ayat (3))
    assert any("Pasal 50" in c for c in award.citations)
    with pytest.raises(ApplicationError):
        services.award_record(actor=world.operator, interface=WEB, employee_id=world.employee.pk,
                              component="PENGHARGAAN_MOTIVASI", form="GAJI", title="x", decision_number="1",
                              decision_date=dt.date(2026, 8, 17))
    with pytest.raises(PermissionDeniedError):
        services.award_record(actor=world.pegawai, interface=WEB, employee_id=world.employee.pk,
                              component="PENGHARGAAN_MOTIVASI", form="FINANSIAL", title="x", decision_number="1",
                              decision_date=dt.date(2026, 8, 17))


def test_the_reward_record_page_and_the_candidate_list(world):
    services.award_record(actor=world.operator, interface=WEB, employee_id=world.employee.pk,
                          component="PENGHARGAAN_MOTIVASI", form="NONFINANSIAL", title="Pegawai Teladan",
                          decision_number="003/2/2026", decision_date=dt.date(2026, 8, 17))
    client = Client()
    client.force_login(world.pegawai)
    page = client.get("/penghargaan/saya/").content.decode()
    assert "Pegawai Teladan" in page and "APBD" in page
    assert "penghargaan yang bersifat motivasi" in page  # the components of Pasal 21 ayat (2)
    assert client.get(f"/penghargaan/pegawai/{world.other_employee.pk}/").status_code == 404
    ppk = Client()
    ppk.force_login(world.ppk)
    assert ppk.get("/penghargaan/").status_code == 200
    assert ppk.get("/penghargaan/?format=xlsx").status_code == 200


def test_the_daily_run_assesses_every_instansi_at_once_with_the_same_answer(world, django_assert_max_num_queries):
    """The national run (the daily job) gives each instansi the list its own refresh gives,
    and its reads do not grow with the number of employees or instansi."""
    from simasn.rewards.tasks import refresh_satyalancana_daily
    from simasn.testing.factories import InstansiFactory

    ten = _pns(world, "Sepuluh Tahun", dt.date(2016, 3, 1))
    elsewhere = [EmployeeFactory(instansi=InstansiFactory(), name=f"Lain {i}", tmt_cpns=dt.date(2006, 1, 2))
                 for i in range(6)]
    services.satyalancana_refresh(actor=world.operator, interface=WEB, instansi_id=world.instansi.pk, on=ON)
    alone = set(SatyalancanaCandidate.objects.filter(year=2026).values_list("employee_id", "eligible_class", "state"))
    with django_assert_max_num_queries(30):
        refresh_satyalancana_daily.call(ON.isoformat())
    national = set(SatyalancanaCandidate.objects.filter(year=2026).values_list("employee_id", "eligible_class",
                                                                                "state"))
    assert alone <= national
    assert (ten.pk, "X", CandidateState.CALON) in national
    assert {(e.pk, "XX", CandidateState.CALON) for e in elsewhere} <= national
    # Run again: the same rows, once each.
    refresh_satyalancana_daily.call(ON.isoformat())
    assert SatyalancanaCandidate.objects.filter(year=2026).count() == len(national)


def test_a_pns_who_moved_keeps_one_row_and_a_proposal_made_before_the_move(world):
    from simasn.testing.factories import InstansiFactory

    moved = _pns(world, "Pindah Instansi", dt.date(2016, 3, 1))
    services.satyalancana_refresh(actor=world.operator, interface=WEB, instansi_id=world.instansi.pk, on=ON)
    services.satyalancana_propose(actor=world.ppk, interface=WEB,
                                  candidate=SatyalancanaCandidate.objects.get(employee=moved), on=ON)
    other = InstansiFactory()
    moved.instansi = other
    moved.save(update_fields=["instansi"])
    services.satyalancana_refresh_many(actor=None, interface=Interface.SYSTEM, instansi_ids=[other.pk], on=ON)
    rows = SatyalancanaCandidate.objects.filter(year=2026, employee=moved)
    assert [r.state for r in rows] == [CandidateState.DIUSULKAN]
    unproposed = _pns(world, "Belum Diusulkan", dt.date(2016, 3, 1))
    services.satyalancana_refresh(actor=world.operator, interface=WEB, instansi_id=world.instansi.pk, on=ON)
    unproposed.instansi = other
    unproposed.save(update_fields=["instansi"])
    services.satyalancana_refresh_many(actor=None, interface=Interface.SYSTEM, instansi_ids=[other.pk], on=ON)
    assert list(SatyalancanaCandidate.objects.filter(year=2026, employee=unproposed)
                .values_list("instansi_id", flat=True)) == [other.pk]


def test_an_award_amount_is_typed_with_grouping_dots(world):
    """Found in the browser walk (issue 12 item 6): the award's value was an <input type=number>."""
    from simasn.rewards.forms import AwardForm

    form = AwardForm({"amount": "1.500.000"}, viewer=world.ppk)
    form.is_valid()
    assert "amount" not in form.errors and form.cleaned_data["amount"] == 1_500_000
    assert 'inputmode="numeric"' in str(form["amount"]) and 'type="number"' not in str(form["amount"])
    assert "amount" in AwardForm({"amount": "satu juta"}, viewer=world.ppk).errors
