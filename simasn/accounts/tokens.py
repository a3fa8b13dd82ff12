"""API token authentication, cached in the shared cache (token hash -> token and user).

Every API call authenticates its bearer token. Without a cache that is one query per call
(ApiToken joined with User), about a third of the work of a one-row read
(bench/api.py, issue 6). Valid tokens are kept in Django's cache, which every process of
a deployment shares (docs/deploy.md "Cache"), for `SIMASN_API_TOKEN_CACHE_SECONDS`
(default 300; 0 turns the cache off):

- Only successful look-ups are cached (a wrong token always asks the database), keyed by
  the token's SHA-256 hash, never the raw key.
- Each entry is tagged with the version of `tokens` (simasn.core.shared_cache). Revoking
  or deleting a token, and saving or deleting a user (deactivation, a new role or
  instansi), bump it when the change is made and again when it commits: the next call in
  *every* process looks the token up again. A revoked token is refused at once.
- Each request gets its own copy of the user object, so nothing one request sets on
  `request.user` leaks into another.
"""

from __future__ import annotations

import copy

from django.conf import settings
from django.core.cache import cache

from simasn.accounts.models import ApiToken, User, _hash_token
from simasn.accounts.services import api_token_touch
from simasn.core.shared_cache import bump_version, current_version, version_key

VERSION = "tokens"
PREFIX = "simasn:token:"


def cache_seconds() -> float:
    return float(getattr(settings, "SIMASN_API_TOKEN_CACHE_SECONDS", 300))


def authenticate(raw: str) -> User | None:
    """The active user behind a valid, unrevoked token (or None); records its use."""
    token = _lookup(raw)
    if token is None:
        return None
    if api_token_touch(token):
        remember_use(token)
    return copy.copy(token.user)


def _lookup(raw: str) -> ApiToken | None:
    ttl = cache_seconds()
    if ttl <= 0:
        return ApiToken.lookup(raw)
    key = PREFIX + _hash_token(raw)
    found = cache.get_many([key, version_key(VERSION)])
    version = current_version(VERSION, found.get(version_key(VERSION)))
    entry = found.get(key)
    if entry is not None and entry[0] == version:
        return entry[1]
    token = ApiToken.lookup(raw)
    if token is not None:
        # Tagged with the version read *before* the database: a change committed in
        # between has bumped it, so this entry is never used.
        cache.set(key, (version, token), timeout=ttl)
    return token


def remember_use(token: ApiToken) -> None:
    """Keep the cached copy's `last_used_at` (so the use is written once a minute)."""
    ttl = cache_seconds()
    if ttl > 0:
        key = PREFIX + token.key_hash
        entry = cache.get(key)
        if entry is not None and entry[1].pk == token.pk:
            cache.set(key, (entry[0], token), timeout=ttl)


def forget() -> None:
    """Every cached token is looked up again, in every process (now and on commit)."""
    bump_version(VERSION)


def clear() -> None:
    """Drop everything (tests)."""
    bump_version(VERSION)
