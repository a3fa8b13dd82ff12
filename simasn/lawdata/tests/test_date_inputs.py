"""Issue 12 items 14 and 15: /hukum/ keeps its default date in the date input (it was
rendered 01-12-2026, which a type=date input reads as empty, so the first submit failed),
and the Indonesian parameter pages show no English descriptions."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import timezone

from simasn.accounts.roles import Role
from simasn.testing.factories import user_with_role

pytestmark = pytest.mark.django_db


def _client() -> Client:
    client = Client()
    client.force_login(user_with_role(Role.ADMIN))
    return client


def test_the_decision_date_input_is_prefilled_in_iso_form() -> None:
    page = _client().get("/hukum/?rule=retirement").content.decode()
    found = re.search(r'<input type="date" name="on" value="([^"]*)"', page)
    assert found is not None, page[:2000]
    assert found.group(1) == timezone.localdate().isoformat()


def test_the_parameter_list_in_indonesian_shows_no_english_description() -> None:
    page = _client().get("/hukum/parameter/").content.decode()
    assert "Retirement age" not in page and "Layout of the 18-digit NIP" not in page
