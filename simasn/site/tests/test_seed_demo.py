"""`make demo` seeds the demo data: every app's demo step runs, and running it twice adds nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from simasn.accounts.models import User
from simasn.actions.models import PersonnelAction, RetirementSummaryRefresh
from simasn.learning.selectors import development_team_plans
from simasn.performance.models import WorkResult
from simasn.performance.selectors import led_calibrations
from simasn.personnel.models import Employee
from simasn.talent.models import NationalPriority
from simasn.talent.selectors import succession_plans

pytestmark = pytest.mark.django_db


def test_the_demo_seed_gives_working_logins_and_data_and_is_idempotent(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo", stdout=StringIO())
    assert User.objects.get(username="operator.bandung").check_password("simasn-demo-2026")
    counts = (User.objects.count(), Employee.objects.count(), PersonnelAction.objects.count())
    assert counts[1] > 100 and counts[2] > 0
    refresh = RetirementSummaryRefresh.objects.get()
    assert refresh.employees > 0  # the national projection page has its summary from the start
    # Issue 16's "done when": the PPK finds a vacant critical JPT with successors ready now (and
    # more talent in boxes 7-9 to nominate), a national priority exists, a superior reads the
    # development plans of the team they appraise.
    plans = succession_plans(viewer=User.objects.get(username="ppk.bandung"))
    vacant = [p for p in plans if p.vacant and p.critical.position.kind.startswith("JPT")]
    assert vacant and vacant[0].ready_now >= 2
    assert NationalPriority.objects.exists()
    assert development_team_plans(viewer=User.objects.get(username="atasan.bandung")).exists()
    # Performance (issue 15): an instansi with a period and a work plan takes an SKP goal from
    # one of its programmes; the demo superior leads a unit whose calibration waits for them.
    assert WorkResult.objects.filter(plan__period__instansi__code="BKN").exclude(organisation_programme="").exists()
    atasan = User.objects.get(username="atasan.bandung")
    assert [c["year"] for c in led_calibrations(viewer=atasan)] == [2026]
    call_command("seed_demo", stdout=StringIO())
    assert (User.objects.count(), Employee.objects.count(), PersonnelAction.objects.count()) == counts
    assert RetirementSummaryRefresh.objects.count() == 1
