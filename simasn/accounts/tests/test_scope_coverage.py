"""The scope matrix covers every resource (issue 11): each `Resource` of the policy table is
named here with the test(s) that assert its scope by effect — a role of the owning instansi
(or the role holding the grant) is allowed, a role of another instansi (or a role without the
grant) is refused: the object shows or does not, the write happens or is refused.

A new resource without such a test fails `test_every_resource_is_covered_or_a_stated_gap`
with its name. A resource may only be left out in NOT_YET_COVERED, with the reason, so the
gap is visible instead of pretended away. The entries were chosen by reading the tests; a
test that only compares the policy table with itself (reach values) does not count.
"""

from __future__ import annotations

import importlib

import pytest

from simasn.accounts.policy.resources import Resource

ACCOUNTS = "simasn/accounts/tests/test_scope_matrix.py::test_scope_matrix"
ACTIONS = "simasn/actions/tests/test_scope_matrix_actions.py::test_action_scope_matrix"
PERFORMANCE = "simasn/performance/tests/test_scope_matrix.py::test_scope_matrix"
WORKPLANS = "simasn/workplans/tests/test_scope_matrix_workplans.py::test_workplan_scope_matrix"

COVERED_BY: dict[Resource, tuple[str, ...]] = {
    # Registry: every role x own/other instansi x view/create/update/archive, web, API, admin.
    Resource.INSTANSI: (ACCOUNTS,),
    Resource.UNIT: (ACCOUNTS,),
    Resource.OFFICIAL: (ACCOUNTS,),
    Resource.POSITION: (ACCOUNTS,),
    Resource.EMPLOYEE: (
        ACCOUNTS,
        "simasn/personnel/tests/test_api_employee.py::test_an_operator_reads_only_their_instansi_and_sees_no_sensitive_data",
        "simasn/personnel/tests/test_api_employee.py::test_a_pegawai_reads_only_their_own_record",
    ),
    Resource.EMPLOYEE_SENSITIVE: (
        "simasn/personnel/tests/test_web_employee.py::test_detail_page_hides_sensitive_data_until_revealed",
        "simasn/personnel/tests/test_register_checks.py::test_a_role_that_may_not_reveal_cannot_open_the_sensitive_edit",
        "simasn/personnel/tests/test_api_employee.py::test_an_operator_reads_only_their_instansi_and_sees_no_sensitive_data",
    ),
    Resource.EMPLOYEE_IMPORT: (
        "simasn/bulk/tests/test_web.py::test_other_instansi_jobs_are_invisible",
        "simasn/bulk/tests/test_import.py::test_a_role_without_create_rights_cannot_import",
        "simasn/bulk/tests/test_import.py::test_operator_imports_only_into_own_instansi",
    ),
    Resource.AUDIT: (
        ACTIONS,
        "simasn/personnel/tests/test_web_employee.py::test_employee_sees_own_record_and_its_audit_history_but_no_one_else",
    ),
    Resource.INSTITUTION: (
        "simasn/organization/tests/test_institution_scope.py::test_only_an_administrator_writes_national_institutions",
        "simasn/organization/tests/test_institution_scope.py::test_national_institutions_are_read_by_the_roles_that_need_them",
    ),
    Resource.AGGREGATE: (
        "simasn/actions/tests/test_selectors_retirement.py::test_projection_is_one_query_and_scoped",
        "simasn/actions/tests/test_disclosure.py::test_a_role_without_personal_data_sees_small_cells_suppressed",
    ),
    # Work plans (PermenRK).
    Resource.WORKPLAN: (WORKPLANS,),
    Resource.WORKPLAN_DRAFT: (
        WORKPLANS, "simasn/workplans/tests/test_services_cycle.py::test_planner_edits_only_own_draft",
    ),
    Resource.WORKPLAN_COORDINATION: (
        WORKPLANS, "simasn/workplans/tests/test_views.py::test_recipient_reads_only_what_was_sent",
    ),
    Resource.WORKPLAN_POLICY: ("simasn/workplans/tests/test_services_cycle.py::test_policy_published_is_read_only_and_versioned",),
    Resource.WORKPLAN_SIGNATURE: ("simasn/workplans/tests/test_services_cycle.py::test_signing_refuses_wrong_people_and_twice",),
    Resource.WORKPLAN_MEETING: ("simasn/workplans/tests/test_scope_meeting_monitoring.py::test_only_the_coordinator_convenes_the_meeting",),
    Resource.WORKPLAN_MONITORING: (
        "simasn/workplans/tests/test_scope_meeting_monitoring.py::test_each_planner_records_the_realization_of_their_own_institution_only",
    ),
    Resource.WORKPLAN_GLOSSARY: ("simasn/workplans/tests/test_services_overlap.py::test_glossary_refuses_bad_entries_and_other_roles",),
    Resource.WORKPLAN_LABEL: (
        "simasn/workplans/tests/test_services_overlap.py::test_participants_mark_pairs_of_their_own_institution_only",
    ),
    Resource.WORKPLAN_DETECTOR: ("simasn/workplans/tests/test_services_overlap.py::test_only_the_coordinator_or_an_administrator_retrains",),
    # Personnel actions and the parties of their workflow.
    Resource.ACTION: (ACTIONS, "simasn/actions/tests/test_selectors_visibility.py::test_who_sees_which_action"),
    Resource.ACTION_DRAFT: (
        "simasn/actions/tests/test_services_workflow.py::test_operator_of_another_instansi_cannot_draft",
        "simasn/actions/tests/test_services_workflow.py::test_only_the_drafting_instansi_withdraws",
    ),
    Resource.ACTION_PROPOSAL: (
        "simasn/actions/tests/test_services_workflow.py::test_wrong_actor_refused_and_audited",
        "simasn/actions/tests/test_services_workflow.py::test_jpt_madya_only_the_president_decides",
    ),
    Resource.ACTION_DECISION: (
        "simasn/actions/tests/test_services_workflow.py::test_wrong_actor_refused_and_audited",
        "simasn/actions/tests/test_services_workflow.py::test_jpt_madya_only_the_president_decides",
    ),
    Resource.ACTION_ACCEPTANCE: ("simasn/actions/tests/test_services_workflow.py::test_transfer_between_instansi_needs_acceptance",),
    Resource.LAW_PARAMETER: (
        "simasn/lawdata/tests/test_services_overrides.py::test_other_roles_may_not_add_versions",
        "simasn/lawdata/tests/test_admin.py::test_admin_adds_a_version_audited_and_cannot_change_it",
    ),
    Resource.USER_TWO_FACTOR: (
        "simasn/accounts/tests/test_two_factor.py::test_only_an_administrator_resets_a_device",
        "simasn/accounts/tests/test_two_factor.py::test_the_reset_is_an_admin_action_asking_for_a_reason",
    ),
    # Needs planning.
    Resource.NEEDS_POLICY: ("simasn/planning/tests/test_services_policy.py::test_only_kemenpanrb_sets_policy_and_others_see_only_published",),
    Resource.NEEDS_PLAN: (
        "simasn/planning/tests/test_services_plan.py::test_operator_plans_only_for_own_instansi",
        "simasn/planning/tests/test_services_plan.py::test_national_roles_see_a_plan_only_once_proposed",
    ),
    Resource.NEEDS_PROPOSAL: ("simasn/planning/tests/test_services_plan.py::test_submit_checks_the_budget_ceiling_and_the_role",),
    Resource.NEEDS_DECISION: ("simasn/planning/tests/test_services_plan.py::test_review_and_decision_give_the_approved_formasi",),
    Resource.NEEDS_NATIONAL: ("simasn/planning/tests/test_views.py::test_national_view_and_its_export",),
    # Performance.
    Resource.PERFORMANCE_PLAN: (
        PERFORMANCE, "simasn/performance/tests/test_web_api.py::test_the_employee_sees_their_plan_and_not_a_colleagues",
    ),
    Resource.PERFORMANCE_TEAM: (
        "simasn/performance/tests/test_scope_matrix.py::test_a_superior_sees_exactly_the_plans_they_appraise",
        "simasn/performance/tests/test_services_rating.py::test_the_predikat_is_the_matrix_cell_and_only_the_appraiser_rates",
    ),
    Resource.PERFORMANCE_UNIT_RATING: (
        PERFORMANCE, "simasn/performance/tests/test_unit_leader_calibration.py::test_only_the_units_they_lead",
    ),
    Resource.PERFORMANCE_OVERRIDE: (
        "simasn/performance/tests/test_services_rating.py::"
        "test_the_superior_named_on_the_request_sees_and_decides_the_override_not_the_instansi_officials",
    ),
    Resource.PERFORMANCE_OVERRIDE_OFFICE: (
        "simasn/performance/tests/test_services_rating.py::"
        "test_at_the_top_of_the_register_the_pyb_or_ppk_of_the_instansi_decides_the_override",
    ),
    Resource.PERFORMANCE_CASE: (PERFORMANCE,),
    Resource.PERFORMANCE_STATISTICS: (PERFORMANCE,),
    Resource.PERFORMANCE_PERIOD: (
        "simasn/performance/tests/test_scope_periods_culture.py::test_the_own_operator_opens_the_year_and_records_culture_others_read_in_scope",
    ),
    Resource.WORK_CULTURE: (
        "simasn/performance/tests/test_scope_periods_culture.py::test_the_own_operator_opens_the_year_and_records_culture_others_read_in_scope",
    ),
    # Procurement.
    Resource.SELECTION_PERIOD: ("simasn/procurement/tests/test_api.py::test_bkn_moves_a_period_on_by_api_only_forward",),
    Resource.VACANCY: (
        "simasn/procurement/tests/test_portal.py::test_an_operator_opens_vacancies_of_their_own_instansi_only",
        "simasn/procurement/tests/test_portal.py::test_a_vacancy_from_the_planning_formasi_keeps_its_reference_and_seat_limit",
    ),
    Resource.APPLICATION: ("simasn/procurement/tests/test_registration.py::test_applicants_see_only_their_own_application",),
    Resource.APPLICATION_VERIFICATION: (
        "simasn/procurement/tests/test_verification.py::test_only_the_vacancys_instansi_verifies",
        "simasn/procurement/tests/test_verification.py::test_the_verifier_works_through_applications_on_the_web",
    ),
    Resource.SANGGAH: ("simasn/procurement/tests/test_scope_procurement.py::test_the_vacancys_committee_announces_and_answers_the_sanggah_the_other_does_not",),
    Resource.SELECTION_RESULT: ("simasn/procurement/tests/test_scope_procurement.py::test_the_vacancys_committee_announces_and_answers_the_sanggah_the_other_does_not",),
    Resource.PROCUREMENT_APPOINTMENT: ("simasn/procurement/tests/test_scope_procurement.py::test_only_the_vacancys_instansi_appoints",),
    Resource.PROCUREMENT_RECONCILIATION: ("simasn/procurement/tests/test_scope_procurement.py::test_only_bkn_reads_the_portal_reconciliation",),
    # Competency development.
    Resource.LEARNING_RECORD: (
        "simasn/learning/tests/test_web_and_scope.py::test_lists_show_only_the_viewers_reach",
        "simasn/learning/tests/test_services_records.py::test_an_operator_cannot_record_for_another_instansi",
        "simasn/learning/tests/test_services_records.py::test_an_employee_records_only_their_own_learning",
    ),
    Resource.DEVELOPMENT_PLAN: ("simasn/learning/tests/test_development_plans.py::test_scope_rows_for_development_plans",),
    Resource.DEVELOPMENT_TEAM: (
        "simasn/learning/tests/test_team_and_national.py::"
        "test_a_superior_reads_the_plans_of_the_employees_they_appraise_and_no_others",
    ),
    Resource.LEARNING_COMPLIANCE: (
        "simasn/learning/tests/test_scope_compliance.py::test_the_compliance_list_shows_the_own_instansi_only",
    ),
    # Talent management.
    Resource.TALENT_PROFILE: (
        "simasn/talent/tests/test_api_and_scope.py::test_other_instansi_sees_no_placements_and_a_pegawai_only_their_own",
    ),
    Resource.TALENT_SUCCESSION: ("simasn/talent/tests/test_succession_and_mobility.py::test_other_instansi_cannot_designate_or_see",),
    Resource.TALENT_MOBILITY: (
        "simasn/talent/tests/test_succession_and_mobility.py::test_between_instansi_needs_the_receivers_acceptance_first",
        "simasn/talent/tests/test_succession_and_mobility.py::test_a_proposal_within_the_instansi_goes_through_to_an_sk",
    ),
    Resource.TALENT_ASSESSMENT: (
        "simasn/talent/tests/test_scope_talent.py::test_assessments_are_recorded_by_the_own_operator_and_read_in_scope",
    ),
    Resource.TALENT_PRIORITY: (
        "simasn/talent/tests/test_scope_talent.py::test_only_kemenpanrb_sets_national_priorities_and_instansi_roles_do_not_read_them",
    ),
    Resource.TALENT_GAP: (
        "simasn/talent/tests/test_scope_talent.py::test_the_gap_view_shows_the_own_instansi_its_posts_and_another_nothing",
    ),
    # Discipline and upaya administratif.
    Resource.DISCIPLINE_CASE: (
        "simasn/discipline/tests/test_services_cases.py::test_only_the_own_instansi_decides_and_the_employee_sees_only_their_own",
    ),
    Resource.DISCIPLINE_DECISION: (
        "simasn/discipline/tests/test_services_cases.py::test_only_the_own_instansi_decides_and_the_employee_sees_only_their_own",
        "simasn/discipline/tests/test_services_cases.py::test_each_level_from_the_law_and_its_authority",
    ),
    Resource.DISPUTE: ("simasn/disputes/tests/test_services_disputes.py::test_only_the_employee_files_for_themselves_and_scope_holds",),
    Resource.DISPUTE_OBJECTION_DECISION: (
        "simasn/disputes/tests/test_services_disputes.py::test_only_the_employee_files_for_themselves_and_scope_holds",
        "simasn/disputes/tests/test_services_disputes.py::test_a_keberatan_outcome_amends_the_discipline_decision_end_to_end",
    ),
    Resource.DISPUTE_APPEAL_ANSWER: ("simasn/disputes/tests/test_services_disputes.py::test_the_ppk_answers_a_banding_then_bpasn_decides",),
    Resource.DISPUTE_APPEAL_DECISION: (
        "simasn/disputes/tests/test_services_disputes.py::test_a_dismissal_goes_to_bpasn_who_waits_for_the_ppk_or_decides_on_silence",
    ),
    Resource.CASE_SERVICE_LEVELS: (
        "simasn/disputes/tests/test_services_disputes.py::"
        "test_service_levels_count_discipline_cases_with_disputes_per_instansi_and_nationally",
    ),
    # Rewards.
    Resource.REWARD: ("simasn/rewards/tests/test_services_rewards.py::test_the_reward_record_page_and_the_candidate_list",),
    Resource.SATYALANCANA: ("simasn/rewards/tests/test_services_rewards.py::test_only_the_ppk_proposes_and_only_its_own",),
}

