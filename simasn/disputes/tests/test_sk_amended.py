"""Issue 17 items 2-3: a discipline decision is an SK of the personnel-action register (PDF in
the Tata Naskah Dinas form, stored once with its verification code), and a keberatan outcome
amends that SK there end to end — the register, the SK page and the discipline record follow."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from pypdf import PdfReader

from simasn.actions.documents import document_bytes
from simasn.actions.models import (
    ActionAmendment,
    ActionDocument,
    ActionState,
    ActionType,
    PersonnelAction,
)
from simasn.core.errors import ApplicationError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.core.providers import provide
from simasn.discipline import legal as discipline_legal
from simasn.discipline import services as discipline_services
from simasn.discipline.tests.conftest import DECIDED, EXAMINED, RECEIVED, REPORTED
from simasn.disputes import services
from simasn.disputes.models import DisputeState

WEB = Interface.WEB
PENALTY = "PEMOTONGAN_TUKIN_6_BULAN"

ARTEFACTS = Path(__file__).resolve().parents[3] / "var" / "test-artefacts" / "decrees"


def _decided(world, employee=None):
    employee = employee or world.employee
    case = discipline_services.case_report(actor=world.operator, interface=WEB, employee_id=employee.pk,
                                           breach="PASAL_4_F", reported_on=REPORTED, report="Alpa 12 hari.")
    case = discipline_services.case_examine(actor=world.operator, interface=WEB, case=case, examined_on=EXAMINED,
                                            examiner_name="A", examiner_title="B", statement="", findings="C",
                                            absent_days=12)
    officials = discipline_legal.authority_for(case, penalty=PENALTY, on=DECIDED).outcome["officials"]
    return discipline_services.case_decide(
        actor=world.ppk, interface=WEB, case=case, penalty=PENALTY,
        authority_official="PPK" if "PPK" in officials else officials[0], decider_name="Muhammad Farhan",
        decider_title="Wali Kota Uji", decided_on=DECIDED, decision_received_on=RECEIVED)


def _pdf_text(action: PersonnelAction) -> str:
    doc = ActionDocument.objects.get(action=action, kind="SK")
    return " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(io.BytesIO(document_bytes(doc))).pages)


def test_a_discipline_decision_is_an_sk_of_the_register_with_its_decree_text(world):
    case = _decided(world)
    assert case.sk_action_id is not None
    action = PersonnelAction.objects.get(pk=case.sk_action_id)
    assert action.action_type == ActionType.DISCIPLINE_PENALTY and action.state == ActionState.EFFECTIVE
    assert action.sk_number == case.decision_number and action.sk_date == DECIDED
    assert action.employee_id == world.employee.pk and action.decider_name == "Muhammad Farhan"
    from simasn.actions.selectors import open_action_types
    assert open_action_types([world.employee.pk]) == {}  # in force, never an open action
    document = ActionDocument.objects.get(action=action, kind="SK")
    assert document.verification_code
    text = _pdf_text(action)
    assert f"NOMOR {case.decision_number}" in text
    assert "TENTANG PENJATUHAN HUKUMAN DISIPLIN TINGKAT SEDANG BERUPA" in text
    assert "DENGAN RAHMAT TUHAN YANG MAHA ESA" in text
    assert "bahwa berdasarkan hasil pemeriksaan sebagaimana dituangkan dalam berita acara pemeriksaan" in text
    assert "KESATU : Menjatuhkan hukuman disiplin tingkat sedang berupa" in text
    assert "ASEP SUNANDAR" in text.upper() and world.employee.nip in text
    assert "KEDUA : Hukuman disiplin sebagaimana dimaksud dalam Diktum KESATU berlaku pada hari ke-15" in text
    assert "KETIGA : Terhadap keputusan ini yang bersangkutan dapat mengajukan" in text
    # The limit as the law words it; no date computed before the employee has received the SK and
    # no "other reading" (a lawyer would send that back): the readings are on the case page.
    assert "tafsiran lain" not in text and "paling lambat tanggal" not in text
    assert ("dalam jangka waktu paling lama" in text
            or "dalam tenggang waktu sesuai dengan ketentuan peraturan perundang" in text)  # "-undangan" may wrap
    assert "KEEMPAT : Apabila di kemudian hari terdapat kekeliruan" in text
    assert "Peraturan Pemerintah Nomor 94 Tahun 2021" in text  # Mengingat
    assert f"(kode {document.verification_code})" in text
    # For a person to look at, like the other decrees (var/test-artefacts/decrees/).
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    (ARTEFACTS / "discipline-kota.pdf").write_bytes(document_bytes(document))
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(ARTEFACTS / "discipline-kota.pdf"),
                    str(ARTEFACTS / "discipline-kota")], check=True)
    # The register lists it; the operator cannot draft one there.
    client = Client()
    client.force_login(world.ppk)
    page = client.get(f"/tindakan/{action.pk}/").content.decode()
    assert case.decision_number in page and "Upaya administratif atas SK ini" in page
    from simasn.actions import services as action_services
    with pytest.raises(ApplicationError):
        action_services.action_draft(actor=world.operator, interface=WEB,
                                     action_type=ActionType.DISCIPLINE_PENALTY, employee_id=world.employee.pk)


def test_a_dispute_outcome_amending_an_sk_end_to_end(world):
    """The employee files a keberatan against the SK, the PPK lightens the penalty: the SK in
    the register carries the amendment (never rewritten), the discipline record follows."""
    case = _decided(world)
    action = PersonnelAction.objects.get(pk=case.sk_action_id)
    sha_before = ActionDocument.objects.get(action=action).sha256
    dispute = services.dispute_file(
        actor=world.pegawai, interface=WEB, employee_id=world.employee.pk, decision_kind="HUKUMAN_DISIPLIN",
        decision_number=case.decision_number, decision_date=DECIDED, decision_received_date=RECEIVED,
        penalty=PENALTY, grounds="Ketidakhadiran karena sakit.", filed_on=dt.date(2026, 10, 20),
        source=f"discipline.disciplinecase:{case.pk}")
    assert dispute.state == DisputeState.DIAJUKAN
    services.dispute_decide(actor=world.ppk, interface=WEB, dispute=dispute, outcome="MEMPERINGAN",
                            new_penalty="TEGURAN_TERTULIS", reason="Sebagian terbukti sakit.",
                            decided_on=dt.date(2026, 11, 2))
    amendment = ActionAmendment.objects.get(action=action)
    assert amendment.outcome == "MEMPERINGAN" and amendment.decided_on == dt.date(2026, 11, 2)
    assert "menjadi" in amendment.summary
    assert ActionDocument.objects.get(action=action).sha256 == sha_before  # the SK is never rewritten
    record = provide("discipline.record", employee_ids=[world.employee.pk], on=dt.date(2026, 12, 1))
    assert [p["level"] for p in record[world.employee.pk]["penalties"]] == ["ringan"]
    client = Client()
    client.force_login(world.pegawai)
    page = client.get(f"/tindakan/{action.pk}/").content.decode()
    assert "Perubahan oleh upaya administratif" in page and "Diperingan" in page


def test_a_keberatan_against_an_sk_of_the_register_is_kept_beside_it_and_only_for_the_filer(world):
    case = _decided(world)
    other = _decided(world, employee=world.other_employee)
    with pytest.raises(ApplicationError):
        services.dispute_file(actor=world.pegawai, interface=WEB, employee_id=world.employee.pk,
                              decision_kind="LAINNYA", decision_number="X/1", decision_date=DECIDED,
                              decision_received_date=RECEIVED, grounds="x", filed_on=dt.date(2026, 10, 20),
                              source="actions.personnelaction:1; DROP")
    # The employee names another employee's SK: deciding refuses to touch it.
    wrong = services.dispute_file(
        actor=world.pegawai, interface=WEB, employee_id=world.employee.pk, decision_kind="LAINNYA",
        decision_number="X/2", decision_date=DECIDED, decision_received_date=RECEIVED, grounds="x",
        filed_on=dt.date(2026, 10, 20), source=f"actions.personnelaction:{other.sk_action_id}")
    with pytest.raises(NotFoundError):
        services.dispute_decide(actor=world.ppk, interface=WEB, dispute=wrong, outcome="MEMBATALKAN",
                                reason="x", decided_on=dt.date(2026, 11, 2))
    assert not ActionAmendment.objects.filter(action_id=other.sk_action_id).exists()
    own = services.dispute_file(
        actor=world.pegawai, interface=WEB, employee_id=world.employee.pk, decision_kind="LAINNYA",
        decision_number="X/3", decision_date=DECIDED, decision_received_date=RECEIVED, grounds="x",
        filed_on=dt.date(2026, 10, 20), source=f"actions.personnelaction:{case.sk_action_id}")
    services.dispute_decide(actor=world.ppk, interface=WEB, dispute=own, outcome="MEMBATALKAN",
                            reason="Keputusan dibatalkan.", decided_on=dt.date(2026, 11, 2))
    own.refresh_from_db()
    assert own.source_amended
    assert ActionAmendment.objects.get(action_id=case.sk_action_id).outcome == "MEMBATALKAN"


def test_the_case_page_links_to_its_sk_in_the_register(world):
    case = _decided(world)
    client = Client()
    client.force_login(world.pegawai)
    page = client.get(f"/disiplin/{case.pk}/").content.decode()
    assert f'href="/tindakan/{case.sk_action_id}/"' in page
    assert client.get(f"/tindakan/{case.sk_action_id}/").status_code == 200


def test_a_keberatan_annulling_a_dismissal_in_force_drafts_its_reactivation_shown_on_the_case(world):
    """The register follows the outcome: the reactivation is drafted, linked, and the case page
    shows it with the reason it needs legal review; decided and applied, the employee is active."""
    from simasn.actions import services as action_services

    draft = action_services.action_draft(actor=world.operator, interface=WEB, action_type=ActionType.DISMISSAL,
                                         employee_id=world.employee.pk, facts={"own_request": True},
                                         tmt=dt.date(2026, 10, 5), on=dt.date(2026, 10, 1))
    if draft.proposer:
        action_services.action_propose(actor=world.pyb, interface=WEB, action_id=draft.pk, on=dt.date(2026, 10, 1))
    dismissal = action_services.action_decide(actor=world.ppk, interface=WEB, action_id=draft.pk,
                                              on=dt.date(2026, 10, 1))
    action_services.apply_due_actions(on=dt.date(2026, 10, 5))
    world.employee.refresh_from_db()
    assert world.employee.status == "BERHENTI"
    dispute = services.dispute_file(
        actor=world.pegawai, interface=WEB, employee_id=world.employee.pk, decision_kind="LAINNYA",
        decision_number=dismissal.sk_number, decision_date=dt.date(2026, 10, 1),
        decision_received_date=dt.date(2026, 10, 2), grounds="Tidak pernah mengajukan permohonan.",
        filed_on=dt.date(2026, 10, 6), source=f"actions.personnelaction:{dismissal.pk}")
    services.dispute_decide(actor=world.ppk, interface=WEB, dispute=dispute, outcome="MEMBATALKAN",
                            reason="Permohonan berhenti tidak pernah diajukan.", decided_on=dt.date(2026, 10, 20))
    follow = ActionAmendment.objects.get(action=dismissal).follow_up
    assert follow is not None and follow.action_type == ActionType.REACTIVATION and follow.state == ActionState.DRAFT
    client = Client()
    client.force_login(world.ppk)
    page = client.get(f"/upaya-administratif/{dispute.pk}/").content.decode()
    assert f"/tindakan/{follow.pk}/" in page and "kajian hukum" in page
    if follow.proposer:
        action_services.action_propose(actor=world.pyb, interface=WEB, action_id=follow.pk, on=dt.date(2026, 10, 21))
    action_services.action_decide(actor=world.ppk, interface=WEB, action_id=follow.pk, on=dt.date(2026, 10, 21))
    action_services.apply_due_actions(on=dt.date(2026, 10, 21))
    world.employee.refresh_from_db()
    assert world.employee.status == "AKTIF"
