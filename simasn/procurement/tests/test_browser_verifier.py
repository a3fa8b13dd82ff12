"""Browser flow (issue 14, Tests that must exist): the instansi's verifier works through the
incoming applications — a TMS without a reason is refused on the page, with the reason it is
saved, the application leaves the to-do list, and the applicant sees the verdict."""

from __future__ import annotations

import pytest

from simasn.core.interfaces import Interface
from simasn.procurement.models import Application, Stage
from simasn.procurement.services import portal, registration
from simasn.procurement.tests.conftest import PDF
from simasn.testing.browser import login, shows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _submit(world, register, nik: str, name: str) -> Application:
    user = register(nik=nik, name=name).user
    registration.draft_save(actor=user, interface=Interface.WEB, period_id=world.period.pk,
                            vacancy_id=world.vacancy.pk, data={"education_level": "S1", "ipk": "3.10"})
    for doc in ("KTP", "IJAZAH"):
        registration.document_upload(actor=user, interface=Interface.WEB, period_id=world.period.pk, doc_type=doc,
                                     content=PDF + f"{doc}{nik}".encode())
    application, _created = registration.application_submit(actor=user, interface=Interface.WEB,
                                                             period_id=world.period.pk, idempotency_key=f"b-{nik}")
    return application


def test_a_verifier_works_through_applications(live_server, page, world, register, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    first = _submit(world, register, "3273011203990002", "Budi Santoso")
    second = _submit(world, register, "3273015705800001", "Siti Aminah")
    portal.period_advance(actor=world.bkn, interface=Interface.WEB, period_id=world.period.pk,
                          to_stage=Stage.VERIFICATION)

    login(page, live_server, world.panitia.username)
    page.goto(f"{live_server.url}/pengadaan/verifikasi/?status=todo")
    shows(page, first.receipt_number, second.receipt_number)

    page.goto(f"{live_server.url}/pengadaan/verifikasi/{first.pk}/")
    page.locator("input[name=verdict_KTP][value=MS]").check()
    page.locator("input[name=verdict_IJAZAH][value=TMS]").check()
    page.get_by_role("button", name="Simpan hasil verifikasi").click()
    page.wait_for_load_state("networkidle")
    shows(page, "TMS perlu alasan")
    first.refresh_from_db()
    assert first.admin_verdict == ""
    page.locator("input[name=reason_IJAZAH]").fill("Ijazah belum dilegalisasi")
    page.get_by_role("button", name="Simpan hasil verifikasi").click()
    page.wait_for_load_state("networkidle")
    first.refresh_from_db()
    assert first.admin_verdict == "TMS"

    page.goto(f"{live_server.url}/pengadaan/verifikasi/?status=todo")
    assert first.receipt_number not in page.content() and second.receipt_number in page.content()
    page.goto(f"{live_server.url}/pengadaan/verifikasi/{second.pk}/")
    page.locator("input[name=verdict_KTP][value=MS]").check()
    page.locator("input[name=verdict_IJAZAH][value=MS]").check()
    page.get_by_role("button", name="Simpan hasil verifikasi").click()
    page.wait_for_load_state("networkidle")
    second.refresh_from_db()
    assert second.admin_verdict == "MS"
