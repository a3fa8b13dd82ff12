"""The ``learning`` rule family — UU 20/2023 Pasal 49, PP 11/2017 Pasal 203 (as amended by
PP 17/2020), PP 49/2018 Pasal 40, Peraturan LAN 10/2018 and 15/2020. Registered in the registry by ``RULE_ROWS``."""

from __future__ import annotations

from simasn.law.rules.learning._periods import contract_year
from simasn.law.rules.learning.columns import jp_compliance_columns
from simasn.law.rules.learning.compliance import JpComplianceFacts, JpRecord, jp_compliance
from simasn.law.rules.learning.conversion import JpConvertFacts, jp_convert

#: (name, facts model, function, title_id, title_en, catalogue ids, articles)
RULE_ROWS = (
    (
        "learning.jp_compliance",
        JpComplianceFacts,
        jp_compliance,
        "Jam pelajaran pengembangan kompetensi setahun (PNS paling sedikit, PPPK paling banyak)",
        "Yearly competency-development hours (PNS floor, PPPK ceiling)",
        ("R-LEARNING",),
        (
            "UU 20/2023 Pasal 49 ayat (1)",
            "PP 11/2017 Pasal 203 ayat (4)",
            "PP 49/2018 Pasal 40 ayat (1)-(2)",
            "Peraturan LAN 15/2020",
        ),
    ),
    (
        "learning.jp_convert",
        JpConvertFacts,
        jp_convert,
        "Konversi waktu belajar ke jam pelajaran",
        "Learning time to lesson hours",
        ("R-LEARNING",),
        ("Peraturan LAN 10/2018",),
    ),
)

__all__ = ["RULE_ROWS", "JpRecord", "contract_year", "jp_compliance_columns"]
