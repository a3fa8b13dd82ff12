"""The road of one action, step by step, with who must take each step (the detail page).

The steps are the workflow's (simasn.actions.workflow); who takes them is the party's
office and, where the registry knows it, the official in office today — so the PPK of
the sending instansi sees, before looking for a "Tetapkan" button, that the receiving
instansi's PPK must accept the transfer first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from simasn.actions.models import ActionState, PersonnelAction
from simasn.organization.selectors import official_in_office

DONE, CURRENT, PENDING = "done", "current", "pending"


@dataclass(frozen=True)
class Step:
    label: str
    who: str
    status: str
    when: Any = None


def _official(instansi_id: int | None, role: str, on: dt.date, fallback: str) -> str:
    official = official_in_office(instansi_id=instansi_id, role=role, on=on) if instansi_id else None
    return f"{fallback} — {official.person_name}, {official.title}" if official else fallback


def action_progress(action: PersonnelAction, *, on: dt.date) -> list[Step]:
    closed = action.state in (ActionState.REJECTED, ActionState.WITHDRAWN)
    steps: list[tuple[str, str, bool, Any]] = [
        (_("Konsep"), _("Operator kepegawaian %(instansi)s") % {"instansi": action.instansi}, True,
         action.created_at),
    ]
    if action.proposer:
        steps.append((_("Usul"), _official(action.instansi_id, "PYB", on, _("Pejabat yang Berwenang (PyB)")),
                      action.proposed_at is not None, action.proposed_at))
    if action.needs_acceptance:
        steps.append((_("Penerimaan instansi tujuan"),
                      _official(action.target_instansi_id, "PPK", on,
                                _("PPK %(instansi)s") % {"instansi": action.target_instansi}),
                      action.accepted_at is not None, action.accepted_at))
    decider = (_("Presiden Republik Indonesia") if action.decider == "PRESIDEN"
               else _official(action.instansi_id, "PPK", on, _("Pejabat Pembina Kepegawaian (PPK)")))
    steps.append((_("Tetapkan"), decider, action.decided_at is not None, action.decided_at))
    steps.append((_("Berlaku pada TMT"), _("sistem (tugas harian)"), action.effective_at is not None,
                  action.effective_at))
    out: list[Step] = []
    current_given = closed
    for label, who, done, when in steps:
        if done:
            out.append(Step(label, who, DONE, when))
        elif not current_given:
            out.append(Step(label, who, CURRENT))
            current_given = True
        else:
            out.append(Step(label, who, PENDING))
    return out
