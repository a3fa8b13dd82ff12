"""Recording learning: JP from the law's conversion, certified JP where the law keeps none,
refusals with Indonesian messages and nothing half-written, scope, certificates, import."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from simasn.accounts.roles import Role
from simasn.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.core.storage import read_document
from simasn.learning.models import JpBasis, LearningRecord
from simasn.learning.services import learning_record_create, learning_records_import
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 3, 2)


def _create(actor: Any, employee: Any, **kwargs: Any) -> LearningRecord:
    data: dict[str, Any] = {"form": "PELATIHAN_KLASIKAL", "title": "Pelatihan Dasar", "start_date": DAY,
                            "end_date": DAY, "minutes": 90}
    return learning_record_create(actor=actor, interface=Interface.WEB, employee_id=employee.pk, **{**data, **kwargs})


def test_minutes_are_converted_by_the_law_with_its_citation(operator: Any, pns: Any) -> None:
    record = _create(operator, pns, minutes=135)
    assert record.jp == Decimal("3.00") and record.jp_basis == JpBasis.CONVERTED
    assert "Peraturan LAN 10/2018" in record.jp_citation
    event = AuditEvent.objects.get(object_type="learning.learningrecord", object_id=str(record.pk))
    assert event.instansi_id == pns.instansi_id and event.subject_employee_id == pns.pk


def test_a_form_without_a_kept_conversion_needs_the_certified_jp(operator: Any, pns: Any) -> None:
    with pytest.raises(ApplicationError) as refused:
        _create(operator, pns, form="MENTORING", minutes=120)
    assert "perlu kajian hukum" in refused.value.message and "jp" in refused.value.fields
    assert not LearningRecord.objects.exists()
    record = _create(operator, pns, form="MENTORING", minutes=120, jp=Decimal("2.5"))
    assert (record.jp, record.jp_basis) == (Decimal("2.5"), JpBasis.CERTIFIED)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"end_date": DAY - dt.timedelta(days=1)}, "end_date"),
    ({"start_date": dt.date(2999, 1, 1), "end_date": dt.date(2999, 1, 1)}, "end_date"),
    ({"title": "  "}, "title"),
    ({"form": "NONSENSE"}, "form"),
])
def test_bad_input_is_refused_on_its_field(operator: Any, pns: Any, kwargs: dict, field: str) -> None:
    with pytest.raises(ApplicationError) as refused:
        _create(operator, pns, **kwargs)
    assert field in refused.value.fields
    assert not LearningRecord.objects.exists()


def test_an_operator_cannot_record_for_another_instansi(operator: Any) -> None:
    stranger = EmployeeFactory(instansi=InstansiFactory())
    with pytest.raises(NotFoundError):
        _create(operator, stranger)


def test_an_employee_records_only_their_own_learning(pns: Any) -> None:
    me = user_with_role(Role.PEGAWAI, employee=pns)
    assert _create(me, pns).employee_id == pns.pk
    colleague = EmployeeFactory(instansi=pns.instansi)
    with pytest.raises(NotFoundError):
        _create(me, colleague)


def test_a_ppk_reads_but_does_not_record(pns: Any) -> None:
    ppk = user_with_role(Role.PPK, instansi=pns.instansi)
    with pytest.raises(PermissionDeniedError):
        _create(ppk, pns)


def test_the_certificate_is_stored_write_once_and_checked(operator: Any, pns: Any) -> None:
    pdf = b"%PDF-1.4 sertifikat"
    record = _create(operator, pns, certificate=pdf)
    assert read_document(record.certificate_name, expected_sha256=record.certificate_sha256) == pdf
    with pytest.raises(ApplicationError) as refused:
        _create(operator, pns, certificate=b"MZ executable")
    assert "certificate" in refused.value.fields


def test_the_import_is_all_or_nothing_with_every_rows_reason(operator: Any, pns: Any) -> None:
    header = "nip,bentuk,nama_kegiatan,penyelenggara,tanggal_mulai,tanggal_selesai,menit,jp,ditugaskan,nomor_surat_tugas\n"
    good = f"{pns.nip},SEMINAR,Seminar SDM,LAN,2026-03-01,2026-03-01,90,,ya,ST-9\n"
    bad = f"{pns.nip},COACHING,Coaching,Atasan,2026-03-05,2026-03-05,60,,tidak,\n"
    unknown = "199001012020011999,SEMINAR,X,Y,2026-03-01,2026-03-01,45,,tidak,\n"
    with pytest.raises(ApplicationError) as refused:
        learning_records_import(actor=operator, interface=Interface.IMPORT, content=(header + good + bad + unknown).encode())
    problems = refused.value.details["problems"]
    assert any(p.startswith("baris 3") and "sertifikat" in p for p in problems)
    assert any(p.startswith("baris 4") and "NIP" in p for p in problems)
    assert not LearningRecord.objects.exists()
    assert learning_records_import(actor=operator, interface=Interface.IMPORT, content=(header + good).encode()) == 1
    record = LearningRecord.objects.get()
    assert (record.jp, record.assigned, record.assignment_reference) == (Decimal("2.00"), True, "ST-9")
