"""Lists count exactly, except very large PostgreSQL result sets, which show an estimate."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from simasn.accounts.roles import Role
from simasn.core.pagination import EstimatingPaginator, round_estimate
from simasn.personnel.models import Employee
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role

pytestmark = pytest.mark.django_db


def test_estimates_are_rounded_to_two_significant_figures():
    assert [round_estimate(v) for v in (7, 99, 126_598, 84_399, 1_049)] == [7, 99, 130_000, 84_000, 1_000]


def test_below_the_threshold_the_count_is_exact(settings):
    settings.SIMASN_ESTIMATE_COUNT_ABOVE = 10_000
    EmployeeFactory.create_batch(3)
    paginator = EstimatingPaginator(Employee.objects.order_by("id"), 2)
    assert (paginator.count, paginator.estimated, paginator.num_pages) == (3, False, 2)


def test_zero_threshold_always_counts(settings):
    settings.SIMASN_ESTIMATE_COUNT_ABOVE = 0
    EmployeeFactory.create_batch(3)
    paginator = EstimatingPaginator(Employee.objects.order_by("id"), 2)
    assert (paginator.count, paginator.estimated) == (3, False)


def test_a_large_postgresql_result_shows_an_estimate_but_exact_rows(settings):
    if connection.vendor != "postgresql":
        paginator = EstimatingPaginator(Employee.objects.order_by("id"), 25)
        settings.SIMASN_ESTIMATE_COUNT_ABOVE = 1
        EmployeeFactory.create_batch(2)
        assert (paginator.count, paginator.estimated) == (2, False)  # SQLite has no planner estimate
        return
    settings.SIMASN_ESTIMATE_COUNT_ABOVE = 1  # any estimate at all is "large" here
    instansi = InstansiFactory()
    people = EmployeeFactory.create_batch(30, instansi=instansi)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE personnel_employee")
    client = Client()
    client.force_login(user_with_role(Role.OPERATOR, instansi=instansi))
    page = client.get("/pegawai/").content.decode()
    assert 'data-testid="estimated-count"' in page and "sekitar" in page
    assert sum(person.name in page for person in people) == 25  # the page itself is exact


@pytest.mark.postgres
def test_the_english_page_says_about(settings):
    settings.SIMASN_ESTIMATE_COUNT_ABOVE = 1
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite lists always count exactly")
    instansi = InstansiFactory()
    EmployeeFactory.create_batch(3, instansi=instansi)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE personnel_employee")
    client = Client()
    client.force_login(user_with_role(Role.OPERATOR, instansi=instansi))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/pegawai/").content.decode()
    assert "of about" in page
