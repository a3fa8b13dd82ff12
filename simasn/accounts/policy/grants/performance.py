"""Performance management (UU 20/2023 Pasal 39-45, simasn/performance)."""

from __future__ import annotations

from simasn.accounts.policy.grants import A, Grants, I, N, S, grant
from simasn.accounts.policy.resources import Resource
from simasn.accounts.roles import Role

# Performance management (UU 20/2023 Pasal 39-45; PermenPANRB 6/2022). The employee plans,
# records evidence and dialogues and reads their own ratings; their superior (any employee
# the hierarchy makes an appraiser: PERFORMANCE_TEAM at SELF reach) sets expectations and
# rates; the operator opens and closes periods, keeps Plt assignments and the culture
# programme; the PyB and PPK set the organisation's rating, finalise units within the
# distribution limits and decide the "tidak berkinerja" cases (Pasal 43, 52 ayat (3) huruf f).
# National institutions read distributions without names.
_PERFORMANCE_NATIONAL_READ = {Resource.PERFORMANCE_PERIOD: grant(A), Resource.PERFORMANCE_STATISTICS: grant(A),
                              Resource.WORK_CULTURE: grant(A)}
_PERFORMANCE_OFFICIAL = {
    Resource.PERFORMANCE_PERIOD: grant(I), Resource.PERFORMANCE_PLAN: grant(I),
    Resource.PERFORMANCE_TEAM: grant(I, N, I), Resource.PERFORMANCE_UNIT_RATING: grant(I, I, I),
    Resource.PERFORMANCE_CASE: grant(I, N, I), Resource.PERFORMANCE_STATISTICS: grant(I),
    Resource.WORK_CULTURE: grant(I),
}
PERFORMANCE_GRANTS: Grants = {
    Role.PEGAWAI: {
        Resource.PERFORMANCE_PERIOD: grant(I), Resource.PERFORMANCE_PLAN: grant(S, S, S),
        Resource.PERFORMANCE_TEAM: grant(S, N, S), Resource.PERFORMANCE_CASE: grant(S),
        Resource.WORK_CULTURE: grant(I),
        # A unit's leader sees its calibration (qualified: the units they lead); the
        # organisation rating and the finalisation stay with the PyB/PPK.
        Resource.PERFORMANCE_UNIT_RATING: grant(I),
    },
    Role.OPERATOR: {
        Resource.PERFORMANCE_PERIOD: grant(I, I, I), Resource.PERFORMANCE_PLAN: grant(I, I, I),
        Resource.PERFORMANCE_TEAM: grant(I), Resource.PERFORMANCE_UNIT_RATING: grant(I),
        Resource.PERFORMANCE_CASE: grant(I), Resource.PERFORMANCE_STATISTICS: grant(I),
        Resource.WORK_CULTURE: grant(I, I, I),
    },
    Role.PYB: dict(_PERFORMANCE_OFFICIAL),
    Role.PPK: dict(_PERFORMANCE_OFFICIAL),
    Role.ADMIN: {**_PERFORMANCE_NATIONAL_READ, Resource.PERFORMANCE_PLAN: grant(A),
                 Resource.PERFORMANCE_UNIT_RATING: grant(A), Resource.PERFORMANCE_CASE: grant(A)},
    Role.BKN: dict(_PERFORMANCE_NATIONAL_READ),
    Role.KEMENPANRB: dict(_PERFORMANCE_NATIONAL_READ),
    Role.LAN: dict(_PERFORMANCE_NATIONAL_READ),
    Role.KASN: dict(_PERFORMANCE_NATIONAL_READ),
}

# Deciding a predikat override (PermenPANRB 6/2022: the appraiser's own superior approves).
# The approver is named by the hierarchy, not by a role: every role reaches the pending
# overrides whose approver is its own employee record (qualified, OVERRIDE_APPROVER). At
# the top of the register, where nobody is above the appraiser, the PyB and PPK of the
# instansi decide (qualified, OVERRIDE_TO_OFFICE).
OVERRIDE_GRANTS: Grants = {
    role: {Resource.PERFORMANCE_OVERRIDE: grant(S, N, S)} for role in Role
}
for _role in (Role.PYB, Role.PPK):
    OVERRIDE_GRANTS[_role][Resource.PERFORMANCE_OVERRIDE_OFFICE] = grant(I, N, I)
