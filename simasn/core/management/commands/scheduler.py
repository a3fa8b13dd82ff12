"""`simasn scheduler`: enqueue the daily jobs once a day (and at start-up).

Run it beside the task worker (`simasn db_worker`). With `--once` it enqueues what is
due today and exits, for use from cron or a systemd timer instead.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from simasn.core.scheduling import DAILY_TASKS, enqueue_due


class Command(BaseCommand):
    help = "Enqueue SIMASN's daily jobs (apply due personnel actions, alerts, ...)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="Enqueue today's jobs and exit.")
        parser.add_argument("--interval", type=int, default=300, help="Seconds between checks.")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            today = timezone.localdate()
            for path in enqueue_due(today=today):
                self.stdout.write(f"{timezone.now():%Y-%m-%d %H:%M} enqueued {path} for {today}")
            if options["once"]:
                self.stdout.write(f"{len(DAILY_TASKS)} daily job(s) known; done for {today}.")
                return
            time.sleep(options["interval"])
