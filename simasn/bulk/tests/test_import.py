"""Bulk import: the web form's rules per row, rejects per column, idempotence, scope, audit."""

from __future__ import annotations

import datetime as dt

import pytest

from simasn.accounts.roles import Role
from simasn.bulk.files import Source
from simasn.bulk.importer import import_job_create
from simasn.bulk.models import ImportJob, ImportReject, ImportStatus
from simasn.bulk.tests.helpers import (
    import_path,
    pns_row,
    pppk_row,
    reference_objects,
    write_csv,
    write_xlsx,
)
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.core.storage import read_bytes, working_storage
from simasn.personnel.models import Employee, PositionHistory
from simasn.personnel.services import validate_employee_data
from simasn.testing.factories import user_with_role

pytestmark = pytest.mark.django_db


def run(path, actor=None, **kwargs):
    return import_path(path, actor=actor, chunk_size=3, **kwargs)


def rejects(job):
    return {(r.row_number, r.column): r.reason for r in ImportReject.objects.filter(job=job)}


def test_valid_rows_are_loaded_with_position_history_and_one_audit_event(tmp_path):
    reference_objects()
    rows = [pns_row(i) for i in range(1, 8)] + [pppk_row(20)]
    job = run(write_csv(tmp_path / "a.csv", rows))
    assert (job.status, job.processed_rows, job.inserted, job.rejected) == (ImportStatus.DONE, 8, 8, 0)
    assert Employee.objects.count() == 8
    assert PositionHistory.objects.filter(source="import").count() == 8
    events = AuditEvent.objects.filter(action=AuditAction.IMPORT, object_type="bulk.importjob")
    assert events.count() == 1
    assert events.get().extra == {"file_name": "a.csv", "sha256": job.sha256, "rows": 8, "inserted": 8,
                                  "skipped": 0, "rejected": 0}
    assert not AuditEvent.objects.filter(object_type="personnel.employee").exists()


def test_each_bad_value_is_rejected_with_row_column_and_indonesian_reason(tmp_path):
    reference_objects()
    rows = [
        pns_row(1),                                            # row 2: fine
        pns_row(2, TANGGAL_LAHIR="1999-01-01"),                # row 3: NIP disagrees with birth date
        pns_row(3, INSTANSI_KODE="XX"),                        # row 4: unknown instansi
        pns_row(4, JABATAN_KODE="NOPE"),                       # row 5: unknown position
        pppk_row(5, TMT_KONTRAK_AWAL=""),                      # row 6: PPPK without contract start
        pns_row(6, TMT_CPNS="31-02-2001"),                     # row 7: not a date
        pns_row(7, GOL="V/z"),                                 # row 8: unknown rank
        pns_row(8, NAMA=""),                                   # row 9: name missing
        pns_row(9, AGAMA="LAINNYA"),                           # row 10: not a choice
        pppk_row(10, JABATAN_KODE="S1"),                       # row 11: position not open to PPPK
    ]
    job = run(write_csv(tmp_path / "b.csv", rows))
    found = rejects(job)
    assert job.inserted == 1 and job.rejected == 9
    assert "Tanggal lahir pada NIP" in found[(3, "NIP_BARU")]
    assert "tidak dikenal" in found[(4, "INSTANSI_KODE")]
    assert "NOPE" in found[(5, "JABATAN_KODE")]
    assert "awal perjanjian kerja" in found[(6, "TMT_KONTRAK_AWAL")]
    assert "Tanggal tidak sah" in found[(7, "TMT_CPNS")]
    assert "Golongan V/z" in found[(8, "GOL")]
    assert (9, "NAMA") in found
    assert (10, "AGAMA") in found
    assert "PPPK" in found[(11, "JABATAN_KODE")]
    report = read_bytes(working_storage(), job.reject_name).decode("utf-8-sig").splitlines()
    assert report[0] == "BARIS,KOLOM,ALASAN,NILAI,NIP_BARU,NAMA"
    assert len(report) == 1 + len(found)


