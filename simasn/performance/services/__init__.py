"""Writes of performance management and work culture (UU 20/2023 Pasal 39-45).

- ``periods``: the annual period and its periodic evaluations, open and close
- ``plans``: SKP plans from the registry's hierarchy, cascaded results, expectations, Plt
- ``work``: evidence, dialogues (coaching, counselling), peer/subordinate feedback
- ``ratings``: ratings by the matrix, overrides, unit rating and finalisation within the
  distribution limits, "tidak berkinerja" cases
- ``culture``: the work-culture programme's activities
"""

from simasn.performance.services.culture import culture_activity_add
from simasn.performance.services.periods import evaluations, period_close, period_open
from simasn.performance.services.plans import (
    acting_assign,
    behaviour_expectation_set,
    expectation_set,
    indicator_add,
    organisation_programmes,
    plan_agree,
    plan_prepare,
    plans_prepare_all,
    realisation_record,
    result_add,
)
from simasn.performance.services.ratings import (
    case_decide,
    override_approver_id,
    rating_override_decide,
    rating_override_request,
    rating_set,
    unit_check,
    unit_counts,
    unit_finalise,
    unit_fits,
    unit_rating_set,
    unit_unrated,
)
from simasn.performance.services.work import (
    dialogue_plan,
    dialogue_record,
    evidence_add,
    feedback_give,
)

__all__ = [
    "acting_assign", "behaviour_expectation_set", "case_decide", "culture_activity_add", "dialogue_plan",
    "dialogue_record", "evaluations", "evidence_add", "expectation_set", "feedback_give", "indicator_add", "organisation_programmes",
    "override_approver_id", "period_close", "period_open", "plan_agree", "plan_prepare", "plans_prepare_all",
    "rating_override_decide", "rating_override_request", "rating_set", "realisation_record", "result_add",
    "unit_check", "unit_counts", "unit_finalise", "unit_fits", "unit_rating_set", "unit_unrated",
]
