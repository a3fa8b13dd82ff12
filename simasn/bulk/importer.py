"""The import engine: create a job for a register file, run it (resumably, chunk by chunk),
write its reject report and its one audit event. The command line calls it directly; the
web UI through simasn.bulk.services and the task in simasn.bulk.tasks."""

from __future__ import annotations

import datetime as dt
import queue
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pyarrow as pa
from django.conf import settings
from django.db import connections, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.bulk import deferral
from simasn.bulk.columns import Accepted, ColumnChecker, accepted_rows
from simasn.bulk.files import REJECTS_FOLDER, Source, check_file, count_rows, file_format, read_rows
from simasn.bulk.models import ImportJob, ImportReject, ImportStatus
from simasn.bulk.reading import read_chunks
from simasn.bulk.references import CachedReferences
from simasn.bulk.rows import DB_COLUMNS, ReportedReject, RowChecker, reject_csv
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.scheduling import enqueue_after_import
from simasn.core.storage import save_exactly, unique_name, working_storage
from simasn.law.grounds import Ground, cite
from simasn.personnel import loading
from simasn.personnel.models import Employee

#: Starting an import (operators: own instansi; administrators: all; accounts.policy).
IMPORT_RESOURCE, IMPORT_ACTION = Resource.EMPLOYEE_IMPORT, Action.CREATE
DEFAULT_CHUNK = 50_000
CITATION = cite(Ground.EMPLOYEE_REGISTER)[0]


def _enqueue_after_import() -> None:
    # The apps that keep figures derived from the register (the national retirement summary)
    # registered their task in the kernel; bulk does not import them (process apps are
    # independent of each other).
    enqueue_after_import(today=timezone.localdate())


def allowed_instansi(actor: Actor) -> set[int] | None:
    """None = every instansi (national reach, or the server's own command line)."""
    if actor is None:
        return None
    scope = Scope.of(actor)
    reach = scope.reach(IMPORT_RESOURCE, IMPORT_ACTION)
    if reach == Reach.NATIONAL:
        return None
    if reach == Reach.INSTANSI and scope.instansi_id is not None:
        return {scope.instansi_id}
    raise PermissionDeniedError(_("Anda tidak berwenang mengimpor data pegawai."))


def import_job_create(*, actor: Actor, interface: Interface, source: Source, file_name: str = "",
                      resume: bool = True) -> ImportJob:
    """A job for the file at `source`; an unfinished job of the same actor for the
    same file (same SHA-256) is resumed instead of starting again."""
    allowed_instansi(actor)
    file_name = file_name or source.file_name
    fmt = file_format(file_name)
    facts = check_file(source, fmt)
    sha = facts.sha256
    actor_id = getattr(actor, "pk", None)
    if resume:
        unfinished = ImportJob.objects.filter(
            sha256=sha, created_by_id=actor_id,
            status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING, ImportStatus.FAILED],
        ).order_by("-id").first()
        if unfinished is not None:
            return unfinished
    return ImportJob.objects.create(
        file_name=file_name, upload_name="" if source.local else source.name, sha256=sha,
        file_format=fmt, interface=str(interface), created_by_id=actor_id, updated_by_id=actor_id,
        total_rows=facts.total_rows,
    )


def job_source(job: ImportJob) -> Source:
    """Where a job's file is: its upload in the working storage. A job started on the command
    line keeps no file on the server; the command resumes it by naming the file again."""
    if not job.upload_name:
        raise ApplicationError(_("Berkas impor ini tidak tersimpan di server; unggah ulang berkasnya, atau "
                                 "jalankan lagi perintah impor dengan berkas yang sama."), code="no_file")
    return Source.upload(job.upload_name)


def _load(rows: list[dict[str, Any]], *, actor_id: int | None, now: dt.datetime, references: CachedReferences) -> int:
    if not rows:
        return 0
    if connections["default"].vendor == "postgresql":
        return loading.load_postgres(rows, register_columns=DB_COLUMNS, actor_id=actor_id, now=now)
    return loading.load_batched(rows, register_columns=DB_COLUMNS, actor_id=actor_id, now=now,
                                references=references)


