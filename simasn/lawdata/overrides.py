"""The database as an override source of the law package's parameter loader.

The loader asks for overrides on every look-up, so the rows are cached per process:
a write in this process refreshes the cache at once; other processes see it within
`CACHE_SECONDS`.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from simasn.lawdata.models import ParameterOverride

CACHE_SECONDS = 30.0

_lock = threading.Lock()
_cache: tuple[float, list[dict[str, Any]]] | None = None


def invalidate() -> None:
    global _cache
    with _lock:
        _cache = None


def database_overrides() -> list[dict[str, Any]]:
    """Every administrator version, oldest first (the loader lets the latest win)."""
    global _cache
    now = time.monotonic()
    cached = _cache
    if cached is not None and now - cached[0] < CACHE_SECONDS:
        return cached[1]
    entries = [row.to_entry() for row in ParameterOverride.objects.order_by("id")]
    with _lock:
        _cache = (now, entries)
    return entries
