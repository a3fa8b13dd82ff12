"""API token authentication with a short in-process cache of token hash -> (token, user).

Every API call authenticates its bearer token. Without a cache that is one query per call
(ApiToken joined with User), about a third of the work of a one-row read
(bench/api.py, issue 6). The cache keeps a *valid* token's row and its user's row for
`SIMASN_API_TOKEN_CACHE_SECONDS` (default 5; 0 turns the cache off):

- Only successful look-ups are cached (a wrong token always asks the database), keyed by
  the token's SHA-256 hash, never the raw key; the cache is bounded.
- Revoking or deleting a token, and saving or deleting its user (deactivation, a new role
  or instansi), drops the entries at once in the process that made the change and again
  when its transaction commits (signals in `simasn.accounts.signals`). Other processes
  (other gunicorn workers) see the change when their entry expires, i.e. within
  `SIMASN_API_TOKEN_CACHE_SECONDS` seconds — that is the bound on how long a revoked
  token can still be used.
- Each request gets its own copy of the user object, so nothing one request sets on
  `request.user` leaks into another.
"""

from __future__ import annotations

import copy
import threading
import time

from django.conf import settings
from django.db import transaction

from simasn.accounts.models import ApiToken, User, _hash_token
from simasn.accounts.services import api_token_touch

#: Entries beyond this are dropped all at once (a deployment has a handful of tokens).
MAX_ENTRIES = 1024

_entries: dict[str, tuple[float, ApiToken]] = {}
_lock = threading.Lock()


def cache_seconds() -> float:
    return float(getattr(settings, "SIMASN_API_TOKEN_CACHE_SECONDS", 5))


def authenticate(raw: str) -> User | None:
    """The active user behind a valid, unrevoked token (or None); records its use."""
    token = _lookup(raw)
    if token is None:
        return None
    api_token_touch(token)
    return copy.copy(token.user)


def _lookup(raw: str) -> ApiToken | None:
    ttl = cache_seconds()
    if ttl <= 0:
        return ApiToken.lookup(raw)
    key = _hash_token(raw)
    now = time.monotonic()
    entry = _entries.get(key)
    if entry is not None and entry[0] > now:
        return entry[1]
    token = ApiToken.lookup(raw)
    with _lock:
        if token is None:
            _entries.pop(key, None)
            return None
        if len(_entries) >= MAX_ENTRIES:
            _entries.clear()
        _entries[key] = (now + ttl, token)
    return token


def _forget(*, key_hash: str | None = None, user_id: int | None = None) -> None:
    with _lock:
        for key, (_expires, token) in list(_entries.items()):
            if key == key_hash or (user_id is not None and token.user_id == user_id):
                _entries.pop(key, None)


def forget(*, key_hash: str | None = None, user_id: int | None = None) -> None:
    """Drop cached entries for a token (by hash) or for all tokens of a user: now, and
    again once the current transaction commits (so a look-up made in between cannot
    re-cache the state from before the change)."""
    _forget(key_hash=key_hash, user_id=user_id)
    transaction.on_commit(lambda: _forget(key_hash=key_hash, user_id=user_id))


def clear() -> None:
    with _lock:
        _entries.clear()
