"""discipline.penalty — the level of a breach and the penalties it allows (PP 94/2021).

- Pasal 3-5: the obligations and prohibitions (parameter ``discipline.breaches``).
- Pasal 6 (and UU 20/2023 Pasal 24 ayat (2)): a PNS who breaches them is given a
  disciplinary penalty.
- Pasal 8: the levels and the penalties of each level (``discipline.penalties``);
  while the transitional provision applies, the medium penalties are the postponement
  of the periodic salary increase or of promotion, or demotion in rank
  (``discipline.transitional_medium_penalties``).
- Pasal 9-14: which breach, harming whom, carries which level
  (``discipline.breach_levels``); Pasal 9-11 on days of absence
  (``discipline.attendance``).
- The heavy penalty of dismissal is the dismissal ground of UU 20/2023 Pasal 52 ayat
  (3) huruf g, which Pasal 52 ayat (4) makes dishonourable, while PP 94/2021 Pasal 8
  ayat (4) huruf c calls it honourable: the rule shows both and asks for legal review.
- PPPK: UU 20/2023 Pasal 24 ayat (2) applies to every Pegawai ASN, but PP 94/2021
  speaks of PNS and the PPPK discipline rules (PP 49/2018) are not modelled.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, model_validator

from simasn.law.decision import Decision, FactError, Facts, FactsError
from simasn.law.enums import (
    BreachImpact,
    DisciplineBreach,
    DisciplineLevel,
    DisciplinePenalty,
    EmployeeType,
    PositionKind,
)
from simasn.law.parameters import ParameterGapError, UnknownKeyError
from simasn.law.rules._support import Lookup, answer, gap_review, law_in_force, pasal, review
from simasn.law.rules.discipline._common import (
    LEVEL_LABELS,
    require_pp_94_2021,
    row_citation,
)

RULE = "discipline.penalty"

ATTENDANCE = DisciplineBreach.PASAL_4_F


class PenaltyFacts(Facts):
    employee_type: EmployeeType = EmployeeType.PNS
    breach: DisciplineBreach
    impact: BreachImpact | None = Field(
        default=None, description="whom the breach harmed: UNIT_KERJA, INSTANSI or NEGARA"
    )
    without_valid_reason: bool | None = Field(
        default=None, description="oath or pledge missed without a lawful reason (Pasal 4 a-b)"
    )
    position_kind: PositionKind | None = Field(
        default=None, description="the offender's position (asset reports, Pasal 4 huruf e)"
    )
    absent_days: int | None = Field(
        default=None, ge=0, le=366, description="working days absent without reason in one year"
    )
    consecutive_absent_days: int | None = Field(
        default=None, ge=0, le=366, description="working days absent without reason in a row"
    )

    @model_validator(mode="after")
    def _consistent(self) -> PenaltyFacts:
        counts = (self.absent_days, self.consecutive_absent_days)
        if self.breach == ATTENDANCE and all(c is None for c in counts):
            raise ValueError("PASAL_4_F needs absent_days and/or consecutive_absent_days")
        if self.breach != ATTENDANCE and any(c is not None for c in counts):
            raise ValueError("absent_days apply only to the breach PASAL_4_F")
        if (
            self.absent_days is not None
            and self.consecutive_absent_days is not None
            and self.consecutive_absent_days > self.absent_days
        ):
            raise ValueError("consecutive_absent_days cannot exceed absent_days")
        return self


def _needed(rows: list[dict[str, Any]], facts: PenaltyFacts) -> list[FactError]:
    """The facts a breach's rows read that were not given."""
    missing: list[FactError] = []
    if any(row.get("impact") for row in rows) and facts.impact is None:
        missing.append(FactError("impact", "required for this breach: UNIT_KERJA, INSTANSI or NEGARA"))
    if any(row.get("positions") for row in rows) and facts.position_kind is None:
        missing.append(FactError("position_kind", "required for this breach"))
    if any(row.get("without_valid_reason") for row in rows) and facts.without_valid_reason is None:
        missing.append(FactError("without_valid_reason", "required for this breach"))
    return missing


def _matches(row: dict[str, Any], facts: PenaltyFacts) -> bool:
    if row.get("impact") and (facts.impact is None or facts.impact.value not in row["impact"]):
        return False
    if row.get("positions") and (
        facts.position_kind is None or facts.position_kind.value not in row["positions"]
    ):
        return False
    return not (row.get("without_valid_reason") and facts.without_valid_reason is not True)


