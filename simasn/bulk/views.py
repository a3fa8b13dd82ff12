"""Web import: upload a file, watch the background job, download the rejects."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from simasn.accounts.scope import Scope
from simasn.bulk import selectors, services
from simasn.bulk.forms import UploadForm
from simasn.bulk.layout import HEADER
from simasn.bulk.models import ImportJob, ImportStatus
from simasn.bulk.tasks import run_import
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.web.pages import not_allowed_message


def _require_import(request: HttpRequest) -> None:
    if not Scope.of(request.user).can(services.IMPORT_RESOURCE, services.IMPORT_ACTION):
        raise PermissionDeniedError(not_allowed_message())


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    _require_import(request)
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            path = ""
            try:
                path = services.store_upload(form.cleaned_data["file"])
                job = services.import_job_create(
                    actor=request.user, interface=Interface.WEB, path=path,
                    file_name=form.cleaned_data["file"].name, resume=False,
                )
            except ApplicationError as error:
                form.add_error("file", str(error.message))
                if path:  # a refused upload (it may hold personal data) is not kept
                    Path(path).unlink(missing_ok=True)
            else:
                earlier = (selectors.import_job_list(viewer=request.user)
                           .filter(sha256=job.sha256, status=ImportStatus.DONE).exclude(pk=job.pk).first())
                if earlier is not None:
                    messages.info(request, _(
                        "Berkas yang sama sudah diimpor pada %(when)s (impor #%(id)s); baris yang sudah "
                        "terdaftar akan dilewati.") % {"when": date_format(timezone.localtime(earlier.created_at),
                                                                          "DATETIME_FORMAT"), "id": earlier.pk})
                transaction.on_commit(partial(run_import.enqueue, job_id=job.pk, user_id=request.user.pk))
                return redirect("bulk:detail", pk=job.pk)
    return render(request, "bulk/list.html", {
        "title": _("Impor pegawai"), "form": form, "jobs": selectors.import_job_list(viewer=request.user)[:50],
    })


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = selectors.import_job_get(viewer=request.user, pk=pk)
    return render(request, "bulk/detail.html", {"title": job.file_name, "job": job, "done": job.status == ImportStatus.DONE})


@login_required
def job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    job = selectors.import_job_get(viewer=request.user, pk=pk)
    response = render(request, "bulk/_progress.html", {"job": job, "done": job.status == ImportStatus.DONE})
    return response


@login_required
@require_POST
def job_resume(request: HttpRequest, pk: int) -> HttpResponse:
    """Continue an import whose worker stopped (crash, restart): from its last checkpoint."""
    _require_import(request)
    job = selectors.import_job_get(viewer=request.user, pk=pk)
    if not job.can_resume:
        raise ApplicationError(_("Impor ini tidak perlu dilanjutkan."), code="not_resumable")
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.QUEUED, updated_at=timezone.now(),
                                               heartbeat_at=timezone.now())
    transaction.on_commit(partial(run_import.enqueue, job_id=job.pk, user_id=request.user.pk))
    return redirect("bulk:detail", pk=job.pk)


@login_required
def job_rejects(request: HttpRequest, pk: int) -> FileResponse:
    job = selectors.import_job_get(viewer=request.user, pk=pk)
    if job.status != ImportStatus.DONE or not job.reject_path:
        raise ApplicationError(_("Laporan penolakan tersedia setelah impor selesai."), code="not_ready")
    return FileResponse(open(job.reject_path, "rb"), as_attachment=True,
                        filename=f"penolakan-impor-{job.pk}.csv", content_type="text/csv; charset=utf-8")


@login_required
def template_csv(request: HttpRequest) -> HttpResponse:
    _require_import(request)
    response = HttpResponse("\ufeff" + ",".join(HEADER) + "\n", content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="templat-impor-pegawai.csv"'
    return response
