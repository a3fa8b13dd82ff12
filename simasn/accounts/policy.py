"""Who may do what, and how far: the one table every interface consults.

`POLICY[role][resource][action]` is the reach of that permission:
NONE (refused), SELF (the user's own employee record), INSTANSI (the user's own
instansi) or NATIONAL (everything). Web views, the API, the admin and exports all ask
`simasn.accounts.scope.Scope`, which reads only this table.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from simasn.accounts.roles import Role


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
    # institution for the roles that act for one (User.institution, or ROLE_INSTITUTION below).
    INSTANSI = 2
    NATIONAL = 3


class Own(StrEnum):
    """Placeholders in a model's `scope_qualifiers` for the viewer's own instansi, national
    institution or employee record (simasn.accounts.scope resolves them)."""

    INSTANSI = "@own-instansi"
    INSTITUTION = "@own-institution"
    EMPLOYEE = "@own-employee"


class Qualifier(StrEnum):
    """A grant that reaches exactly some rows rather than a whole instansi or the nation.

    `QUALIFIED[role][resource]` names the qualifier; each model that holds such rows says
    which rows it means in `scope_qualifiers = {Qualifier.X: {lookup: value or Own.*}}`
    (a model without the qualifier yields no rows). A qualified grant reaches exactly
    those rows; its reach level says how far they may lie.
    """

    # Personnel actions (UU 20/2023 Pasal 29-30; simasn.actions).
    DRAFTING = "drafting"  # actions drafted in the viewer's instansi
    PROPOSED_BY_PYB = "proposed_by_pyb"  # ... that the law gives the instansi's PyB to propose
    DECIDED_BY_PPK = "decided_by_ppk"  # ... that the law gives the instansi's PPK to decide
    RESERVED_TO_PRESIDENT = "reserved_to_president"  # decided by the President (Pasal 29 ayat (1))
    RECEIVING = "receiving"  # transfers into the viewer's instansi
    # Work plans (PermenRK Pasal 7): what a coordination letter sent to the viewer's institution.
    SENT_TO_OWN_INSTITUTION = "sent_to_own_institution"
    # Performance (PermenPANRB 6/2022): the plans whose appraiser is the viewer.
    APPRAISED_BY_ME = "appraised_by_me"


N, S, I, A = Reach.NONE, Reach.SELF, Reach.INSTANSI, Reach.NATIONAL  # noqa: E741
V, C, U, D = Action.VIEW, Action.CREATE, Action.UPDATE, Action.DELETE


def _grant(view: Reach = N, create: Reach = N, update: Reach = N, delete: Reach = N, *,
           archive: Reach = N) -> dict:
    return {V: view, C: create, U: update, D: delete, Action.ARCHIVE: archive}


_READ_NATIONAL_REGISTRY = {
    Resource.INSTANSI: _grant(A),
    Resource.UNIT: _grant(A),
    Resource.OFFICIAL: _grant(A),
    Resource.POSITION: _grant(A),
    Resource.INSTITUTION: _grant(A),
    Resource.AGGREGATE: _grant(A),
}

POLICY: dict[Role, dict[Resource, dict[Action, Reach]]] = {
    # System administrators keep the national registry. Nothing in it is deleted: reference
    # data is archived with a reason, and a person leaves the service through a personnel
    # action.
    Role.ADMIN: {
        Resource.INSTANSI: _grant(A, A, A, archive=A),
        Resource.UNIT: _grant(A, A, A, archive=A),
        Resource.OFFICIAL: _grant(A, A, A, archive=A),
        Resource.POSITION: _grant(A, A, A, archive=A),
        Resource.EMPLOYEE: _grant(A, A, A, N),
        Resource.EMPLOYEE_SENSITIVE: _grant(A),
        Resource.EMPLOYEE_IMPORT: _grant(A, A),
        Resource.AUDIT: _grant(A),
        Resource.INSTITUTION: _grant(A, A, A, N),
        Resource.AGGREGATE: _grant(A),
        Resource.ACTION: _grant(A),
        Resource.USER_TWO_FACTOR: _grant(A, N, A),
    },
    # BKN keeps national ASN data (NIP) and registers instansi.
    Role.BKN: {
        **_READ_NATIONAL_REGISTRY,
        Resource.INSTANSI: _grant(A, A, A, N),
        Resource.EMPLOYEE: _grant(A, N, A, N),
        Resource.EMPLOYEE_SENSITIVE: _grant(A),
        Resource.AUDIT: _grant(A),
        Resource.ACTION: _grant(A),
    },
    # The operator keeps their own instansi's records.
    Role.OPERATOR: {
        Resource.INSTANSI: _grant(I),
        Resource.UNIT: _grant(I, I, I, archive=I),
        Resource.OFFICIAL: _grant(I, I, I, archive=I),
        Resource.POSITION: _grant(I, I, I, archive=I),
        Resource.EMPLOYEE: _grant(I, I, I, N),
        Resource.EMPLOYEE_SENSITIVE: _grant(I),
        Resource.EMPLOYEE_IMPORT: _grant(I, I),
        Resource.AUDIT: _grant(I),
        Resource.AGGREGATE: _grant(I),
        # Operators draft and withdraw personnel actions (simasn/actions).
        Resource.ACTION: _grant(I, I, I),
        Resource.ACTION_DRAFT: _grant(update=I),
    },
    # Officials propose and decide actions; they read their instansi's register
    # without its sensitive personal data (the merit system needs none of it).
    Role.PPK: {
        Resource.INSTANSI: _grant(I),
        Resource.UNIT: _grant(I),
        Resource.OFFICIAL: _grant(I),
        Resource.POSITION: _grant(I),
        Resource.EMPLOYEE: _grant(I),
        Resource.AGGREGATE: _grant(I),
        Resource.ACTION: _grant(I, N, I),
        Resource.ACTION_DECISION: _grant(update=I),
        Resource.ACTION_ACCEPTANCE: _grant(update=I),
    },
    Role.PYB: {
        Resource.INSTANSI: _grant(I),
        Resource.UNIT: _grant(I),
        Resource.OFFICIAL: _grant(I),
        Resource.POSITION: _grant(I),
        Resource.EMPLOYEE: _grant(I),
        Resource.AGGREGATE: _grant(I),
        Resource.ACTION: _grant(I, N, I),
        Resource.ACTION_PROPOSAL: _grant(update=I),
    },
    # The employee sees their own record, its sensitive data and its audit history.
    Role.PEGAWAI: {
        Resource.INSTANSI: _grant(I),
        Resource.EMPLOYEE: _grant(S),
        Resource.EMPLOYEE_SENSITIVE: _grant(S),
        Resource.AUDIT: _grant(S),
        Resource.ACTION: _grant(S),
    },
    # The President's office decides for JPT utama/madya and fungsional tertinggi
    # (Pasal 29 ayat (1)), so it reads employee records nationally.
    # Its reach on actions is national, narrowed to the cases reserved to the President
    # (QUALIFIED below).
    Role.PRESIDEN: {**_READ_NATIONAL_REGISTRY, Resource.EMPLOYEE: _grant(A),
                    Resource.ACTION: _grant(A, N, A), Resource.ACTION_DECISION: _grant(update=A)},
    # National institutions see the registry and aggregates, not people.
    Role.KEMENPANRB: dict(_READ_NATIONAL_REGISTRY),
    Role.LAN: dict(_READ_NATIONAL_REGISTRY),
    Role.KASN: dict(_READ_NATIONAL_REGISTRY),
    Role.BAPPENAS: {Resource.INSTITUTION: _grant(A)},
    Role.KEMENKEU: {Resource.INSTITUTION: _grant(A)},
    Role.PERENCANA: {Resource.INSTITUTION: _grant(A)},
    Role.KEPALA_SEKRETARIAT: {Resource.INSTITUTION: _grant(A)},
}


# Work-plan synchronization (PermenRK). For roles acting for one national institution
# (planners, secretariat heads, the heads of LAN/BKN/KASN, the recipients of Pasal 7)
# INSTANSI reach means "own institution" (Scope.own_institution_id; ROLE_INSTITUTION below).
_WP_PARTICIPANT_HEAD = {
    Resource.WORKPLAN: _grant(I), Resource.WORKPLAN_POLICY: _grant(A),
    Resource.WORKPLAN_DRAFT: _grant(I), Resource.WORKPLAN_MEETING: _grant(I),
    Resource.WORKPLAN_SIGNATURE: _grant(I), Resource.WORKPLAN_MONITORING: _grant(I, N, I),
}
_WORKPLAN_GRANTS: dict[Role, dict[Resource, dict[Action, Reach]]] = {
    # The Minister / Deputi SDM Aparatur runs the procedure (Pasal 3-8) and reads reports (Pasal 9).
    Role.KEMENPANRB: {
        Resource.WORKPLAN: _grant(A, A, A), Resource.WORKPLAN_POLICY: _grant(A, A, A),
        Resource.WORKPLAN_DRAFT: _grant(A), Resource.WORKPLAN_MEETING: _grant(A, A, A),
        Resource.WORKPLAN_SIGNATURE: _grant(A), Resource.WORKPLAN_COORDINATION: _grant(A, A),
        Resource.WORKPLAN_MONITORING: _grant(A),
    },
    Role.ADMIN: {r: _grant(A) for r in (
        Resource.WORKPLAN, Resource.WORKPLAN_POLICY, Resource.WORKPLAN_DRAFT, Resource.WORKPLAN_MEETING,
        Resource.WORKPLAN_SIGNATURE, Resource.WORKPLAN_COORDINATION, Resource.WORKPLAN_MONITORING)},
    # A participant's planner drafts (Pasal 5 ayat (2), (4)) and records realization (Pasal 9).
    Role.PERENCANA: {**_WP_PARTICIPANT_HEAD, Resource.WORKPLAN_DRAFT: _grant(I, I, I),
                     Resource.WORKPLAN_MONITORING: _grant(I, I, I)},
    # The head of the secretariat unit signs the berita acara (Pasal 5 ayat (5) huruf d).
    Role.KEPALA_SEKRETARIAT: {**_WP_PARTICIPANT_HEAD, Resource.WORKPLAN_SIGNATURE: _grant(I, I)},
    Role.LAN: dict(_WP_PARTICIPANT_HEAD),
    Role.BKN: dict(_WP_PARTICIPANT_HEAD),
    Role.KASN: dict(_WP_PARTICIPANT_HEAD),
    # Recipients of the coordination letter read only what was sent to them (Pasal 7): the
    # letter, and the aligned drafts it sent (QUALIFIED below).
    Role.BAPPENAS: {Resource.WORKPLAN_COORDINATION: _grant(I), Resource.WORKPLAN_DRAFT: _grant(I)},
    Role.KEMENKEU: {Resource.WORKPLAN_COORDINATION: _grant(I), Resource.WORKPLAN_DRAFT: _grant(I)},
    Role.PRESIDEN: {Resource.WORKPLAN_COORDINATION: _grant(I), Resource.WORKPLAN_DRAFT: _grant(I)},
}
for _role, _grants in _WORKPLAN_GRANTS.items():
    POLICY.setdefault(_role, {}).update(_grants)

# The overlap detector of the synchronization analysis (issue 13). The glossary is national
# reference data every participant reads; KemenPANRB (which coordinates the synchronization,
# UU 20/2023 Pasal 26 ayat (3)) and administrators add versions of it and retrain the model.
# A participant marks pairs that involve its own institution's activities ("INSTANSI" = own
# institution, as for drafts); KemenPANRB marks any pair and records the meeting's decisions.
_WP_DETECTOR_READER = {Resource.WORKPLAN_GLOSSARY: _grant(A), Resource.WORKPLAN_DETECTOR: _grant(A)}
_DETECTOR_GRANTS: dict[Role, dict[Resource, dict[Action, Reach]]] = {
    Role.KEMENPANRB: {Resource.WORKPLAN_GLOSSARY: _grant(A, A), Resource.WORKPLAN_DETECTOR: _grant(A, A),
                      Resource.WORKPLAN_LABEL: _grant(A, A)},
    Role.ADMIN: {Resource.WORKPLAN_GLOSSARY: _grant(A, A), Resource.WORKPLAN_DETECTOR: _grant(A, A),
                 Resource.WORKPLAN_LABEL: _grant(A)},
    Role.PERENCANA: {**_WP_DETECTOR_READER, Resource.WORKPLAN_LABEL: _grant(I, I)},
    Role.KEPALA_SEKRETARIAT: {**_WP_DETECTOR_READER, Resource.WORKPLAN_LABEL: _grant(I, I)},
    Role.LAN: {**_WP_DETECTOR_READER, Resource.WORKPLAN_LABEL: _grant(I, I)},
    Role.BKN: {**_WP_DETECTOR_READER, Resource.WORKPLAN_LABEL: _grant(I, I)},
    Role.KASN: {**_WP_DETECTOR_READER, Resource.WORKPLAN_LABEL: _grant(I, I)},
}
for _role, _grants in _DETECTOR_GRANTS.items():
    POLICY.setdefault(_role, {}).update(_grants)


# Legal parameters (simasn/lawdata). Reading the law needs no grant: every signed-in user
# may read it. Adding a dated version of a parameter (a new implementing regulation) is
# for system administrators and KemenPANRB, which sets national ASN policy; BKN reads the
# versions added.
_LAW_GRANTS: dict[Role, dict[Resource, dict[Action, Reach]]] = {
    Role.ADMIN: {Resource.LAW_PARAMETER: _grant(A, A)},
    Role.KEMENPANRB: {Resource.LAW_PARAMETER: _grant(A, A)},
    Role.BKN: {Resource.LAW_PARAMETER: _grant(A)},
}
for _role, _grants in _LAW_GRANTS.items():
    POLICY.setdefault(_role, {}).update(_grants)


# Needs planning (UU 20/2023 Pasal 32-35, simasn/planning). The Minister (KemenPANRB) sets the
# national policy and decides each instansi's needs; the operator drafts the instansi's plan
# and the PPK proposes it; BKN and the other national institutions read. Every signed-in
# instansi role reads the published policy that guides its plan (Pasal 32 ayat (2)).
_NEEDS_READER = {Resource.NEEDS_POLICY: _grant(A), Resource.NEEDS_PLAN: _grant(A),
                 Resource.NEEDS_NATIONAL: _grant(A)}
_NEEDS_GRANTS: dict[Role, dict[Resource, dict[Action, Reach]]] = {
    Role.KEMENPANRB: {Resource.NEEDS_POLICY: _grant(A, A, A), Resource.NEEDS_PLAN: _grant(A),
                      Resource.NEEDS_DECISION: _grant(A, A), Resource.NEEDS_NATIONAL: _grant(A)},
    Role.ADMIN: dict(_NEEDS_READER),
    Role.BKN: dict(_NEEDS_READER),
    Role.LAN: dict(_NEEDS_READER),
    Role.KASN: dict(_NEEDS_READER),
    Role.PRESIDEN: dict(_NEEDS_READER),
    Role.OPERATOR: {Resource.NEEDS_POLICY: _grant(A), Resource.NEEDS_PLAN: _grant(I, I, I)},
    Role.PPK: {Resource.NEEDS_POLICY: _grant(A), Resource.NEEDS_PLAN: _grant(I),
               Resource.NEEDS_PROPOSAL: _grant(I, I)},
    Role.PYB: {Resource.NEEDS_POLICY: _grant(A), Resource.NEEDS_PLAN: _grant(I)},
}
for _role, _grants in _NEEDS_GRANTS.items():
    POLICY.setdefault(_role, {}).update(_grants)


# Performance management (UU 20/2023 Pasal 39-45; PermenPANRB 6/2022). The employee plans,
# records evidence and dialogues and reads their own ratings; their superior (any employee
# the hierarchy makes an appraiser: PERFORMANCE_TEAM at SELF reach) sets expectations and
# rates; the operator opens and closes periods, keeps Plt assignments and the culture
# programme; the PyB and PPK set the organisation's rating, finalise units within the
# distribution limits and decide the "tidak berkinerja" cases (Pasal 43, 52 ayat (3) huruf f).
# National institutions read distributions without names.
_PERFORMANCE_NATIONAL_READ = {Resource.PERFORMANCE_PERIOD: _grant(A), Resource.PERFORMANCE_STATISTICS: _grant(A),
                              Resource.WORK_CULTURE: _grant(A)}
_PERFORMANCE_OFFICIAL = {
    Resource.PERFORMANCE_PERIOD: _grant(I), Resource.PERFORMANCE_PLAN: _grant(I),
    Resource.PERFORMANCE_TEAM: _grant(I, N, I), Resource.PERFORMANCE_UNIT_RATING: _grant(I, I, I),
    Resource.PERFORMANCE_CASE: _grant(I, N, I), Resource.PERFORMANCE_STATISTICS: _grant(I),
    Resource.WORK_CULTURE: _grant(I),
}
_PERFORMANCE_GRANTS: dict[Role, dict[Resource, dict[Action, Reach]]] = {
    Role.PEGAWAI: {
        Resource.PERFORMANCE_PERIOD: _grant(I), Resource.PERFORMANCE_PLAN: _grant(S, S, S),
        Resource.PERFORMANCE_TEAM: _grant(S, N, S), Resource.PERFORMANCE_CASE: _grant(S),
        Resource.WORK_CULTURE: _grant(I),
    },
    Role.OPERATOR: {
        Resource.PERFORMANCE_PERIOD: _grant(I, I, I), Resource.PERFORMANCE_PLAN: _grant(I, I, I),
        Resource.PERFORMANCE_TEAM: _grant(I), Resource.PERFORMANCE_UNIT_RATING: _grant(I),
        Resource.PERFORMANCE_CASE: _grant(I), Resource.PERFORMANCE_STATISTICS: _grant(I),
        Resource.WORK_CULTURE: _grant(I, I, I),
    },
    Role.PYB: dict(_PERFORMANCE_OFFICIAL),
    Role.PPK: dict(_PERFORMANCE_OFFICIAL),
    Role.ADMIN: {**_PERFORMANCE_NATIONAL_READ, Resource.PERFORMANCE_PLAN: _grant(A),
                 Resource.PERFORMANCE_UNIT_RATING: _grant(A), Resource.PERFORMANCE_CASE: _grant(A)},
    Role.BKN: dict(_PERFORMANCE_NATIONAL_READ),
    Role.KEMENPANRB: dict(_PERFORMANCE_NATIONAL_READ),
    Role.LAN: dict(_PERFORMANCE_NATIONAL_READ),
    Role.KASN: dict(_PERFORMANCE_NATIONAL_READ),
}
for _role, _grants in _PERFORMANCE_GRANTS.items():
    POLICY.setdefault(_role, {}).update(_grants)


# Procurement (UU 20/2023 Pasal 36-38). An applicant sees and writes only their own
# application and sanggah (SELF = rows the user owns, simasn.accounts.scope); the instansi's
# selection committee verifies, answers sanggah, imports SKB results and announces for its
# own instansi; BKN administers the selection nationally (periods, CAT results, the
# reconciliation of the registration portal); KemenPANRB reads the periods and vacancies it
# set the policy for; the instansi's operator opens vacancies from the decided formasi and
# appoints the selected into the register (Pasal 38), the only role that adds employees.
_PROCUREMENT_GRANTS: dict[Role, dict[Resource, dict[Action, Reach]]] = {
    Role.PELAMAR: {Resource.APPLICATION: _grant(S, S, S), Resource.SANGGAH: _grant(S, S)},
    Role.PANITIA_SELEKSI: {
        Resource.INSTANSI: _grant(I), Resource.SELECTION_PERIOD: _grant(A),
        Resource.VACANCY: _grant(I, I, I), Resource.APPLICATION: _grant(I),
        Resource.APPLICATION_VERIFICATION: _grant(I, N, I), Resource.SANGGAH: _grant(I, N, I), Resource.SELECTION_RESULT: _grant(I, I, I),
        Resource.PROCUREMENT_APPOINTMENT: _grant(I),
    },
    Role.OPERATOR: {
        Resource.SELECTION_PERIOD: _grant(A), Resource.VACANCY: _grant(I, I, I),
        Resource.APPLICATION: _grant(I), Resource.APPLICATION_VERIFICATION: _grant(I),
        Resource.SELECTION_RESULT: _grant(I), Resource.PROCUREMENT_APPOINTMENT: _grant(I, I),
    },
    Role.BKN: {
        Resource.SELECTION_PERIOD: _grant(A, A, A), Resource.VACANCY: _grant(A, A, A),
        Resource.APPLICATION: _grant(A), Resource.APPLICATION_VERIFICATION: _grant(A),
        Resource.SANGGAH: _grant(A),
        Resource.SELECTION_RESULT: _grant(A, A, A), Resource.PROCUREMENT_APPOINTMENT: _grant(A),
        Resource.PROCUREMENT_RECONCILIATION: _grant(A),
    },
    Role.KEMENPANRB: {Resource.SELECTION_PERIOD: _grant(A), Resource.VACANCY: _grant(A),
                      Resource.SELECTION_RESULT: _grant(A), Resource.PROCUREMENT_APPOINTMENT: _grant(A)},
    Role.ADMIN: {Resource.SELECTION_PERIOD: _grant(A, A, A), Resource.VACANCY: _grant(A),
                 Resource.APPLICATION: _grant(A), Resource.APPLICATION_VERIFICATION: _grant(A),
                 Resource.SANGGAH: _grant(A),
                 Resource.SELECTION_RESULT: _grant(A), Resource.PROCUREMENT_APPOINTMENT: _grant(A),
                 Resource.PROCUREMENT_RECONCILIATION: _grant(A)},
}
for _role, _grants in _PROCUREMENT_GRANTS.items():
    POLICY.setdefault(_role, {}).update(_grants)


# Competency development (UU 20/2023 Pasal 49) and talent management (Pasal 46-47).
# An employee keeps their own learning record and development plan and sees their own
# box; the operator keeps the instansi's records; PyB and PPK read pools and compliance,
# and propose and decide mobility and succession plans (Pasal 29, 30); LAN reads national
# learning and reports completions from its platforms; KemenPANRB and the President's
# office set national priorities and move talent nationally (Pasal 47); BKN and the merit
# supervisor read national figures. Gap and fairness views are aggregates only.
_TALENT_INSTANSI_OFFICIAL = {
    Resource.LEARNING_RECORD: _grant(I), Resource.LEARNING_COMPLIANCE: _grant(I),
    Resource.DEVELOPMENT_PLAN: _grant(I), Resource.TALENT_ASSESSMENT: _grant(I),
    Resource.TALENT_PROFILE: _grant(I), Resource.TALENT_SUCCESSION: _grant(I, I, I),
    Resource.TALENT_MOBILITY: _grant(I, I, I), Resource.TALENT_GAP: _grant(I),
}
_TALENT_NATIONAL_READER = {
    Resource.LEARNING_COMPLIANCE: _grant(A), Resource.TALENT_GAP: _grant(A),
    Resource.TALENT_PRIORITY: _grant(A),
}
_TALENT_GRANTS: dict[Role, dict[Resource, dict[Action, Reach]]] = {
    Role.PEGAWAI: {
        Resource.LEARNING_RECORD: _grant(S, S), Resource.LEARNING_COMPLIANCE: _grant(S),
        Resource.DEVELOPMENT_PLAN: _grant(S, S, S), Resource.TALENT_ASSESSMENT: _grant(S),
        Resource.TALENT_PROFILE: _grant(S),
    },
    Role.OPERATOR: {
        Resource.LEARNING_RECORD: _grant(I, I, I), Resource.LEARNING_COMPLIANCE: _grant(I),
        Resource.DEVELOPMENT_PLAN: _grant(I, I, I), Resource.TALENT_ASSESSMENT: _grant(I, I),
        Resource.TALENT_PROFILE: _grant(I), Resource.TALENT_SUCCESSION: _grant(I, I, I),
        Resource.TALENT_MOBILITY: _grant(I, I, I), Resource.TALENT_GAP: _grant(I),
    },
    Role.PYB: dict(_TALENT_INSTANSI_OFFICIAL),
    Role.PPK: dict(_TALENT_INSTANSI_OFFICIAL),
    Role.LAN: {**_TALENT_NATIONAL_READER, Resource.LEARNING_RECORD: _grant(A, A),
               Resource.DEVELOPMENT_PLAN: _grant(A)},
    Role.KEMENPANRB: {**_TALENT_NATIONAL_READER, Resource.TALENT_PROFILE: _grant(A),
                      Resource.TALENT_PRIORITY: _grant(A, A, A), Resource.TALENT_MOBILITY: _grant(A, A, A),
                      Resource.TALENT_SUCCESSION: _grant(A)},
    Role.PRESIDEN: {**_TALENT_NATIONAL_READER, Resource.TALENT_PROFILE: _grant(A),
                    Resource.TALENT_PRIORITY: _grant(A, A, A), Resource.TALENT_MOBILITY: _grant(A, A, A),
                    Resource.TALENT_SUCCESSION: _grant(A)},
    Role.BKN: {**_TALENT_NATIONAL_READER, Resource.LEARNING_RECORD: _grant(A),
               Resource.TALENT_ASSESSMENT: _grant(A, A), Resource.TALENT_PROFILE: _grant(A),
               Resource.TALENT_SUCCESSION: _grant(A), Resource.TALENT_MOBILITY: _grant(A)},
    Role.KASN: dict(_TALENT_NATIONAL_READER),
    Role.ADMIN: {r: _grant(A) for r in (
        Resource.LEARNING_RECORD, Resource.LEARNING_COMPLIANCE, Resource.DEVELOPMENT_PLAN,
        Resource.TALENT_ASSESSMENT, Resource.TALENT_PROFILE, Resource.TALENT_SUCCESSION,
        Resource.TALENT_MOBILITY, Resource.TALENT_PRIORITY, Resource.TALENT_GAP)},
}
for _role, _grants in _TALENT_GRANTS.items():
    POLICY.setdefault(_role, {}).update(_grants)


# Discipline (PP 94/2021, simasn/discipline). The operator records a report and the
# examination (berita acara pemeriksaan); the PyB (the offender's line) examines too; the PPK
# records the decision of the official with authority (Pasal 16-23, checked by the law's
# discipline.authority rule); the employee sees their own cases; BKN (national ASN data) and
# administrators read nationally.
_DISCIPLINE_GRANTS: dict[Role, dict[Resource, dict[Action, Reach]]] = {
    Role.OPERATOR: {Resource.DISCIPLINE_CASE: _grant(I, I, I)},
    Role.PYB: {Resource.DISCIPLINE_CASE: _grant(I, N, I)},
    Role.PPK: {Resource.DISCIPLINE_CASE: _grant(I, N, I), Resource.DISCIPLINE_DECISION: _grant(I, I)},
    Role.PEGAWAI: {Resource.DISCIPLINE_CASE: _grant(S), Resource.DISCIPLINE_DECISION: _grant(S)},
    Role.BKN: {Resource.DISCIPLINE_CASE: _grant(A), Resource.DISCIPLINE_DECISION: _grant(A)},
    Role.ADMIN: {Resource.DISCIPLINE_CASE: _grant(A), Resource.DISCIPLINE_DECISION: _grant(A)},
}
for _role, _grants in _DISCIPLINE_GRANTS.items():
    POLICY.setdefault(_role, {}).update(_grants)

# Upaya administratif (PP 79/2021, simasn/disputes). The employee files against a decision
# on them (and reads their own); the operator may register a filing handed in on paper; the
# PPK (or the official who decided, recorded by the PPK's office) decides a keberatan and
# answers BPASN on a banding; BPASN, a national body, decides every banding administratif.
_DISPUTE_GRANTS: dict[Role, dict[Resource, dict[Action, Reach]]] = {
    Role.PEGAWAI: {Resource.DISPUTE: _grant(S, S)},
    Role.OPERATOR: {Resource.DISPUTE: _grant(I, I)},
    Role.PYB: {Resource.DISPUTE: _grant(I)},
    Role.PPK: {Resource.DISPUTE: _grant(I), Resource.DISPUTE_OBJECTION_DECISION: _grant(I, I),
               Resource.DISPUTE_APPEAL_ANSWER: _grant(I, I)},
    Role.BPASN: {Resource.DISPUTE: _grant(A), Resource.DISPUTE_APPEAL_DECISION: _grant(A, A),
                 Resource.EMPLOYEE: _grant(A), Resource.INSTANSI: _grant(A)},
    Role.BKN: {Resource.DISPUTE: _grant(A)},
    Role.ADMIN: {Resource.DISPUTE: _grant(A)},
}
for _role, _grants in _DISPUTE_GRANTS.items():
    POLICY.setdefault(_role, {}).update(_grants)

# Service levels of discipline and disputes (aggregates per instansi): the instansi's
# operator, PyB and PPK see their own instansi; BPASN, BKN and administrators see every
# instansi and the national total. An employee sees their own cases, not the dashboard.
_CASE_SERVICE_GRANTS: dict[Role, dict[Resource, dict[Action, Reach]]] = {
    Role.OPERATOR: {Resource.CASE_SERVICE_LEVELS: _grant(I)},
    Role.PYB: {Resource.CASE_SERVICE_LEVELS: _grant(I)},
    Role.PPK: {Resource.CASE_SERVICE_LEVELS: _grant(I)},
    Role.BPASN: {Resource.CASE_SERVICE_LEVELS: _grant(A)},
    Role.BKN: {Resource.CASE_SERVICE_LEVELS: _grant(A)},
    Role.ADMIN: {Resource.CASE_SERVICE_LEVELS: _grant(A)},
}
for _role, _grants in _CASE_SERVICE_GRANTS.items():
    POLICY.setdefault(_role, {}).update(_grants)

# Rewards and recognition (simasn/rewards). The operator records awards and recomputes the
# year's Satyalancana list; the PPK proposes the candidates (PP 25/1994 via the President's
# award procedure); the employee reads their own reward record; BKN reads nationally.
_REWARD_GRANTS: dict[Role, dict[Resource, dict[Action, Reach]]] = {
    Role.PEGAWAI: {Resource.REWARD: _grant(S), Resource.SATYALANCANA: _grant(S)},
    Role.OPERATOR: {Resource.REWARD: _grant(I, I), Resource.SATYALANCANA: _grant(I, I)},
    Role.PYB: {Resource.REWARD: _grant(I), Resource.SATYALANCANA: _grant(I)},
    Role.PPK: {Resource.REWARD: _grant(I), Resource.SATYALANCANA: _grant(I, I, I)},
    Role.BKN: {Resource.REWARD: _grant(A), Resource.SATYALANCANA: _grant(A)},
    Role.ADMIN: {Resource.REWARD: _grant(A), Resource.SATYALANCANA: _grant(A)},
}
for _role, _grants in _REWARD_GRANTS.items():
    POLICY.setdefault(_role, {}).update(_grants)


# Grants that reach some rows only (see Qualifier). The workflow parties of a personnel
# action: the operator drafts (and withdraws) its instansi's actions; the PyB proposes those
# the law gives it (Pasal 30 ayat (3)); the PPK decides its instansi's and accepts transfers
# into it; the President's office reads and decides the cases reserved to the President.
# Recipients of a coordination letter read the aligned drafts it sent them (PermenRK
# Pasal 7); an employee appraises the plans whose appraiser they are.
QUALIFIED: dict[Role, dict[Resource, Qualifier]] = {
    Role.OPERATOR: {Resource.ACTION_DRAFT: Qualifier.DRAFTING},
    Role.PYB: {Resource.ACTION_PROPOSAL: Qualifier.PROPOSED_BY_PYB},
    Role.PPK: {Resource.ACTION_DECISION: Qualifier.DECIDED_BY_PPK,
               Resource.ACTION_ACCEPTANCE: Qualifier.RECEIVING},
    Role.PRESIDEN: {Resource.ACTION: Qualifier.RESERVED_TO_PRESIDENT,
                    Resource.ACTION_DECISION: Qualifier.RESERVED_TO_PRESIDENT,
                    Resource.WORKPLAN_DRAFT: Qualifier.SENT_TO_OWN_INSTITUTION},
    Role.BAPPENAS: {Resource.WORKPLAN_DRAFT: Qualifier.SENT_TO_OWN_INSTITUTION},
    Role.KEMENKEU: {Resource.WORKPLAN_DRAFT: Qualifier.SENT_TO_OWN_INSTITUTION},
    Role.PEGAWAI: {Resource.PERFORMANCE_TEAM: Qualifier.APPRAISED_BY_ME},
}

#: Roles that stand for one national institution (by its code) without `User.institution`
#: set: their INSTANSI reach is that institution's part of a work-plan cycle (PermenRK) —
#: KemenPANRB's as the coordinator, the participants', and the recipients' of a dispatch.
ROLE_INSTITUTION: dict[Role, str] = {
    Role.KEMENPANRB: "KEMENPANRB", Role.LAN: "LAN", Role.BKN: "BKN", Role.KASN: "KASN", Role.BAPPENAS: "BAPPENAS",
    Role.KEMENKEU: "KEMENKEU", Role.PRESIDEN: "PRESIDEN",
}


def qualifier(role: str, resource: Resource) -> Qualifier | None:
    try:
        return QUALIFIED.get(Role(role), {}).get(resource)
    except ValueError:
        return None


def reach(role: str, resource: Resource, action: Action) -> Reach:
    try:
        return POLICY[Role(role)].get(resource, {}).get(action, Reach.NONE)
    except ValueError:
        return Reach.NONE
