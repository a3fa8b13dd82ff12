"""The discipline rule family (PP 94/2021): penalty level, authority, period.

Code-of-ethics cases (UU 20/2023 Pasal 4, 39; PP 42/2004) are not discipline: they are
data only (parameters ``ethics.*``, :func:`simasn.law.rules.discipline.ethics.code_of_ethics`).
"""

from __future__ import annotations

from simasn.law.rules.discipline.authority import DisciplineAuthorityFacts, discipline_authority
from simasn.law.rules.discipline.penalty import PenaltyFacts, penalty
from simasn.law.rules.discipline.period import PenaltyPeriodFacts, penalty_period

#: (name, facts model, function, title_id, title_en, catalogue ids, articles)
RULE_ROWS = (
    (
        "discipline.penalty",
        PenaltyFacts,
        penalty,
        "Tingkat dan jenis hukuman disiplin",
        "Level and kind of disciplinary penalty",
        ("R-DISCIPLINE",),
        (
            "PP 94/2021 Pasal 3-5",
            "PP 94/2021 Pasal 8",
            "PP 94/2021 Pasal 9-14",
            "UU 20/2023 Pasal 24 ayat (2)",
            "UU 20/2023 Pasal 52 ayat (3) huruf g, ayat (4)",
        ),
    ),
    (
        "discipline.authority",
        DisciplineAuthorityFacts,
        discipline_authority,
        "Pejabat yang berwenang menghukum",
        "Official with authority to impose a penalty",
        ("R-DISCIPLINE",),
        ("PP 94/2021 Pasal 16-23",),
    ),
    (
        "discipline.penalty_period",
        PenaltyPeriodFacts,
        penalty_period,
        "Masa berlaku hukuman disiplin",
        "When a disciplinary penalty takes effect and is served",
        ("R-DISCIPLINE",),
        ("PP 94/2021 Pasal 8", "PP 94/2021 (berlakunya hukuman disiplin)", "Peraturan BKN 6/2022"),
    ),
)
