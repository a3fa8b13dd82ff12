"""The latest assessed competence, as the development plan reads it (issue 16 item 8)."""

from __future__ import annotations

import datetime as dt

import pytest

from simasn.core.providers import provide
from simasn.talent.models import TalentAssessment
from simasn.testing.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def test_the_latest_competence_on_a_day_and_unknown_without_one() -> None:
    employee, other = EmployeeFactory(), EmployeeFactory()
    for score, day in (("55", dt.date(2023, 5, 1)), ("70", dt.date(2024, 5, 1)), ("90", dt.date(2026, 5, 1))):
        TalentAssessment.objects.create(employee=employee, component="KOMPETENSI", score=score, assessed_on=day,
                                        source="Assessment Center BKN")
    TalentAssessment.objects.create(employee=employee, component="POTENSI", score="99",
                                    assessed_on=dt.date(2025, 1, 1), source="AC")
    found = provide("talent.latest_competence", employee_ids=[employee.pk, other.pk], on=dt.date(2025, 12, 31))
    assert found == {employee.pk: {"score": 70.0, "assessed_on": dt.date(2024, 5, 1),
                                   "source": "Assessment Center BKN", "reference": ""}}
