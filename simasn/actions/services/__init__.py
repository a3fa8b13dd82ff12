"""Writes on personnel actions: one service per workflow transition, in modules along their
seams — drafting (`drafting`), the workflow engine and its simple steps (`engine`), SK
numbering (`numbering`), the decision (`decision`), the effects on the TMT (`effects`) and
the daily overdue-retirement job (`daily`). Import from this package; its names are stable.

Each service checks the actor (scope, then the party the workflow table requires),
re-checks the law where the step decides something, runs in one transaction, moves
the state with a conditional UPDATE on (state, version) — so of two officials acting
at once exactly one wins and the other gets a ConflictError — and writes the audit
event with the citations. Refusals by a rule, and refusals of the wrong actor, are
audited as "refused" in their own transaction.
"""

from __future__ import annotations

from simasn.actions.services.daily import retirement_overdue_flag
from simasn.actions.services.decision import action_decide
from simasn.actions.services.drafting import action_draft
from simasn.actions.services.effects import action_apply, apply_due_actions
from simasn.actions.services.engine import (
           action_accept,
           action_propose,
           action_reject,
           action_withdraw,
)
from simasn.organization.models import Instansi

__all__ = ["Instansi", "action_accept", "action_apply", "action_decide", "action_draft",
           "action_propose", "action_reject", "action_withdraw", "apply_due_actions", "retirement_overdue_flag"]
