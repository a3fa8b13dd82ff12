"""Browser (issue 12, "axe-core reports 0 serious violations on the main pages of every role"):
on a seeded demo, every demo role signs in, opens its dashboard, its main lists and one detail
page, and axe-core (node_modules/axe-core, installed by `npm ci`) finds no violation of impact
"serious" or "critical" on any of them."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import reverse

from simasn.site.demo_support import DEMO_APPLICANT_NIK, DEMO_PASSWORD
from simasn.testing.browser import close_settled, login

pytestmark = [pytest.mark.long, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(django_settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"

#: Each demo login with its main lists (url names); the dashboard comes first and the first
#: record linked from the last list is opened as the detail page (at most four pages a role).
ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("operator.bandung", ("personnel:list", "actions:list")),
    ("pyb.bandung", ("actions:worklist", "actions:list")),
    ("ppk.bandung", ("actions:projection", "actions:list")),
    ("pegawai.bandung", ("performance:home", "personnel:me")),
    ("atasan.bandung", ("performance:home", "personnel:me")),
    ("bkn", ("procurement:periods", "personnel:list")),
    ("menpan", ("actions:projection", "workplans:cycle_list")),
    ("lan", ("learning:list", "organization:instansi_list")),
    ("kasn", ("actions:projection", "organization:instansi_list")),
    ("presiden", ("actions:list",)),
    ("bpasn", ("disputes:list",)),
    ("panitia.bandung", ("procurement:verification",)),
    ("perencana.bkn", ("workplans:coordination_list", "workplans:cycle_list")),
    ("sekretariat.bkn", ("workplans:coordination_list", "workplans:cycle_list")),
    (DEMO_APPLICANT_NIK, ("procurement:portal",)),
)

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(" "))}));
}"""


def _audit(page: Any, path: str) -> list[str]:
    page.goto(path)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    return [f"{path}: {v['impact']} {v['id']} ({v['help']}) at {', '.join(v['targets'])}"
            for v in page.evaluate(RUN_AXE)]


def test_no_serious_accessibility_violation_on_the_main_pages_of_every_role(live_server, browser, settings, tmp_path):
    assert AXE.exists(), "axe-core is missing: run `npm ci` (make install)"
    settings.MEDIA_ROOT = tmp_path / "media"
    # The seed signs PDFs with pyHanko (asyncio.run), which cannot run inside Playwright's
    # event loop: it runs in its own thread, on the same test database.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(call_command, "seed_demo", stdout=StringIO()).result()
    found: dict[str, list[str]] = {}
    for username, lists in ROLES:
        # One context per role; the injected axe script must not be blocked by the site's CSP.
        context = browser.new_context(locale="id-ID", bypass_csp=True)
        context.set_default_timeout(15000)
        page = context.new_page()
        login(page, live_server, username, DEMO_PASSWORD)
        assert "/akun/masuk/" not in page.url, f"{username} could not sign in"
        problems = _audit(page, f"{live_server.url}/")
        for name in lists:
            problems += _audit(page, live_server.url + reverse(name))
        detail = page.locator("main table tbody a[href^='/']").first
        if detail.count():
            problems += _audit(page, live_server.url + detail.get_attribute("href"))
        close_settled(context)
        if problems:
            found[username] = problems
    assert not found, "axe-core found serious/critical violations:\n" + "\n".join(
        f"{user}:\n  " + "\n  ".join(items) for user, items in found.items())
