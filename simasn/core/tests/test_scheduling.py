"""The scheduler records a day's run and enqueues its job in one transaction, with the
database task backend of production: a failure leaves neither row, a second pass nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from simasn.core import scheduling
from simasn.core.models import ScheduledRun

pytestmark = pytest.mark.django_db(transaction=True)

DAY = dt.date(2026, 3, 2)
PATH = "simasn.core.tests.test_scheduling.daily_probe"


@task()
def daily_probe(today: str) -> str:
    return today


@pytest.fixture
def only_the_probe(monkeypatch):
    monkeypatch.setattr(scheduling, "DAILY_TASKS", [PATH])
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        yield


def test_a_day_is_recorded_with_its_job_once(only_the_probe):
    assert scheduling.enqueue_due(today=DAY) == [PATH]
    assert scheduling.enqueue_due(today=DAY) == []  # the second pass of the day: nothing
    assert list(ScheduledRun.objects.values_list("job", "run_date")) == [(PATH, DAY)]
    queued = DBTaskResult.objects.get()
    assert (queued.task_path, queued.args_kwargs["args"]) == (PATH, ["2026-03-02"])


def test_a_failed_enqueue_leaves_no_run_recorded(only_the_probe, monkeypatch):
    def broken(self, *args, **kwargs):
        raise ConnectionError("task queue unavailable")

    monkeypatch.setattr(type(daily_probe), "enqueue", broken)
    with pytest.raises(ConnectionError):
        scheduling.enqueue_due(today=DAY)
    assert not ScheduledRun.objects.exists() and not DBTaskResult.objects.exists()
    monkeypatch.undo()
    monkeypatch.setattr(scheduling, "DAILY_TASKS", [PATH])
    assert scheduling.enqueue_due(today=DAY) == [PATH]  # the next pass does the day's job


def test_the_run_row_and_the_queued_job_share_one_transaction(only_the_probe, monkeypatch):
    """Both rows written, then an error before commit (the process dies, the database goes
    away): both are gone, and the day is still due."""
    real_enqueue = type(daily_probe).enqueue
    written = []

    def enqueue_then_fail(self, *args, **kwargs):
        written.append((ScheduledRun.objects.count(), real_enqueue(self, *args, **kwargs)))
        assert DBTaskResult.objects.count() == 1
        raise RuntimeError("lost before commit")

    monkeypatch.setattr(type(daily_probe), "enqueue", enqueue_then_fail)
    with pytest.raises(RuntimeError):
        scheduling.enqueue_due(today=DAY)
    assert written and written[0][0] == 1  # the run row was there when the job was queued
    assert not ScheduledRun.objects.exists() and not DBTaskResult.objects.exists()
