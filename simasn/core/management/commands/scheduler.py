"""`simasn scheduler`: enqueue the daily jobs once a day (and at start-up), and run the
watchdogs every tick (default every 5 s: e.g. resume an import whose worker died).

Run it beside the task worker (`simasn db_worker`). With `--once` it enqueues what is
due today, runs the watchdogs once and exits, for use from cron or a systemd timer
instead (then the watchdogs run only as often as the timer).
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from simasn.core.scheduling import DAILY_TASKS, enqueue_due, run_watchdogs


class Command(BaseCommand):
    help = "Enqueue SIMASN's daily jobs (apply due personnel actions, alerts, ...)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="Enqueue today's jobs and exit.")
        parser.add_argument("--interval", type=float, default=5, help="Seconds between checks.")

    def handle(self, *args: Any, **options: Any) -> None:
        last_day = None
        while True:
            today = timezone.localdate()
            if today != last_day:  # once a day (and at start-up); each job once per day anyway
                for path in enqueue_due(today=today):
                    self.stdout.write(f"{timezone.now():%Y-%m-%d %H:%M} enqueued {path} for {today}")
                last_day = today
            for report in run_watchdogs():
                self.stdout.write(f"{timezone.now():%Y-%m-%d %H:%M:%S} {report}")
            close_old_connections()
            if options["once"]:
                self.stdout.write(f"{len(DAILY_TASKS)} daily job(s) known; done for {today}.")
                return
            time.sleep(options["interval"])
