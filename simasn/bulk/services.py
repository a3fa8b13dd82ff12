"""What the web UI does with imports: start one from an upload, resume one whose worker
stopped. The engine itself (jobs, chunks, reject reports) is simasn.bulk.importer; the
background run is simasn.bulk.tasks.run_import, enqueued when the transaction commits."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.models import User
from simasn.accounts.scope import Scope
from simasn.bulk.files import IMPORTS_FOLDER, Source, file_format
from simasn.bulk.importer import IMPORT_ACTION, IMPORT_RESOURCE, allowed_instansi, import_job_create
from simasn.bulk.models import ImportJob, ImportStatus
from simasn.bulk.tasks import run_import
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.core.storage import save_exactly, unique_name, working_storage


def import_upload_start(*, actor: User, interface: Interface, upload: UploadedFile) -> ImportJob:
    """Store the upload under a new name, check it, create the job and run it in the
    background once committed. A refused file (it may hold personal data) is not kept."""
    allowed_instansi(actor)
    name = upload.name or ""
    fmt = file_format(name)
    stored = save_exactly(working_storage(), unique_name(IMPORTS_FOLDER, f".{fmt}"), upload)
    try:
        with transaction.atomic(durable=True):
            job = import_job_create(actor=actor, interface=interface, source=Source.upload(stored),
                                    file_name=name, resume=False)
            transaction.on_commit(partial(run_import.enqueue, job_id=job.pk, user_id=actor.pk))
    except BaseException:
        working_storage().delete(stored)
        raise
    return job


def import_job_requeue(*, actor: User, interface: Interface, job: ImportJob) -> ImportJob:
    """Continue an import whose worker stopped (crash, restart) from its last checkpoint."""
    Scope.of(actor).require(IMPORT_RESOURCE, IMPORT_ACTION, obj=job)
    with transaction.atomic(durable=True):
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        if not job.can_resume:
            raise ApplicationError(_("Impor ini tidak perlu dilanjutkan."), code="not_resumable")
        before = job.status
        now = timezone.now()
        ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.QUEUED, updated_at=now, heartbeat_at=now)
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface,
                     object_type="bulk.importjob", object_id=job.pk, object_repr=job.file_name,
                     instansi_id=actor.instansi_id,
                     changes={"status": {"before": before, "after": ImportStatus.QUEUED}},
                     extra={"resumed_from_row": job.processed_rows})
        transaction.on_commit(partial(run_import.enqueue, job_id=job.pk, user_id=actor.pk))
    job.refresh_from_db()
    return job


def import_rejects_open(*, job: ImportJob) -> Any:
    """The job's reject report, opened from the working storage (the caller closes it)."""
    if job.status != ImportStatus.DONE or not job.reject_name:
        raise ApplicationError(_("Laporan penolakan tersedia setelah impor selesai."), code="not_ready")
    return working_storage().open(job.reject_name, "rb")
