"""The ``talent`` rule family — PermenPANRB 3/2020, BKN's talent-scoring guidance, UU 20/2023
Pasal 27 ayat (2) and 46. Registered in the registry by ``RULE_ROWS``."""

from __future__ import annotations

from simasn.law.rules.talent.box import ComponentScore, TalentBoxFacts, talent_box
from simasn.law.rules.talent.columns import (
    PROBLEM_BITS,
    TalentInputError,
    describe_problems,
    place_boxes_columns,
)

#: (name, facts model, function, title_id, title_en, catalogue ids, articles)
RULE_ROWS = (
    (
        "talent.box",
        TalentBoxFacts,
        talent_box,
        "Penempatan kotak manajemen talenta (9 kotak)",
        "Talent nine-box placement",
        ("R-MOBILITY", "R-MERIT"),
        (
            "PermenPANRB 3/2020 Lampiran",
            "UU 20/2023 Pasal 46 ayat (4)",
            "UU 20/2023 Pasal 27 ayat (2)",
            "Keputusan Kepala BKN 411/2025 (bobot, dilaporkan)",
        ),
    ),
)

__all__ = [
    "PROBLEM_BITS",
    "RULE_ROWS",
    "ComponentScore",
    "TalentBoxFacts",
    "TalentInputError",
    "describe_problems",
    "place_boxes_columns",
]
