"""Browser flow in headless Chromium: an operator finds an employee and reads the record
in Indonesian, then in English."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation
from playwright.sync_api import expect

from simasn.accounts.roles import Role
from simasn.testing.browser import login, shows
from simasn.testing.factories import EmployeeFactory, PositionFactory, UnitFactory, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_operator_searches_opens_record_and_switches_language(live_server, page) -> None:
    unit = UnitFactory(name="Bagian Kepegawaian")
    position = PositionFactory(unit=unit, kind="ADMINISTRATOR", name="Kepala Bagian Kepegawaian")
    target = EmployeeFactory(instansi=unit.instansi, unit=unit, position=position, name="Bambang Pamungkas",
                             birth_date=dt.date(1970, 3, 15))
    for i in range(30):
        EmployeeFactory(instansi=unit.instansi, name=f"Dewi Sartika {i}")
    operator = user_with_role(Role.OPERATOR, instansi=unit.instansi)

    login(page, live_server, operator.username)
    assert page.locator("html").get_attribute("lang") == "id"
    page.get_by_role("link", name="Pegawai", exact=True).click()
    shows(page, "Menampilkan 1–25 dari 31")

    page.get_by_label("Cari nama atau NIP").fill("Bambang")
    expect(page.locator("#results tbody tr")).to_have_count(1)
    assert "dari 1" in page.locator("#results").inner_text()
    page.get_by_role("link", name="Bambang Pamungkas").click()

    page.wait_for_url(f"**/pegawai/{target.pk}/")
    assert page.get_by_role("heading", name="Bambang Pamungkas").is_visible()
    assert page.get_by_role("heading", name="Data kepegawaian").is_visible()
    assert page.get_by_role("heading", name="Batas usia pensiun").is_visible()
    shows(page, "1 April 2028")  # BUP 58 for an administrator born 15 March 1970

    with translation.override("en"):
        english_heading = translation.gettext("Data kepegawaian")
        english_retirement = translation.gettext("Batas usia pensiun")
    assert english_heading != "Data kepegawaian", "the English translation is missing"

    page.get_by_label("Bahasa").select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.get_by_role("heading", name=english_heading).is_visible()
    assert page.get_by_role("heading", name=english_retirement).is_visible()
    assert "Data kepegawaian" not in page.content()
