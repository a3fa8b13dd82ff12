"""SIMASN's law as code: dated parameters, rule functions, readable scenarios.

Nothing here imports the ORM. Start from:

- ``evaluate(rule, facts, on)`` and ``RULES`` — every rule by name;
- ``simasn.law.parameters`` — ``value(name, on=...)``, ``history(name)``;
- the typed shortcuts re-exported below (``check_nip``, ``retirement_date``, ...).
"""

from simasn.law.decision import Decision, FactsError, LawError, UnknownRuleError
from simasn.law.registry import RULES, RuleSpec, evaluate, rule_spec
from simasn.law.rules.retirement import BupRow, bup_table
from simasn.law.shortcuts import (
    check_nip,
    decide_authority,
    decide_retirement,
    dismissal_grounds,
    pns_ranks,
    pppk_grades,
    retirement_date,
    workplan_participants,
)

__all__ = [
    "RULES",
    "BupRow",
    "Decision",
    "FactsError",
    "LawError",
    "RuleSpec",
    "UnknownRuleError",
    "bup_table",
    "check_nip",
    "decide_authority",
    "decide_retirement",
    "dismissal_grounds",
    "evaluate",
    "pns_ranks",
    "pppk_grades",
    "retirement_date",
    "rule_spec",
    "workplan_participants",
]
