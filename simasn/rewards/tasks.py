from __future__ import annotations

import datetime as dt

from django_tasks import task

from simasn.core.interfaces import Interface
from simasn.organization.models import Instansi
from simasn.rewards.services import satyalancana_refresh


@task()
def refresh_satyalancana_daily(day: str) -> int:
    """Recompute the year's Satyalancana candidates of every instansi (idempotent: the list is
    rebuilt for the year of ``day``; proposed candidates are kept)."""
    on = dt.date.fromisoformat(day)
    count = 0
    for instansi_id in Instansi.objects.filter(archived_at__isnull=True).values_list("id", flat=True):
        count += satyalancana_refresh(actor=None, interface=Interface.SYSTEM, instansi_id=instansi_id,
                                      on=on)["candidates"]
    return count
