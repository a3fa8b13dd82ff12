"""R-MERIT — which attributes a merit decision may read.

- Pasal 27 ayat (2): ASN management runs on the merit system; Pasal 29 ayat (2) and
  30 ayat (5): the PPK and PyB apply it.
- Penjelasan Pasal 26 ayat (2) huruf d: meritocracy rests on qualification,
  competence, potential and performance, integrity and morality (parameter
  ``merit.allowed_attributes``) ...
- ... without distinguishing ethnicity, race, skin colour, religion, origin, sex,
  marital status, age or special needs (also Penjelasan Pasal 2 huruf j; parameter
  ``merit.protected_attributes``).

An attribute the law names neither way (say, years of service) is not refused, but the
decision asks for legal review before it is used.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field

from simasn.law.decision import Decision, Facts
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup, gap_review, pasal, require_uu_20_2023

RULE = "merit_inputs"


class MeritInputsFacts(Facts):
    attributes: list[str] = Field(min_length=1)


def _normal(text: str) -> str:
    return text.strip().lower().replace("-", "_").replace(" ", "_")


def _index(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    index: dict[str, dict[str, Any]] = {}
    for entry in entries:
        for name in [entry["code"], entry["label_id"], entry["label_en"], *entry["aliases"]]:
            index[_normal(name)] = entry
    return index


def merit_inputs(facts: MeritInputsFacts, on: dt.date) -> Decision:
    """Sort attributes into allowed, refused (protected) and unknown — Pasal 2, 26, 27."""
    lookup = Lookup(on)
    blocked = require_uu_20_2023(RULE, lookup)
    if blocked:
        return blocked
    try:
        allowed_index = _index(lookup.value("merit.allowed_attributes"))
        protected_index = _index(lookup.value("merit.protected_attributes"))
        allowed_citation = lookup.cite("merit.allowed_attributes")
        protected_citation = lookup.cite("merit.protected_attributes")
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)

    allowed: list[str] = []
    refused: list[dict[str, str]] = []
    unknown: list[str] = []
    for attribute in facts.attributes:
        key = _normal(attribute)
        if key in protected_index:
            entry = protected_index[key]
            refused.append(
                {
                    "attribute": attribute,
                    "code": entry["code"],
                    "label_id": entry["label_id"],
                    "label_en": entry["label_en"],
                }
            )
        elif key in allowed_index:
            code = allowed_index[key]["code"]
            if code not in allowed:
                allowed.append(code)
        else:
            unknown.append(attribute)

    citations = [pasal(27, 2), allowed_citation]
    if refused:
        citations += [protected_citation, pasal(26, 2, "d", penjelasan=True)]
    parts_id = []
    parts_en = []
    if allowed:
        parts_id.append("boleh digunakan: " + ", ".join(a.lower() for a in allowed))
        parts_en.append("may be used: " + ", ".join(a.lower() for a in allowed))
    if refused:
        parts_id.append(
            "DITOLAK (latar belakang yang dilindungi asas nondiskriminatif): "
            + ", ".join(r["label_id"] for r in refused)
        )
        parts_en.append(
            "REFUSED (background protected by non-discrimination): "
            + ", ".join(r["label_en"] for r in refused)
        )
    if unknown:
        parts_id.append("tidak disebut undang-undang: " + ", ".join(unknown))
        parts_en.append("not named by the law: " + ", ".join(unknown))
    review_reason = None
    if unknown:
        review_reason = (
            "the law names these attributes neither as merit criteria nor as protected "
            "background: " + ", ".join(unknown) + "."
        )
    return Decision(
        rule=RULE,
        on=on,
        outcome={
            "allowed": allowed,
            "refused": refused,
            "refused_codes": [r["code"] for r in refused],
            "unknown": unknown,
            "all_allowed": not refused and not unknown,
        },
        citations=list(dict.fromkeys(citations)),
        explanation_id="Atribut keputusan merit — " + "; ".join(parts_id) + ".",
        explanation_en="Merit decision attributes — " + "; ".join(parts_en) + ".",
        needs_legal_review=bool(unknown),
        review_reason=review_reason,
        parameters_used=lookup.records,
    )