def _load_accepted(accepted: Accepted, *, actor_id: int | None, now: dt.datetime, references: CachedReferences,
                   known: set[str] | None) -> int:
    if not int(accepted.mask.sum()):
        return 0
    if connections["default"].vendor == "postgresql":
        return loading.load_postgres_columns(accepted.columns, register_columns=DB_COLUMNS, actor_id=actor_id,
                                             now=now, references=references, known=known)
    return loading.load_batched(accepted_rows(accepted), register_columns=DB_COLUMNS, actor_id=actor_id, now=now,
                                references=references)


def import_job_run(
    *,
    job: ImportJob,
    actor: Actor,
    source: Source | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    on: dt.date | None = None,
    progress: Callable[[int], None] | None = None,
    after_chunk: Callable[[int], None] | None = None,
    pause_seconds: float = 0.0,
    timings: dict[str, float] | None = None,
) -> ImportJob:
    """Run (or continue) an import of `source` (default: the job's upload). Each chunk —
    load valid rows, record rejects, move the checkpoint — is one transaction, so a crash
    or kill -9 leaves whole chunks only, and a rerun continues after the last committed one.

    `after_chunk(processed_rows)` is called once each chunk has committed: the hook a test
    uses to stop the process at an exact checkpoint. `pause_seconds` between chunks leaves
    the database to other users during a large load (SIMASN_IMPORT_PAUSE_SECONDS for web
    imports). `timings`, when given, receives the
    seconds spent loading chunks, waiting for checked chunks, and rebuilding deferred
    indexes (for benchmarks)."""
    if job.status == ImportStatus.DONE:
        return job
    with translation.override("id"):
        return _run(job=job, actor=actor, source=source or job_source(job), chunk_size=chunk_size,
                    on=on or timezone.localdate(), progress=progress, after_chunk=after_chunk,
                    pause_seconds=pause_seconds, timings=timings if timings is not None else {})


def row_wise(chunk: pa.Table, first: int, accepted: Accepted, checker: RowChecker,
             ) -> tuple[list[dict[str, Any]], list[ReportedReject]]:
    """The rows the column-wise checks did not accept go through the row-wise checker,
    which loads them or says why not."""
    others = np.flatnonzero(~accepted.mask & ~accepted.blank)
    valid: list[dict[str, Any]] = []
    rejects: list[ReportedReject] = []
    if len(others):
        rows = chunk.take(pa.array(others)).to_pylist()
        names = chunk.column_names
        for index, row in zip(others.tolist(), rows, strict=True):
            cells = [row[name] for name in names]
            data, row_rejects = checker.check(cells, first + index)
            if data is not None:
                valid.append(data)
            rejects += checker.reported(cells, row_rejects)
    return valid, rejects


_DONE = object()


