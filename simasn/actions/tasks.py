"""Daily job: make decided actions effective on their TMT."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from simasn.actions.services import apply_due_actions as apply_due
from simasn.actions.services import retirement_overdue_flag
from simasn.actions.summary import refresh_retirement_summary as refresh
from simasn.core.interfaces import Interface


@task()
def apply_due_actions(today: str) -> list[int]:
    """Apply every decided action due on or before ``today`` (ISO date).

    Idempotent and catching up: see simasn.actions.services.apply_due_actions.
    """
    return apply_due(on=dt.date.fromisoformat(today))


@task()
def refresh_retirement_summary(today: str = "") -> int:
    """Rebuild the national retirement summary (daily, and after a bulk import: simasn.core.scheduling)."""
    return refresh(actor=None, interface=Interface.SYSTEM).employees


@task()
def flag_overdue_retirements(today: str) -> int:
    """Flag employees past the TMT pensiun with no decision (never retires; idempotent)."""
    return len(retirement_overdue_flag(on=dt.date.fromisoformat(today)))
