"""A discipline case from report to decision, at each level, through the real services."""

from __future__ import annotations

import datetime as dt

import pytest

from simasn.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.core.providers import provide
from simasn.discipline import legal, selectors, services
from simasn.discipline.models import CaseKind, CaseState
from simasn.discipline.tests.conftest import DECIDED, EXAMINED, RECEIVED, REPORTED

WEB = Interface.WEB


def _examined(world, *, absent_days: int, employee=None):
    case = services.case_report(actor=world.operator, interface=WEB, employee_id=(employee or world.employee).pk,
                                breach="PASAL_4_F", reported_on=REPORTED,
                                report="Tidak masuk kerja tanpa alasan yang sah.")
    return services.case_examine(actor=world.operator, interface=WEB, case=case, examined_on=EXAMINED,
                                 examiner_name="Drs. Bambang", examiner_title="Kepala Bagian Umum",
                                 statement="Mengakui tidak masuk.", findings="Terbukti tidak masuk kerja.",
                                 absent_days=absent_days)


def _officials(world, case, penalty):
    return legal.authority_for(case, penalty=penalty, on=DECIDED).outcome["officials"]


@pytest.mark.parametrize(("days", "level", "penalty"), [
    (3, "RINGAN", "TEGURAN_LISAN"),
    (12, "SEDANG", "PEMOTONGAN_TUKIN_6_BULAN"),
    (30, "BERAT", "PEMBERHENTIAN_DENGAN_HORMAT"),
])
def test_each_level_from_the_law_and_its_authority(world, days, level, penalty):
    case = _examined(world, absent_days=days)
    assert case.state == CaseState.DIPERIKSA
    assert case.level == level
    assert penalty in case.allowed_penalties
    assert any("PP 94/2021" in c for c in case.citations)
    officials = _officials(world, case, penalty)
    assert officials, "the law names who imposes it"
    # An official the law does not name is refused with the reason.
    wrong = next(o for o in ("PRESIDEN", "PENGAWAS", "PPK") if o not in officials)
    with pytest.raises(ApplicationError) as refused:
        services.case_decide(actor=world.ppk, interface=WEB, case=case, penalty=penalty,
                             authority_official=wrong, decider_name="X", decider_title="Y", decided_on=DECIDED)
    assert refused.value.code == "not_authorized"
    decided = services.case_decide(actor=world.ppk, interface=WEB, case=case, penalty=penalty,
                                   authority_official=officials[0], decider_name="Muhammad Farhan",
                                   decider_title="Wali Kota Uji", decided_on=DECIDED,
                                   decision_received_on=RECEIVED)
    assert decided.state == CaseState.DIPUTUS
    assert decided.decision_number and decided.decision_number.endswith("/2026")
    assert decided.effective_date is not None and decided.effective_date > RECEIVED
    if level == "BERAT":
        assert decided.ends_on is None  # a dismissal does not end
    elif level == "SEDANG":
        assert decided.ends_on is not None and decided.ends_on > decided.effective_date + dt.timedelta(days=150)
    steps = list(AuditEvent.objects.filter(object_type="discipline.disciplinecase", object_id=str(case.pk)).order_by("id")
                 .values_list("extra__step", flat=True))
    assert steps == ["report", "examine", "decide"]


def test_a_penalty_outside_the_level_is_refused(world):
    case = _examined(world, absent_days=3)
    with pytest.raises(ApplicationError) as refused:
        services.case_decide(actor=world.ppk, interface=WEB, case=case, penalty="PEMBERHENTIAN_DENGAN_HORMAT",
                             authority_official="PPK", decider_name="A", decider_title="B", decided_on=DECIDED)
    assert "penalty" in refused.value.fields


def test_absence_below_the_threshold_gives_no_level_and_the_case_is_closed(world):
    case = _examined(world, absent_days=2)
    assert case.level == "" and case.allowed_penalties == []
    with pytest.raises(ApplicationError):
        services.case_decide(actor=world.ppk, interface=WEB, case=case, penalty="TEGURAN_LISAN",
                             authority_official="PPK", decider_name="A", decider_title="B", decided_on=DECIDED)
    closed = services.case_close(actor=world.ppk, interface=WEB, case=case, reason="Belum mencapai 3 hari kerja.")
    assert closed.state == CaseState.DIHENTIKAN


