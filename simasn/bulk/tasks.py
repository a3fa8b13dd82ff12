"""Background import started from the web UI (django-tasks, database backend). The task
carries the job's id; the file is the job's upload in the working storage, which the
worker reads on whatever machine it runs (ADR 0006)."""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from simasn.accounts.models import User
from simasn.bulk.importer import discard_stale_uploads as discard
from simasn.bulk.importer import import_job_run
from simasn.bulk.models import ImportJob


@task()
def run_import(job_id: int, user_id: int | None) -> int:
    """Run or resume a web import (also enqueued by simasn.bulk.recovery for a job whose
    worker died). Chunks of SIMASN_IMPORT_WEB_CHUNK rows, so the progress bar moves;
    SIMASN_IMPORT_PAUSE_SECONDS between chunks leaves the database to the office's users
    during a large load in working hours (0 by default)."""
    actor = User.objects.filter(pk=user_id).first() if user_id else None
    job = import_job_run(job=ImportJob.objects.get(pk=job_id), actor=actor,
                         chunk_size=settings.SIMASN_IMPORT_WEB_CHUNK,
                         pause_seconds=settings.SIMASN_IMPORT_PAUSE_SECONDS)
    return job.inserted


@task()
def discard_stale_uploads(today: str = "") -> int:
    """Daily: delete uploads of web imports left unfinished for a week (personal data)."""
    return discard()
