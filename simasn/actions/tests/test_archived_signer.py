"""A decree keeps its signer: archiving the official who signed an SK changes nothing in the
SK, and who was PPK on the SK's date stays answerable."""

from __future__ import annotations

import io

from pypdf import PdfReader

from simasn.accounts.roles import Role
from simasn.actions import services
from simasn.actions.documents import document_bytes, sk_context
from simasn.actions.models import ActionDocument, ActionState, ActionType
from simasn.core.interfaces import Interface
from simasn.organization import services as organization_services
from simasn.organization.models import Official
from simasn.organization.selectors import official_in_office, official_on
from simasn.testing.factories import user_with_role

from .conftest import TODAY

W = Interface.WEB


def test_an_sk_still_shows_its_signer_after_the_official_is_archived(world):
    action = services.action_draft(actor=world.operator, interface=W, on=TODAY, action_type=ActionType.RETIREMENT,
                                   employee_id=world.employee.pk)
    services.action_propose(actor=world.pyb, interface=W, action_id=action.pk, on=TODAY)
    action = services.action_decide(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)
    signer = Official.objects.get(instansi=world.instansi, role="PPK")
    # Close the case so that nothing in the instansi waits for this PPK, then archive the record.
    action.state = ActionState.EFFECTIVE
    action.save()
    organization_services.official_archive(actor=user_with_role(Role.ADMIN), interface=W, official=signer,
                                           reason="Masa jabatan berakhir")
    action.refresh_from_db()
    context = sk_context(action)
    assert context["issuer"] == "WALI KOTA UJI" and action.decider_name == "Muhammad Farhan"
    pdf = PdfReader(io.BytesIO(document_bytes(ActionDocument.objects.get(action=action))))
    # A regional head signs with the name in capitals (Permendagri 1/2023).
    assert "MUHAMMAD FARHAN" in " ".join(page.extract_text() for page in pdf.pages)
    assert official_on(instansi_id=world.instansi.pk, role="PPK", on=action.sk_date) == signer
    assert official_in_office(instansi_id=world.instansi.pk, role="PPK", on=action.sk_date) is None
