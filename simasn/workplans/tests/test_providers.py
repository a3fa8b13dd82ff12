"""The programmes of an instansi's plan, as the performance chapter reads them (issue 15
item 2: the organisation's goals of the SKP come from the instansi's plan)."""

from __future__ import annotations

from typing import Any

from simasn.core.providers import provide
from simasn.testing.factories import InstansiFactory
from simasn.workplans.models import Draft, DraftProgram
from simasn.workplans.tests.conftest import fill_draft


def test_the_programmes_of_the_instansi_plan_for_the_year(users: Any, draft: Any) -> None:
    bkn = InstansiFactory(name="Badan Kepegawaian Negara", kind="LPNK")
    draft.institution.instansi = bkn
    draft.institution.save()
    fill_draft(users.planner["BKN"], draft)
    found = provide("workplans.programmes_of_instansi", instansi_id=bkn.pk, year=2027, default=None)
    assert [p["code"] for p in found] == ["PR1", "PR9"]
    assert found[0]["key"].startswith("workplans.program:") and found[0]["cycle"] == "Renja 2027"
    assert [a["code"] for a in found[0]["activities"]] == ["B1", "B2"]
    # Another year, or an instansi without a plan: nothing (not an error).
    assert provide("workplans.programmes_of_instansi", instansi_id=bkn.pk, year=2026) == []
    assert provide("workplans.programmes_of_instansi", instansi_id=InstansiFactory().pk, year=2027) == []


def test_the_aligned_draft_stands_for_the_cycle_once_it_exists(users: Any, draft: Any) -> None:
    bkn = InstansiFactory(name="Badan Kepegawaian Negara", kind="LPNK")
    draft.institution.instansi = bkn
    draft.institution.save()
    fill_draft(users.planner["BKN"], draft)
    # Set-up of the meeting's outcome (meeting_close builds it in production).
    aligned = Draft.objects.create(cycle=draft.cycle, institution=draft.institution, kind=Draft.Kind.SELARAS)
    DraftProgram.objects.create(draft=aligned, code="PR1", name="Program PR1 (selaras)")
    found = provide("workplans.programmes_of_instansi", instansi_id=bkn.pk, year=2027)
    assert [(p["code"], p["name"], p["draft_kind"]) for p in found] == [("PR1", "Program PR1 (selaras)", "SELARAS")]
