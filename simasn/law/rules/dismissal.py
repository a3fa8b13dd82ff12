"""R-STOP, R-DISCIPLINE — pemberhentian: own request or a ground of Pasal 52(3).

- Pasal 52 ayat (1)-(2): dismissal is on own request (resignation) or not.
- Pasal 52 ayat (3) huruf a-j: the grounds of dismissal not on own request. Huruf h
  reads "dipidana dengan pidana penjara berdasarkan putusan pengadilan yang telah
  memiliki kekuatan hukum tetap karena melakukan tindak pidana dengan pidana penjara
  paling singkat 2 (dua) tahun" (parameter ``dismissal.min_prison_sentence_years``):
  the 2 years can be read as the sentence imposed or as the imprisonment the offence
  carries. The rule takes both facts (``sentence_months``, ``offence_penalty_months``)
  and asks for legal review where the readings disagree, or where only the offence's
  penalty could still make the ground; a sentence of 2 years or more satisfies both
  (no court imposes more than the offence carries). Huruf i a final verdict of
  imprisonment or detention (kurungan) for a crime of office or one related to the
  position; huruf g a heavy disciplinary violation (Pasal 24 ayat (2)).
- Pasal 52 ayat (4): grounds a, g, i, j are dishonourable (tidak dengan hormat);
  read a contrario, the others and resignation are honourable.
- A PNS dismissal or the end of a PPPK contract is appealed by banding administratif
  (Pasal 64; PP 79/2021).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, model_validator

from simasn.law.decision import Decision, Facts
from simasn.law.enums import (
    DisciplineLevel,
    DismissalCategory,
    DismissalGround,
    DismissalKind,
    EmployeeType,
    SentenceKind,
)
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup, gap_review, pasal, require_uu_20_2023, review

RULE = "dismissal"

CRIMINAL_GROUNDS = (DismissalGround.H, DismissalGround.I)


class DismissalFacts(Facts):
    employee_type: EmployeeType
    own_request: bool = False
    ground: DismissalGround | None = None
    verdict_final: bool | None = None
    sentence_kind: SentenceKind | None = None
    sentence_months: int | None = Field(default=None, ge=0, le=2400)
    offence_penalty_months: int | None = Field(
        default=None,
        ge=0,
        le=2400,
        description="the imprisonment the offence carries under the criminal law (months)",
    )
    crime_related_to_position: bool | None = None
    discipline_level: DisciplineLevel | None = None

    @property
    def has_criminal_facts(self) -> bool:
        return any(
            value is not None
            for value in (
                self.verdict_final,
                self.sentence_kind,
                self.sentence_months,
                self.offence_penalty_months,
                self.crime_related_to_position,
            )
        )

    @model_validator(mode="after")
    def _consistent(self) -> DismissalFacts:
        if not self.own_request and self.ground is None and not self.has_criminal_facts:
            raise ValueError("give own_request: true, a ground (a-j) or the criminal facts")
        if self.has_criminal_facts and self.ground not in (None, *CRIMINAL_GROUNDS):
            raise ValueError("criminal facts apply only to grounds h and i")
        if self.ground in (None, *CRIMINAL_GROUNDS) and self.has_criminal_facts:
            missing = [
                name
                for name in ("verdict_final", "sentence_kind", "crime_related_to_position")
                if getattr(self, name) is None
            ]
            if self.sentence_kind == SentenceKind.PENJARA and self.sentence_months is None:
                missing.append("sentence_months")
            if missing:
                raise ValueError(f"criminal grounds need {', '.join(missing)}")
        if self.ground in CRIMINAL_GROUNDS and not self.has_criminal_facts:
            raise ValueError(
                "grounds h and i need verdict_final, sentence_kind, sentence_months and "
                "crime_related_to_position"
            )
        if self.ground == DismissalGround.G and self.discipline_level is None:
            raise ValueError("ground g needs discipline_level")
        return self


def _criminal_ground(
    facts: DismissalFacts, min_years: int
) -> tuple[DismissalGround | None, str, str]:
    """The ground the criminal facts establish, or None with the reason why not."""
    if not facts.verdict_final:
        return (
            None,
            "belum ada putusan pengadilan yang berkekuatan hukum tetap",
            "there is no final court verdict yet",
        )
    if facts.crime_related_to_position:
        return (
            DismissalGround.I,
            "dipidana karena tindak pidana kejahatan jabatan atau yang berhubungan dengan jabatan",
            "sentenced for a crime of office or one related to the position",
        )
    if (
        facts.sentence_kind == SentenceKind.PENJARA
        and (facts.sentence_months or 0) >= 12 * min_years
    ):
        return (
            DismissalGround.H,
            f"dipidana penjara paling singkat {min_years} tahun",
            f"sentenced to imprisonment of at least {min_years} years",
        )
    return (
        None,
        f"pidana tidak berhubungan dengan jabatan dan bukan pidana penjara paling singkat "
        f"{min_years} tahun",
        f"the crime is not related to the position and the sentence is not imprisonment "
        f"of at least {min_years} years",
    )


def _ground_h_readings(
    facts: DismissalFacts, derived: DismissalGround | None, min_years: int, lookup: Lookup
) -> Decision | None:
    """A review decision when the two readings of huruf h disagree (or may), else None.

    Reading SENTENCE: the sentence imposed is at least ``min_years``. Reading OFFENCE:
    the offence carries imprisonment of at least ``min_years`` (and the PNS was sentenced
    to imprisonment). Only a final verdict on a crime unrelated to the position is read
    here; grounds i and "no final verdict" are the same on both readings.
    """
    if not facts.verdict_final or facts.crime_related_to_position:
        return None
    if facts.sentence_kind != SentenceKind.PENJARA:
        return None  # "dipidana dengan pidana penjara": no prison sentence, no huruf h
    threshold = 12 * min_years
    by_sentence = derived == DismissalGround.H
    if facts.offence_penalty_months is None:
        by_offence: bool | None = True if by_sentence else None
    else:
        by_offence = facts.offence_penalty_months >= threshold
    if by_offence == by_sentence:
        return None
    readings = {
        "SENTENCE_IMPOSED": {"ground": "h" if by_sentence else None, "grounded": by_sentence},
        "OFFENCE_PENALTY": {
            "ground": "h" if by_offence else None,
            "grounded": by_offence,
        },
    }
    citations = [pasal(52, 1, "b"), lookup.cite("dismissal.grounds", DismissalGround.H)]
    sentence = f"{facts.sentence_months or 0} months"
    if by_offence is None:
        why_en = (
            f"the sentence imposed ({sentence}) is under {min_years} years, so ground h does "
            f"not apply if it means the sentence; if it means the imprisonment the offence "
            f"carries, it may apply — give offence_penalty_months."
        )
        why_id = (
            f"pidana yang dijatuhkan ({facts.sentence_months or 0} bulan) kurang dari "
            f"{min_years} tahun, sehingga huruf h tidak berlaku bila yang dimaksud pidana "
            f"yang dijatuhkan; bila yang dimaksud ancaman pidana tindak pidananya, huruf h "
            f"dapat berlaku — isi ancaman pidana (offence_penalty_months)."
        )
    else:
        offence = f"{facts.offence_penalty_months} months"
        holds_en = "applies" if by_offence else "does not apply"
        sentence_en = "applies" if by_sentence else "does not apply"
        why_en = (
            f"Pasal 52 ayat (3) huruf h requires imprisonment for a crime 'dengan pidana "
            f"penjara paling singkat {min_years} tahun': read as the sentence imposed "
            f"({sentence}) ground h {sentence_en}; read as the penalty the offence carries "
            f"({offence}) it {holds_en}."
        )
        why_id = (
            f"Pasal 52 ayat (3) huruf h mensyaratkan pidana penjara karena tindak pidana "
            f"'dengan pidana penjara paling singkat {min_years} tahun': dibaca sebagai pidana "
            f"yang dijatuhkan ({facts.sentence_months or 0} bulan) huruf h "
            f"{'berlaku' if by_sentence else 'tidak berlaku'}; dibaca sebagai ancaman pidana "
            f"tindak pidananya ({facts.offence_penalty_months} bulan) huruf h "
            f"{'berlaku' if by_offence else 'tidak berlaku'}."
        )
    return review(
        RULE,
        lookup.on,
        why_en,
        why_id,
        citations=citations,
        outcome={
            "kind": DismissalKind.TIDAK_ATAS_PERMINTAAN_SENDIRI,
            "ground": None,
            "grounded": None,
            "category": None,
            "honourable": None,
            "readings": readings,
            "problems": [],
        },
        lookup=lookup,
    )


def dismissal(facts: DismissalFacts, on: dt.date) -> Decision:
    """Kind, ground and category of a dismissal — Pasal 52 ayat (1)-(4), Pasal 24 ayat (2)."""
    lookup = Lookup(on)
    blocked = require_uu_20_2023(RULE, lookup)
    if blocked:
        return blocked
    try:
        grounds = lookup.value("dismissal.grounds")
        dishonourable = set(lookup.value("dismissal.dishonourable_grounds"))
        min_years = int(lookup.value("dismissal.min_prison_sentence_years"))
        routes = lookup.value("disputes.routes")
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    category_citation = lookup.cite("dismissal.dishonourable_grounds")

    if facts.own_request and (facts.ground is not None or facts.has_criminal_facts):
        return review(
            RULE,
            on,
            "the employee asks to resign while a ground of dismissal not on own request is "
            "also given; Pasal 52 does not say which prevails.",
            "pegawai mengajukan pengunduran diri sementara ada pula alasan pemberhentian tidak "
            "atas permintaan sendiri; Pasal 52 tidak mengatur mana yang didahulukan.",
            citations=[pasal(52, 1, "a"), pasal(52, 1, "b")],
            lookup=lookup,
        )

    problems: list[dict[str, str]] = []
    outcome: dict[str, Any] = {}
    if facts.own_request:
        outcome.update(
            {
                "kind": DismissalKind.ATAS_PERMINTAAN_SENDIRI,
                "ground": None,
                "grounded": True,
                "category": DismissalCategory.DENGAN_HORMAT,
                "honourable": True,
            }
        )
        citations = [pasal(52, 1, "a"), pasal(52, 2), category_citation]
        explanation_id = "Pemberhentian atas permintaan sendiri (mengundurkan diri), dengan hormat."
        explanation_en = "Dismissal on own request (resignation), honourable."
    else:
        ground = facts.ground
        citations = [pasal(52, 1, "b")]
        reason_id = reason_en = ""
        grounded = True
        if facts.has_criminal_facts:
            derived, reason_id, reason_en = _criminal_ground(facts, min_years)
            open_h = _ground_h_readings(facts, derived, min_years, lookup)
            if open_h is not None:
                return open_h
            if facts.ground is not None and derived is not None and derived != facts.ground:
                problems.append(
                    {
                        "code": "GROUND_RECLASSIFIED",
                        "message_id": f"Fakta menunjukkan huruf {derived.value}, bukan huruf "
                        f"{facts.ground.value}.",
                        "message_en": f"The facts establish ground {derived.value}, not "
                        f"{facts.ground.value}.",
                    }
                )
            if derived is None:
                grounded = False
                citations.append(
                    lookup.cite("dismissal.grounds", facts.ground or DismissalGround.H)
                )
                if facts.ground in (None, DismissalGround.H):
                    citations.append(lookup.cite("dismissal.grounds", DismissalGround.I))
            ground = derived if derived is not None else facts.ground
        elif ground == DismissalGround.G and facts.discipline_level != DisciplineLevel.BERAT:
            grounded = False
            reason_id = (
                f"hukuman disiplin tingkat {str(facts.discipline_level).lower()}, bukan berat"
            )
            reason_en = (
                f"the disciplinary penalty is {str(facts.discipline_level).lower()}, not heavy"
            )
        if ground == DismissalGround.G:
            citations.append(pasal(24, 2))
        if grounded and ground is not None:
            citations.append(lookup.cite("dismissal.grounds", ground))
            citations.append(category_citation)
            honourable = ground.value not in dishonourable
            category = (
                DismissalCategory.DENGAN_HORMAT
                if honourable
                else DismissalCategory.TIDAK_DENGAN_HORMAT
            )
            label = grounds[ground.value]
            outcome.update(
                {
                    "kind": DismissalKind.TIDAK_ATAS_PERMINTAAN_SENDIRI,
                    "ground": ground,
                    "grounded": True,
                    "category": category,
                    "honourable": honourable,
                }
            )
            hormat_id = "dengan hormat" if honourable else "tidak dengan hormat"
            hormat_en = "honourable" if honourable else "dishonourable"
            explanation_id = (
                f"Diberhentikan tidak atas permintaan sendiri karena "
                f"{label['label_id']} (Pasal 52 ayat (3) huruf {ground.value}), "
                f"{hormat_id}."
            )
            explanation_en = (
                f"Dismissed not on own request: {label['label_en']} (Pasal 52(3)"
                f"({ground.value})), {hormat_en}."
            )
        else:
            outcome.update(
                {
                    "kind": DismissalKind.TIDAK_ATAS_PERMINTAAN_SENDIRI,
                    "ground": facts.ground,
                    "grounded": False,
                    "category": None,
                    "honourable": None,
                }
            )
            problems.append(
                {"code": "NOT_GROUNDED", "message_id": reason_id, "message_en": reason_en}
            )
            explanation_id = (
                f"Tidak ada alasan pemberhentian menurut Pasal 52 ayat (3): {reason_id}."
            )
            explanation_en = f"No ground of dismissal under Pasal 52(3): {reason_en}."

    outcome["problems"] = problems
    if outcome.get("grounded"):
        decision_kind = (
            "PEMBERHENTIAN_PNS"
            if facts.employee_type == EmployeeType.PNS
            else "PEMUTUSAN_HUBUNGAN_PERJANJIAN_KERJA_PPPK"
        )
        route = next((r for r in routes if r["decision"] == decision_kind), None)
        if route is not None:
            outcome["appeal_route"] = route["route"]
            outcome["appeal_body"] = route["body"]
            citations += [pasal(64, 2), lookup.cite("disputes.routes")]
    return Decision(
        rule=RULE,
        on=on,
        outcome=outcome,
        citations=list(dict.fromkeys(citations)),
        explanation_id=explanation_id,
        explanation_en=explanation_en,
        parameters_used=lookup.records,
    )