def _attendance_row(facts: PenaltyFacts, table: dict[str, Any]) -> dict[str, Any] | None:
    """The heaviest row the days of absence reach (cumulative or in a row)."""
    found: list[dict[str, Any]] = []
    for key, days in (("cumulative", facts.absent_days), ("consecutive", facts.consecutive_absent_days)):
        if days is None:
            continue
        for row in table[key]:
            if days >= row["from"] and (row["to"] is None or days <= row["to"]):
                found.append(row)
    return found[-1] if found else None


def penalty(facts: PenaltyFacts, on: dt.date) -> Decision:
    """Level and allowed penalties of a breach — PP 94/2021 Pasal 3-14."""
    lookup = Lookup(on)
    blocked = require_pp_94_2021(RULE, lookup)
    if blocked:
        return blocked
    under_uu_20 = law_in_force(lookup) == "UU 20/2023"
    if facts.employee_type != EmployeeType.PNS:
        return review(
            RULE,
            on,
            "UU 20/2023 Pasal 24 ayat (2) punishes every Pegawai ASN who breaks the "
            "obligations, but PP 94/2021 governs PNS only; the PPPK discipline rules "
            "(PP 49/2018) are not modelled.",
            "UU 20/2023 Pasal 24 ayat (2) berlaku bagi setiap Pegawai ASN, tetapi PP 94/2021 "
            "hanya mengatur PNS; ketentuan disiplin PPPK (PP 49/2018) belum dimodelkan.",
            citations=[pasal(24, 2)] if under_uu_20 else [],
            lookup=lookup,
        )
    try:
        breach = lookup.value("discipline.breaches", facts.breach)
        breach_citation = lookup.cite("discipline.breaches", facts.breach)
        catalogue = lookup.value("discipline.penalties")
        transitional = bool(lookup.value("discipline.transitional_medium_penalties"))
        attendance = lookup.value("discipline.attendance") if facts.breach == ATTENDANCE else None
        rows: list[dict[str, Any]] = (
            [] if attendance is not None else list(lookup.value("discipline.breach_levels", facts.breach))
        )
        examination = lookup.value("discipline.examination")
        effects = lookup.value("discipline.effects")
    except (ParameterGapError, UnknownKeyError) as error:
        if isinstance(error, ParameterGapError):
            return gap_review(RULE, lookup, error)
        return review(RULE, on, str(error), str(error), lookup=lookup)

    citations = [breach_citation]
    if under_uu_20:
        citations.append(pasal(24, 2))
    outcome: dict[str, Any] = {
        "breach": facts.breach,
        "breach_kind": breach["kind"],
        "breach_label_id": breach["label_id"],
        "breach_label_en": breach["label_en"],
    }

    if attendance is not None:
        found = _attendance_row(facts, attendance)
        if found is None:
            outcome.update(_no_penalty())
            return _decision(
                on, outcome, citations, lookup,
                "Ketidakhadiran tanpa alasan yang sah di bawah 3 hari kerja dalam setahun (dan "
                "kurang dari 10 hari kerja berturut-turut) belum diancam hukuman disiplin.",
                "Fewer than 3 working days of absence in a year (and fewer than 10 in a row) "
                "carry no disciplinary penalty yet.",
            )
        row = found
        level = catalogue[row["penalty"]]["level"]
        fixed: str | None = row["penalty"]
    else:
        missing = _needed(rows, facts)
        if missing:
            raise FactsError(RULE, missing)
        if any(r.get("without_valid_reason") for r in rows) and facts.without_valid_reason is False:
            outcome.update(_no_penalty())
            return _decision(
                on, outcome, citations, lookup,
                "Sumpah/janji tidak dihadiri dengan alasan yang sah: bukan pelanggaran disiplin.",
                "The oath or pledge was missed for a lawful reason: no disciplinary breach.",
            )
        matching = [r for r in rows if _matches(r, facts)]
        if not matching:
            impact = facts.impact.value if facts.impact else "-"
            return review(
                RULE,
                on,
                f"PP 94/2021 Pasal 9-14 set no level for breach {facts.breach.value} with "
                f"impact {impact}.",
                f"PP 94/2021 Pasal 9-14 tidak menetapkan tingkat hukuman untuk pelanggaran "
                f"{facts.breach.value} dengan dampak {impact}.",
                citations=citations,
                lookup=lookup,
            )
        row = matching[0]
        level = row["level"]
        fixed = None
    citations.append(row_citation(row))

    allowed = [code for code, item in catalogue.items() if item["level"] == level and not item.get("transitional")]
    if fixed is not None:
        allowed = [fixed]
    for code in allowed:
        citations.append(lookup.cite("discipline.penalties", code))
    transitional_codes: list[str] = []
    if transitional and level == DisciplineLevel.SEDANG.value:
        transitional_codes = [
            code for code, item in catalogue.items()
            if item.get("transitional") and (fixed is None or item.get("replaces") == fixed)
        ]
        for code in transitional_codes:
            citations.append(lookup.cite("discipline.penalties", code))

    outcome.update(
        {
            "breach_established": True,
            "level": level,
            "allowed_penalties": allowed,
            "penalty": fixed,
            "transitional_penalties": transitional_codes,
            "penalty_months": {code: catalogue[code]["months"] for code in allowed + transitional_codes},
            "examination": examination[level],
            "effects": [e["code"] for e in effects if _effect_applies(e, level, allowed)],
        }
    )
    needs_review = bool(row.get("review_en"))
    review_reason = row.get("review_en")
    dismissal = DisciplinePenalty.PEMBERHENTIAN_DENGAN_HORMAT.value
    if dismissal in allowed and under_uu_20:
        ground_citation = lookup.cite("dismissal.grounds", "g")
        citations += [ground_citation, lookup.cite("dismissal.dishonourable_grounds"), pasal(75)]
        outcome["dismissal_link"] = {
            "penalty": dismissal,
            "ground": "g",
            "category_pp_94_2021": "DENGAN_HORMAT",
            "category_uu_20_2023": "TIDAK_DENGAN_HORMAT",
        }
        if fixed == dismissal:
            needs_review = True
            review_reason = DISMISSAL_CONFLICT_EN
    label_id, label_en = LEVEL_LABELS[level]
    names_id = ", ".join(catalogue[c]["label_id"] for c in allowed)
    names_en = ", ".join(catalogue[c]["label_en"] for c in allowed)
    explanation_id = f"Pelanggaran {breach['label_id']}: hukuman disiplin tingkat {label_id} ({names_id})."
    explanation_en = f"Breach — {breach['label_en']}: {label_en} penalty ({names_en})."
    if transitional_codes:
        explanation_id += " Selama ketentuan peralihan berlaku: " + ", ".join(
            catalogue[c]["label_id"] for c in transitional_codes) + "."
        explanation_en += " While the transitional provision applies: " + ", ".join(
            catalogue[c]["label_en"] for c in transitional_codes) + "."
    if fixed == dismissal and under_uu_20:
        explanation_id += " " + DISMISSAL_CONFLICT_ID
        explanation_en += " " + DISMISSAL_CONFLICT_EN
    return _decision(on, outcome, citations, lookup, explanation_id, explanation_en,
                     needs_review=needs_review, review_reason=review_reason)


