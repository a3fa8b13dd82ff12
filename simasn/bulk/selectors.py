"""Reads of import jobs, within the viewer's scope."""

from __future__ import annotations

from django.db.models import QuerySet

from simasn.accounts.models import User
from simasn.accounts.policy import Action
from simasn.accounts.scope import Scope
from simasn.bulk.importer import IMPORT_RESOURCE
from simasn.bulk.models import ImportJob, ImportReject
from simasn.core.errors import NotFoundError


def import_job_list(*, viewer: User) -> QuerySet[ImportJob]:
    return Scope.of(viewer).filter(ImportJob.objects.all(), IMPORT_RESOURCE, Action.VIEW).order_by("-id")


def import_job_get(*, viewer: User, pk: int) -> ImportJob:
    job = import_job_list(viewer=viewer).filter(pk=pk).first()
    if job is None:
        raise NotFoundError("Impor tidak ditemukan.")
    return job


def import_reject_list(*, viewer: User, job: ImportJob) -> QuerySet[ImportReject]:
    """The refused values of a job the viewer may see (sensitive values stored masked)."""
    import_job_get(viewer=viewer, pk=job.pk)
    return ImportReject.objects.filter(job=job).order_by("row_number", "id")
