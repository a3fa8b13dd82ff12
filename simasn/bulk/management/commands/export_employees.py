"""simasn export-employees --format csv|xlsx|parquet --as USERNAME --out FILE [--instansi CODE ...]"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from simasn.accounts.models import User
from simasn.bulk.exporter import FORMATS, write_export


class Command(BaseCommand):
    help = "Stream the register (within the user's scope) to CSV, XLSX or Parquet."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--format", choices=FORMATS, default="csv")
        parser.add_argument("--as", dest="username", required=True)
        parser.add_argument("--out", required=True)
        parser.add_argument("--instansi", action="append", default=[], help="Instansi code (repeatable).")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        viewer = User.objects.filter(username=options["username"]).first()
        if viewer is None:
            raise CommandError(f"unknown user {options['username']}")
        bar = tqdm(unit="baris", unit_scale=True, disable=options["no_progress"])
        count = write_export(viewer=viewer, fmt=options["format"], out=options["out"],
                             instansi_codes=options["instansi"] or None, progress=bar.update)
        bar.close()
        self.stdout.write(f"{count} baris diekspor ke {options['out']}")