def _prefetched(chunks: Iterator[tuple[int, pa.Table]], columns: ColumnChecker,
                ) -> Iterator[tuple[int, pa.Table, Accepted]]:
    """Read and check the next chunks in a background thread while this one loads
    (Arrow and the database driver release the GIL, so the two overlap on two cores).
    The thread touches no database: the checks' parameters were read up front."""
    results: queue.Queue[Any] = queue.Queue(maxsize=2)
    stop = threading.Event()

    def produce() -> None:
        try:
            for first, chunk in chunks:
                item = (first, chunk, columns.accept(chunk))
                while not stop.is_set():
                    try:
                        results.put(item, timeout=0.2)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            results.put(_DONE)
        except BaseException as error:  # handed to the consumer, which re-raises it
            results.put(error)

    thread = threading.Thread(target=produce, name="import-checks", daemon=True)
    thread.start()
    try:
        while (item := results.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join(timeout=5)


def _bulk_build_wanted(job: ImportJob) -> bool:
    minimum = settings.IMPORT_BULK_BUILD_MIN_ROWS
    return (connections["default"].vendor == "postgresql" and job.processed_rows == 0
            and (job.total_rows or 0) >= minimum and not Employee.objects.exists()
            and deferral.can_rebuild())


def _run(*, job: ImportJob, actor: Actor, source: Source, chunk_size: int, on: dt.date,
         progress: Callable[[int], None] | None, after_chunk: Callable[[int], None] | None,
         pause_seconds: float, timings: dict[str, float]) -> ImportJob:
    allowed = allowed_instansi(actor)
    actor_id = getattr(actor, "pk", None)
    references = CachedReferences()
    started = time.monotonic()
    resumed_from = job.processed_rows
    if job.total_rows is None:  # an XLSX without a recorded dimension: count in the job, not the upload
        job.total_rows = count_rows(source, job.file_format)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING, error="", total_rows=job.total_rows,
                                               heartbeat_at=timezone.now())
    try:
        if _bulk_build_wanted(job):
            with transaction.atomic():
                job.deferred_ddl = deferral.drop_secondary()
                ImportJob.objects.filter(pk=job.pk).update(deferred_ddl=job.deferred_ddl)
        # While the secondary indexes are down, the NIPs already registered are kept in memory.
        known = set(Employee.objects.values_list("nip", flat=True).iterator(chunk_size=50_000)) \
            if job.deferred_ddl else None
        header = next(read_rows(source, job.file_format), None) or []
        checker = RowChecker(header, references=references, on=on, allowed_instansi=allowed)
        columns = ColumnChecker(checker)
        offset = job.processed_rows
        if progress and offset:
            progress(offset)
        chunks = read_chunks(source, job.file_format, width=len(header), offset=offset,
                             chunk_size=chunk_size)
        if job.started_at is None:  # loading starts now: the rows/s shown are the loading's
            job.started_at = timezone.now()
            ImportJob.objects.filter(pk=job.pk).update(started_at=job.started_at)
        for key in ("waiting for checks", "row-wise checks and loading", "rebuilding indexes"):
            timings.setdefault(key, 0.0)
        clock = time.monotonic()
        for first, chunk, accepted in _prefetched(chunks, columns):
            timings["waiting for checks"] += time.monotonic() - clock
            clock = time.monotonic()
            valid, rejects = row_wise(chunk, first, accepted, checker)
            _commit_chunk(job, offset=offset, rows=chunk.num_rows, accepted=accepted, valid=valid, rejects=rejects,
                          actor_id=actor_id, references=references, known=known)
            offset += chunk.num_rows
            timings["row-wise checks and loading"] += time.monotonic() - clock
            if progress:
                progress(chunk.num_rows)
            if after_chunk:
                after_chunk(offset)
            if pause_seconds:
                time.sleep(pause_seconds)
            clock = time.monotonic()
        if job.deferred_ddl:
            clock = time.monotonic()
            deferral.rebuild(job.deferred_ddl)  # statement by statement: safe to repeat if interrupted
            ImportJob.objects.filter(pk=job.pk).update(deferred_ddl=[])
            timings["rebuilding indexes"] += time.monotonic() - clock
    except Exception as error:
        ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.FAILED, error=str(error)[:2000])
        raise
    return _finish(job, actor=actor, seconds=max(time.monotonic() - started, 1e-6), resumed_from=resumed_from)