def test_the_rules_are_the_web_forms_rules(tmp_path):
    """The reject reason for a NIP is exactly what validate_employee_data says."""
    refs = reference_objects()
    row = pns_row(2, TANGGAL_LAHIR="1999-01-01")
    job = run(write_csv(tmp_path / "c.csv", [row]))
    with pytest.raises(ApplicationError) as error:
        validate_employee_data({
            "employee_type": "PNS", "nip": row["NIP_BARU"], "birth_date": dt.date(1999, 1, 1), "sex": row["JENIS_KELAMIN"],
            "tmt_cpns": dt.date.fromisoformat(row["TMT_CPNS"]), "instansi_id": refs["a"].pk, "rank": "III/a",
        })
    assert rejects(job)[(2, "NIP_BARU")] == " ".join(error.value.fields["nip"])


def test_reimport_changes_nothing(tmp_path):
    reference_objects()
    path = write_csv(tmp_path / "d.csv", [pns_row(i) for i in range(1, 6)] + [pns_row(9, NAMA="")])
    first = run(path)
    before = list(Employee.objects.order_by("nip").values_list("nip", "name", "updated_at"))
    second = run(path)
    assert first.pk != second.pk
    assert (second.inserted, second.skipped, second.rejected) == (0, 5, 1)
    assert list(Employee.objects.order_by("nip").values_list("nip", "name", "updated_at")) == before
    assert PositionHistory.objects.count() == 5


def test_operator_imports_only_into_own_instansi(tmp_path):
    refs = reference_objects()
    operator = user_with_role(Role.OPERATOR, instansi=refs["a"])
    path = write_csv(tmp_path / "e.csv", [pns_row(1), pns_row(2, INSTANSI_KODE="I-B")])
    job = run(path, actor=operator)
    assert job.inserted == 1
    assert "di luar kewenangan" in rejects(job)[(3, "INSTANSI_KODE")]
    event = AuditEvent.objects.get(action=AuditAction.IMPORT)
    assert (event.actor_id, event.instansi_id) == (operator.pk, refs["a"].pk)


def test_a_role_without_create_rights_cannot_import(tmp_path):
    refs = reference_objects()
    ppk = user_with_role(Role.PPK, instansi=refs["a"])
    from simasn.core.errors import PermissionDeniedError

    with pytest.raises(PermissionDeniedError):
        import_job_create(actor=ppk, interface=Interface.WEB, source=Source.path(write_csv(tmp_path / "f.csv", [pns_row(1)])))


def test_xlsx_files_import_like_csv(tmp_path):
    reference_objects()
    job = run(write_xlsx(tmp_path / "g.xlsx", [pns_row(i) for i in range(1, 5)] + [pns_row(5, GOL="Z")]))
    assert (job.file_format, job.inserted, job.rejected) == ("xlsx", 4, 1)


def test_missing_required_column_refuses_the_file(tmp_path):
    """Refused before any job exists, from the command line as from the web."""
    reference_objects()
    path = tmp_path / "h.csv"
    path.write_text("NAMA,TANGGAL_LAHIR\nBudi,1980-01-01\n", encoding="utf-8")
    with pytest.raises(ApplicationError, match="NIP_BARU"):
        import_job_create(actor=None, interface=Interface.CLI, source=Source.path(path))
    assert not ImportJob.objects.exists()


def test_an_unfinished_job_for_the_same_file_is_resumed(tmp_path):
    reference_objects()
    path = write_csv(tmp_path / "i.csv", [pns_row(i) for i in range(1, 7)])
    job = import_job_create(actor=None, interface=Interface.CLI, source=Source.path(path))
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
    again = import_job_create(actor=None, interface=Interface.CLI, source=Source.path(path))
    assert again.pk == job.pk


def test_xlsx_without_a_recorded_dimension_is_counted_by_the_job(tmp_path):
    from simasn.bulk.files import count_rows

    path = write_xlsx(tmp_path / "j.xlsx", [pns_row(i) for i in range(1, 8)])
    assert count_rows(Source.path(path), "xlsx", exact=False) is None  # cheap at upload time
    assert count_rows(Source.path(path), "xlsx") == 7  # exact, streaming, in the background job


