"""The API token cache (simasn/accounts/tokens.py): token -> user in the shared cache,
never past a revocation, a deactivation or a change of role (the two-process test is
simasn/lawdata/tests/test_shared_cache_processes.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from simasn.accounts import tokens
from simasn.accounts.models import ApiToken, User
from simasn.accounts.roles import Role
from simasn.accounts.services import api_token_create
from simasn.core.interfaces import Interface
from simasn.testing.factories import EmployeeFactory, user_with_role

pytestmark = pytest.mark.django_db

LIST = "/api/v1/employees/"


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    tokens.clear()
    yield
    tokens.clear()


def _token(role: Role = Role.BKN) -> tuple[ApiToken, str]:
    EmployeeFactory()
    user = user_with_role(role)
    return api_token_create(actor=user, interface=Interface.WEB, name="SIASN")


def _get(raw: str, path: str = LIST) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        status = Client().get(path, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code
    return status, [q["sql"] for q in queries.captured_queries]


def _token_queries(sqls: list[str]) -> list[str]:
    return [s for s in sqls if "accounts_apitoken" in s]


def test_a_valid_token_is_looked_up_once_and_its_use_written_once() -> None:
    _token_obj, raw = _token()
    first_status, first = _get(raw)
    assert first_status == 200
    assert len(_token_queries(first)) == 2  # the look-up and the last-use write
    for _ in range(3):
        status, sqls = _get(raw)
        assert status == 200
        assert _token_queries(sqls) == []  # cached, and the last use is not rewritten


def test_revoking_a_token_refuses_it_at_once_though_it_is_cached() -> None:
    token, raw = _token()
    assert _get(raw)[0] == 200
    assert _token_queries(_get(raw)[1]) == []  # the cache is warm
    token.revoked_at = timezone.now()
    token.save()  # what the admin does
    assert _get(raw)[0] == 401
    assert _get(raw)[0] == 401  # a refused token is never cached


def test_deleting_a_token_refuses_it_at_once() -> None:
    token, raw = _token()
    assert _get(raw)[0] == 200
    token.delete()
    assert _get(raw)[0] == 401


def test_deactivating_the_user_refuses_the_token_at_once() -> None:
    token, raw = _token()
    assert _get(raw)[0] == 200
    user = User.objects.get(pk=token.user_id)
    user.is_active = False
    user.save()
    assert _get(raw)[0] == 401


def test_a_new_role_applies_at_once() -> None:
    token, raw = _token(Role.BKN)
    assert _get(raw)[0] == 200
    user = User.objects.get(pk=token.user_id)
    user.role = Role.KEMENPANRB  # registry and aggregates only, no personal data
    user.save()
    assert _get(raw)[0] == 403


def test_a_change_without_signals_applies_once_the_cache_is_told() -> None:
    """A bulk .update() sends no signal: the code making it calls tokens.forget(), which
    bumps the shared version, so every process looks the token up again."""
    token, raw = _token()
    assert _get(raw)[0] == 200
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
    assert _get(raw)[0] == 200  # the cached entry still stands
    tokens.forget()
    assert _get(raw)[0] == 401


def test_an_entry_stored_from_data_older_than_a_change_is_never_used() -> None:
    """A reader that looked the token up before a revocation committed stores its entry
    tagged with the version it read first; the commit's bump makes that entry dead."""
    from django.core.cache import cache

    from simasn.accounts.models import _hash_token
    from simasn.core.shared_cache import current_version

    token, raw = _token()
    stale_version = current_version(tokens.VERSION)
    token.revoked_at = timezone.now()
    token.save()  # bumps the version
    valid = ApiToken.objects.get(pk=token.pk)
    valid.revoked_at = None  # what the slow reader saw before the commit
    cache.set(tokens.PREFIX + _hash_token(raw), (stale_version, valid))
    assert _get(raw)[0] == 401


@override_settings(SIMASN_API_TOKEN_CACHE_SECONDS=0)
def test_the_cache_can_be_turned_off() -> None:
    token, raw = _token()
    assert _get(raw)[0] == 200
    status, sqls = _get(raw)
    assert status == 200 and len(_token_queries(sqls)) == 1
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
    assert _get(raw)[0] == 401


def test_each_request_gets_its_own_user_object() -> None:
    _token_obj, raw = _token()
    first, second = tokens.authenticate(raw), tokens.authenticate(raw)
    assert first is not None and second is not None
    assert first is not second and first.pk == second.pk
    first.role = Role.ADMIN  # something one request does to request.user
    assert second.role == Role.BKN
    third = tokens.authenticate(raw)
    assert third is not None and third.role == Role.BKN


def test_wrong_tokens_are_not_cached() -> None:
    from django.core.cache import cache

    from simasn.accounts.models import _hash_token

    assert tokens.authenticate("sim_wrong") is None
    assert cache.get(tokens.PREFIX + _hash_token("sim_wrong")) is None
