"""The disputes rule family (UU 20/2023 Pasal 64; PP 79/2021): remedy, deadline, admissible."""

from __future__ import annotations

from simasn.law.rules.disputes.admissible import AdmissibleFacts, admissible
from simasn.law.rules.disputes.deadline import DeadlineFacts, dispute_deadline
from simasn.law.rules.disputes.remedy import RemedyFacts, remedy

#: (name, facts model, function, title_id, title_en, catalogue ids, articles)
RULE_ROWS = (
    (
        "disputes.remedy",
        RemedyFacts,
        remedy,
        "Upaya administratif atas keputusan",
        "Administrative remedy against a decision",
        ("R-DISPUTE",),
        ("UU 20/2023 Pasal 64", "PP 79/2021 Pasal 1 angka 4-5", "PP 79/2021 Pasal 11, 13, 16"),
    ),
    (
        "disputes.deadline",
        DeadlineFacts,
        dispute_deadline,
        "Batas waktu upaya administratif",
        "Deadline of an administrative remedy step",
        ("R-DISPUTE",),
        ("PP 79/2021 Pasal 11 ayat (3)", "PP 79/2021 Pasal 13", "UU 30/2014 Pasal 77 ayat (5)"),
    ),
    (
        "disputes.admissible",
        AdmissibleFacts,
        admissible,
        "Keberatan/banding tepat waktu",
        "Keberatan or banding filed in time",
        ("R-DISPUTE",),
        ("PP 79/2021 Pasal 11 ayat (3)",),
    ),
)
