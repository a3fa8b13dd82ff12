"""R-CANDIDATE — running for elected office.

- Pasal 59 ayat (3): a Pegawai ASN who runs or is nominated for President/Vice
  President, DPR, DPD, governor/vice governor, bupati/walikota or their deputies must
  state a written resignation as Pegawai ASN from being set as candidate (sejak
  ditetapkan sebagai calon).
- Pasal 56: a pejabat pimpinan tinggi madya or pratama running for governor,
  bupati/walikota or their deputies must state a written resignation from PNS from
  being set as candidate.

Elections the Undang-Undang does not name (DPRD, village head) are not settled by it:
the rule asks for legal review (other laws, such as the election law, may apply).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.law.decision import Decision, Facts
from simasn.law.enums import Election, EmployeeType, PositionKind
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import (
    Lookup,
    fmt_date_en,
    fmt_date_id,
    gap_review,
    require_uu_20_2023,
    review,
)

RULE = "candidacy"


class CandidacyFacts(Facts):
    employee_type: EmployeeType
    election: Election
    position_kind: PositionKind | None = None
    candidate_set_on: dt.date | None = None


def candidacy(facts: CandidacyFacts, on: dt.date) -> Decision:
    """Whether and from when a written resignation is due — Pasal 56, 59 ayat (3)."""
    lookup = Lookup(on)
    blocked = require_uu_20_2023(RULE, lookup)
    if blocked:
        return blocked
    try:
        elections = lookup.value("candidacy.elections")
        election_citation = lookup.cite("candidacy.elections")
        jpt_rule = lookup.value("candidacy.jpt_regional_head")
        jpt_citation = lookup.cite("candidacy.jpt_regional_head")
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)

    if facts.election.value not in elections:
        return review(
            RULE,
            on,
            f"UU 20/2023 Pasal 59 ayat (3) does not name the election {facts.election.value}; "
            "whether a written resignation is required is set by other laws.",
            f"UU 20/2023 Pasal 59 ayat (3) tidak menyebut pemilihan {facts.election.value}; "
            "kewajiban mengundurkan diri diatur oleh peraturan lain.",
            citations=[election_citation],
            outcome={"must_resign": None},
            lookup=lookup,
        )
    citations = [election_citation]
    jpt_applies = (
        facts.employee_type == EmployeeType.PNS
        and facts.position_kind is not None
        and facts.position_kind.value in jpt_rule["position_kinds"]
        and facts.election.value in jpt_rule["elections"]
    )
    if jpt_applies:
        citations.append(jpt_citation)
    outcome: dict[str, Any] = {
        "must_resign": True,
        "resign_as": "PEGAWAI_ASN",
        "in_writing": True,
        "resign_from": "DITETAPKAN_SEBAGAI_CALON",
        "resign_by": facts.candidate_set_on,
        "jpt_regional_head_rule": jpt_applies,
    }
    label = elections[facts.election.value]["label_id"]
    explanation_id = (
        f"Pegawai ASN yang mencalonkan diri atau dicalonkan sebagai {label} wajib "
        "menyatakan pengunduran diri secara tertulis sejak ditetapkan sebagai calon"
    )
    explanation_en = (
        "A Pegawai ASN who runs or is nominated in this election must resign in "
        "writing from being set as candidate"
    )
    if facts.candidate_set_on is not None:
        outcome["resignation_due_now"] = on >= facts.candidate_set_on
        explanation_id += f" ({fmt_date_id(facts.candidate_set_on)})"
        explanation_en += f" ({fmt_date_en(facts.candidate_set_on)})"
    explanation_id += "."
    explanation_en += "."
    if jpt_applies:
        explanation_id += (
            " Bagi pejabat pimpinan tinggi madya/pratama hal ini juga diatur Pasal 56."
        )
        explanation_en += " For a JPT madya/pratama, Pasal 56 says the same."
    return Decision(
        rule=RULE,
        on=on,
        outcome=outcome,
        citations=citations,
        explanation_id=explanation_id,
        explanation_en=explanation_en,
        parameters_used=lookup.records,
    )