def test_xlsx_rows_are_counted_from_the_sheet_xml_across_read_blocks(tmp_path):
    from simasn.bulk.files import _xml_rows, count_rows

    rows = [pns_row(i) for i in range(1, 10)] * 1_100  # 9,900 rows, several MB of sheet XML
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    assert count_rows(Source.path(path), "xlsx") == 9_900
    assert _xml_rows(Source.path(path), "xl/worksheets/sheet1.xml") == 9_901  # the header too; no cell parsing


def _register_snapshot():
    employees = list(Employee.objects.order_by("nip").values(
        "nip", "name", "nik", "front_title", "back_title", "birth_date", "birth_place", "sex", "employee_type",
        "religion", "marital_status", "education_level", "education_major", "rank", "tmt_cpns", "tmt_pns",
        "contract_start", "contract_end", "instansi_id", "unit_id", "position_id", "status", "email", "phone",
        "disability", "home_address", "created_by_id"))
    history = list(PositionHistory.objects.order_by("employee__nip").values_list(
        "employee__nip", "instansi_id", "position_id", "position_name", "unit_name", "position_kind",
        "start_date", "source"))
    return employees, history


def test_the_column_wise_fast_path_loads_and_refuses_exactly_what_the_row_wise_path_does(tmp_path, monkeypatch):
    """The same file through the column-wise checks (with the row-wise checker for the
    rows they do not accept) and through the row-wise checker alone gives the same
    register, the same history and the same reject report."""
    from simasn.bulk import columns as columns_module

    reference_objects()
    rows = [
        pns_row(1), pns_row(2, EMAIL="budi@example.go.id"), pns_row(3, TMT_CPNS="01-04-1998"),
        pns_row(4, NAMA="  Spasi Di Tepi  "), pppk_row(5), pppk_row(6, TMT_KONTRAK_AKHIR="2020-01-01"),
        pns_row(7, TANGGAL_LAHIR="1999-02-30"), pns_row(8, JENIS_KELAMIN="X"), pns_row(9, GOL="IX"),
        pns_row(10, NIP_BARU="12345"), pns_row(11, INSTANSI_KODE="I-B", UNOR_KODE="U1"),
        pns_row(12, UNOR_KODE="", JABATAN_KODE=""), pns_row(13, TMT_JABATAN="2020-02-02"),
        pns_row(14, TMT_JABATAN="kemarin"), pns_row(15, NAMA="N" * 201), pns_row(16, AGAMA=""),
        pns_row(1), {h: "" for h in pns_row(0)}, pns_row(17, NAMA="Nama\x1f"), pppk_row(18, JABATAN_KODE="S1"),
        pns_row(19, TANGGAL_LAHIR="2030-01-01"), pns_row(20, PENDIDIKAN="S9"), pns_row(21, TMT_CPNS=""),
        pns_row(22, NAMA="Nama\x00Nol"), pns_row(23, GELAR_DEPAN="\x1cDr."),
    ]
    path = write_csv(tmp_path / "mix.csv", rows)
    actor = user_with_role(Role.ADMIN)

    def import_once():
        job = run(path, actor=actor, resume=False)
        return _register_snapshot(), sorted(rejects(job).items()), (job.inserted, job.skipped, job.rejected)

    fast = import_once()
    PositionHistory.objects.all().delete()
    Employee.objects.all().delete()
    accept_nothing = columns_module.ColumnChecker.accept

    def row_wise_only(self, chunk):
        accepted = accept_nothing(self, chunk)
        accepted.mask[:] = False
        return accepted

    monkeypatch.setattr(columns_module.ColumnChecker, "accept", row_wise_only)
    slow = import_once()
    assert fast == slow
    assert fast[2][0] >= 8 and fast[2][2] >= 10  # both kinds of row are in the file


