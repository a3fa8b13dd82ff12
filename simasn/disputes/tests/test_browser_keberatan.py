"""Browser flow: an employee reads their discipline decision, sees how and by when to
contest it, files a keberatan; the PPK decides it within the deadline and the decision
is annulled."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from simasn.accounts.roles import Role
from simasn.core.interfaces import Interface
from simasn.discipline import legal, services
from simasn.discipline.models import DisciplineCase
from simasn.disputes.models import Dispute, DisputeState
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


def test_employee_files_a_keberatan_and_the_ppk_decides_it(live_server, page) -> None:
    instansi = InstansiFactory(name="Pemerintah Kota Cimahi", kind="KOTA")
    unit = UnitFactory(instansi=instansi, name="Bagian Umum")
    position = PositionFactory(unit=unit, kind="PELAKSANA", name="Pengadministrasi Umum")
    OfficialFactory(instansi=instansi, role="PPK", person_name="Ngatiyana", title="Wali Kota Cimahi",
                    valid_from=dt.date(2020, 1, 1))
    employee = EmployeeFactory(instansi=instansi, unit=unit, position=position, name="Ujang Sutisna")
    operator = user_with_role(Role.OPERATOR, instansi=instansi)
    ppk = user_with_role(Role.PPK, instansi=instansi)
    pegawai = user_with_role(Role.PEGAWAI, employee=employee)
    today = timezone.localdate()
    case = services.case_report(actor=operator, interface=Interface.WEB, employee_id=employee.pk,
                                breach="PASAL_4_F", reported_on=today - dt.timedelta(days=20), report="Alpa.")
    case = services.case_examine(actor=operator, interface=Interface.WEB, case=case,
                                 examined_on=today - dt.timedelta(days=15), examiner_name="Atasan",
                                 examiner_title="Kepala Bagian Umum", statement="", findings="Terbukti.",
                                 absent_days=12)
    official = legal.authority_for(case, penalty="PEMOTONGAN_TUKIN_6_BULAN", on=today).outcome["officials"]
    services.case_decide(actor=ppk, interface=Interface.WEB, case=case, penalty="PEMOTONGAN_TUKIN_6_BULAN",
                         authority_official="PPK" if "PPK" in official else official[0],
                         decider_name="Ngatiyana", decider_title="Wali Kota Cimahi",
                         decided_on=today - dt.timedelta(days=3), decision_received_on=today - dt.timedelta(days=2))

    login(page, live_server, pegawai.username)
    page.goto(f"{live_server.url}/disiplin/{case.pk}/")
    remedy = page.locator("#remedy")
    assert "keberatan" in remedy.inner_text().lower()
    assert "Batas pengajuan" in remedy.inner_text()
    page.get_by_role("button", name="Ajukan upaya administratif").click()
    page.get_by_label("Alasan keberatan/banding").fill("Ketidakhadiran karena sakit; surat dokter terlampir.")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/upaya-administratif/*/")
    assert "Diajukan" in page.locator("#dispute-state").inner_text()
    assert page.locator("#decide-due").count() == 1
    dispute = Dispute.objects.get(employee=employee)
    assert dispute.state == DisputeState.DIAJUKAN and dispute.source == f"discipline.disciplinecase:{case.pk}"
    page.get_by_role("button", name="Keluar", exact=True).click()
    page.wait_for_load_state("networkidle")

    login(page, live_server, ppk.username)
    page.goto(f"{live_server.url}/upaya-administratif/{dispute.pk}/")
    page.get_by_role("button", name="Tetapkan keputusan").click()
    page.get_by_label("Hasil").select_option("MEMBATALKAN")
    page.get_by_label("Pertimbangan").fill("Surat keterangan sakit sah; pelanggaran tidak terbukti.")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(f"**/upaya-administratif/{dispute.pk}/")
    assert "Diputus" in page.locator("#dispute-state").inner_text()
    assert "telah diubah" in page.locator("#outcome").inner_text()
    assert DisciplineCase.objects.get(pk=case.pk).penalty == ""
    # The SK in the personnel-action register carries the annulment beside it.
    sk_action_id = DisciplineCase.objects.get(pk=case.pk).sk_action_id
    page.goto(f"{live_server.url}/tindakan/{sk_action_id}/")
    assert "Dibatalkan" in page.locator("#amendments + ul").inner_text()
