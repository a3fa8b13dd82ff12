"""The ``performance`` rule family — PermenPANRB 6/2022, PP 30/2019, PP 49/2018, UU 20/2023
Pasal 39-45 and 52 ayat (3) huruf f. Registered in the registry by ``RULE_ROWS``."""

from __future__ import annotations

from simasn.law.rules.performance.columns import predikat_column_function, predikat_columns
from simasn.law.rules.performance.distribution import (
    DistributionCheck,
    DistributionChecker,
    Limit,
    LimitResult,
    check_distribution,
    check_distribution_columns,
    distribution_checker,
)
from simasn.law.rules.performance.distribution_rule import DistributionFacts, distribution
from simasn.law.rules.performance.periods import PeriodsFacts, periods
from simasn.law.rules.performance.predikat import (
    LeaderPredikatFacts,
    PredikatFacts,
    leader_predikat,
    predikat,
)
from simasn.law.rules.performance.tidak_berkinerja import TidakBerkinerjaFacts, tidak_berkinerja

PERMEN = "PermenPANRB 6/2022 Lampiran"

#: (name, facts model, function, title_id, title_en, catalogue ids, articles)
RULE_ROWS = (
    (
        "performance.predikat",
        PredikatFacts,
        predikat,
        "Predikat kinerja pegawai (matriks hasil kerja x perilaku)",
        "Employee rating (work results x behaviour matrix)",
        ("R-PERFORMANCE",),
        (PERMEN, "UU 20/2023 Pasal 42 huruf a"),
    ),
    (
        "performance.leader_predikat",
        LeaderPredikatFacts,
        leader_predikat,
        "Predikat kinerja pimpinan unit (mengikuti capaian unit)",
        "A unit leader's rating (follows the unit's)",
        ("R-PERFORMANCE",),
        (PERMEN,),
    ),
    (
        "performance.distribution",
        DistributionFacts,
        distribution,
        "Batas distribusi predikat menurut predikat kinerja organisasi",
        "Limits on the rating distribution set by the organisation's rating",
        ("R-PERFORMANCE",),
        (PERMEN,),
    ),
    (
        "performance.periods",
        PeriodsFacts,
        periods,
        "Periode evaluasi kinerja periodik dan tahunan",
        "Periodic and annual performance evaluation periods",
        ("R-PERFORMANCE",),
        ("PP 30/2019 Pasal 1 angka 3", PERMEN),
    ),
    (
        "performance.tidak_berkinerja",
        TidakBerkinerjaFacts,
        tidak_berkinerja,
        'Alasan pemberhentian "tidak berkinerja"',
        'The "not performing" dismissal ground',
        ("R-STOP", "R-PERFORMANCE"),
        (
            "UU 20/2023 Pasal 52 ayat (3) huruf f",
            "PP 30/2019 Pasal 56",
            "PP 49/2018 Pasal 37 ayat (1)",
        ),
    ),
)

__all__ = [
    "RULE_ROWS",
    "DistributionCheck",
    "DistributionChecker",
    "Limit",
    "LimitResult",
    "check_distribution",
    "check_distribution_columns",
    "distribution_checker",
    "predikat_column_function",
    "predikat_columns",
]
