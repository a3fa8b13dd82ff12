"""Export: the viewer's scope, three formats, one audit event, the read replica."""

from __future__ import annotations

import csv

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext, override_settings

from simasn.accounts.roles import Role
from simasn.bulk.exporter import export_rows, write_export
from simasn.bulk.layout import HEADER
from simasn.core.audit_actions import AuditAction
from simasn.core.models import AuditEvent
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role


@pytest.fixture
def two_instansi():
    a, b = InstansiFactory(code="EA"), InstansiFactory(code="EB")
    for _ in range(3):
        EmployeeFactory(instansi=a)
    EmployeeFactory(instansi=b)
    return a, b


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_operator_exports_only_own_instansi(tmp_path, two_instansi, fmt):
    a, _b = two_instansi
    operator = user_with_role(Role.OPERATOR, instansi=a)
    out = tmp_path / f"x.{fmt}"
    assert write_export(viewer=operator, fmt=fmt, out=str(out)) == 3
    if fmt == "csv":
        rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    elif fmt == "xlsx":
        from openpyxl import load_workbook

        values = list(load_workbook(out, read_only=True).worksheets[0].iter_rows(values_only=True))
        rows = [dict(zip(values[0], v, strict=True)) for v in values[1:]]
    else:
        import pyarrow.parquet as pq

        rows = pq.read_table(out).to_pylist()
    assert len(rows) == 3 and {r["INSTANSI_KODE"] for r in rows} == {"EA"}
    assert list(rows[0]) == HEADER
    assert {r["NIK"] or "" for r in rows} == {""}  # sensitive data stays masked
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.extra["rows"] == 3 and event.extra["format"] == fmt


@pytest.mark.django_db
def test_national_viewer_can_filter_by_instansi(two_instansi):
    admin = user_with_role(Role.ADMIN)
    assert len(list(export_rows(viewer=admin))) == 4
    assert len(list(export_rows(viewer=admin, instansi_codes=["EB"]))) == 1


@pytest.mark.django_db
def test_pegawai_exports_only_own_record(two_instansi):
    a, _b = two_instansi
    me = a.employees.first()
    user = user_with_role(Role.PEGAWAI, employee=me)
    assert [r[0] for r in export_rows(viewer=user)] == [me.nip]


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
@override_settings(SIMASN_READ_REPLICA_ALIAS="replica")
def test_exports_read_from_the_replica_when_one_is_configured(two_instansi):
    admin = user_with_role(Role.ADMIN)
    with CaptureQueriesContext(connections["replica"]) as replica, \
            CaptureQueriesContext(connections["default"]) as primary:
        rows = list(export_rows(viewer=admin))
    assert len(rows) == 4
    assert any("personnel_employee" in q["sql"] for q in replica.captured_queries)
    assert not any("personnel_employee" in q["sql"] for q in primary.captured_queries)


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_without_a_replica_exports_read_the_primary(two_instansi):
    admin = user_with_role(Role.ADMIN)
    with CaptureQueriesContext(connections["default"]) as primary:
        assert len(list(export_rows(viewer=admin))) == 4
    assert any("personnel_employee" in q["sql"] for q in primary.captured_queries)


@pytest.mark.django_db
def test_export_command_streams_the_users_scope(tmp_path, two_instansi):
    from django.core.management import call_command

    a, _b = two_instansi
    user_with_role(Role.OPERATOR, instansi=a, username="op_ea")
    admin = user_with_role(Role.ADMIN, username="adm")
    out = tmp_path / "cmd.csv"
    call_command("export_employees", "--as", "op_ea", "--format", "csv", "--out", str(out), "--no-progress")
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1 + 3
    call_command("export_employees", "--as", admin.username, "--format", "parquet", "--instansi", "EB",
                 "--out", str(tmp_path / "eb.parquet"), "--no-progress")
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "eb.parquet").num_rows == 1


def test_generate_population_command_writes_register_and_reference(tmp_path):
    from django.core.management import call_command

    out, ref = tmp_path / "pop.csv", tmp_path / "ref.csv"
    call_command("generate_population", "--employees", "500", "--seed", "9", "--out", str(out),
                 "--with-reference", str(ref), "--no-progress")
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    refs = {(r["INSTANSI_KODE"], r["JABATAN_KODE"]) for r in csv.DictReader(ref.read_text(encoding="utf-8").splitlines())}
    assert len(rows) == 500
    assert all((r["INSTANSI_KODE"], r["JABATAN_KODE"]) in refs for r in rows)