DISMISSAL_CONFLICT_EN = (
    "PP 94/2021 Pasal 8 ayat (4) huruf c calls this dismissal honourable, but UU 20/2023 "
    "Pasal 52 ayat (3) huruf g with ayat (4) makes a dismissal for a heavy disciplinary "
    "violation dishonourable, and Pasal 75 keeps PP 94/2021 only where it does not "
    "conflict with the Act; which category the decree states needs legal review."
)
DISMISSAL_CONFLICT_ID = (
    "PP 94/2021 Pasal 8 ayat (4) huruf c menyebut pemberhentian ini dengan hormat, "
    "sedangkan UU 20/2023 Pasal 52 ayat (3) huruf g jo. ayat (4) menggolongkan "
    "pemberhentian karena pelanggaran disiplin tingkat berat sebagai tidak dengan hormat, "
    "dan Pasal 75 hanya mempertahankan PP 94/2021 sepanjang tidak bertentangan; kategori "
    "dalam SK perlu telaah hukum."
)


def _effect_applies(effect: dict[str, Any], level: str, allowed: list[str]) -> bool:
    if effect.get("penalties"):
        return any(p in allowed for p in effect["penalties"])
    return level in effect.get("levels", [])


def _no_penalty() -> dict[str, Any]:
    return {
        "breach_established": False,
        "level": None,
        "allowed_penalties": [],
        "penalty": None,
        "transitional_penalties": [],
        "penalty_months": {},
        "examination": None,
        "effects": [],
    }


def _decision(
    on: dt.date,
    outcome: dict[str, Any],
    citations: list[str],
    lookup: Lookup,
    explanation_id: str,
    explanation_en: str,
    *,
    needs_review: bool = False,
    review_reason: str | None = None,
) -> Decision:
    reasons = [review_reason or "needs legal review"] if needs_review else []
    return answer(RULE, lookup, outcome, citations, explanation_id, explanation_en, reasons)
