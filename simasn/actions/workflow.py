"""The workflow of every personnel action, as one table.

    DRAFT ──propose (PyB)──▶ PROPOSED ──decide (PPK)──▶ DECIDED ──apply (daily job, on TMT)──▶ EFFECTIVE
      │                        │
      │ decide (President,     ├─reject (PPK / President / receiving PPK, with reason)──▶ REJECTED
      │  no proposer: Pasal    └─withdraw (operator, with reason)──▶ WITHDRAWN
      │  30 ayat (4))
      ├─reject (PyB, or the President when there is no proposer, with reason)──▶ REJECTED
      └─withdraw (operator, with reason)──▶ WITHDRAWN

A transfer between instansi must also be *accepted* by the PPK of the receiving
instansi before it is decided (``accept`` keeps the state and records who accepted).
Who may fire a transition is one of the parties below; which user is which party of an
action is the policy table's (`PARTY_RESOURCE`: UPDATE on the party's resource reaches the
action), whose qualified rows read the `authority` rule of `simasn.law` stored on the
action as ``decider`` / ``proposer`` (PersonnelAction.scope_qualifiers).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext_lazy as _

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.actions.models import ActionState as S
from simasn.actions.models import PersonnelAction


class Party(StrEnum):
    DRAFTER = "DRAFTER"  # operator kepegawaian of the action's instansi
    PROPOSER = "PROPOSER"  # PyB of the instansi, when the law gives it a role
    DECIDER = "DECIDER"  # PPK of the instansi, or the President's office
    RECEIVER = "RECEIVER"  # PPK of the receiving instansi of a transfer
    SYSTEM = "SYSTEM"  # the daily job


@dataclass(frozen=True)
class Transition:
    name: str
    label: Any
    sources: tuple[S, ...]
    target: S
    parties: tuple[Party, ...]
    needs_reason: bool = False
    irreversible: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition("propose", _("Usulkan"), (S.DRAFT,), S.PROPOSED, (Party.PROPOSER,)),
        Transition("accept", _("Terima (instansi tujuan)"), (S.DRAFT, S.PROPOSED), S.PROPOSED,
                   (Party.RECEIVER,)),
        Transition("decide", _("Tetapkan"), (S.DRAFT, S.PROPOSED), S.DECIDED, (Party.DECIDER,),
                   irreversible=True),
        Transition("reject", _("Tolak"), (S.DRAFT, S.PROPOSED), S.REJECTED,
                   (Party.PROPOSER, Party.DECIDER, Party.RECEIVER), needs_reason=True,
                   irreversible=True),
        Transition("withdraw", _("Tarik kembali"), (S.DRAFT, S.PROPOSED), S.WITHDRAWN,
                   (Party.DRAFTER,), needs_reason=True, irreversible=True),
        Transition("apply", _("Berlakukan"), (S.DECIDED,), S.EFFECTIVE, (Party.SYSTEM,),
                   irreversible=True),
    )
}


#: The policy-table resource whose UPDATE grant makes a user that party of an action.
PARTY_RESOURCE: dict[Party, Resource] = {
    Party.DRAFTER: Resource.ACTION_DRAFT,
    Party.PROPOSER: Resource.ACTION_PROPOSAL,
    Party.DECIDER: Resource.ACTION_DECISION,
    Party.RECEIVER: Resource.ACTION_ACCEPTANCE,
}


def parties_of(actor: Actor, action: PersonnelAction) -> set[Party]:
    """Which parties of this action the user is (the policy table's party grants)."""
    if actor is None:
        return {Party.SYSTEM}
    scope = Scope.of(actor)
    found = {party for party, resource in PARTY_RESOURCE.items()
             if scope.allows_object(resource, Action.UPDATE, action)}
    if Party.RECEIVER in found and not action.needs_acceptance:
        found.discard(Party.RECEIVER)
    return found


def party_may(transition: Transition, party: Party, action: PersonnelAction) -> bool:
    """The state-dependent part of the table: who acts from which state."""
    state = action.state
    if state not in transition.sources or party not in transition.parties:
        return False
    has_proposer = bool(action.proposer)
    if transition.name == "decide":
        # With a proposer the PyB must propose first; without one (the President's
        # cases, Pasal 30 ayat (4)) the draft goes straight to the decider. A transfer to
        # another instansi is decided only after the receiving PPK accepted it.
        if action.needs_acceptance and action.accepted_at is None:
            return False
        return state == (S.PROPOSED if has_proposer else S.DRAFT)
    if transition.name == "accept":
        return action.needs_acceptance and action.accepted_at is None
    if transition.name == "reject":
        if party == Party.PROPOSER:
            return state == S.DRAFT
        if party == Party.DECIDER:
            return state == (S.PROPOSED if has_proposer else S.DRAFT)
        return action.needs_acceptance and action.accepted_at is None
    return True


def allowed(actor: Actor, action: PersonnelAction) -> list[Transition]:
    """Transitions this user may fire now (for buttons and the API)."""
    mine = parties_of(actor, action)
    return [
        t for t in TRANSITIONS.values()
        if t.name != "apply" and any(party_may(t, p, action) for p in mine)
    ]
