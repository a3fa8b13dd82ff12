"""Stalled imports resume themselves (issue 10 item 6).

A web import runs in the task worker and writes a heartbeat with every committed chunk
(`ImportJob.heartbeat_at`). When the worker dies (kill -9, a restart, the machine), the
job stays RUNNING and its django-tasks row RUNNING forever. The scheduler calls
`import_jobs_recover` every few seconds (a watchdog, simasn.core.scheduling): a web job
queued or running whose heartbeat is older than `SIMASN_IMPORT_STALE_SECONDS` (30 s by
default) and that has no task still waiting in the queue is

1. claimed with a compare-and-set on its heartbeat (two schedulers never both resume it),
2. its orphaned task rows are closed (FAILED, with the reason in their traceback field),
3. resumed: a new `run_import` task continues after the last committed chunk.

Chunks are atomic with the checkpoint and a chunk commits only if the checkpoint is where
its runner left it (`_commit_chunk`), so nothing is lost and nothing loaded twice, even
if the "dead" worker was only slow. Imports started on the command line are never touched:
their process is the operator's.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from simasn.bulk.models import ImportJob, ImportStatus
from simasn.bulk.tasks import run_import
from simasn.core.interfaces import Interface

TASK_PATH = "simasn.bulk.tasks.run_import"


def _tasks_of(job: ImportJob) -> Any:
    return DBTaskResult.objects.filter(task_path=TASK_PATH, args_kwargs__kwargs__job_id=job.pk)


def stalled_jobs() -> Any:
    cutoff = timezone.now() - ImportJob.stale_after()
    return (ImportJob.objects.filter(interface=Interface.WEB,
                                     status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING],
                                     heartbeat_at__lt=cutoff)
            .exclude(upload_name=""))


def import_jobs_recover() -> str:
    """Resume every stalled web import; returns a one-line report (empty when none)."""
    resumed = []
    for job in stalled_jobs():
        if _tasks_of(job).filter(status="READY").exists():
            continue  # its task is still waiting for a free worker: not stalled
        now = timezone.now()
        with transaction.atomic():
            claimed = ImportJob.objects.filter(pk=job.pk, heartbeat_at=job.heartbeat_at,
                                               status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING])
            if not claimed.update(status=ImportStatus.QUEUED, heartbeat_at=now, updated_at=now):
                continue  # another scheduler got there first, or the job moved on
            closed = _tasks_of(job).filter(status="RUNNING").update(
                status="FAILED", finished_at=now, exception_class_path="simasn.bulk.recovery.WorkerLost",
                traceback=f"The worker stopped: no heartbeat from import {job.pk} since "
                          f"{job.heartbeat_at:%Y-%m-%d %H:%M:%S}; resumed from row {job.processed_rows} "
                          f"by a new task at {now:%Y-%m-%d %H:%M:%S}.")
            transaction.on_commit(partial(run_import.enqueue, job_id=job.pk, user_id=job.created_by_id))
        resumed.append(f"import {job.pk} from row {job.processed_rows} ({closed} task closed)")
    return "; ".join(f"resumed {item}" for item in resumed)
