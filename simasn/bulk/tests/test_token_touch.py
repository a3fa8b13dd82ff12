"""A read through the API writes the token's last use at most once a minute (bench/api.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from simasn.accounts.models import ApiToken
from simasn.accounts.roles import Role
from simasn.accounts.services import api_token_touch
from simasn.testing.factories import user_with_role

pytestmark = pytest.mark.django_db


def test_recent_use_is_not_rewritten_but_an_old_one_is():
    _raw, prefix, key_hash = ApiToken.generate()
    token = ApiToken.objects.create(user=user_with_role(Role.ADMIN), name="t", prefix=prefix, key_hash=key_hash)
    api_token_touch(token)
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    token.last_used_at = first
    api_token_touch(token)
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first
    token.last_used_at = timezone.now() - dt.timedelta(minutes=5)
    api_token_touch(token)
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first
