"""Background work of procurement: draining the submit outbox."""

from __future__ import annotations

from django_tasks import task

from simasn.procurement.services.outbox import outbox_drain


@task()
def drain_outbox() -> dict[str, int]:
    """Enqueued after every registration and submit (on commit)."""
    return outbox_drain()


@task()
def drain_outbox_daily(today: str = "") -> dict[str, int]:
    """Daily catch-up: whatever an outage left pending is tried again."""
    return outbox_drain(limit=100_000)
