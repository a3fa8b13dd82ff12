"""Daily job: remind participants whose draft is past the agenda's deadline (Pasal 5 ayat (4))."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from simasn.workplans.services import drafts_overdue_remind


@task()
def remind_overdue_drafts(today: str) -> int:
    """Idempotent and catching up: one reminder per user and draft, whatever day it runs."""
    return drafts_overdue_remind(on=dt.date.fromisoformat(today))