#: Resources without an own-vs-other (or granted-vs-refused) test yet, each with the reason.
#: Move a resource to COVERED_BY when its test lands; never add one here to make a test pass.
NOT_YET_COVERED: dict[Resource, str] = {}


def _module_and_function(node: str) -> tuple[str, str]:
    path, _, function = node.partition("::")
    return path.removesuffix(".py").replace("/", "."), function.split("[", 1)[0]


def test_every_resource_is_covered_or_a_stated_gap() -> None:
    missing = [r.name for r in Resource if r not in COVERED_BY and r not in NOT_YET_COVERED]
    assert not missing, (
        "no scope test named for " + ", ".join(missing) + ": write a test that allows the owning instansi "
        "(or the granted role) and refuses another, then name it in COVERED_BY")


def test_a_resource_is_either_covered_or_a_gap_not_both() -> None:
    both = sorted(r.name for r in set(COVERED_BY) & set(NOT_YET_COVERED))
    assert not both, f"listed as covered and as not yet covered: {both}"
    assert all(COVERED_BY.values()), "a covered resource names no test"
    assert all(reason.strip() for reason in NOT_YET_COVERED.values())


@pytest.mark.parametrize("node", sorted({n for nodes in COVERED_BY.values() for n in nodes}))
def test_each_named_scope_test_exists(node: str) -> None:
    module_name, function = _module_and_function(node)
    module = importlib.import_module(module_name)
    assert callable(getattr(module, function, None)), f"{node} names no test function"
    assert function.startswith("test_"), node
