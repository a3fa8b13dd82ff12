"""R-FILL, R-NONASN — may this candidate fill this Jabatan ASN at this instansi?

- Pasal 19 ayat (1), 34 ayat (1): Jabatan ASN are filled from Pegawai ASN, mainly PNS.
- Pasal 34 ayat (2)-(3) and its Penjelasan: certain managerial and nonmanagerial
  positions may be filled from PPPK (criteria by Peraturan Pemerintah); a managerial
  position only if it is a certain JPT, with priority for certain Instansi Pusat.
- Pasal 19 ayat (2)-(3): certain positions may be filled from TNI and Polri, only at
  Instansi Pusat.
- Pasal 65 ayat (1)-(2), 66: no official may appoint a non-ASN to fill a Jabatan ASN;
  since the law took effect no instansi may hire non-ASN.

Whether a position is one of the "jabatan tertentu" open to PPPK, TNI or Polri is set
by implementing regulations: it is a fact (``designated_for_candidate_type``). When it
is not given, or the law speaks only of a priority, the rule asks for legal review.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.law.decision import Decision, Facts
from simasn.law.enums import CandidateType, InstansiKind, PositionKind
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import (
    Lookup,
    fmt_date_en,
    fmt_date_id,
    gap_review,
    pasal,
    require_uu_20_2023,
    review,
)

RULE = "position_filling"


class PositionFillingFacts(Facts):
    candidate_type: CandidateType
    position_kind: PositionKind
    instansi_kind: InstansiKind
    designated_for_candidate_type: bool | None = None


def _decision(
    on: dt.date,
    allowed: bool,
    citations: list[str],
    text_id: str,
    text_en: str,
    lookup: Lookup,
    extra: dict[str, Any] | None = None,
) -> Decision:
    return Decision(
        rule=RULE,
        on=on,
        outcome={"allowed": allowed, **(extra or {})},
        citations=list(dict.fromkeys(citations)),
        explanation_id=text_id,
        explanation_en=text_en,
        parameters_used=lookup.records,
    )


def position_filling(facts: PositionFillingFacts, on: dt.date) -> Decision:
    """Whether the candidate may fill the position — Pasal 19, 34 (+Penjelasan), 65, 66."""
    lookup = Lookup(on)
    blocked = require_uu_20_2023(RULE, lookup)
    if blocked:
        return blocked
    kind = facts.candidate_type
    try:
        policy = lookup.value("position_filling.policy", kind)
        policy_citation = lookup.cite("position_filling.policy", kind)
        hiring_ban_from: dt.date | None = None
        if policy["allowed"] == "NEVER":
            hiring_ban_from = lookup.value("non_asn.hiring_ban_from")
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)

    pusat = facts.instansi_kind.is_pusat
    managerial = facts.position_kind.group.value == "MANAJERIAL"
    if policy["allowed"] == "ALWAYS":
        return _decision(
            on,
            True,
            [pasal(19, 1), policy_citation],
            "PNS dapat mengisi Jabatan ASN; Jabatan ASN diutamakan diisi dari PNS.",
            "A PNS may fill a Jabatan ASN; positions are filled mainly from PNS.",
            lookup,
        )
    if policy["allowed"] == "NEVER":
        citations = [pasal(19, 1), policy_citation, pasal(65, 2), pasal(66)]
        assert hiring_ban_from is not None
        return _decision(
            on,
            False,
            citations,
            "Pejabat Pembina Kepegawaian dan pejabat lain dilarang mengangkat pegawai non-ASN "
            "untuk mengisi Jabatan ASN; sejak " + fmt_date_id(hiring_ban_from) + " Instansi "
            "Pemerintah dilarang mengangkat pegawai non-ASN.",
            "No official may appoint a non-ASN employee to a Jabatan ASN; since "
            + fmt_date_en(hiring_ban_from)
            + " no instansi may hire non-ASN staff.",
            lookup,
            {"hiring_ban_from": hiring_ban_from},
        )

    # DESIGNATED: PPPK, TNI, POLRI
    label = kind.value
    if policy.get("instansi") == "PUSAT_ONLY" and not pusat:
        return _decision(
            on,
            False,
            [pasal(19, 2), policy_citation],
            f"Jabatan ASN tertentu dari {label} hanya dapat diisi pada Instansi Pusat.",
            f"Certain ASN positions may be filled from {label} only at Instansi Pusat.",
            lookup,
        )
    citations = [policy_citation]
    if kind in (CandidateType.TNI, CandidateType.POLRI):
        citations.insert(0, pasal(19, 2, "a" if kind == CandidateType.TNI else "b"))
    else:
        citations.append(pasal(34, 3))
    managerial_kinds = policy.get("managerial_kinds")
    if managerial and managerial_kinds is not None:
        citations.append(pasal(34, 2, penjelasan=True))
        if facts.position_kind.value not in managerial_kinds:
            return _decision(
                on,
                False,
                citations,
                "Jabatan Manajerial dari PPPK hanya untuk jabatan pimpinan tinggi tertentu.",
                "A managerial position may be filled from PPPK only if it is a certain JPT.",
                lookup,
            )
    if facts.designated_for_candidate_type is None:
        return review(
            RULE,
            on,
            f"whether this position is one of the certain positions open to {label} is set by "
            "implementing regulation and was not given (designated_for_candidate_type).",
            f"apakah jabatan ini termasuk jabatan tertentu yang dapat diisi dari {label} "
            "ditetapkan peraturan pelaksana dan tidak diberikan (designated_for_candidate_type).",
            citations=citations,
            outcome={"allowed": None},
            lookup=lookup,
        )
    if not facts.designated_for_candidate_type:
        return _decision(
            on,
            False,
            citations,
            f"Jabatan ini bukan jabatan tertentu yang dapat diisi dari {label}.",
            f"This position is not one of the certain positions open to {label}.",
            lookup,
        )
    if (
        managerial
        and managerial_kinds is not None
        and not pusat
        and policy.get("managerial_priority_instansi") == "PUSAT"
    ):
        return review(
            RULE,
            on,
            "Penjelasan Pasal 34 ayat (2) reserves managerial PPPK positions to certain JPT "
            '"with priority for certain Instansi Pusat"; whether an Instansi Daerah may fill '
            "one is not settled.",
            "Penjelasan Pasal 34 ayat (2) memperuntukkan Jabatan Manajerial dari PPPK bagi JPT "
            'tertentu "dengan prioritas untuk Instansi Pusat tertentu"; apakah Instansi Daerah '
            "dapat mengisinya tidak diatur tegas.",
            citations=citations,
            outcome={"allowed": None},
            lookup=lookup,
        )
    return _decision(
        on,
        True,
        citations,
        f"Jabatan ini termasuk jabatan tertentu yang dapat diisi dari {label}.",
        f"This position is one of the certain positions open to {label}.",
        lookup,
    )


# ---------------------------------------------------------------- column-wise form


#: ``designated`` as the column form indexes it: not given (null), False, True.
_DESIGNATED = (None, False, True)


def position_filling_column_check(on: dt.date) -> Any:
    """The rule over columns, with the law in force on ``on`` applied once, now.

    Returns ``allowed(candidate_type=..., position_kind=..., instansi_kind=...,
    designated=...)`` taking Arrow arrays (or anything ``pyarrow.array`` takes) of equal
    length — the codes as strings, ``designated`` as booleans (null: not given) — and
    giving a boolean array: True where :func:`position_filling` allows the candidate, False
    where it refuses, null where it asks for legal review or a fact is not a known code.

    The answer is exact by construction: the row-wise rule is evaluated once for every
    combination of the (few) codes and the column is mapped through that table, so there is
    one rule, read once per file instead of once per row.
    """
    # Imported on first use: pyarrow takes ~0.25 s to import, paid only by bulk file work.
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from simasn.law.rules._columns import as_array, codes_to_index, same_length

    types = [t.value for t in CandidateType]
    kinds = [k.value for k in PositionKind]
    instansi = [k.value for k in InstansiKind]
    # The rule reads of the instansi only whether it is an Instansi Pusat: one evaluation per
    # side serves every kind of that side (a test compares every combination with the rule).
    answers: dict[tuple[CandidateType, PositionKind, bool, bool | None], int] = {}
    table = np.full(len(types) * len(kinds) * len(instansi) * len(_DESIGNATED), -1, dtype=np.int8)
    for a, candidate in enumerate(CandidateType):
        for b, kind in enumerate(PositionKind):
            for c, instansi_kind in enumerate(InstansiKind):
                for d, designated in enumerate(_DESIGNATED):
                    key = (candidate, kind, instansi_kind.is_pusat, designated)
                    if key not in answers:
                        decision = position_filling(
                            PositionFillingFacts(candidate_type=candidate, position_kind=kind,
                                                 instansi_kind=instansi_kind,
                                                 designated_for_candidate_type=designated),
                            on,
                        )
                        verdict = decision.outcome.get("allowed")
                        answers[key] = -1 if decision.needs_legal_review or verdict is None else int(bool(verdict))
                    table[((a * len(kinds) + b) * len(instansi) + c) * len(_DESIGNATED) + d] = answers[key]

    def allowed(*, candidate_type: Any, position_kind: Any, instansi_kind: Any, designated: Any) -> Any:
        same_length(candidate_type=candidate_type, position_kind=position_kind,
                    instansi_kind=instansi_kind, designated=designated)

        def positions(values: Any, codes: list[str]) -> Any:  # -1: null or not a known code
            return pc.fill_null(codes_to_index(values, codes), -1).to_numpy(zero_copy_only=False).astype(np.int64)

        a, b, c = positions(candidate_type, types), positions(position_kind, kinds), positions(instansi_kind, instansi)
        given = as_array(designated).cast(pa.bool_())
        d = np.where(given.is_null().to_numpy(zero_copy_only=False), 0,
                     np.where(given.fill_null(False).to_numpy(zero_copy_only=False), 2, 1))
        known = (a >= 0) & (b >= 0) & (c >= 0)
        index = ((a * len(kinds) + b) * len(instansi) + c) * len(_DESIGNATED) + d
        found = np.where(known, table[np.where(known, index, 0)], -1)
        return pa.array(found == 1, mask=found < 0, type=pa.bool_())

    return allowed
