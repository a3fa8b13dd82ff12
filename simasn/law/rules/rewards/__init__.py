"""The rewards rule family: Satyalancana Karya Satya, funding source, reward components."""

from __future__ import annotations

from simasn.law.rules.rewards.funding import FundingFacts, funding_source
from simasn.law.rules.rewards.satyalancana import SatyalancanaFacts, satyalancana

#: (name, facts model, function, title_id, title_en, catalogue ids, articles)
RULE_ROWS = (
    (
        "rewards.satyalancana",
        SatyalancanaFacts,
        satyalancana,
        "Satyalancana Karya Satya",
        "Satyalancana Karya Satya (long-service decoration)",
        ("R-REWARD",),
        ("PP 25/1994 Pasal 2", "PP 25/1994 Pasal 4 ayat (1)-(3)", "UU 20/2009", "PP 35/2010"),
    ),
    (
        "rewards.funding_source",
        FundingFacts,
        funding_source,
        "Sumber pendanaan penghargaan dan pengakuan",
        "Funding source of rewards and recognition",
        ("R-REWARD",),
        ("UU 20/2023 Pasal 50 ayat (2)", "UU 20/2023 Pasal 50 ayat (3)"),
    ),
)
