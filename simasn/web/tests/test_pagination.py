"""Lists count exactly, unless counting on PostgreSQL takes too long: then an estimate."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from simasn.accounts.roles import Role
from simasn.personnel.models import Employee
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role
from simasn.web.pagination import EstimatingPaginator, round_estimate

pytestmark = pytest.mark.django_db


def _slow(queryset):
    """A queryset whose rows take 20 ms each to produce on PostgreSQL."""
    return queryset.extra(where=["pg_sleep(0.02 + 0 * personnel_employee.id) IS NOT NULL"])


def test_estimates_are_rounded_to_two_significant_figures():
    assert [round_estimate(v) for v in (7, 99, 126_598, 84_399, 1_049)] == [7, 99, 130_000, 84_000, 1_000]


def test_a_quick_count_is_exact(settings):
    settings.SIMASN_EXACT_COUNT_TIMEOUT_MS = 250
    EmployeeFactory.create_batch(3)
    paginator = EstimatingPaginator(Employee.objects.order_by("id"), 2)
    assert (paginator.count, paginator.estimated, paginator.num_pages) == (3, False, 2)


@pytest.mark.postgres
def test_a_slow_count_shows_the_planner_estimate_and_the_page_stays_exact(settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite lists always count exactly")
    settings.SIMASN_EXACT_COUNT_TIMEOUT_MS = 50
    EmployeeFactory.create_batch(10)
    paginator = EstimatingPaginator(_slow(Employee.objects.order_by("id")), 25)
    assert paginator.estimated is False and paginator.count >= 0 and paginator.estimated is True
    with connection.cursor() as cursor:  # the short timeout did not leak into the transaction
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"
    assert len(list(paginator.page(1).object_list)) == 10


@pytest.mark.postgres
def test_the_list_page_says_about_in_both_languages(settings, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite lists always count exactly")
    from simasn.web import pagination

    monkeypatch.setattr(pagination, "count_within", lambda queryset, milliseconds: None)  # "too slow"
    instansi = InstansiFactory()
    people = EmployeeFactory.create_batch(30, instansi=instansi)
    client = Client()
    client.force_login(user_with_role(Role.OPERATOR, instansi=instansi))
    page = client.get("/pegawai/").content.decode()
    assert 'data-testid="estimated-count"' in page and "sekitar" in page
    assert sum(person.name in page for person in people) == 25  # the page itself is exact
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "of about" in client.get("/pegawai/").content.decode()


def test_sqlite_and_a_zero_timeout_always_count(settings):
    settings.SIMASN_EXACT_COUNT_TIMEOUT_MS = 0
    EmployeeFactory.create_batch(3)
    paginator = EstimatingPaginator(Employee.objects.order_by("id"), 2)
    assert (paginator.count, paginator.estimated) == (3, False)


@pytest.mark.postgres
def test_an_estimate_below_the_truth_never_hides_rows(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite lists always count exactly")
    from simasn.web import pagination

    monkeypatch.setattr(pagination, "count_within", lambda queryset, milliseconds: None)
    monkeypatch.setattr(pagination, "planner_rows", lambda queryset: 3)  # far below the 30 rows there are
    EmployeeFactory.create_batch(30)
    paginator = EstimatingPaginator(Employee.objects.order_by("id"), 25)
    first = paginator.get_page(1)
    assert len(first.object_list) == 25 and first.has_next()
    second = paginator.get_page(2)
    assert len(second.object_list) == 5 and not second.has_next()
