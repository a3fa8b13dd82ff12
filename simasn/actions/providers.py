"""What the personnel-action workflow offers other chapters through the kernel's provider
registry (simasn.core.providers), so they start or follow an SK without importing this app.

- ``actions.draft_transfer``: talent hands an accepted mobility proposal over as a TRANSFER
  draft; the draft goes through the same service (scope, law, audit) as one typed by the
  operator, so the proposal becomes an ordinary action from there on.
- ``actions.states``: where those actions are now (state, SK number and date), for the
  proposal's service-level tracking.
- ``actions.record_decree``: discipline hands a decided penalty over as an SK of this
  register (DISCIPLINE_PENALTY, PDF stored with its verification code); returns its id,
  number and verification code.
- ``actions.record_appointment``: procurement hands the appointment of a selected applicant
  over as an SK (CPNS_APPOINTMENT, or PPPK_APPOINTMENT with the contract's start and end),
  DECIDED with its TMT, numbered and signed by the PPK in office; returns its id, number,
  state and verification code.
- ``actions.amend_or_revoke``: disputes records that a keberatan or banding decision upheld,
  changed or annulled an SK of this register (simasn.actions.recorded); returns the action
  drafted to make the register follow an annulment and why it needs legal review, if so.
- ``actions.follow_up``: for the remedy decision that amended an SK (its source, e.g.
  ``disputes.dispute:<id>``), the action drafted to follow it, where that action is now and
  the legal-review reason, so the case page shows them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.accounts.actors import Actor
from simasn.actions.models import ActionAmendment, ActionType, PersonnelAction
from simasn.actions.recorded import appointment_record, decree_amend, decree_record
from simasn.actions.services import action_draft
from simasn.core.interfaces import Interface


def draft_transfer(*, actor: Actor, interface: Interface, employee_id: int, position_id: int,
                   tmt: dt.date | None = None, notes: str = "") -> dict[str, Any]:
    action = action_draft(actor=actor, interface=interface, action_type=ActionType.TRANSFER,
                          employee_id=employee_id, position_id=position_id, tmt=tmt, notes=notes)
    return {"id": action.pk, "state": action.state}


def states(*, action_ids: list[int]) -> dict[int, dict[str, Any]]:
    rows = PersonnelAction.objects.filter(pk__in=action_ids).values(
        "pk", "state", "sk_number", "sk_date", "decided_at", "tmt")
    return {r["pk"]: {"state": r["state"], "sk_number": r["sk_number"], "sk_date": r["sk_date"],
                      "decided_at": r["decided_at"], "tmt": r["tmt"]} for r in rows}


def record_decree(*, actor: Actor, interface: Interface, action_type: str, employee_id: int, sk_number: str,
                  sk_date: dt.date, decider_name: str, decider_title: str, decree: dict[str, Any],
                  citations: list[str], source: str, tmt: dt.date | None = None) -> dict[str, Any]:
    action = decree_record(actor=actor, interface=interface, action_type=action_type, employee_id=employee_id,
                           sk_number=sk_number, sk_date=sk_date, decider_name=decider_name,
                           decider_title=decider_title, decree=decree, citations=citations, source=source, tmt=tmt)
    document = action.documents.get(kind="SK")
    return {"id": action.pk, "sk_number": action.sk_number, "verification_code": document.verification_code,
            "sha256": document.sha256}


def record_appointment(*, actor: Actor, interface: Interface, employee_id: int, position_id: int, tmt: dt.date,
                       sk_date: dt.date, decree: dict[str, Any], citations: list[str], source: str,
                       contract_end: dt.date | None = None) -> dict[str, Any]:
    action = appointment_record(actor=actor, interface=interface, employee_id=employee_id, position_id=position_id,
                                tmt=tmt, sk_date=sk_date, decree=decree, citations=citations, source=source,
                                contract_end=contract_end)
    document = action.documents.get(kind="SK")
    return {"id": action.pk, "sk_number": action.sk_number, "state": action.state,
            "action_type": action.action_type, "verification_code": document.verification_code}


def amend_or_revoke(*, actor: Actor, interface: Interface, action_id: int, outcome: str, reference: str,
                    decided_on: dt.date, summary: str = "", source: str = "",
                    employee_id: int | None = None) -> dict[str, Any]:
    amendment = decree_amend(actor=actor, interface=interface, action_id=action_id, outcome=outcome,
                             reference=reference, decided_on=decided_on, summary=summary, source=source,
                             employee_id=employee_id)
    return {"id": amendment.pk, "action_id": action_id, "outcome": amendment.outcome,
            "summary": amendment.summary, "follow_up_id": amendment.follow_up_id,
            "legal_review": amendment.legal_review}


def follow_up(*, source: str) -> dict[str, Any] | None:
    amendment = ActionAmendment.objects.select_related("follow_up").filter(source=source[:80]).last()
    if amendment is None:
        return None
    follow = amendment.follow_up
    return {"action_id": amendment.action_id, "follow_up_id": amendment.follow_up_id,
            "follow_up_state": follow.get_state_display() if follow is not None else "",
            "legal_review": amendment.legal_review}
