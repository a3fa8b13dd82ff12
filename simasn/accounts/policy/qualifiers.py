"""Grants that reach some rows only: the qualifier names which rows a model holds for it."""

from __future__ import annotations

from enum import StrEnum

from simasn.accounts.policy.resources import Resource
from simasn.accounts.roles import Role


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
    # Performance (PermenPANRB 6/2022): the plans whose appraiser is the viewer; and the
    # development plans of the employees the viewer appraises (simasn.learning).
    APPRAISED_BY_ME = "appraised_by_me"
    # ... and the units the viewer leads: holds the unit's head position at the period's
    # end, as the registry's hierarchy derives it (PerformancePlan.is_unit_leader).
    UNITS_I_LEAD = "units_i_lead"
    # ... the pending predikat overrides whose approver (the appraiser's superior) is the viewer,
    OVERRIDE_APPROVER = "override_approver"
    # ... and those with no approver (the appraiser is at the top) in the viewer's instansi.
    OVERRIDE_TO_OFFICE = "override_to_office"


# Grants that reach some rows only (see Qualifier). The workflow parties of a personnel
# action: the operator drafts (and withdraws) its instansi's actions; the PyB proposes those
# the law gives it (Pasal 30 ayat (3)); the PPK decides its instansi's and accepts transfers
# into it; the President's office reads and decides the cases reserved to the President.
# Recipients of a coordination letter read the aligned drafts it sent them (PermenRK
# Pasal 7); an employee appraises the plans whose appraiser they are, and sees the
# calibration of the units they lead (PermenPANRB 6/2022 Lampiran: the appraiser sets the
# predikat with the unit's distribution in view; the organisation rating and the
# distribution are set by the official above — here the PyB/PPK), and reads the development
# plans of the employees they appraise (UU 20/2023 Pasal 49 with Pasal 44).
# An employee also decides the overrides of the appraisers they are the superior of
# (whatever their role, as the hierarchy names them); the PyB and PPK decide those at the
# top of the register.
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
    Role.PEGAWAI: {Resource.PERFORMANCE_TEAM: Qualifier.APPRAISED_BY_ME,
                   Resource.PERFORMANCE_UNIT_RATING: Qualifier.UNITS_I_LEAD,
                   Resource.DEVELOPMENT_TEAM: Qualifier.APPRAISED_BY_ME},
}
for _role in Role:
    QUALIFIED.setdefault(_role, {})[Resource.PERFORMANCE_OVERRIDE] = Qualifier.OVERRIDE_APPROVER
for _role in (Role.PYB, Role.PPK):
    QUALIFIED[_role][Resource.PERFORMANCE_OVERRIDE_OFFICE] = Qualifier.OVERRIDE_TO_OFFICE
