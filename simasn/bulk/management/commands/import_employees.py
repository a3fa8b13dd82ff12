"""simasn import-employees FILE [--as USERNAME]: validated, resumable bulk import."""

from __future__ import annotations

import shutil
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from simasn.accounts.models import User
from simasn.bulk.files import Source
from simasn.bulk.importer import DEFAULT_CHUNK, import_job_create, import_job_run
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.core.storage import working_storage


class Command(BaseCommand):
    help = "Import employees from CSV/XLSX; rerun the same command to resume an interrupted import."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file")
        parser.add_argument("--as", dest="username", default="",
                            help="Import as this user (their scope applies); default: the system, all instansi.")
        parser.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK)
        parser.add_argument("--new", action="store_true", help="Start a new job even if one is unfinished.")
        parser.add_argument("--rejects", default="", help="Copy the reject report to this path.")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = None
        if options["username"]:
            actor = User.objects.filter(username=options["username"]).first()
            if actor is None:
                raise CommandError(f"unknown user {options['username']}")
        try:
            source = Source.path(options["file"])
            job = import_job_create(actor=actor, interface=Interface.CLI, source=source, resume=not options["new"])
            if job.processed_rows:
                self.stdout.write(f"melanjutkan impor #{job.pk} dari baris data {job.processed_rows + 1}")
            bar = tqdm(total=job.total_rows, unit="baris", unit_scale=True, disable=options["no_progress"])
            timings: dict[str, float] = {}
            job = import_job_run(job=job, actor=actor, source=source, chunk_size=options["chunk_size"],
                                 progress=bar.update, timings=timings)
            bar.close()
        except ApplicationError as error:
            raise CommandError(str(error.message)) from error
        if options["verbosity"] > 1:
            self.stdout.write("; ".join(f"{name}: {seconds:.1f} s" for name, seconds in timings.items()))
        if options["rejects"]:
            with working_storage().open(job.reject_name, "rb") as report, \
                    open(options["rejects"], "wb") as out:  # the operator's own file on this machine
                shutil.copyfileobj(report, out)
        self.stdout.write(
            f"impor #{job.pk}: {job.processed_rows} baris, {job.inserted} ditambahkan, {job.skipped} sudah ada, "
            f"{job.rejected} ditolak ({job.rows_per_second or 0:.0f} baris/detik); penolakan: {job.reject_name}"
        )
