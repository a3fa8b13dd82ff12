"""The COPY path and the search indexes on PostgreSQL."""

from __future__ import annotations

import os

import pytest
from django.db import connection

from simasn.bulk.models import ImportJob
from simasn.bulk.tests.helpers import import_path, pns_row, pppk_row, reference_objects, write_csv
from simasn.personnel.models import Employee, PositionHistory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _require_postgres() -> None:
    if connection.vendor != "postgresql":
        if os.environ.get("SIMASN_REQUIRE_POSTGRES") == "1":
            pytest.fail("SIMASN_REQUIRE_POSTGRES=1 but the database is not PostgreSQL")
        pytest.skip("needs PostgreSQL: the COPY path (set DATABASE_URL=postgres://...)")


def test_copy_path_loads_rows_history_and_skips_known_nips(tmp_path, monkeypatch):
    from simasn.personnel import loading as loaders

    calls = []
    original = loaders.load_postgres_columns
    monkeypatch.setattr(loaders, "load_postgres_columns",
                        lambda columns, **kw: calls.append(len(columns["nip"])) or original(columns, **kw))
    reference_objects()
    path = write_csv(tmp_path / "pg.csv", [pns_row(i) for i in range(1, 11)] + [pppk_row(30), pns_row(99, GOL="X")])
    job = import_path(path, chunk_size=4)
    assert sum(calls) == 11 and (job.inserted, job.rejected) == (11, 1)
    assert Employee.objects.count() == 11
    assert PositionHistory.objects.filter(source="import").count() == 11
    again = import_path(path)
    assert (again.inserted, again.skipped) == (0, 11)


def test_search_indexes_exist():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'personnel_employee'")
        names = {row[0] for row in cursor.fetchall()}
    assert {"employee_name_trgm_idx", "employee_name_id_idx"} <= names


def test_name_search_can_use_the_trigram_index():
    """The trigram index matches the exact SQL Django generates for a name search
    (UPPER(name) LIKE UPPER('%…%')). On a tiny test table the planner may rightly prefer
    walking another index, so only bitmap scans are left enabled: a btree cannot serve
    a '%…%' pattern as an index condition, the trigram index can."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("SET LOCAL enable_indexonlyscan = off")
        sql, params = Employee.objects.filter(name__icontains="budi").values("id").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "employee_name_trgm_idx" in plan


def _register_schema() -> tuple[set[str], set[str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename IN "
                       "('personnel_employee', 'personnel_positionhistory')")
        indexes = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN "
                       "('personnel_employee'::regclass, 'personnel_positionhistory'::regclass)")
        constraints = {row[0] for row in cursor.fetchall()}
    return indexes, constraints


def test_first_load_builds_indexes_after_the_rows_and_restores_the_schema(tmp_path, settings, monkeypatch):
    """A large load into an empty register drops the secondary indexes and foreign keys,
    keeps the primary keys and the unique NIP, and rebuilds exactly what it dropped."""
    from simasn.bulk import deferral

    settings.IMPORT_BULK_BUILD_MIN_ROWS = 5
    reference_objects()
    before = _register_schema()
    during: list[tuple[set[str], set[str]]] = []
    original = deferral.rebuild
    monkeypatch.setattr(deferral, "rebuild", lambda ddl, **kw: during.append(_register_schema()) or original(ddl, **kw))
    rows = [pns_row(i) for i in range(1, 11)] + [pns_row(3), pns_row(99, GOL="X")]  # a repeat and a reject
    job = import_path(str(write_csv(tmp_path / "big.csv", rows)), chunk_size=4)
    assert (job.inserted, job.skipped, job.rejected, job.deferred_ddl) == (10, 1, 1, [])
    indexes, constraints = during[0]
    assert "employee_name_trgm_idx" not in " ".join(indexes)
    assert any("UNIQUE" in c and "(nip)" in c for c in constraints)  # uniqueness is never suspended
    assert not any("FOREIGN KEY" in c for c in constraints)
    assert _register_schema() == before
    assert PositionHistory.objects.filter(source="import").count() == 10


def test_a_first_load_that_fails_midway_rebuilds_when_resumed(tmp_path, settings, monkeypatch):
    from simasn.personnel import loading as loaders

    settings.IMPORT_BULK_BUILD_MIN_ROWS = 5
    reference_objects()
    before = _register_schema()
    path = str(write_csv(tmp_path / "crash.csv", [pns_row(i) for i in range(1, 13)]))
    original = loaders.load_postgres_columns
    calls = []

    def crash_on_second_chunk(columns, **kw):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("power cut")
        return original(columns, **kw)

    monkeypatch.setattr(loaders, "load_postgres_columns", crash_on_second_chunk)
    with pytest.raises(RuntimeError):
        import_path(path, chunk_size=4)
    job = ImportJob.objects.get()
    job.refresh_from_db()
    assert job.deferred_ddl and job.processed_rows == 4 and Employee.objects.count() == 4
    assert _register_schema() != before
    resumed = import_path(path, chunk_size=4)
    assert resumed.pk == job.pk and (resumed.inserted, resumed.deferred_ddl) == (12, [])
    assert Employee.objects.count() == 12
    assert _register_schema() == before


def test_a_register_with_employees_keeps_its_indexes_during_an_import(tmp_path, settings, monkeypatch):
    from simasn.bulk import deferral

    settings.IMPORT_BULK_BUILD_MIN_ROWS = 1
    reference_objects()
    import_path(str(write_csv(tmp_path / "one.csv", [pns_row(1)])))
    monkeypatch.setattr(deferral, "drop_secondary", lambda **kw: pytest.fail("indexes dropped on a used register"))
    job = import_path(str(write_csv(tmp_path / "more.csv", [pns_row(i) for i in range(1, 9)])), chunk_size=4)
    assert (job.inserted, job.skipped) == (7, 1)


def test_each_chunk_is_stored_in_name_order(tmp_path):
    """Employees of one chunk get their ids (and places in the table) in name order, so a
    search for a common name touches few pages; the first row of a repeated NIP still wins."""
    reference_objects()
    names = ["Wati", "Agus", "Rina", "Budi", "Siti", "Dewi"]
    rows = [pns_row(i + 1, NAMA=name) for i, name in enumerate(names)] + [pns_row(2, NAMA="Zaenal")]
    import_path(str(write_csv(tmp_path / "n.csv", rows)), chunk_size=10)
    assert list(Employee.objects.order_by("id").values_list("name", flat=True)) == sorted(names)
