"""The vocabulary of the policy table: what is protected (Resource), what is done to it
(Action), how far a grant reaches (Reach), and the viewer's own records a model's
`scope_qualifiers` may name (Own)."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Resource(StrEnum):
    INSTANSI = "instansi"
    UNIT = "unit"
    OFFICIAL = "official"
    POSITION = "position"
    EMPLOYEE = "employee"
    EMPLOYEE_SENSITIVE = "employee_sensitive"
    # Bulk import jobs (simasn/bulk): view = see the jobs, create = start one.
    EMPLOYEE_IMPORT = "employee_import"
    AUDIT = "audit"
    INSTITUTION = "institution"
    AGGREGATE = "aggregate"
    # Work-plan synchronization (PermenRK, simasn/workplans).
    WORKPLAN = "workplan"
    WORKPLAN_POLICY = "workplan_policy"
    WORKPLAN_DRAFT = "workplan_draft"
    WORKPLAN_MEETING = "workplan_meeting"
    WORKPLAN_SIGNATURE = "workplan_signature"
    WORKPLAN_COORDINATION = "workplan_coordination"
    WORKPLAN_MONITORING = "workplan_monitoring"
    # The overlap detector (issue 13): glossary versions, labelled pairs, model versions.
    WORKPLAN_GLOSSARY = "workplan_glossary"
    WORKPLAN_LABEL = "workplan_label"
    WORKPLAN_DETECTOR = "workplan_detector"
    ACTION = "personnel_action"
    # The parties of a personnel action's workflow (simasn.actions.workflow): UPDATE on one
    # of these makes the user that party of the actions the grant reaches.
    ACTION_DRAFT = "personnel_action_draft"  # the drafter: withdraws
    ACTION_PROPOSAL = "personnel_action_proposal"  # the proposer: proposes or rejects a draft
    ACTION_DECISION = "personnel_action_decision"  # the decider: decides or rejects
    ACTION_ACCEPTANCE = "personnel_action_acceptance"  # the receiving PPK of a transfer
    # Legal parameters kept as data (simasn/lawdata).
    LAW_PARAMETER = "law_parameter"
    # A user's second-factor devices: update = reset them (a lost phone).
    USER_TWO_FACTOR = "user_two_factor"
    # Needs planning (UU 20/2023 Pasal 32-35, simasn/planning): the Minister's national policy,
    # the instansi plans, the PPK's proposal, KemenPANRB's decision, the national view.
    NEEDS_POLICY = "needs_policy"
    NEEDS_PLAN = "needs_plan"
    NEEDS_PROPOSAL = "needs_proposal"
    NEEDS_DECISION = "needs_decision"
    NEEDS_NATIONAL = "needs_national"
    # Performance management and work culture (UU 20/2023 Pasal 39-45, simasn/performance).
    PERFORMANCE_PERIOD = "performance_period"
    PERFORMANCE_PLAN = "performance_plan"
    # A superior's reach over the plans they appraise: SELF = "plans whose appraiser (derived
    # from the hierarchy) is my employee record", INSTANSI = every plan of the instansi.
    PERFORMANCE_TEAM = "performance_team"
    PERFORMANCE_UNIT_RATING = "performance_unit_rating"
    # Deciding a pending predikat override: the appraiser's own superior (the hierarchy names
    # them on the request: qualified, OVERRIDE_APPROVER) or, when the appraiser is at the top
    # of the register, the PPK's office (qualified, OVERRIDE_TO_OFFICE).
    PERFORMANCE_OVERRIDE = "performance_override"
    PERFORMANCE_OVERRIDE_OFFICE = "performance_override_office"
    PERFORMANCE_CASE = "performance_case"
    PERFORMANCE_STATISTICS = "performance_statistics"
    WORK_CULTURE = "work_culture"
    # Procurement (simasn/procurement, UU 20/2023 Pasal 36-38). Open vacancies are public
    # (Pasal 37) and read without an account; these rows govern everything else.
    SELECTION_PERIOD = "selection_period"
    VACANCY = "vacancy"
    APPLICATION = "application"
    # Verifying applications (the instansi's committee); separate from reading them, which
    # the applicant does for their own.
    APPLICATION_VERIFICATION = "application_verification"
    SANGGAH = "sanggah"
    SELECTION_RESULT = "selection_result"
    PROCUREMENT_APPOINTMENT = "procurement_appointment"
    PROCUREMENT_RECONCILIATION = "procurement_reconciliation"
    # Competency development (simasn/learning, UU 20/2023 Pasal 49): learning records,
    # yearly JP compliance, development plans.
    LEARNING_RECORD = "learning_record"
    LEARNING_COMPLIANCE = "learning_compliance"
    DEVELOPMENT_PLAN = "development_plan"
    # A superior's reach over the development plans of the employees they appraise: SELF =
    # "plans whose appraiser (from the performance chapter) is my employee record".
    DEVELOPMENT_TEAM = "development_team"
    # Talent management (simasn/talent, Pasal 46-47): assessment inputs, nine-box
    # placements, critical posts and succession, mobility, national priorities, gaps.
    TALENT_ASSESSMENT = "talent_assessment"
    TALENT_PROFILE = "talent_profile"
    TALENT_SUCCESSION = "talent_succession"
    TALENT_MOBILITY = "talent_mobility"
    TALENT_PRIORITY = "talent_priority"
    TALENT_GAP = "talent_gap"
    # Discipline (PP 94/2021) and code-of-ethics cases (simasn/discipline): the case from
    # report to examination, and the decision (the penalty) as a separate grant.
    DISCIPLINE_CASE = "discipline_case"
    DISCIPLINE_DECISION = "discipline_decision"
    # Upaya administratif (UU 20/2023 Pasal 64; PP 79/2021, simasn/disputes): filing and
    # reading; deciding a keberatan; the PPK's answer to BPASN; BPASN deciding a banding.
    DISPUTE = "dispute"
    DISPUTE_OBJECTION_DECISION = "dispute_objection_decision"
    DISPUTE_APPEAL_ANSWER = "dispute_appeal_answer"
    DISPUTE_APPEAL_DECISION = "dispute_appeal_decision"
    # Service levels of discipline cases and upaya administratif together (counts per
    # instansi, no names): what an oversight body asks for.
    CASE_SERVICE_LEVELS = "case_service_levels"
    # Rewards and recognition (UU 20/2023 Pasal 21, 50; simasn/rewards): an employee's reward
    # record and awards; the year's Satyalancana Karya Satya candidates (create = recompute,
    # update = propose).
    REWARD = "reward"
    SATYALANCANA = "satyalancana"


class Action(StrEnum):
    VIEW = "view"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    # Reference data with a legal meaning is archived with a reason, never deleted
    # (simasn.core.archiving): instansi, units, officials, positions.
    ARCHIVE = "archive"


class Reach(IntEnum):
    NONE = 0
    SELF = 1
    # The viewer's own organisation: the instansi for the roles that act for one, the national
    # institution for the roles that act for one (User.institution, or policy.table.ROLE_INSTITUTION).
    INSTANSI = 2
    NATIONAL = 3


class Own(StrEnum):
    """Placeholders in a model's `scope_qualifiers` for the viewer's own instansi, national
    institution or employee record (simasn.accounts.scope resolves them)."""

    INSTANSI = "@own-instansi"
    INSTITUTION = "@own-institution"
    EMPLOYEE = "@own-employee"
