"""Issue 12 item 6 in the browser: a budget is typed the Indonesian way ("1.500.000.000",
blocked before by <input type=number>), grouped while typing, and saved as the amount."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from simasn.testing.browser import login, shows
from simasn.workplans import services
from simasn.workplans.models import Activity, Draft
from simasn.workplans.tests.conftest import W, make_policy
from simasn.workplans.tests.test_services_cycle import new_cycle

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_planner_types_a_budget_with_indonesian_grouping(users: Any, live_server: Any, page: Any) -> None:
    cycle = new_cycle(users, make_policy(users.minister, 2025, 2029), on=dt.date(2025, 9, 1), year=2027)
    services.agenda_send(actor=users.minister, interface=W, cycle=cycle, letter_number="B/1/2025",
                         letter_date=cycle.starts_on, draft_deadline=cycle.starts_on + dt.timedelta(days=14),
                         meeting_plan="", body="Agenda")
    bkn = Draft.objects.get(cycle=cycle, institution__code="BKN")
    services.draft_program_add(actor=users.planner["BKN"], interface=W, draft=bkn, code="PR1", name="Program PR1",
                               policy_program=None)

    login(page, live_server, "perencana.bkn")
    page.goto(f"{live_server.url}/sinkronisasi/rancangan/{bkn.pk}/")
    page.get_by_text("Tambah kegiatan", exact=True).first.click()
    form = page.locator("form").filter(has=page.locator("input[name=op][value=activity]"))
    form.get_by_label("Kode kegiatan").fill("B1")
    form.get_by_label("Kegiatan", exact=True).fill("Penyusunan regulasi manajemen talenta ASN")
    form.get_by_label("Keluaran").fill("Dokumen regulasi")
    form.get_by_label("Target", exact=True).fill("12,5")
    form.get_by_label("Satuan target").fill("persen")
    budget = form.get_by_label("Anggaran (Rp)")
    budget.press_sequentially("1500000000")
    assert budget.input_value() == "1.500.000.000"  # grouped as it is typed
    form.get_by_label("Unit penanggung jawab").fill("Biro Perencanaan")
    form.get_by_role("button", name="Tambah kegiatan").click()
    page.wait_for_load_state("networkidle")
    activity = Activity.objects.get(program__draft=bkn, code="B1")
    assert activity.budget == 1_500_000_000 and str(activity.target) in ("12.5", "12.50")
    shows(page, "1.500.000.000")
