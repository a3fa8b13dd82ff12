"""Issue 12 items 2, 7, 12: the import applies the register's NIK, date-order and phone
rules like the form, reports every problem of a row in one pass, and says plainly that a
NIP stored as a number in Excel has lost its last digits."""

from __future__ import annotations

import pytest

from simasn.bulk.models import ImportReject
from simasn.bulk.tests.helpers import import_path, pns_row, reference_objects, write_csv, write_xlsx
from simasn.personnel.models import Employee

pytestmark = pytest.mark.django_db


def _rejects(job) -> dict[tuple[int, str], str]:
    return {(r.row_number, r.column): r.reason for r in ImportReject.objects.filter(job=job)}


def test_every_problem_of_a_row_is_reported_in_one_pass(tmp_path) -> None:
    reference_objects()
    row = pns_row(1, NIK="12345", NOMOR_HP="nomor saya", JENIS_KELAMIN="X")
    row["TMT_PNS"] = "1990-01-01"  # before its TMT CPNS
    job = import_path(write_csv(tmp_path / "bad.csv", [row, pns_row(2)]), chunk_size=10)
    found = _rejects(job)
    assert {column for (_row, column) in found} >= {"NIK", "NOMOR_HP", "JENIS_KELAMIN", "TMT_PNS"}
    assert "16 angka" in found[(2, "NIK")]
    assert "sebelum TMT CPNS" in found[(2, "TMT_PNS")]
    assert (job.inserted, job.rejected) == (1, 1)


def test_a_valid_nik_and_phone_are_loaded_by_the_fast_path(tmp_path, monkeypatch) -> None:
    from simasn.bulk.rows import RowChecker

    reference_objects()
    row = pns_row(1)
    birth = row["TANGGAL_LAHIR"]  # 1971-02-02, sex L
    nik = f"327301{birth[8:10]}{birth[5:7]}{birth[2:4]}0001"
    checked: list[int] = []
    original = RowChecker.check
    monkeypatch.setattr(RowChecker, "check",
                        lambda self, r, number: checked.append(number) or original(self, r, number))
    job = import_path(write_csv(tmp_path / "ok.csv", [pns_row(1, NIK=nik, NOMOR_HP="0812-3456-7890")]),
                      chunk_size=10)
    assert (job.inserted, checked) == (1, [])
    assert Employee.objects.get().nik == nik


def test_a_numeric_nip_from_excel_is_refused_as_a_number_cell(tmp_path) -> None:
    reference_objects()
    good = pns_row(1)
    numeric = dict(good)
    numeric["NIP_BARU"] = int(good["NIP_BARU"])  # Excel stores it as a number: 15 significant digits
    job = import_path(write_xlsx(tmp_path / "angka.xlsx", [numeric]), chunk_size=10)
    reason = _rejects(job)[(2, "NIP_BARU")]
    assert "tersimpan sebagai angka" in reason and "Teks" in reason
    assert "000" not in reason  # not the misleading "Nomor urut tidak boleh 000"
    report_value = ImportReject.objects.get(job=job, column="NIP_BARU").value
    assert report_value.isdigit()


def test_a_nip_in_scientific_notation_in_csv_is_refused_the_same_way(tmp_path) -> None:
    reference_objects()
    job = import_path(write_csv(tmp_path / "e.csv", [pns_row(1, NIP_BARU="1.97102E+17")]), chunk_size=10)
    assert "tersimpan sebagai angka" in _rejects(job)[(2, "NIP_BARU")]
