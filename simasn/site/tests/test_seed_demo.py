"""`make demo` seeds the demo data: every app's demo step runs, and running it twice adds nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from simasn.accounts.models import User
from simasn.actions.models import PersonnelAction, RetirementSummaryRefresh
from simasn.personnel.models import Employee

pytestmark = pytest.mark.django_db


def test_the_demo_seed_gives_working_logins_and_data_and_is_idempotent(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo", stdout=StringIO())
    assert User.objects.get(username="operator.bandung").check_password("simasn-demo-2026")
    counts = (User.objects.count(), Employee.objects.count(), PersonnelAction.objects.count())
    assert counts[1] > 100 and counts[2] > 0
    refresh = RetirementSummaryRefresh.objects.get()
    assert refresh.employees > 0  # the national projection page has its summary from the start
    call_command("seed_demo", stdout=StringIO())
    assert (User.objects.count(), Employee.objects.count(), PersonnelAction.objects.count()) == counts
    assert RetirementSummaryRefresh.objects.count() == 1
