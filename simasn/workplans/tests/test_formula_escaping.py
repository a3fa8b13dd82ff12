"""Work-plan workbooks carry no live formula, whatever a planner typed (issue 10 item 5)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from simasn.testing.spreadsheets import ATTACK, all_values, formula_cells
from simasn.workplans import analysis, analysis_export, services, xlsx
from simasn.workplans.models import Draft
from simasn.workplans.tests.conftest import W

pytestmark = pytest.mark.django_db



def test_the_template_and_the_analysis_write_formula_text_as_text(users: Any, draft: Draft) -> None:
    program = services.draft_program_add(actor=users.planner["BKN"], interface=W, draft=draft, code="PR1",
                                         name="-Program", policy_program=None)
    services.activity_add(actor=users.planner["BKN"], interface=W, program=program, data={
        "code": "B1", "name": ATTACK, "indicator": None, "output": "@laporan", "target": Decimal("1"),
        "target_unit": "dokumen", "budget": 1000, "unit_in_charge": "+Biro"})
    template = xlsx.template_bytes(draft)
    assert formula_cells(template) == []
    assert {ATTACK, "@laporan", "+Biro", "-Program"} <= set(all_values(template))
    book = analysis_export.analysis_xlsx(analysis.analyse_cycle(draft.cycle))
    assert formula_cells(book) == []
    assert ATTACK in all_values(book)  # "Tanpa program": the activity by its name
