"""The decision: the law re-checked on the decision date, the signer from the registry, the SK stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.actions import legal
from simasn.actions.documents import sk_store
from simasn.actions.models import ActionState, ActionType, PersonnelAction
from simasn.actions.services._common import _today
from simasn.actions.services.effects import apply_due_actions
from simasn.actions.services.engine import _transition
from simasn.actions.services.numbering import _next_sk_number
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError
from simasn.core.interfaces import Interface
from simasn.law import parameters
from simasn.law.parameters import ParameterGapError
from simasn.organization.selectors import official_in_office
from simasn.personnel.models import Employee


def action_decide(*, actor: Actor, interface: Interface, action_id: int,
                  expected_version: int | None = None, on: dt.date | None = None) -> PersonnelAction:
    """The PPK (or the President's office) sets the decision; the SK PDF is stored."""
    on = on or _today()
    now = timezone.now()

    def hook(action: PersonnelAction) -> dict[str, Any]:
        if action.needs_acceptance and action.accepted_at is None:
            raise ApplicationError(_("Instansi tujuan belum menerima mutasi ini."), code="not_accepted")
        suspension = None
        if action.action_type == ActionType.REACTIVATION:
            # employee_id=None is a valid exact lookup (IS NULL); django-stubs only accepts ints.
            suspension = PersonnelAction.objects.filter(  # type: ignore[misc]
                employee_id=action.employee_id, action_type=ActionType.TEMPORARY_DISMISSAL,
                state=ActionState.EFFECTIVE).order_by("-tmt", "-id").first()
        # pk=None (IS NULL) matches no employee: None either way.
        employee = Employee.objects.select_related("position").filter(pk=action.employee_id).first() \
            if action.employee_id is not None else None
        # The law in force on the decision date decides (it may differ from the draft's).
        assessment = legal.assess(
            action_type=action.action_type, instansi=action.instansi, employee=employee,
            position=action.position, candidate_type=action.candidate_type, facts=action.facts,
            tmt=action.tmt, on=on, suspension=suspension,
        )
        if assessment.decider != action.decider:
            raise ConflictError(_("Kewenangan menetapkan berubah sejak konsep dibuat; buat konsep baru."),
                                code="authority_changed")
        if action.decider == "PRESIDEN":
            # The President signs by name (not the office account's name): dated data.
            try:
                name = str(parameters.value("president.office_holder", on)["name"])
            except ParameterGapError as error:
                raise ApplicationError(_("Presiden yang menjabat pada tanggal keputusan tidak tercatat."),
                                       code="no_official") from error
            title = "Presiden Republik Indonesia"
        else:
            official = official_in_office(instansi_id=action.instansi_id, role="PPK", on=on)
            if official is None:
                raise ApplicationError(_("PPK instansi ini belum tercatat di registri pejabat."),
                                       code="no_official")
            name, title = official.person_name, official.title
        action.citations = assessment.citations
        action.legal_outcome = {**assessment.outcome, "authority": assessment.authority["outcome"]}
        action.explanation_id, action.explanation_en = assessment.explanation_id, assessment.explanation_en
        action.tmt = assessment.tmt
        return {
            "decided_by": actor, "decided_at": now, "decider_name": str(name)[:200],
            "decider_title": str(title)[:200], "sk_number": _next_sk_number(action, on), "sk_date": on,
            "citations": assessment.citations, "legal_outcome": action.legal_outcome,
            "explanation_id": assessment.explanation_id, "explanation_en": assessment.explanation_en,
            "tmt": assessment.tmt,
        }

    def after(action: PersonnelAction) -> None:
        document = sk_store(action=action, actor=actor)
        audit_record(actor=actor, action=AuditAction.DOCUMENT_GENERATED, interface=interface, obj=action,
                     changes={"document": {"kind": document.kind, "sha256": document.sha256,
                                           "sk_number": action.sk_number}},
                     citations=action.citations)
        if action.tmt is not None and action.tmt <= on:
            action_id_ = action.pk
            transaction.on_commit(lambda: apply_due_actions(on=on, only=[action_id_]))

    return _transition(actor=actor, interface=interface, action_id=action_id, name="decide",
                       expected_version=expected_version, on=on, hook=hook, after=after)
