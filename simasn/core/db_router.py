"""Read-replica routing (docs/adr/0006-scaling-beyond-one-server.md).

Ordinary request reads stay on the primary (read-your-writes). Selectors that are
read-only by nature — exports, national aggregates, projections — ask `read_alias()`
and go to the replica when `SIMASN_READ_REPLICA_ALIAS` names one.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings


def read_alias() -> str:
    alias = getattr(settings, "SIMASN_READ_REPLICA_ALIAS", None)
    if alias and alias in settings.DATABASES:
        return str(alias)
    return "default"


class ReplicaRouter:
    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        return None

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"
