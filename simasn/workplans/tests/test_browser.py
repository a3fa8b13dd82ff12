"""A planner submits a draft in the browser; the coordinator opens the analysis."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from simasn.testing.browser import login, switch_user
from simasn.workplans import services
from simasn.workplans.models import Draft
from simasn.workplans.overlap import glossary, store
from simasn.workplans.tests.conftest import W, fill_draft, make_policy
from simasn.workplans.tests.test_services_cycle import new_cycle

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_planner_submits_and_coordinator_opens_analysis(users: Any, live_server: Any, page: Any) -> None:
    policy = make_policy(users.minister, 2025, 2029)
    cycle = new_cycle(users, policy, on=dt.date(2025, 9, 1), year=2027)
    services.agenda_send(actor=users.minister, interface=W, cycle=cycle, letter_number="B/1/2025",
                         letter_date=cycle.starts_on, draft_deadline=cycle.starts_on + dt.timedelta(days=14), meeting_plan="", body="Agenda")
    for draft in Draft.objects.filter(cycle=cycle).select_related("institution", "cycle"):
        fill_draft(users.planner[draft.institution.code], draft)
    bkn = Draft.objects.get(cycle=cycle, institution__code="BKN")

    page.on("dialog", lambda dialog: dialog.accept())
    login(page, live_server, "perencana.bkn")
    page.goto(f"{live_server.url}/sinkronisasi/")
    page.get_by_role("link", name=str(cycle)).click()
    page.get_by_role("link", name="BKN").click()
    # Submission without the evaluation link is refused with the article (Pasal 5 ayat (2)).
    page.get_by_role("button", name="Kirim kepada Menteri (Pasal 5 ayat (4))").click()
    assert "Pasal 5 ayat (2)" in page.locator(".flash-error").inner_text()
    page.get_by_label("Catatan atas evaluasi periode sebelumnya").fill("Evaluasi Renja 2025 (LAKIP BKN) diperhatikan.")
    page.get_by_role("button", name="Simpan tautan").click()
    page.get_by_role("button", name="Kirim kepada Menteri (Pasal 5 ayat (4))").click()
    assert "dikirim kepada Menteri" in page.locator(".flash").first.inner_text()
    bkn.refresh_from_db()
    assert bkn.status == Draft.Status.SUBMITTED

    switch_user(page, live_server, "menpan")
    # The baseline detector is trained once per process from the shipped pairs (a few seconds
    # of CPU, many more on a loaded machine): trained here, in the live server's process, so
    # that the page's first load is not what the click's timeout measures.
    store.baseline(glossary.seed())
    page.goto(f"{live_server.url}/sinkronisasi/{cycle.pk}/")
    page.get_by_role("link", name="Analisis sinkronisasi").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="Analisis sinkronisasi").is_visible()
    overlaps = page.locator("#tumpang-tindih").inner_text()
    assert "talenta" in overlaps
    assert "tidak tercakup" in page.locator("#cakupan-program").inner_text()
    assert page.locator("canvas[data-chart]").bounding_box()["height"] > 0
