"""Issue 12 item 4: every SK is signed electronically (PAdES) by the deciding official, as the
berita acara is; the signature validates against SIMASN's CA and covers the whole file, and the
verification page confirms the hash of those signed bytes."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from simasn.actions import services
from simasn.actions.documents import document_bytes
from simasn.actions.models import ActionDocument, ActionType
from simasn.core.interfaces import Interface
from simasn.core.pdf_signing import verify_pdf
from simasn.core.storage import sha256
from simasn.testing.factories import EmployeeFactory, PositionFactory

from .conftest import TODAY

W = Interface.WEB


def _decided(world, **kwargs):
    action = services.action_draft(actor=world.operator, interface=W, on=TODAY, **kwargs)
    services.action_propose(actor=world.pyb, interface=W, action_id=action.pk, on=TODAY)
    return services.action_decide(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)


def test_each_sk_carries_the_deciding_officials_valid_pades_signature(world, settings, tmp_path):
    settings.SIMASN_PKI_DIR = tmp_path / "pki"
    clerk = EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos, rank="III/b")
    target = PositionFactory(unit=world.unit, kind="PELAKSANA", name="Pengolah Data", seats=2)
    actions = [
        _decided(world, action_type=ActionType.RETIREMENT, employee_id=world.employee.pk),
        _decided(world, action_type=ActionType.APPOINTMENT, employee_id=clerk.pk, position_id=target.pk,
                 tmt=dt.date(2027, 1, 2)),
    ]
    for action in actions:
        document = ActionDocument.objects.get(action=action, kind="SK")
        data = document_bytes(document)
        [signature] = verify_pdf(data)
        assert signature.ok, signature.summary
        assert signature.covers_whole_document and signature.field == "TTD_PEJABAT"
        assert signature.signer.startswith("Muhammad Farhan — Wali Kota Uji"), signature.signer
        assert document.sha256 == sha256(data)
        page = Client().get(f"/tindakan/verifikasi/{document.verification_code}/").content.decode()
        assert document.sha256 in page and action.sk_number in page
        assert world.employee.nip not in page and clerk.nip not in page
