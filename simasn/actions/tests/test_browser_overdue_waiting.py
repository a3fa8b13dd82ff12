"""Browser (issue 12 items 1, 10, 11): the operator's dashboard and menu say, first and in red, who is
past the TMT pensiun; the worklist lists them first; the receiving PPK is told a transfer waits
for its acceptance and the action page shows who must take each step before "Tetapkan"."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from simasn.accounts.roles import Role
from simasn.actions import services
from simasn.actions.models import ActionType
from simasn.core.interfaces import Interface
from simasn.testing.browser import login
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    OfficialFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _months_back(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def test_overdue_first_in_red_and_the_transfer_waits_for_the_receiving_ppk(live_server, page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    today = timezone.localdate()
    bandung = InstansiFactory(name="Pemerintah Kota Cimahi", kind="KOTA")
    bogor = InstansiFactory(name="Pemerintah Kabupaten Garut", kind="KABUPATEN")
    unit = UnitFactory(instansi=bandung, name="Bagian Umum")
    bogor_unit = UnitFactory(instansi=bogor, name="Bagian Organisasi")
    pelaksana = PositionFactory(unit=unit, kind="PELAKSANA", name="Pengadministrasi Umum")
    target = PositionFactory(unit=bogor_unit, kind="PELAKSANA", name="Pengolah Data", seats=2)
    OfficialFactory(instansi=bandung, role="PPK", person_name="Ngatiyana", title="Wali Kota Cimahi")
    OfficialFactory(instansi=bogor, role="PPK", person_name="Abdusy Syakur Amin", title="Bupati Garut")
    EmployeeFactory(instansi=bandung, unit=unit, position=pelaksana, name="Wardaya Sinaga",
                           birth_date=_months_back(today, 12 * 58 + 2).replace(day=12))
    mover = EmployeeFactory(instansi=bandung, unit=unit, position=pelaksana, name="Rina Mutasi",
                            birth_date=dt.date(1985, 4, 4))
    operator = user_with_role(Role.OPERATOR, instansi=bandung)
    pyb = user_with_role(Role.PYB, instansi=bandung)
    receiving = user_with_role(Role.PPK, instansi=bogor)
    transfer = services.action_draft(actor=operator, interface=Interface.WEB, action_type=ActionType.TRANSFER,
                                     employee_id=mover.pk, position_id=target.pk,
                                     tmt=today + dt.timedelta(days=60))
    services.action_propose(actor=pyb, interface=Interface.WEB, action_id=transfer.pk)

    login(page, live_server, operator.username)
    # The menu carries the count of what waits under it (issue 12 item 11), filled after load.
    expect(page.locator("#nav-count-actions-list")).to_contain_text("1")
    first = page.locator(".waiting li").first
    assert "melewati batas usia pensiun" in first.inner_text()
    assert first.get_attribute("class") == "urgent"
    color = first.locator("a").evaluate("a => getComputedStyle(a).color")
    assert color == "rgb(183, 28, 28)"
    first.locator("a").click()
    page.wait_for_url("**/tindakan/daftar-kerja/")
    headings = page.locator("main h2").all_inner_texts()
    assert headings[0].startswith("Melewati batas usia pensiun")
    assert "Wardaya Sinaga" in page.locator("[data-testid=overdue]").inner_text()
    page.screenshot(path=str(tmp_path / "worklist.png"), full_page=True)
    page.get_by_role("button", name="Keluar", exact=True).click()

    login(page, live_server, receiving.username)
    item = page.locator(".waiting li", has_text="menunggu penerimaan instansi Anda")
    assert item.locator("strong").inner_text() == "1"
    item.locator("a").click()
    page.get_by_role("link", name="Pemindahan (mutasi)").click()
    steps = page.locator("[data-testid=progress]")
    current = steps.locator("li[aria-current=step]")
    assert "Penerimaan instansi tujuan" in current.inner_text()
    assert "Abdusy Syakur Amin" in current.inner_text()
    assert page.get_by_role("button", name="Terima (instansi tujuan)").is_visible()
    assert page.get_by_role("button", name="Tetapkan", exact=True).count() == 0
