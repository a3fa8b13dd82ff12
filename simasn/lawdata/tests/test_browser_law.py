"""Browser flow in headless Chromium: a new officer opens the law page from the menu,
tries a dismissal case and reads which article decides it."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from simasn.accounts.roles import Role
from simasn.testing.browser import login
from simasn.testing.factories import user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_tries_a_dismissal_case_and_reads_the_article(live_server, page) -> None:
    officer = user_with_role(Role.PYB)
    login(page, live_server, officer.username)

    page.get_by_role("link", name="Aturan hukum").click()
    expect(page.get_by_role("heading", name="Coba aturan hukum")).to_be_visible()

    # Choosing the rule reloads the form with that rule's facts.
    page.get_by_label("Aturan", exact=True).select_option("dismissal")
    expect(page.get_by_role("heading", name="Pemberhentian", exact=True)).to_be_visible()

    page.get_by_label("Tanggal keputusan").fill("2025-01-01")
    page.get_by_label("Jenis pegawai").select_option("PNS")
    page.get_by_label("Putusan pengadilan berkekuatan hukum tetap").select_option("true")
    page.get_by_label("Jenis pidana").select_option("PENJARA")
    page.get_by_label("Lama pidana (bulan)").fill("30")
    page.get_by_label("Tindak pidana berhubungan dengan jabatan").select_option("true")
    page.get_by_role("button", name="Putuskan").click()

    result = page.locator("#hasil")
    expect(result.get_by_role("heading", name="Keputusan")).to_be_visible()
    text = result.inner_text()
    assert "UU 20/2023 Pasal 52 ayat (3) huruf i" in text
    assert "UU 20/2023 Pasal 52 ayat (4)" in text
    assert "tidak dengan hormat" in text
    if os.environ.get("SIMASN_SCREENSHOTS"):
        page.screenshot(
            path=os.path.join(os.environ["SIMASN_SCREENSHOTS"], "law-try.png"), full_page=True
        )


def test_officer_reads_a_parameter_history(live_server, page) -> None:
    officer = user_with_role(Role.OPERATOR)
    login(page, live_server, officer.username)
    page.goto(f"{live_server.url}/hukum/")
    page.get_by_role("link", name="Lihat parameter hukum").click()
    expect(page.get_by_role("heading", name="Parameter hukum")).to_be_visible()
    page.get_by_role("link", name="Batas usia pensiun menurut jenis jabatan").click()
    expect(
        page.get_by_role("heading", name="Batas usia pensiun menurut jenis jabatan")
    ).to_be_visible()
    text = page.content()
    assert "UU 5/2014 Pasal 90" in text and "UU 20/2023 Pasal 55" in text
    if os.environ.get("SIMASN_SCREENSHOTS"):
        page.screenshot(
            path=os.path.join(os.environ["SIMASN_SCREENSHOTS"], "law-parameter.png"), full_page=True
        )
        page.goto(f"{live_server.url}/hukum/parameter/")
        page.screenshot(
            path=os.path.join(os.environ["SIMASN_SCREENSHOTS"], "law-parameters.png"),
            full_page=False,
        )
