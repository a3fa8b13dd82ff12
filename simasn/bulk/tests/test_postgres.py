"""The COPY path and the search indexes on PostgreSQL."""

from __future__ import annotations

import os

import pytest
from django.db import connection

from simasn.bulk.services import import_job_create, import_job_run
from simasn.bulk.tests.helpers import pns_row, pppk_row, reference_objects, write_csv
from simasn.core.interfaces import Interface
from simasn.personnel.models import Employee, PositionHistory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _require_postgres() -> None:
    if connection.vendor != "postgresql":
        if os.environ.get("SIMASN_REQUIRE_POSTGRES") == "1":
            pytest.fail("SIMASN_REQUIRE_POSTGRES=1 but the database is not PostgreSQL")
        pytest.skip("needs PostgreSQL: the COPY path (set DATABASE_URL=postgres://...)")


def test_copy_path_loads_rows_history_and_skips_known_nips(tmp_path, monkeypatch):
    from simasn.bulk import loaders

    calls = []
    original = loaders.load_postgres
    monkeypatch.setattr(loaders, "load_postgres", lambda rows, **kw: calls.append(len(rows)) or original(rows, **kw))
    reference_objects()
    path = write_csv(tmp_path / "pg.csv", [pns_row(i) for i in range(1, 11)] + [pppk_row(30), pns_row(99, GOL="X")])
    job = import_job_run(job=import_job_create(actor=None, interface=Interface.CLI, path=str(path)), actor=None, chunk_size=4)
    assert calls and (job.inserted, job.rejected) == (11, 1)
    assert Employee.objects.count() == 11
    assert PositionHistory.objects.filter(source="import").count() == 11
    again = import_job_run(job=import_job_create(actor=None, interface=Interface.CLI, path=str(path)), actor=None)
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
