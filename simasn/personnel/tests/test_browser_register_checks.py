"""Issue 12 items 2, 3 and 15 in the browser: one submission shows every problem; the edit
page shows no full NIK; the header folds on a phone; no request for a missing favicon."""

from __future__ import annotations

from typing import Any

import pytest

from simasn.accounts.roles import Role
from simasn.testing.browser import login, shows
from simasn.testing.factories import EmployeeFactory, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_operator_sees_every_problem_of_an_edit_at_once(live_server: Any, page: Any) -> None:
    employee = EmployeeFactory(name="Rina Marlina")
    operator = user_with_role(Role.OPERATOR, instansi=employee.instansi)
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    login(page, live_server, operator.username)
    page.goto(f"{live_server.url}/pegawai/{employee.pk}/ubah/")
    assert "3273015705800001" not in page.content() and page.locator("input[name=nik]").count() == 0
    page.get_by_label("TMT PNS").fill("2004-01-01")
    page.get_by_label("Telepon").fill("nomor saya")
    page.get_by_role("button", name="Simpan").click()
    shows(page, "sebelum TMT CPNS")
    text = page.locator("form.entity-form").inner_text()
    assert "sebelum TMT CPNS" in text and "Nomor telepon tidak sah" in text
    assert "Data pegawai disimpan" not in page.content()
    assert not missing, missing


def test_the_header_folds_behind_a_menu_button_on_a_phone(live_server: Any, page: Any) -> None:
    employee = EmployeeFactory()
    operator = user_with_role(Role.OPERATOR, instansi=employee.instansi)
    page.set_viewport_size({"width": 375, "height": 740})
    login(page, live_server, operator.username)
    menu = page.locator("#main-menu")
    assert not menu.is_visible()
    header_height = page.locator("header.site-header").bounding_box()["height"]
    assert header_height < 740 / 4  # it took half the screen
    page.get_by_role("button", name="Menu").click()
    assert menu.is_visible() and page.get_by_role("link", name="Pegawai", exact=True).is_visible()
