"""Background import started from the web UI (django-tasks, database backend)."""

from __future__ import annotations

from django_tasks import task

from simasn.accounts.models import User
from simasn.bulk.models import ImportJob
from simasn.bulk.services import discard_stale_uploads as discard
from simasn.bulk.services import import_job_run

WEB_CHUNK = 2_000  # smaller chunks: the progress bar moves every few thousand rows


@task()
def run_import(job_id: int, user_id: int | None) -> int:
    actor = User.objects.filter(pk=user_id).first() if user_id else None
    job = import_job_run(job=ImportJob.objects.get(pk=job_id), actor=actor, chunk_size=WEB_CHUNK)
    return job.inserted


@task()
def discard_stale_uploads(today: str = "") -> int:
    """Daily: delete uploads of web imports left unfinished for a week (personal data)."""
    return discard()
