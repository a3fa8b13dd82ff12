"""discipline.authority — who may impose a disciplinary penalty (PP 94/2021 Pasal 16-23).

- Pasal 16: the Pejabat yang Berwenang Menghukum are the President, the PPK, the head
  of a mission abroad, and the JPT madya, JPT pratama, administrator and pengawas (or
  an official of equal rank).
- Pasal 17: the President, for a JPT utama and a JPT madya who is a PPK (every
  penalty), and for a JPT madya, a fungsional ahli utama or another office the
  President fills (dismissal), on the proposal of the coordinating minister or the PPK.
- Pasal 18: the PPK, by the kind of agency (central and provincial vs regency and
  city) and the offender's position.
- Pasal 19-23: the head of mission and the managers, over PNS one level below them
  (light penalties) or two levels below (medium), and the JPT pratama and administrator
  over the functional officials in their unit (light and medium); a functional ahli
  madya or ahli muda designated by the PPK where a unit has no administrator or
  pengawas.

The table is parameter ``discipline.authority``; "levels below" is counted with
``discipline.position_levels`` unless the facts give it (the official's own line
decides in practice).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, model_validator

from simasn.law.decision import Decision, Facts
from simasn.law.enums import (
    DisciplineOfficial,
    DisciplinePenalty,
    FunctionalLevel,
    InstansiKind,
    PositionKind,
)
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup, gap_review, review
from simasn.law.rules.discipline._common import (
    LEVEL_LABELS,
    pp94,
    require_pp_94_2021,
    row_citation,
)

RULE = "discipline.authority"

OFFICIAL_LABELS = {
    "PRESIDEN": ("Presiden", "the President"),
    "PPK": ("Pejabat Pembina Kepegawaian", "the PPK"),
    "KEPALA_PERWAKILAN": ("Kepala Perwakilan Republik Indonesia", "the head of mission"),
    "JPT_MADYA": ("pejabat pimpinan tinggi madya", "the JPT madya"),
    "JPT_PRATAMA": ("pejabat pimpinan tinggi pratama", "the JPT pratama"),
    "ADMINISTRATOR": ("pejabat administrator", "the administrator"),
    "PENGAWAS": ("pejabat pengawas", "the pengawas"),
    "FUNGSIONAL_AHLI_MADYA_TERTENTU": (
        "pejabat fungsional ahli madya yang ditetapkan PPK",
        "the functional ahli madya designated by the PPK",
    ),
    "FUNGSIONAL_AHLI_MUDA_TERTENTU": (
        "pejabat fungsional ahli muda yang ditetapkan PPK",
        "the functional ahli muda designated by the PPK",
    ),
}


class DisciplineAuthorityFacts(Facts):
    offender_position_kind: PositionKind
    offender_functional_level: FunctionalLevel | None = None
    offender_is_ppk: bool = Field(default=False, description="a JPT madya who is a PPK")
    offender_appointed_by_president: bool = Field(
        default=False, description="another office the President appoints and dismisses"
    )
    penalty: DisciplinePenalty
    instansi_kind: InstansiKind
    official: DisciplineOfficial | None = Field(
        default=None, description="the official who would impose the penalty (to check)"
    )
    levels_below: int | None = Field(
        default=None, ge=1, le=6, description="how many levels the offender is below the official"
    )

    @model_validator(mode="after")
    def _consistent(self) -> DisciplineAuthorityFacts:
        functional = self.offender_position_kind == PositionKind.FUNGSIONAL
        if functional and self.offender_functional_level is None:
            raise ValueError("offender_functional_level is required for FUNGSIONAL")
        if not functional and self.offender_functional_level is not None:
            raise ValueError("offender_functional_level applies only to FUNGSIONAL")
        if self.offender_is_ppk and self.offender_position_kind != PositionKind.JPT_MADYA:
            raise ValueError("offender_is_ppk applies only to a JPT_MADYA")
        if self.levels_below is not None and self.official is None:
            raise ValueError("levels_below is counted from an official: give official")
        return self


def _offender_matches(matcher: dict[str, Any], facts: DisciplineAuthorityFacts) -> bool:
    if matcher.get("appointed_by_president") and not facts.offender_appointed_by_president:
        return False
    kind = matcher.get("position_kind")
    if kind is not None and kind != facts.offender_position_kind.value:
        return False
    levels = matcher.get("functional_levels")
    if levels is not None and (
        facts.offender_functional_level is None or facts.offender_functional_level.value not in levels
    ):
        return False
    return "is_ppk" not in matcher or matcher["is_ppk"] == facts.offender_is_ppk


def _distance(
    official: str, facts: DisciplineAuthorityFacts, levels: dict[str, int]
) -> int | None:
    """How many levels the offender is below ``official`` (None: not in a managerial line)."""
    if facts.official is not None and facts.official.value == official and facts.levels_below:
        return facts.levels_below
    mine = levels.get(official)
    theirs = levels.get(facts.offender_position_kind.value)
    if mine is None or theirs is None:
        return None
    return theirs - mine


def _row_allows(row: dict[str, Any], penalty: str, level: str) -> bool:
    return penalty in row.get("penalties", []) or level in row.get("levels", [])


def _applies(
    row: dict[str, Any], facts: DisciplineAuthorityFacts, levels: dict[str, int]
) -> bool:
    kinds = row.get("instansi_kinds")
    if kinds is not None and facts.instansi_kind.value not in kinds:
        return False
    if "offenders" in row:
        return any(_offender_matches(m, facts) for m in row["offenders"])
    if "levels_below" in row:
        return _distance(row["official"], facts, levels) == row["levels_below"]
    return False


def discipline_authority(facts: DisciplineAuthorityFacts, on: dt.date) -> Decision:
    """Who may impose this penalty on this PNS — PP 94/2021 Pasal 16-23."""
    lookup = Lookup(on)
    blocked = require_pp_94_2021(RULE, lookup)
    if blocked:
        return blocked
    try:
        catalogue = lookup.value("discipline.penalties")
        table = lookup.value("discipline.authority")
        position_levels = lookup.value("discipline.position_levels")
        penalty_citation = lookup.cite("discipline.penalties", facts.penalty)
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    item = catalogue.get(facts.penalty.value)
    if item is None:
        return review(RULE, on, f"penalty {facts.penalty.value} is not in force on this date.",
                      f"hukuman {facts.penalty.value} tidak berlaku pada tanggal ini.", lookup=lookup)
    level = item["level"]
    rows = [
        row for row in table
        if _row_allows(row, facts.penalty.value, level) and _applies(row, facts, position_levels)
    ]
    officials = list(dict.fromkeys(row["official"] for row in rows))
    citations = [pp94(16), penalty_citation, *dict.fromkeys(row_citation(row) for row in rows)]
    proposed_by = None
    for row in rows:
        proposals = row.get("proposed_by") or {}
        proposed_by = proposed_by or proposals.get(facts.offender_position_kind.value) or proposals.get("ANY")
    level_id, level_en = LEVEL_LABELS[level]
    if not officials:
        return review(
            RULE,
            on,
            f"no official of PP 94/2021 Pasal 17-23 is named for a {level_en} penalty on this "
            f"position at this kind of agency; where no official exists the power passes to "
            f"the higher official, which the facts do not identify.",
            f"tidak ada pejabat dalam PP 94/2021 Pasal 17-23 untuk hukuman disiplin tingkat "
            f"{level_id} bagi jabatan ini pada jenis instansi ini; bila pejabat yang berwenang "
            f"tidak ada, kewenangan beralih kepada pejabat yang lebih tinggi, yang tidak dapat "
            f"ditentukan dari fakta ini.",
            citations=citations,
            outcome={"level": level, "officials": [], "authorized": None, "proposed_by": None},
            lookup=lookup,
        )
    authorized = None if facts.official is None else facts.official.value in officials
    names_id = ", ".join(OFFICIAL_LABELS[o][0] for o in officials)
    names_en = ", ".join(OFFICIAL_LABELS[o][1] for o in officials)
    explanation_id = f"Hukuman disiplin tingkat {level_id} ini dijatuhkan oleh: {names_id}."
    explanation_en = f"This {level_en} penalty is imposed by: {names_en}."
    if proposed_by:
        explanation_id += f" Usul dari {proposed_by}."
        explanation_en += f" On the proposal of {proposed_by}."
    if facts.official is not None:
        own_id, own_en = OFFICIAL_LABELS[facts.official.value]
        if authorized:
            explanation_id += f" {own_id.capitalize()} berwenang."
            explanation_en += f" {own_en.capitalize()} has the authority."
        else:
            explanation_id += f" {own_id.capitalize()} tidak berwenang."
            explanation_en += f" {own_en.capitalize()} has no authority."
    return Decision(
        rule=RULE,
        on=on,
        outcome={
            "level": level,
            "officials": officials,
            "authorized": authorized,
            "proposed_by": proposed_by,
            # Pasal 19-23 give a manager power only over PNS in his own unit (di lingkungannya).
            "same_line_required": any(row["official"] not in ("PRESIDEN", "PPK") for row in rows),
        },
        citations=list(dict.fromkeys(citations)),
        explanation_id=explanation_id,
        explanation_en=explanation_en,
        parameters_used=lookup.records,
    )
