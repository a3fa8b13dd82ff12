"""Daily job: make decided actions effective on their TMT."""

from __future__ import annotations

import datetime as dt

from django_tasks import task


@task()
def apply_due_actions(today: str) -> list[int]:
    """Apply every decided action due on or before ``today`` (ISO date).

    Idempotent and catching up: see simasn.actions.services.apply_due_actions.
    """
    from simasn.actions.services import apply_due_actions as apply_due

    return apply_due(on=dt.date.fromisoformat(today))
