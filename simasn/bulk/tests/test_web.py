"""Web import: upload, background job, progress partial, reject report download."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from simasn.accounts.roles import Role
from simasn.actions.models import RetirementSummaryRefresh
from simasn.bulk.layout import HEADER
from simasn.bulk.models import ImportJob, ImportStatus
from simasn.bulk.tests.helpers import pns_row, reference_objects, write_csv
from simasn.core.audit_actions import AuditAction
from simasn.core.models import AuditEvent
from simasn.core.storage import working_storage
from simasn.personnel.models import Employee
from simasn.testing.factories import user_with_role

pytestmark = pytest.mark.django_db


def test_operator_uploads_watches_and_downloads_rejects(client, tmp_path, settings, storage_backend,
                                                       django_capture_on_commit_callbacks):
    """On local disk and on an object store alike: the worker reads the upload by its
    storage name, writes the report there, and the upload is gone afterwards."""
    refs = reference_objects()
    operator = user_with_role(Role.OPERATOR, instansi=refs["a"])
    client.force_login(operator)
    path = write_csv(tmp_path / "up.csv", [pns_row(1), pns_row(2), pns_row(3, GOL="Q")])
    upload = SimpleUploadedFile("pegawai.csv", path.read_bytes(), content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("bulk:list"), {"file": upload})
    # The background job is enqueued after the upload commits; when it has loaded rows,
    # it enqueues the after-import tasks (the national retirement summary, registered by the
    # actions app) after its own commit.
    assert [getattr(c, "func", c).__name__ for c in callbacks] == ["enqueue", "_enqueue_after_import"]
    assert RetirementSummaryRefresh.objects.get().employees == 2
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("bulk:detail", args=[job.pk])
    assert (job.status, job.inserted, job.rejected, job.interface) == (ImportStatus.DONE, 2, 1, "web")
    assert Employee.objects.count() == 2

    progress = client.get(reverse("bulk:progress", args=[job.pk]))
    assert b"Selesai" in progress.content and b"hx-trigger" not in progress.content
    report = client.get(reverse("bulk:rejects", args=[job.pk]))
    body = b"".join(report.streaming_content).decode("utf-8-sig")
    assert body.splitlines()[0] == "BARIS,KOLOM,ALASAN,NILAI,NIP_BARU,NAMA" and "4,GOL," in body
    # The refused value and whose row it is, so the row can be found after sorting the sheet.
    assert f"4,GOL,Golongan Q tidak dikenal untuk PNS.,Q,{pns_row(3)['NIP_BARU']},Pegawai Uji 3" in body
    assert working_storage().listdir("imports") == (["rejects"], [])  # the upload itself is deleted


def test_a_running_job_polls_for_progress(client, tmp_path):
    refs = reference_objects()
    operator = user_with_role(Role.OPERATOR, instansi=refs["a"])
    job = ImportJob.objects.create(file_name="x.csv", upload_name="imports/x.csv", sha256="0" * 64,
                                   file_format="csv", interface="web", status=ImportStatus.RUNNING,
                                   total_rows=100, processed_rows=40, created_by=operator)
    client.force_login(operator)
    page = client.get(reverse("bulk:detail", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and 'value="40"' in page


def test_other_instansi_jobs_are_invisible(client, tmp_path):
    refs = reference_objects()
    owner = user_with_role(Role.OPERATOR, instansi=refs["a"])
    stranger = user_with_role(Role.OPERATOR, instansi=refs["b"])
    job = ImportJob.objects.create(file_name="x.csv", upload_name="imports/x.csv", sha256="0" * 64, file_format="csv",
                                   interface="web", created_by=owner)
    client.force_login(stranger)
    assert client.get(reverse("bulk:detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("bulk:rejects", args=[job.pk])).status_code == 404


def test_upload_of_other_formats_is_refused(client, tmp_path, settings):
    refs = reference_objects()
    client.force_login(user_with_role(Role.OPERATOR, instansi=refs["a"]))
    response = client.post(reverse("bulk:list"), {"file": SimpleUploadedFile("a.pdf", b"%PDF")})
    assert response.status_code == 200 and "CSV atau XLSX" in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("palsu.xlsx", b"%PDF-1.4 not a spreadsheet", "bukan XLSX yang sah"),
    ("catatan.txt", b"NIP_BARU,NAMA\n1,Budi\n", "CSV atau XLSX"),
    ("kolom.csv", b"NIP_BARU,NAMA\n1,Budi\n", "Kolom wajib tidak ada: TANGGAL_LAHIR"),
    ("latin1.csv", ",".join(HEADER).encode() + "\nJos\u00e9".encode("latin-1"), "UTF-8"),
])
def test_a_file_that_cannot_be_imported_is_refused_at_upload_and_not_kept(client, tmp_path, settings, name,
                                                                           content, message):
    refs = reference_objects()
    client.force_login(user_with_role(Role.OPERATOR, instansi=refs["a"]))
    response = client.post(reverse("bulk:list"), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200 and message in response.content.decode()
    assert not ImportJob.objects.exists()
    assert not (tmp_path / "media" / "imports").exists() or not any((tmp_path / "media" / "imports").iterdir())


def test_statuses_and_live_rate_in_english(client, tmp_path, settings):
    refs = reference_objects()
    operator = user_with_role(Role.OPERATOR, instansi=refs["a"])
    client.force_login(operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    running = ImportJob.objects.create(file_name="a.csv", upload_name="imports/a.csv", sha256="0" * 64, file_format="csv",
                                       interface="web", created_by=operator, status=ImportStatus.RUNNING,
                                       total_rows=10_000, processed_rows=4_000,
                                       started_at=timezone.now() - dt.timedelta(seconds=2))
    page = client.get(reverse("bulk:progress", args=[running.pk])).content.decode()
    assert "Running" in page and "rows/s" in page and "seconds left" in page
    assert 1_000 < running.current_rate < 2_100 and running.seconds_left is not None
    running.status, running.rows_per_second = ImportStatus.DONE, 1_234.0
    running.save()
    page = client.get(reverse("bulk:progress", args=[running.pk])).content.decode()
    assert "Done" in page and "Closed" not in page and "1,234 rows/s" in page


def test_pegawai_cannot_open_the_import_page(client, tmp_path):
    refs = reference_objects()
    from simasn.testing.factories import EmployeeFactory

    user = user_with_role(Role.PEGAWAI, employee=EmployeeFactory(instansi=refs["a"]))
    client.force_login(user)
    assert client.get(reverse("bulk:list")).status_code == 403


def test_import_menu_only_for_roles_that_may_import(client):
    refs = reference_objects()
    from simasn.testing.factories import EmployeeFactory

    client.force_login(user_with_role(Role.OPERATOR, instansi=refs["a"]))
    assert "Impor pegawai" in client.get(reverse("site:dashboard")).content.decode()
    client.force_login(user_with_role(Role.PEGAWAI, employee=EmployeeFactory(instansi=refs["a"])))
    assert "Impor pegawai" not in client.get(reverse("site:dashboard")).content.decode()


def test_a_stalled_job_is_resumed_from_its_checkpoint(client, tmp_path, settings, django_capture_on_commit_callbacks):
    import datetime as dt

    from django.utils import timezone

    refs = reference_objects()
    operator = user_with_role(Role.OPERATOR, instansi=refs["a"])
    name = working_storage().save("imports/s.csv", File(write_csv(tmp_path / "s.csv",
                                                                  [pns_row(i) for i in range(1, 7)]).open("rb")))
    job = ImportJob.objects.create(file_name="s.csv", upload_name=name, sha256="0" * 64, file_format="csv",
                                   interface="web", status=ImportStatus.RUNNING, total_rows=6, processed_rows=0,
                                   created_by=operator)
    client.force_login(operator)
    assert b"Lanjutkan impor" not in client.get(reverse("bulk:detail", args=[job.pk])).content
    ImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - dt.timedelta(minutes=10))
    assert b"Lanjutkan impor" in client.get(reverse("bulk:detail", args=[job.pk])).content
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("bulk:resume", args=[job.pk]))
    job.refresh_from_db()
    assert (job.status, job.inserted) == (ImportStatus.DONE, 6)
    resumed = AuditEvent.objects.get(action=AuditAction.TRANSITION, object_type="bulk.importjob")
    assert resumed.changes == {"status": {"before": "RUNNING", "after": "QUEUED"}}
    assert resumed.actor_id == operator.pk and resumed.instansi_id == refs["a"].pk
    assert client.post(reverse("bulk:resume", args=[job.pk])).status_code == 400


def test_an_uploaded_file_is_deleted_once_imported(client, tmp_path, settings, django_capture_on_commit_callbacks):
    refs = reference_objects()
    client.force_login(user_with_role(Role.OPERATOR, instansi=refs["a"]))
    upload = SimpleUploadedFile("p.csv", write_csv(tmp_path / "p.csv", [pns_row(1)]).read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("bulk:list"), {"file": upload})
    job = ImportJob.objects.get()
    assert (job.status, job.upload_name) == (ImportStatus.DONE, "")
    kept = [p.relative_to(tmp_path / "media").as_posix() for p in (tmp_path / "media").rglob("*") if p.is_file()]
    assert kept == [job.reject_name]  # only the reject report stays, under a new (uuid) name
    assert re.fullmatch(r"imports/rejects/[0-9a-f]{32}\.csv", job.reject_name)


def test_unfinished_uploads_are_deleted_after_a_week_and_cannot_be_resumed(client, tmp_path, settings):
    from simasn.bulk.importer import discard_stale_uploads

    refs = reference_objects()
    operator = user_with_role(Role.OPERATOR, instansi=refs["a"])
    jobs = []
    for age_days in (8, 1):
        name = working_storage().save(f"imports/upload-{age_days}.csv", ContentFile(b"x"))
        job = ImportJob.objects.create(file_name="a.csv", upload_name=name, sha256="0" * 64, file_format="csv",
                                       interface="web", created_by=operator, status=ImportStatus.FAILED)
        ImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - dt.timedelta(days=age_days))
        jobs.append((job.pk, name))
    assert discard_stale_uploads() == 1
    (old_pk, old_name), (new_pk, new_name) = jobs
    assert not working_storage().exists(old_name) and working_storage().exists(new_name)
    old = ImportJob.objects.get(pk=old_pk)
    assert not old.can_resume and ImportJob.objects.get(pk=new_pk).can_resume
    client.force_login(operator)
    page = client.get(reverse("bulk:detail", args=[old_pk])).content.decode()
    assert "sudah dihapus" in page and "Lanjutkan impor" not in page


def test_a_file_named_on_the_command_line_is_never_stored_nor_deleted(tmp_path, settings):
    from simasn.bulk.files import Source
    from simasn.bulk.importer import discard_upload, import_job_create, import_job_run
    from simasn.core.interfaces import Interface

    reference_objects()
    path = write_csv(tmp_path / "mine.csv", [pns_row(1)])
    source = Source.path(path)
    job = import_job_run(job=import_job_create(actor=None, interface=Interface.CLI, source=source),
                         actor=None, source=source)
    assert path.exists() and job.upload_name == ""  # the server keeps no path of the operator's
    discard_upload(job)  # even if asked: it is not an upload
    assert path.exists()


def test_uploading_a_file_already_imported_says_so(client, tmp_path, settings, django_capture_on_commit_callbacks):
    refs = reference_objects()
    client.force_login(user_with_role(Role.OPERATOR, instansi=refs["a"]))
    content = write_csv(tmp_path / "s.csv", [pns_row(1)]).read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(reverse("bulk:list"), {"file": SimpleUploadedFile("s.csv", content)}, follow=True)
    assert "sudah diimpor" not in first.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(reverse("bulk:list"), {"file": SimpleUploadedFile("s.csv", content)}, follow=True)
    first_job = ImportJob.objects.order_by("id").first()
    assert "Berkas yang sama sudah diimpor pada" in again.content.decode()
    assert f"(impor #{first_job.pk})" in again.content.decode()
    assert ImportJob.objects.order_by("id").last().skipped == 1


def test_a_csv_with_a_quote_never_closed_is_refused_with_its_line(client, tmp_path, settings):
    refs = reference_objects()
    client.force_login(user_with_role(Role.OPERATOR, instansi=refs["a"]))
    good, broken = pns_row(1), pns_row(2)
    lines = [",".join(HEADER), ",".join(good[h] for h in HEADER),
             ",".join('"Siti' if h == "NAMA" else broken[h] for h in HEADER), ",".join(pns_row(3)[h] for h in HEADER)]
    content = ("\n".join(lines) + "\n").encode()
    response = client.post(reverse("bulk:list"), {"file": SimpleUploadedFile("kutip.csv", content)})
    page = response.content.decode()
    assert "tidak ditutup, mulai baris 3" in page
    assert not ImportJob.objects.exists()
