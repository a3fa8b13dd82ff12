"""Version keys in the shared cache: "has anything of this kind changed since I looked?".

Caches that must never outlive a change in another process (API tokens, law overrides)
tag what they keep with the current version of a named key, read through Django's cache
framework (the file cache in the demo, Redis in production: docs/deploy.md). A write
bumps the version at once and again when its transaction commits, so an entry a
concurrent reader stored from the data before the commit carries the old version and is
never used again. A version is a random token, not a counter: two processes bumping at
once still both leave a value nobody has tagged an entry with.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import transaction

PREFIX = "simasn:version:"


def _key(name: str) -> str:
    return PREFIX + name


def version_key(name: str) -> str:
    """The cache key holding the version of `name` (for one `get_many` with an entry)."""
    return _key(name)


def current_version(name: str, known: str | None = None) -> str:
    """The version of `name` now; `known` is a value already read with `get_many`."""
    if known is not None:
        return known
    value = cache.get(_key(name))
    if value is None:
        cache.add(_key(name), uuid.uuid4().hex, timeout=None)
        value = cache.get(_key(name))
    return str(value)


def _bump(name: str) -> None:
    cache.set(_key(name), uuid.uuid4().hex, timeout=None)


def bump_version(name: str) -> None:
    """Invalidate every entry tagged with the current version: now and on commit."""
    _bump(name)
    if transaction.get_connection().in_atomic_block:  # outside one, the write has committed
        transaction.on_commit(lambda: _bump(name))
