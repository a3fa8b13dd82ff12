"""Jobs apps register by dotted path, so that the app that triggers them need not import
the app that runs them.

- Daily jobs: the scheduler enqueues each once per calendar day (a ScheduledRun row per job
  and day makes a second run on the same day a no-op). The run row and the enqueued task are
  written in one transaction (the database task backend keeps its queue in the same
  database): a failure leaves neither, so a day is never marked done without its job.
  Jobs must themselves be idempotent and catch up missed days.
- After-import jobs: enqueued when a bulk import has loaded employees, for the apps that keep
  something derived from the whole register (the national retirement summary). The importer
  (simasn.bulk) calls `enqueue_after_import` without knowing which apps listen; the process
  apps stay independent of each other.
- Watchdogs: plain functions the scheduler calls on every tick (every few seconds), for work
  that must not wait for the next day — e.g. resuming an import whose worker died
  (simasn.bulk.recovery). They must be cheap when there is nothing to do, idempotent, and
  safe when two schedulers call them at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string

from simasn.core.models import ScheduledRun

#: Dotted paths of django-tasks tasks to run daily. Apps register theirs in AppConfig.ready().
DAILY_TASKS: list[str] = []


def register_daily(task_path: str) -> None:
    if task_path not in DAILY_TASKS:
        DAILY_TASKS.append(task_path)


#: Dotted paths of django-tasks tasks to run after a bulk import changed the register; each
#: takes today's ISO date. Apps register theirs in AppConfig.ready().
AFTER_IMPORT_TASKS: list[str] = []


def register_after_import(task_path: str) -> None:
    if task_path not in AFTER_IMPORT_TASKS:
        AFTER_IMPORT_TASKS.append(task_path)


def enqueue_after_import(*, today: dt.date) -> list[str]:
    """Enqueue every after-import task; call it once the import's transaction has committed."""
    for path in AFTER_IMPORT_TASKS:
        task: Any = import_string(path)
        task.enqueue(today.isoformat())
    return list(AFTER_IMPORT_TASKS)


def enqueue_due(*, today: dt.date) -> list[str]:
    """Enqueue every daily task not yet enqueued for `today`; returns their paths.

    Per job, one durable transaction records the day's run and enqueues the task; a second
    scheduler (or a second pass the same day) stops at the unique run row, and a failed
    enqueue takes the run row back with it."""
    enqueued = []
    for path in DAILY_TASKS:
        task: Any = import_string(path)
        try:
            with transaction.atomic(durable=True):
                ScheduledRun.objects.create(job=path, run_date=today)
                task.enqueue(today.isoformat())
        except IntegrityError:
            continue
        enqueued.append(path)
    return enqueued


#: Dotted paths of functions called on every scheduler tick. Apps append in ready().
WATCHDOGS: list[str] = []


def register_watchdog(function_path: str) -> None:
    if function_path not in WATCHDOGS:
        WATCHDOGS.append(function_path)


def run_watchdogs() -> list[str]:
    """Call every watchdog; returns what they reported (one line each, when any)."""
    reports = []
    for path in WATCHDOGS:
        report = import_string(path)()
        if report:
            reports.append(f"{path}: {report}")
    return reports
