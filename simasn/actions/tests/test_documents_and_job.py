from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from simasn.actions import services
from simasn.actions.documents import document_bytes
from simasn.actions.models import ActionDocument, ActionState, ActionType
from simasn.actions.tasks import apply_due_actions
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.core.scheduling import AFTER_IMPORT_TASKS, DAILY_TASKS
from simasn.core.storage import documents_storage
from simasn.personnel.models import PositionHistory

from .conftest import TODAY

W = Interface.WEB


def _decided(world, **kwargs):
    action = services.action_draft(actor=world.operator, interface=W, on=TODAY, **kwargs)
    services.action_propose(actor=world.pyb, interface=W, action_id=action.pk, on=TODAY)
    return services.action_decide(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)


def test_sk_pdf_contains_number_citations_and_layout(world):
    action = _decided(world, action_type=ActionType.RETIREMENT, employee_id=world.employee.pk)
    doc = ActionDocument.objects.get(action=action)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(document_bytes(doc))).pages)
    flat = " ".join(text.split())
    assert action.sk_number in flat
    for word in ("KEPUTUSAN", "NOMOR", "TENTANG", "Menimbang", "Mengingat", "MEMUTUSKAN", "Menetapkan",
                 "Tembusan", "MUHAMMAD FARHAN", world.employee.nip):
        assert word in flat, word
    assert "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara" in flat
    # Every article cited by the decision appears in Mengingat.
    for citation in action.citations:
        article = citation.split(" ", 2)[2] if citation.startswith("UU 20/2023") else None
        if article:
            assert article in flat, citation


def test_sk_is_never_overwritten_and_tampering_is_detected(world, settings):
    from simasn.actions.documents import sk_store

    action = _decided(world, action_type=ActionType.RETIREMENT, employee_id=world.employee.pk)
    with pytest.raises(ApplicationError):
        sk_store(action=action, actor=world.ppk)
    doc = ActionDocument.objects.get(action=action)
    with pytest.raises(RuntimeError):
        doc.save()
    path = settings.MEDIA_ROOT / doc.file_name
    path.chmod(0o644)
    path.write_bytes(path.read_bytes() + b"%tampered")
    with pytest.raises(ApplicationError) as err:
        document_bytes(doc)
    assert err.value.code == "integrity"


def test_sk_is_stored_and_read_back_on_disk_and_on_an_object_store(world, storage_backend):
    action = _decided(world, action_type=ActionType.RETIREMENT, employee_id=world.employee.pk)
    doc = ActionDocument.objects.get(action=action)
    assert doc.file_name.startswith(f"sk/{action.sk_date.year}/sk-{action.pk}-")
    data = document_bytes(doc)
    assert data.startswith(b"%PDF") and len(data) == doc.size
    with pytest.raises(ApplicationError):  # write-once whatever the backend
        documents_storage().delete(doc.file_name)


def test_daily_job_registered_idempotent_and_catches_up(world):
    assert "simasn.actions.tasks.apply_due_actions" in DAILY_TASKS
    assert "simasn.actions.tasks.refresh_retirement_summary" in AFTER_IMPORT_TASKS
    clerk_action = _decided(world, action_type=ActionType.APPOINTMENT, employee_id=world.employee.pk,
                            position_id=world.pelaksana_pos.pk, tmt=dt.date(2026, 12, 1))
    retire = _decided(world, action_type=ActionType.TEMPORARY_DISMISSAL, employee_id=world.employee.pk,
                      facts={"reason": "CUTI_DILUAR_TANGGUNGAN_NEGARA"}, tmt=dt.date(2026, 12, 15))
    # Before the TMT nothing happens.
    apply_due_actions.enqueue(TODAY.isoformat())
    world.employee.refresh_from_db()
    assert world.employee.position_id == world.admin_pos.pk
    # The job missed two weeks: one run on 20 December applies both, in TMT order.
    apply_due_actions.enqueue("2026-12-20")
    apply_due_actions.enqueue("2026-12-20")
    world.employee.refresh_from_db()
    assert world.employee.position_id == world.pelaksana_pos.pk
    assert world.employee.status == "DIBERHENTIKAN_SEMENTARA"
    for action in (clerk_action, retire):
        action.refresh_from_db()
        assert action.state == ActionState.EFFECTIVE
        applies = AuditEvent.objects.filter(object_id=str(action.pk), action="transition",
                                            changes__step="apply")
        assert applies.count() == 1
    assert PositionHistory.objects.filter(employee=world.employee, sk_number=clerk_action.sk_number).count() == 1
