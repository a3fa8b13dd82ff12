from __future__ import annotations

import datetime as dt

from django_tasks import task

from simasn.core.interfaces import Interface
from simasn.rewards.services import satyalancana_refresh_many


@task()
def refresh_satyalancana_daily(day: str) -> int:
    """Recompute the year's Satyalancana candidates of every instansi in one set-based run
    (idempotent: the list is rebuilt for the year of ``day``; proposed candidates are kept)."""
    on = dt.date.fromisoformat(day)
    return satyalancana_refresh_many(actor=None, interface=Interface.SYSTEM, instansi_ids=None, on=on)["candidates"]
