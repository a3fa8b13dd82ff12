"""Web import: upload a file, watch the background job, download the rejects."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.scope import Scope
from simasn.bulk import importer, selectors, services
from simasn.bulk.forms import UploadForm
from simasn.bulk.layout import HEADER
from simasn.bulk.models import ImportStatus
from simasn.bulk.template_xlsx import template_workbook
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.web.pages import not_allowed_message

#: The first rejects are listed on the job's page; the whole report is a download.
REJECTS_SHOWN = 200


def _require_import(request: AuthenticatedRequest) -> None:
    if not Scope.of(request.user).can(importer.IMPORT_RESOURCE, importer.IMPORT_ACTION):
        raise PermissionDeniedError(not_allowed_message())


@login_required
def job_list(request: AuthenticatedRequest) -> HttpResponse:
    _require_import(request)
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                job = services.import_upload_start(actor=request.user, interface=Interface.WEB,
                                                   upload=form.cleaned_data["file"])
            except ApplicationError as error:
                form.add_error("file", str(error.message))
            else:
                earlier = (selectors.import_job_list(viewer=request.user)
                           .filter(sha256=job.sha256, status=ImportStatus.DONE).exclude(pk=job.pk).first())
                if earlier is not None:
                    messages.info(request, _(
                        "Berkas yang sama sudah diimpor pada %(when)s (impor #%(id)s); baris yang sudah "
                        "terdaftar akan dilewati.") % {"when": date_format(timezone.localtime(earlier.created_at),
                                                                          "DATETIME_FORMAT"), "id": earlier.pk})
                return redirect("bulk:detail", pk=job.pk)
    return render(request, "bulk/list.html", {
        "title": _("Impor pegawai"), "form": form, "jobs": selectors.import_job_list(viewer=request.user)[:50],
    })


@login_required
def job_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    job = selectors.import_job_get(viewer=request.user, pk=pk)
    done = job.status == ImportStatus.DONE
    rejects = selectors.import_reject_list(viewer=request.user, job=job)[:REJECTS_SHOWN] if done else []
    return render(request, "bulk/detail.html", {"title": job.file_name, "job": job, "done": done,
                                                "rejects": rejects, "rejects_shown": REJECTS_SHOWN})


@login_required
def job_progress(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    job = selectors.import_job_get(viewer=request.user, pk=pk)
    response = render(request, "bulk/_progress.html", {"job": job, "done": job.status == ImportStatus.DONE})
    return response


@login_required
@require_POST
def job_resume(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Continue an import whose worker stopped (crash, restart): from its last checkpoint."""
    job = selectors.import_job_get(viewer=request.user, pk=pk)
    services.import_job_requeue(actor=request.user, interface=Interface.WEB, job=job)
    return redirect("bulk:detail", pk=job.pk)


@login_required
def job_rejects(request: AuthenticatedRequest, pk: int) -> FileResponse:
    job = selectors.import_job_get(viewer=request.user, pk=pk)
    return FileResponse(services.import_rejects_open(job=job), as_attachment=True,
                        filename=f"penolakan-impor-{job.pk}.csv", content_type="text/csv; charset=utf-8")


@login_required
def template_xlsx(request: AuthenticatedRequest) -> HttpResponse:
    """The template with an example row, the allowed codes and drop-downs."""
    _require_import(request)
    response = HttpResponse(template_workbook(viewer=request.user),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="templat-impor-pegawai.xlsx"'
    return response


@login_required
def template_csv(request: AuthenticatedRequest) -> HttpResponse:
    _require_import(request)
    response = HttpResponse("\ufeff" + ",".join(HEADER) + "\n", content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="templat-impor-pegawai.csv"'
    return response