def _commit_chunk(job: ImportJob, *, offset: int, rows: int, accepted: Accepted, valid: list[dict[str, Any]],
                  rejects: list[ReportedReject], actor_id: int | None, references: CachedReferences,
                  known: set[str] | None) -> None:
    """One transaction per chunk: its valid rows, its rejects and the checkpoint."""
    with transaction.atomic():
        locked = ImportJob.objects.select_for_update().get(pk=job.pk)
        if locked.processed_rows != offset:
            raise ConflictError(_("Impor ini sedang dijalankan oleh proses lain."))
        now = timezone.now()
        inserted = _load_accepted(accepted, actor_id=actor_id, now=now, references=references, known=known)
        if valid:
            inserted += _load(valid, actor_id=actor_id, now=now, references=references)
            if known is not None:
                known.update(row["nip"] for row in valid)
        ImportReject.objects.bulk_create(
            [ImportReject(job_id=job.pk, row_number=n, column=c, reason=r, value=v, nip=nip, name=name)
             for n, c, r, v, nip, name in rejects],
            batch_size=1000,
        )
        loadable = int(accepted.mask.sum()) + len(valid)
        ImportJob.objects.filter(pk=job.pk).update(
            processed_rows=F("processed_rows") + rows, inserted=F("inserted") + inserted,
            skipped=F("skipped") + loadable - inserted, rejected=F("rejected") + len({r[0] for r in rejects}),
            updated_at=timezone.now(), heartbeat_at=timezone.now(),  # a job silent for long lost its worker
        )


def _finish(job: ImportJob, *, actor: Actor, seconds: float, resumed_from: int) -> ImportJob:
    """The reject report, the DONE status and the one audit event of the import."""
    job.refresh_from_db()
    reject_name = _store_reject_report(job)
    with transaction.atomic():
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportStatus.DONE, finished_at=timezone.now(), reject_name=reject_name,
            total_rows=job.processed_rows, rows_per_second=(job.processed_rows - resumed_from) / seconds,
        )
        job.refresh_from_db()
        audit_record(
            actor=actor, action=AuditAction.IMPORT, interface=job.interface, object_type="bulk.importjob",
            object_id=job.pk, object_repr=job.file_name,
            instansi_id=getattr(actor, "instansi_id", None),
            citations=[CITATION],
            extra={"file_name": job.file_name, "sha256": job.sha256, "rows": job.processed_rows,
                   "inserted": job.inserted, "skipped": job.skipped, "rejected": job.rejected},
        )
        if job.inserted:  # figures derived from the register (retirement summary) are stale
            transaction.on_commit(_enqueue_after_import)
    discard_upload(job)  # an uploaded file holds personal data: not kept once imported
    return job


def _store_reject_report(job: ImportJob) -> str:
    """The reject report (CSV, rows in file order) in the working storage, under a new name;
    spooled to a temporary file first, as it can hold millions of rows."""
    with tempfile.SpooledTemporaryFile(max_size=8 << 20) as spool:
        rejects_iter = job.rejects.order_by("row_number", "id").values_list(
            "row_number", "column", "reason", "value", "nip", "name").iterator(chunk_size=5000)
        for text in reject_csv(rejects_iter):
            spool.write(text.encode("utf-8"))
        spool.seek(0)
        return save_exactly(working_storage(), unique_name(REJECTS_FOLDER, ".csv"), spool)


#: How long the upload of an unfinished (failed or abandoned) web import is kept for a resume.
UPLOAD_RETENTION = dt.timedelta(days=7)


def discard_upload(job: ImportJob) -> None:
    """Delete a job's upload from the working storage and forget its name. A file named on
    the command line was never stored, so there is nothing of it to delete."""
    if job.upload_name:
        working_storage().delete(job.upload_name)
    ImportJob.objects.filter(pk=job.pk).update(upload_name="")
    job.upload_name = ""


def discard_stale_uploads(*, now: dt.datetime | None = None) -> int:
    """Daily: uploads of web imports unfinished for UPLOAD_RETENTION are deleted; such a job
    can no longer be resumed (the operator uploads the file again). Returns how many."""
    cutoff = (now or timezone.now()) - UPLOAD_RETENTION
    stale = ImportJob.objects.filter(updated_at__lt=cutoff).exclude(upload_name="")
    count = 0
    for job in stale.iterator():
        discard_upload(job)
        count += 1
    return count
