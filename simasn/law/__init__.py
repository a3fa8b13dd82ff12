"""SIMASN's law as code: dated parameters, rule functions, readable scenarios.

Nothing here imports the ORM. Start from:

- ``evaluate(rule, facts, on)`` and ``RULES`` — every rule by name;
- ``simasn.law.parameters`` — ``value(name, on=...)``, ``history(name)``;
- the typed shortcuts re-exported below (``check_nip``, ``retirement_date``, ...).
"""

from simasn.law.decision import Decision, FactsError, LawError, UnknownRuleError
from simasn.law.registry import RULES, RuleSpec, evaluate, rule_spec
from simasn.law.rules.discipline.catalogue import (
    code_of_ethics,
    discipline_breaches,
    discipline_penalties,
)
from simasn.law.rules.learning import jp_compliance_columns
from simasn.law.rules.nip_build import NipBuildError, build_pns_nip, build_pppk_nip
from simasn.law.rules.performance import (
    DistributionCheck,
    LimitResult,
    check_distribution,
    check_distribution_columns,
    distribution_checker,
    predikat_columns,
)
from simasn.law.rules.retirement import BupRow, bup_table
from simasn.law.rules.rewards.components import reward_components
from simasn.law.rules.rewards.satyalancana import (
    satyalancana_assessor,
    satyalancana_candidates,
    satyalancana_tmt_cutoffs,
)
from simasn.law.rules.rewards.satyalancana_core import (
    PenaltyOnRecord,
    SatyalancanaRecord,
    SatyalancanaResult,
    ServiceBreak,
)
from simasn.law.rules.talent import TalentInputError, describe_problems, place_boxes_columns
from simasn.law.shortcuts import (
    basic_salary,
    basic_salary_table,
    check_nik,
    check_nip,
    decide_authority,
    decide_retirement,
    dismissal_grounds,
    formasi_types,
    people_needed,
    pns_ranks,
    pppk_grades,
    retirement_date,
    workplan_participants,
)

__all__ = [
    "RULES",
    "BupRow",
    "Decision",
    "DistributionCheck",
    "FactsError",
    "LawError",
    "LimitResult",
    "NipBuildError",
    "PenaltyOnRecord",
    "RuleSpec",
    "SatyalancanaRecord",
    "SatyalancanaResult",
    "ServiceBreak",
    "TalentInputError",
    "UnknownRuleError",
    "basic_salary",
    "basic_salary_table",
    "build_pns_nip",
    "build_pppk_nip",
    "bup_table",
    "check_distribution",
    "check_distribution_columns",
    "check_nik",
    "check_nip",
    "code_of_ethics",
    "decide_authority",
    "decide_retirement",
    "describe_problems",
    "discipline_breaches",
    "discipline_penalties",
    "dismissal_grounds",
    "distribution_checker",
    "evaluate",
    "formasi_types",
    "jp_compliance_columns",
    "people_needed",
    "place_boxes_columns",
    "pns_ranks",
    "pppk_grades",
    "predikat_columns",
    "retirement_date",
    "reward_components",
    "rule_spec",
    "satyalancana_assessor",
    "satyalancana_candidates",
    "satyalancana_tmt_cutoffs",
    "workplan_participants",
]
