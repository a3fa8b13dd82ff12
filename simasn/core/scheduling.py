"""Daily jobs: apps register a django-tasks task here; the scheduler enqueues each
once per calendar day (a ScheduledRun row per job and day makes a second run on the
same day a no-op). Jobs must themselves be idempotent and catch up missed days."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string

#: Dotted paths of django-tasks tasks to run daily. Apps append in AppConfig.ready().
DAILY_TASKS: list[str] = []


def register_daily(task_path: str) -> None:
    if task_path not in DAILY_TASKS:
        DAILY_TASKS.append(task_path)


def enqueue_due(*, today: dt.date) -> list[str]:
    """Enqueue every daily task not yet enqueued for `today`; returns their paths."""
    from simasn.core.models import ScheduledRun

    enqueued = []
    for path in DAILY_TASKS:
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(job=path, run_date=today)
        except IntegrityError:
            continue
        task: Any = import_string(path)
        task.enqueue(today.isoformat())
        enqueued.append(path)
    return enqueued
