"""Browser flow: an operator drafts a retirement for an administrator, the PyB proposes,
the PPK decides (after a confirmation page) and the SK PDF downloads."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.utils import timezone

from simasn.accounts.roles import Role
from simasn.actions.models import ActionDocument, PersonnelAction
from simasn.testing.browser import login, shows
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    OfficialFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logout(page, live_server) -> None:
    page.get_by_role("button", name="Keluar", exact=True).click()
    page.wait_for_load_state("networkidle")


def test_operator_pyb_ppk_take_a_retirement_to_a_downloaded_sk(live_server, page, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    instansi = InstansiFactory(name="Pemerintah Kota Cimahi", kind="KOTA")
    unit = UnitFactory(instansi=instansi, name="Bagian Umum")
    position = PositionFactory(unit=unit, kind="ADMINISTRATOR", name="Kepala Bagian Umum", open_to_pppk=False)
    OfficialFactory(instansi=instansi, role="PPK", person_name="Ngatiyana", title="Wali Kota Cimahi")
    today = timezone.localdate()
    employee = EmployeeFactory(instansi=instansi, unit=unit, position=position, name="Ujang Sutisna",
                               sex="L", birth_date=dt.date(today.year - 57, 6, 15))
    operator = user_with_role(Role.OPERATOR, instansi=instansi)
    pyb = user_with_role(Role.PYB, instansi=instansi)
    ppk = user_with_role(Role.PPK, instansi=instansi)

    login(page, live_server, operator.username)
    page.get_by_role("link", name="Tindakan", exact=True).click()
    page.get_by_role("button", name="Buat konsep", exact=True).click()
    page.get_by_label("Jenis tindakan").select_option("RETIREMENT")
    page.get_by_label("Pegawai", exact=True).select_option(str(employee.pk))
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/tindakan/*/")
    shows(page, "Konsep")
    shows(page, "UU 20/2023 Pasal 55")
    action = PersonnelAction.objects.get(employee=employee)
    _logout(page, live_server)

    login(page, live_server, pyb.username)
    page.goto(f"{live_server.url}/tindakan/{action.pk}/")
    page.get_by_role("button", name="Usulkan", exact=True).click()
    page.get_by_role("button", name="Ya, Usulkan").click()
    page.wait_for_url(f"**/tindakan/{action.pk}/")
    shows(page, "Diusulkan")
    _logout(page, live_server)

    login(page, live_server, ppk.username)
    page.goto(f"{live_server.url}/tindakan/{action.pk}/")
    page.get_by_role("button", name="Tetapkan", exact=True).click()
    shows(page, "tidak dapat dibatalkan")
    page.get_by_role("button", name="Ya, Tetapkan").click()
    page.wait_for_url(f"**/tindakan/{action.pk}/")
    document = ActionDocument.objects.get(action=action)
    assert page.locator("#sk-sha256").inner_text() == document.sha256
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh SK (PDF)", exact=True).click()
    path = info.value.path()
    data = Path(path).read_bytes()
    assert data.startswith(b"%PDF")
    assert hashlib.sha256(data).hexdigest() == document.sha256
