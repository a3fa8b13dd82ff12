"""What the personnel-action workflow offers other chapters through the kernel's provider
registry (simasn.core.providers), so they start or follow an SK without importing this app.

- ``actions.draft_transfer``: talent hands an accepted mobility proposal over as a TRANSFER
  draft; the draft goes through the same service (scope, law, audit) as one typed by the
  operator, so the proposal becomes an ordinary action from there on.
- ``actions.states``: where those actions are now (state, SK number and date), for the
  proposal's service-level tracking.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.accounts.actors import Actor
from simasn.actions.models import ActionType, PersonnelAction
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
