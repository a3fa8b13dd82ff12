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
from simasn.law.rules.position_filling import position_filling_column_check
from simasn.law.rules.retirement import BupRow, bup_table, tmt_month_offsets
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
from simasn.law.shortcuts_development import (
    behaviour_indicators,
    convert_to_jp,
    decide_jp_compliance,
    decide_leader_predikat,
    decide_predikat,
    decide_tidak_berkinerja,
    employee_ratings,
    organisation_ratings,
    performance_periods,
    place_in_box,
    talent_boxes,
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
    "behaviour_indicators",
    "build_pns_nip",
    "build_pppk_nip",
    "bup_table",
    "check_distribution",
    "check_distribution_columns",
    "check_nik",
    "check_nip",
    "code_of_ethics",
    "convert_to_jp",
    "decide_authority",
    "decide_jp_compliance",
    "decide_leader_predikat",
    "decide_predikat",
    "decide_retirement",
    "decide_tidak_berkinerja",
    "describe_problems",
    "discipline_breaches",
    "discipline_penalties",
    "dismissal_grounds",
    "distribution_checker",
    "employee_ratings",
    "evaluate",
    "formasi_types",
    "jp_compliance_columns",
    "organisation_ratings",
    "people_needed",
    "performance_periods",
    "place_boxes_columns",
    "place_in_box",
    "pns_ranks",
    "position_filling_column_check",
    "pppk_grades",
    "predikat_columns",
    "retirement_date",
    "reward_components",
    "rule_spec",
    "satyalancana_assessor",
    "satyalancana_candidates",
    "satyalancana_tmt_cutoffs",
    "talent_boxes",
    "tmt_month_offsets",
    "workplan_participants",
]
