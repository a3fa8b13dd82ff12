"""simasn generate-population --employees N --seed S --out FILE.csv [--with-reference REF.csv]"""

from __future__ import annotations

import csv
import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand
from tqdm import tqdm

from simasn.bulk import reference
from simasn.bulk.population import DEFAULT_ON, write_csv


class Command(BaseCommand):
    help = "Write a synthetic national register (CSV, import layout) shaped like the 2023 figures."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--employees", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--out", required=True)
        parser.add_argument("--on", type=dt.date.fromisoformat, default=DEFAULT_ON,
                            help="Reference date for ages and service (default %(default)s).")
        parser.add_argument("--with-reference", default="",
                            help="Also write the instansi/unit/position codes the file uses to this CSV.")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        bar = tqdm(total=options["employees"], unit="baris", unit_scale=True, disable=options["no_progress"])
        with open(options["out"], "w", encoding="utf-8", newline="") as out:
            written = write_csv(out, employees=options["employees"], seed=options["seed"], on=options["on"],
                                progress=bar.update)
        bar.close()
        if options["with_reference"]:
            rows = list(reference.iter_reference_rows())
            with open(options["with_reference"], "w", encoding="utf-8", newline="") as out:
                writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
        self.stdout.write(f"{written} baris ditulis ke {options['out']}")
