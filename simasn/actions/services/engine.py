"""The workflow engine: one locked, versioned, audited transition per step of workflow.TRANSITIONS.

Each step checks the actor (scope, then the party the workflow table requires), re-checks
the law where the step decides something (a hook), moves the state with a conditional
UPDATE on (state, version) — of two officials acting at once exactly one wins, the other
gets a ConflictError — and writes the audit event with the citations. Refusals of the
wrong actor are audited as "refused" in their own transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.actions import legal, workflow
from simasn.actions.models import ActionState, PersonnelAction
from simasn.actions.selectors import can_view
from simasn.actions.services._common import _audit_refusal, _today
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface

# ------------------------------------------------------------------ transitions

_WHO = {
    workflow.Party.DRAFTER: _("operator kepegawaian instansi"),
    workflow.Party.PROPOSER: _("Pejabat yang Berwenang (PyB) instansi"),
    workflow.Party.RECEIVER: _("PPK instansi tujuan"),
    workflow.Party.SYSTEM: _("sistem"),
}


def _who_may(transition: workflow.Transition, action: PersonnelAction) -> str:
    names = []
    for party in transition.parties:
        if party == workflow.Party.DECIDER:
            names.append(_("Presiden (Kantor Presiden)") if action.decider == "PRESIDEN"
                         else _("Pejabat Pembina Kepegawaian (PPK) instansi"))
        elif (party == workflow.Party.PROPOSER and not action.proposer) or (party == workflow.Party.RECEIVER and not action.needs_acceptance):
            continue
        else:
            names.append(str(_WHO[party]))
    return ", ".join(names)


def _transition(
    *,
    actor: Actor,
    interface: Interface,
    action_id: int,
    name: str,
    expected_version: int | None,
    reason: str = "",
    on: dt.date,
    hook: Callable[[PersonnelAction], dict[str, Any]] | None = None,
    after: Callable[[PersonnelAction], None] | None = None,
) -> PersonnelAction:
    transition = workflow.TRANSITIONS[name]
    if actor is not None and Scope.of(actor).reach(Resource.ACTION, Action.UPDATE) == Reach.NONE:
        raise PermissionDeniedError(_("Anda tidak berwenang melakukan tindakan ini pada data tersebut."))
    action: PersonnelAction | None = None
    try:
        with transaction.atomic():
            action = PersonnelAction.objects.select_for_update().filter(pk=action_id).first()
            if action is None or (actor is not None and not can_view(actor, action)):
                raise NotFoundError(_("Tindakan kepegawaian tidak ditemukan."))
            _check_step(transition, action, expected_version)
            _check_party(transition, name, action, actor)
            if transition.needs_reason and not reason.strip():
                raise ApplicationError(_("Alasan wajib diisi."), code="validation",
                                       fields={"reason": [_("Wajib diisi.")]})
            before_state = action.state
            fields = hook(action) if hook else {}
            target = action.state if name == "accept" else transition.target
            updated = PersonnelAction.objects.filter(
                pk=action.pk, state=before_state, version=action.version,
            ).update(state=target, version=F("version") + 1, updated_at=timezone.now(),
                     updated_by=actor if getattr(actor, "pk", None) else None, **fields)
            if updated != 1:
                raise ConflictError(_("Tindakan ini sudah diubah oleh pengguna lain. Muat ulang halaman."),
                                    code="stale")
            action.refresh_from_db()
            audit_record(
                actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=action,
                changes={"state": {"before": before_state, "after": action.state},
                         "step": name, **({"fields": sorted(fields)} if fields else {})},
                reason=reason, citations=action.citations,
            )
            if after:
                after(action)
    except (PermissionDeniedError, legal.LegalRefusal) as error:
        if not isinstance(error, NotFoundError) and action is not None:
            _audit_refusal(actor=actor, interface=interface, error=error, step=name, action=action)
        raise
    return action


def _check_step(transition: workflow.Transition, action: PersonnelAction, expected_version: int | None) -> None:
    """The action is as the actor saw it (version) and in a state the step starts from."""
    if expected_version is not None and action.version != expected_version:
        raise ConflictError(
            _("Tindakan ini sudah diubah oleh pengguna lain (status sekarang: %(state)s). "
              "Muat ulang halaman.") % {"state": action.get_state_display()}, code="stale")
    if action.state not in transition.sources:
        raise ConflictError(
            _("Tindakan berstatus %(state)s; langkah \"%(step)s\" tidak dapat dilakukan.")
            % {"state": action.get_state_display(), "step": transition.label}, code="invalid_state")


def _check_party(transition: workflow.Transition, name: str, action: PersonnelAction, actor: Actor) -> None:
    """The actor is a party the workflow table lets take the step; a decider who acts too early
    (before the receiving PPK accepted, or before the PyB proposed) is told what is missing."""
    parties = workflow.parties_of(actor, action)
    if any(workflow.party_may(transition, p, action) for p in parties):
        return
    if name == "decide" and workflow.Party.DECIDER in parties:
        if action.needs_acceptance and action.accepted_at is None:
            raise ConflictError(
                _("Instansi tujuan belum menerima mutasi ini: PPK %(target)s harus menerimanya "
                  "sebelum ditetapkan.") % {"target": action.target_instansi}, code="not_accepted")
        if action.proposer and action.state == ActionState.DRAFT:
            raise ConflictError(_("Tindakan harus diusulkan oleh PyB sebelum ditetapkan "
                                  "(UU 20/2023 Pasal 30 ayat (3))."), code="invalid_state")
    raise PermissionDeniedError(
        _("Langkah \"%(step)s\" hanya dapat dilakukan oleh %(who)s.")
        % {"step": transition.label, "who": _who_may(transition, action)},
        code="wrong_actor", details={"citations": action.citations})


def action_propose(*, actor: Actor, interface: Interface, action_id: int,
                   expected_version: int | None = None, on: dt.date | None = None) -> PersonnelAction:
    """The PyB proposes to the PPK (Pasal 30 ayat (3))."""
    now = timezone.now()
    return _transition(actor=actor, interface=interface, action_id=action_id, name="propose",
                       expected_version=expected_version, on=on or _today(),
                       hook=lambda a: {"proposed_by": actor, "proposed_at": now})


def action_accept(*, actor: Actor, interface: Interface, action_id: int,
                  expected_version: int | None = None, on: dt.date | None = None) -> PersonnelAction:
    """The PPK of the receiving instansi accepts a transfer between instansi."""
    now = timezone.now()
    return _transition(actor=actor, interface=interface, action_id=action_id, name="accept",
                       expected_version=expected_version, on=on or _today(),
                       hook=lambda a: {"accepted_by": actor, "accepted_at": now})


def action_reject(*, actor: Actor, interface: Interface, action_id: int, reason: str,
                  expected_version: int | None = None, on: dt.date | None = None) -> PersonnelAction:
    now = timezone.now()
    return _transition(actor=actor, interface=interface, action_id=action_id, name="reject",
                       expected_version=expected_version, reason=reason, on=on or _today(),
                       hook=lambda a: {"closed_by": actor, "closed_at": now, "closed_reason": reason.strip()})


def action_withdraw(*, actor: Actor, interface: Interface, action_id: int, reason: str,
                    expected_version: int | None = None, on: dt.date | None = None) -> PersonnelAction:
    now = timezone.now()
    return _transition(actor=actor, interface=interface, action_id=action_id, name="withdraw",
                       expected_version=expected_version, reason=reason, on=on or _today(),
                       hook=lambda a: {"closed_by": actor, "closed_at": now, "closed_reason": reason.strip()})
