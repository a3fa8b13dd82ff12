"""The database as an override source of the law package's parameter loader.

The loader asks for overrides on every look-up (a bulk import asks several times per
row), so each process keeps the rows in memory, tagged with the version of
`law-overrides` in the shared cache (simasn.core.shared_cache). Adding a version bumps
it (at once and on commit). A process compares its tag with the shared version at the
start of every request and task and at most `RECHECK_SECONDS` apart in between, so
the next request in *every* process decides under the new law; a long task (an import)
sees it within a second.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from simasn.core.shared_cache import bump_version, current_version
from simasn.lawdata.models import ParameterOverride

VERSION = "law-overrides"
RECHECK_SECONDS = 1.0

_lock = threading.Lock()
_entries: list[dict[str, Any]] | None = None
_version: str | None = None
_checked = threading.local()


def mark_stale(**_kwargs: Any) -> None:
    """Receiver of request_started / task_started: compare with the shared version."""
    _checked.at = None


def invalidate() -> None:
    """After a write: reload here now, and make every process reload (now and on commit)."""
    global _entries
    with _lock:
        _entries = None
    bump_version(VERSION)


def _needs_check() -> bool:
    at = getattr(_checked, "at", None)
    return at is None or time.monotonic() - at >= RECHECK_SECONDS


def database_overrides() -> list[dict[str, Any]]:
    """Every administrator version, oldest first (the loader lets the latest win)."""
    global _entries, _version
    entries, version = _entries, _version
    if entries is not None and not _needs_check():
        return entries
    shared = current_version(VERSION)
    _checked.at = time.monotonic()
    if entries is not None and version == shared:
        return entries
    fresh = [row.to_entry() for row in ParameterOverride.objects.order_by("id")]
    with _lock:
        _entries, _version = fresh, shared
    return fresh
