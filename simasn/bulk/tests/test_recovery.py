"""The scheduler's watchdog resumes web imports whose worker died (issue 10 item 6); the
end-to-end run with real processes and kill -9 is in test_resume.py."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.core.files import File
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from simasn.accounts.roles import Role
from simasn.bulk.models import ImportJob, ImportStatus
from simasn.bulk.recovery import TASK_PATH, import_jobs_recover
from simasn.bulk.tests.helpers import pns_row, reference_objects, write_csv
from simasn.core.scheduling import WATCHDOGS
from simasn.core.storage import save_exactly, unique_name, working_storage
from simasn.testing.factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator() -> Any:
    return user_with_role(Role.OPERATOR, instansi=reference_objects()["a"])


def _job(tmp_path: Any, operator: Any, *, interface: str = "web", silent_for: float = 60) -> ImportJob:
    path = write_csv(tmp_path / f"{uuid.uuid4().hex}.csv", [pns_row(i) for i in range(1, 7)])
    with path.open("rb") as upload:
        name = save_exactly(working_storage(), unique_name("imports", ".csv"), File(upload))
    return ImportJob.objects.create(
        file_name="s.csv", upload_name=name, sha256="0" * 64, file_format="csv", interface=interface,
        status=ImportStatus.RUNNING, total_rows=6, processed_rows=0, created_by=operator,
        heartbeat_at=timezone.now() - dt.timedelta(seconds=silent_for))


def _task(job: ImportJob, status: str) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=status, args_kwargs={"args": [], "kwargs": {"job_id": job.pk, "user_id": job.created_by_id}},
        task_path=TASK_PATH, backend_name="default", run_after=timezone.now(), queue_name="default")


def test_the_watchdog_is_registered() -> None:
    assert "simasn.bulk.recovery.import_jobs_recover" in WATCHDOGS


def test_a_silent_job_is_resumed_and_its_orphaned_task_closed(tmp_path: Any, settings: Any, operator: Any,
                                                              django_capture_on_commit_callbacks: Any) -> None:
    job = _job(tmp_path, operator)
    orphan = _task(job, "RUNNING")
    with django_capture_on_commit_callbacks(execute=True):  # the test backend runs the task at once
        report = import_jobs_recover()
    assert f"import {job.pk} from row 0" in report
    job.refresh_from_db()
    assert (job.status, job.inserted) == (ImportStatus.DONE, 6)
    orphan.refresh_from_db()
    assert orphan.status == "FAILED" and orphan.finished_at is not None
    assert "no heartbeat" in orphan.traceback


def test_what_must_not_be_resumed_is_left_alone(tmp_path: Any, settings: Any, operator: Any) -> None:
    settings.SIMASN_IMPORT_STALE_SECONDS = 30
    recent = _job(tmp_path, operator, silent_for=5)
    cli = _job(tmp_path, operator, interface="cli")
    waiting = _job(tmp_path, operator)
    _task(waiting, "READY")  # its task waits for a free worker
    assert import_jobs_recover() == ""
    for job in (recent, cli, waiting):
        job.refresh_from_db()
        assert job.status == ImportStatus.RUNNING and job.processed_rows == 0