def test_only_the_own_instansi_decides_and_the_employee_sees_only_their_own(world):
    case = _examined(world, absent_days=3)
    with pytest.raises(PermissionDeniedError):
        services.case_decide(actor=world.other_ppk, interface=WEB, case=case, penalty="TEGURAN_LISAN",
                             authority_official="PPK", decider_name="A", decider_title="B", decided_on=DECIDED)
    with pytest.raises(PermissionDeniedError):
        services.case_decide(actor=world.operator, interface=WEB, case=case, penalty="TEGURAN_LISAN",
                             authority_official="PPK", decider_name="A", decider_title="B", decided_on=DECIDED)
    with pytest.raises(PermissionDeniedError):
        services.case_report(actor=world.pegawai, interface=WEB, employee_id=world.other_employee.pk,
                             breach="PASAL_4_F", reported_on=REPORTED, report="x")
    assert selectors.case_get(viewer=world.pegawai, pk=case.pk) == case
    with pytest.raises(NotFoundError):
        selectors.case_get(viewer=world.other_pegawai, pk=case.pk)
    with pytest.raises(NotFoundError):
        selectors.case_get(viewer=world.other_ppk, pk=case.pk)
    assert selectors.case_get(viewer=world.bkn, pk=case.pk) == case


def test_missing_facts_are_a_clear_error_not_a_crash(world):
    case = services.case_report(actor=world.operator, interface=WEB, employee_id=world.employee.pk,
                                breach="PASAL_4_F", reported_on=REPORTED, report="Tidak masuk.")
    with pytest.raises(ApplicationError) as refused:
        services.case_examine(actor=world.operator, interface=WEB, case=case, examined_on=EXAMINED,
                              examiner_name="A", examiner_title="B", statement="", findings="C")
    assert refused.value.code == "validation"
    case.refresh_from_db()
    assert case.state == CaseState.DILAPORKAN  # nothing half-written
    with pytest.raises(ApplicationError):
        services.case_report(actor=world.operator, interface=WEB, employee_id=world.employee.pk,
                             breach="NOT_A_BREACH", reported_on=REPORTED, report="x")


def test_the_discipline_record_other_chapters_read(world):
    open_case = services.case_report(actor=world.operator, interface=WEB, employee_id=world.employee.pk,
                                     breach="PASAL_4_F", reported_on=REPORTED, report="Laporan kedua.")
    case = _examined(world, absent_days=12)
    officials = _officials(world, case, "PEMOTONGAN_TUKIN_6_BULAN")
    services.case_decide(actor=world.ppk, interface=WEB, case=case, penalty="PEMOTONGAN_TUKIN_6_BULAN",
                         authority_official=officials[0], decider_name="A", decider_title="B",
                         decided_on=DECIDED, decision_received_on=RECEIVED)
    on = dt.date(2026, 12, 1)
    record = provide("discipline.record", employee_ids=[world.employee.pk, world.other_employee.pk], on=on)
    mine = record[world.employee.pk]
    assert mine["active_penalty_level"] == "sedang"
    assert mine["open_cases"] == 1 and open_case.is_open
    assert mine["penalties"][0]["penalty"] == "PEMOTONGAN_TUKIN_6_BULAN"
    assert mine["penalties"][0]["decided_on"] == DECIDED
    assert record[world.other_employee.pk] == {"active_penalty_level": None, "penalties": [], "open_cases": 0}
    # After its last day the penalty stays on record but is no longer active.
    later = provide("discipline.record", employee_ids=[world.employee.pk], on=dt.date(2027, 12, 1))
    assert later[world.employee.pk]["active_penalty_level"] is None
    assert len(later[world.employee.pk]["penalties"]) == 1


def test_a_code_of_ethics_case_stays_apart_from_discipline(world):
    case = services.case_report(actor=world.operator, interface=WEB, employee_id=world.employee.pk,
                                kind=CaseKind.KODE_ETIK, ethics_value="AKUNTABEL", reported_on=REPORTED,
                                report="Menggunakan kendaraan dinas untuk keperluan pribadi.")
    case = services.case_examine(actor=world.operator, interface=WEB, case=case, examined_on=EXAMINED,
                                 examiner_name="Majelis Kode Etik", examiner_title="Ketua Majelis",
                                 statement="", findings="Terbukti.")
    assert case.level == ""
    with pytest.raises(ApplicationError):
        services.case_decide(actor=world.ppk, interface=WEB, case=case, moral_sanction="DENDA",
                             decided_on=DECIDED)
    case = services.case_decide(actor=world.ppk, interface=WEB, case=case,
                                moral_sanction="PERNYATAAN_SECARA_TERTUTUP", decided_on=DECIDED)
    assert case.state == CaseState.DIPUTUS and case.penalty == ""
    assert "/KE/" in (case.decision_number or "")
    record = provide("discipline.record", employee_ids=[world.employee.pk], on=dt.date(2026, 12, 1))
    assert record[world.employee.pk]["penalties"] == []
    assert any("PP 42/2004" in c for c in case.citations)