def test_most_valid_rows_take_the_column_wise_path(tmp_path, monkeypatch):
    from simasn.bulk.rows import RowChecker

    reference_objects()
    checked = []
    original = RowChecker.check
    monkeypatch.setattr(RowChecker, "check", lambda self, row, number: checked.append(number) or original(self, row, number))
    job = run(write_csv(tmp_path / "ok.csv", [pns_row(i) for i in range(1, 30)] + [pppk_row(40)]))
    assert (job.inserted, checked) == (30, [])


def test_an_import_that_adds_employees_refreshes_the_national_retirement_summary(tmp_path,
                                                                                django_capture_on_commit_callbacks):
    from simasn.actions.models import RetirementSummaryRefresh

    reference_objects()
    with django_capture_on_commit_callbacks(execute=True):
        run(write_csv(tmp_path / "s.csv", [pns_row(i) for i in range(1, 4)]))
    assert RetirementSummaryRefresh.objects.get().employees == 3
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        run(write_csv(tmp_path / "s.csv", [pns_row(i) for i in range(1, 4)]), resume=False)  # nothing new
    assert callbacks == [] and RetirementSummaryRefresh.objects.count() == 1


def test_the_reject_report_does_not_repeat_sensitive_values(tmp_path):
    reference_objects()
    job = run(write_csv(tmp_path / "nik.csv", [pns_row(1, NIK="32730157058000019999"), pns_row(2, GOL="Z")]))
    report = read_bytes(working_storage(), job.reject_name).decode("utf-8-sig").splitlines()
    nik_line = next(line for line in report if ",NIK," in line)
    assert "32730157058000019999" not in nik_line and ",***," in nik_line
    assert any(line.startswith("3,GOL,") and ",Z," in line for line in report)


def test_empty_required_values_and_line_breaks_are_named_in_the_reason(tmp_path):
    reference_objects()
    rows = [pns_row(1, NAMA=""), pns_row(2, INSTANSI_KODE=""), pns_row(3, NAMA="Siti\nAminah")]
    found = rejects(run(write_csv(tmp_path / "r.csv", rows)))
    assert found[(2, "NAMA")] == "NAMA wajib diisi."
    assert found[(3, "INSTANSI_KODE")] == "INSTANSI_KODE wajib diisi."
    assert "pindah baris" in found[(4, "NAMA")]


def test_a_row_with_more_cells_than_the_header_is_refused_not_loaded_shifted(tmp_path):
    """A comma inside an unquoted name shifts every column after it."""
    from simasn.bulk.layout import HEADER

    reference_objects()
    shifted = pns_row(2)
    cells = [shifted[h] for h in HEADER]
    cells[HEADER.index("NAMA")] = "Budi, S.Pd"  # unquoted: two cells
    path = tmp_path / "geser.csv"
    path.write_text("\n".join([",".join(HEADER), ",".join(pns_row(1)[h] for h in HEADER), ",".join(cells),
                               ",".join(pns_row(3)[h] for h in HEADER)]) + "\n", encoding="utf-8")
    job = run(path)
    found = rejects(job)
    assert f"memuat {len(HEADER) + 1} isian, padahal judul memuat {len(HEADER)} kolom" in found[(3, "")]
    assert (job.inserted, job.rejected) == (2, 1)
    assert not Employee.objects.filter(name__startswith="Budi").exists()


def test_a_row_naming_an_archived_position_is_refused_as_unknown(tmp_path):
    from simasn.positions.models import Position
    from simasn.positions.services import position_archive

    refs = reference_objects()
    position = Position.objects.get(pk=refs["j1"].pk)
    position_archive(actor=user_with_role(Role.ADMIN), interface=Interface.WEB, position=position,
                     reason="jabatan dihapus")
    job = run(write_csv(tmp_path / "arsip.csv", [pns_row(1)]))
    assert (job.inserted, job.rejected) == (0, 1)
    assert "J1" in rejects(job)[(2, "JABATAN_KODE")]
