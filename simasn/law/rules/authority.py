"""R-AUTH — who decides and who proposes an appointment, transfer or dismissal.

- Pasal 29 ayat (1): the President delegates the setting (menetapkan) of appointment,
  transfer and dismissal to the Pejabat Pembina Kepegawaian — minister (huruf a), head of
  LPNK (b), head of the secretariat of a lembaga negara or LNS (c), governor (d),
  bupati/walikota (e) — except for pejabat pimpinan tinggi utama, madya and pejabat
  fungsional tertinggi, who stay with the President (parameter
  ``authority.president_reserved``).
- Pasal 30 ayat (3)-(4): the Pejabat yang Berwenang proposes to the PPK of its instansi,
  except for those three.
- Pasal 29 ayat (2), 30 ayat (5): both apply the merit system.

Pasal 29 ayat (1) says the President *may* delegate ("dapat mendelegasikan"). Whether
the delegation is made is dated data (parameter ``authority.president_delegation``, PP
11/2017 Pasal 3 ayat (2)): the PPK decides only while a delegation is in force; without
one, or after a withdrawal, the rule answers "needs legal review" instead of assuming.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import model_validator

from simasn.law.decision import Decision, Facts
from simasn.law.enums import (
    ActionKind,
    DecisionMaker,
    FunctionalLevel,
    InstansiKind,
    PositionKind,
    Proposer,
)
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup, gap_review, pasal, require_uu_20_2023, review

RULE = "authority"

ACTION_LABELS = {
    ActionKind.APPOINT: ("pengangkatan", "appointment"),
    ActionKind.TRANSFER: ("pemindahan", "transfer"),
    ActionKind.DISMISS: ("pemberhentian", "dismissal"),
}


class AuthorityFacts(Facts):
    action: ActionKind
    position_kind: PositionKind
    functional_level: FunctionalLevel | None = None
    instansi_kind: InstansiKind | None = None

    @model_validator(mode="after")
    def _consistent(self) -> AuthorityFacts:
        if self.position_kind == PositionKind.FUNGSIONAL and self.functional_level is None:
            raise ValueError("functional_level is required for FUNGSIONAL")
        if self.position_kind != PositionKind.FUNGSIONAL and self.functional_level is not None:
            raise ValueError("functional_level applies only to FUNGSIONAL")
        return self


def _reserved_entry(facts: AuthorityFacts, reserved: list[dict[str, Any]]) -> dict[str, Any] | None:
    for entry in reserved:
        if entry["position_kind"] != facts.position_kind.value:
            continue
        level = entry.get("functional_level")
        if level is None or (facts.functional_level and level == facts.functional_level.value):
            return entry
    return None


def authority(facts: AuthorityFacts, on: dt.date) -> Decision:
    """Decider (President or PPK) and proposer (PyB or nobody) — Pasal 29, 30."""
    lookup = Lookup(on)
    blocked = require_uu_20_2023(RULE, lookup)
    if blocked:
        return blocked
    try:
        actions = lookup.value("authority.actions")
        reserved = lookup.value("authority.president_reserved")
        reserved_citation = lookup.cite("authority.president_reserved")
        ppk = pyb = None
        ppk_citation = pyb_citation = ""
        if facts.instansi_kind is not None:
            ppk = lookup.value("authority.ppk_by_instansi_kind", facts.instansi_kind)
            ppk_citation = lookup.cite("authority.ppk_by_instansi_kind", facts.instansi_kind)
            pyb = lookup.value("authority.pyb_by_instansi_kind", facts.instansi_kind)
            pyb_citation = lookup.cite("authority.pyb_by_instansi_kind", facts.instansi_kind)
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)

    if facts.action.value not in actions:
        return review(
            RULE,
            on,
            f"Pasal 29 does not cover the action {facts.action.value}.",
            f"Pasal 29 tidak mengatur tindakan {facts.action.value}.",
            citations=[reserved_citation],
            lookup=lookup,
        )
    action_id, action_en = ACTION_LABELS[facts.action]
    entry = _reserved_entry(facts, reserved)
    outcome: dict[str, Any]
    if entry is not None:
        outcome = {
            "decider": DecisionMaker.PRESIDEN,
            "decider_title_id": "Presiden",
            "proposer": None,
            "proposer_title_id": None,
            "reserved_to_president": True,
        }
        citations = [reserved_citation, pasal(30, 4, entry["pasal_30_ayat_4"])]
        explanation_id = (
            f"{action_id.capitalize()} {entry['label_id']} ditetapkan oleh Presiden; "
            "kewenangan ini tidak didelegasikan kepada Pejabat Pembina Kepegawaian dan "
            "Pejabat yang Berwenang tidak mengusulkannya."
        )
        explanation_en = (
            f"The {action_en} of a {entry['label_id']} is set by the President; it is not "
            "delegated to the PPK and the PyB does not propose it (the law names no "
            "proposer)."
        )
    else:
        try:
            delegation = lookup.value("authority.president_delegation")
            delegation_citation = lookup.cite("authority.president_delegation")
        except ParameterGapError:
            delegation, delegation_citation = {"delegated": False}, ""
        if not delegation.get("delegated"):
            return review(
                RULE,
                on,
                f"UU 20/2023 Pasal 29 ayat (1) lets the President delegate the {action_en} to "
                f"the PPK; no delegation is recorded in force on {on.isoformat()}.",
                f"UU 20/2023 Pasal 29 ayat (1): Presiden dapat mendelegasikan {action_id} "
                f"kepada PPK; tidak tercatat pendelegasian yang berlaku pada {on.isoformat()}.",
                citations=[pasal(29, 1), *([delegation_citation] if delegation_citation else [])],
                lookup=lookup,
            )
        outcome = {
            "decider": DecisionMaker.PPK,
            "decider_title_id": ppk["title_id"] if ppk else None,
            "proposer": Proposer.PYB,
            "proposer_title_id": pyb["title_id"] if pyb else None,
            "reserved_to_president": False,
            "delegation": delegation.get("instrument"),
        }
        citations = [
            ppk_citation or pasal(29, 1),
            pyb_citation or pasal(30, 1),
            pasal(30, 3),
            pasal(30, 4),
        ]
        who = f" ({ppk['title_id']})" if ppk else ""
        who_en = f" ({ppk['title_en']})" if ppk else ""
        proposer_id = f" ({pyb['title_id']})" if pyb else ""
        explanation_id = (
            f"{action_id.capitalize()} ditetapkan oleh Pejabat Pembina Kepegawaian{who} atas "
            f"usul Pejabat yang Berwenang{proposer_id}."
        )
        explanation_en = (
            f"The {action_en} is set by the Pejabat Pembina Kepegawaian{who_en} on the "
            "proposal of the Pejabat yang Berwenang."
        )
        if facts.instansi_kind is not None and pyb is None:
            outcome["notes"] = [
                "Pasal 30 ayat (1) tidak menyebut Pejabat yang Berwenang pada instansi ini; "
                "lihat peraturan pelaksanaannya (Pasal 30 ayat (6))."
            ]
        citations += [delegation_citation, pasal(29, 2), pasal(30, 5)]
    return Decision(
        rule=RULE,
        on=on,
        outcome=outcome,
        citations=list(dict.fromkeys(citations)),
        explanation_id=explanation_id,
        explanation_en=explanation_en,
        parameters_used=lookup.records,
    )
