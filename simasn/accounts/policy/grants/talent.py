"""Competency development (Pasal 49, simasn/learning) and talent management (Pasal 46-47,
simasn/talent)."""

from __future__ import annotations

from simasn.accounts.policy.grants import A, Grants, I, S, grant
from simasn.accounts.policy.resources import Resource
from simasn.accounts.roles import Role

# Competency development (UU 20/2023 Pasal 49) and talent management (Pasal 46-47).
# An employee keeps their own learning record and development plan and sees their own
# box; the operator keeps the instansi's records; PyB and PPK read pools and compliance,
# and propose and decide mobility and succession plans (Pasal 29, 30); LAN reads national
# learning and reports completions from its platforms; KemenPANRB and the President's
# office set national priorities and move talent nationally (Pasal 47); BKN and the merit
# supervisor read national figures. Gap and fairness views are aggregates only.
_TALENT_INSTANSI_OFFICIAL = {
    Resource.LEARNING_RECORD: grant(I), Resource.LEARNING_COMPLIANCE: grant(I),
    Resource.DEVELOPMENT_PLAN: grant(I), Resource.TALENT_ASSESSMENT: grant(I),
    Resource.TALENT_PROFILE: grant(I), Resource.TALENT_SUCCESSION: grant(I, I, I),
    Resource.TALENT_MOBILITY: grant(I, I, I), Resource.TALENT_GAP: grant(I),
}
_TALENT_NATIONAL_READER = {
    Resource.LEARNING_COMPLIANCE: grant(A), Resource.TALENT_GAP: grant(A),
    Resource.TALENT_PRIORITY: grant(A),
}
TALENT_GRANTS: Grants = {
    Role.PEGAWAI: {
        Resource.LEARNING_RECORD: grant(S, S), Resource.LEARNING_COMPLIANCE: grant(S),
        Resource.DEVELOPMENT_PLAN: grant(S, S, S), Resource.DEVELOPMENT_TEAM: grant(S),
        Resource.TALENT_ASSESSMENT: grant(S), Resource.TALENT_PROFILE: grant(S),
    },
    Role.OPERATOR: {
        Resource.LEARNING_RECORD: grant(I, I, I), Resource.LEARNING_COMPLIANCE: grant(I),
        Resource.DEVELOPMENT_PLAN: grant(I, I, I), Resource.TALENT_ASSESSMENT: grant(I, I),
        Resource.TALENT_PROFILE: grant(I), Resource.TALENT_SUCCESSION: grant(I, I, I),
        Resource.TALENT_MOBILITY: grant(I, I, I), Resource.TALENT_GAP: grant(I),
    },
    Role.PYB: dict(_TALENT_INSTANSI_OFFICIAL),
    Role.PPK: dict(_TALENT_INSTANSI_OFFICIAL),
    Role.LAN: {**_TALENT_NATIONAL_READER, Resource.LEARNING_RECORD: grant(A, A),
               Resource.DEVELOPMENT_PLAN: grant(A)},
    Role.KEMENPANRB: {**_TALENT_NATIONAL_READER, Resource.TALENT_PROFILE: grant(A),
                      Resource.TALENT_PRIORITY: grant(A, A, A), Resource.TALENT_MOBILITY: grant(A, A, A),
                      Resource.TALENT_SUCCESSION: grant(A)},
    Role.PRESIDEN: {**_TALENT_NATIONAL_READER, Resource.TALENT_PROFILE: grant(A),
                    Resource.TALENT_PRIORITY: grant(A, A, A), Resource.TALENT_MOBILITY: grant(A, A, A),
                    Resource.TALENT_SUCCESSION: grant(A)},
    Role.BKN: {**_TALENT_NATIONAL_READER, Resource.LEARNING_RECORD: grant(A),
               Resource.TALENT_ASSESSMENT: grant(A, A), Resource.TALENT_PROFILE: grant(A),
               Resource.TALENT_SUCCESSION: grant(A), Resource.TALENT_MOBILITY: grant(A)},
    Role.KASN: dict(_TALENT_NATIONAL_READER),
    Role.ADMIN: {r: grant(A) for r in (
        Resource.LEARNING_RECORD, Resource.LEARNING_COMPLIANCE, Resource.DEVELOPMENT_PLAN,
        Resource.TALENT_ASSESSMENT, Resource.TALENT_PROFILE, Resource.TALENT_SUCCESSION,
        Resource.TALENT_MOBILITY, Resource.TALENT_PRIORITY, Resource.TALENT_GAP)},
}
