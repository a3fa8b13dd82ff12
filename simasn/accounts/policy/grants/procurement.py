"""Procurement (UU 20/2023 Pasal 36-38, simasn/procurement)."""

from __future__ import annotations

from simasn.accounts.policy.grants import A, Grants, I, N, S, grant
from simasn.accounts.policy.resources import Resource
from simasn.accounts.roles import Role

# Procurement (UU 20/2023 Pasal 36-38). An applicant sees and writes only their own
# application and sanggah (SELF = rows the user owns, simasn.accounts.scope); the instansi's
# selection committee verifies, answers sanggah, imports SKB results and announces for its
# own instansi; BKN administers the selection nationally (periods, CAT results, the
# reconciliation of the registration portal); KemenPANRB reads the periods and vacancies it
# set the policy for; the instansi's operator opens vacancies from the decided formasi and
# appoints the selected into the register (Pasal 38), the only role that adds employees.
PROCUREMENT_GRANTS: Grants = {
    Role.PELAMAR: {Resource.APPLICATION: grant(S, S, S), Resource.SANGGAH: grant(S, S)},
    Role.PANITIA_SELEKSI: {
        Resource.INSTANSI: grant(I), Resource.SELECTION_PERIOD: grant(A),
        Resource.VACANCY: grant(I, I, I), Resource.APPLICATION: grant(I),
        Resource.APPLICATION_VERIFICATION: grant(I, N, I), Resource.SANGGAH: grant(I, N, I), Resource.SELECTION_RESULT: grant(I, I, I),
        Resource.PROCUREMENT_APPOINTMENT: grant(I),
    },
    Role.OPERATOR: {
        Resource.SELECTION_PERIOD: grant(A), Resource.VACANCY: grant(I, I, I),
        Resource.APPLICATION: grant(I), Resource.APPLICATION_VERIFICATION: grant(I),
        Resource.SELECTION_RESULT: grant(I), Resource.PROCUREMENT_APPOINTMENT: grant(I, I),
    },
    Role.BKN: {
        Resource.SELECTION_PERIOD: grant(A, A, A), Resource.VACANCY: grant(A, A, A),
        Resource.APPLICATION: grant(A), Resource.APPLICATION_VERIFICATION: grant(A),
        Resource.SANGGAH: grant(A),
        Resource.SELECTION_RESULT: grant(A, A, A), Resource.PROCUREMENT_APPOINTMENT: grant(A),
        Resource.PROCUREMENT_RECONCILIATION: grant(A),
    },
    Role.KEMENPANRB: {Resource.SELECTION_PERIOD: grant(A), Resource.VACANCY: grant(A),
                      Resource.SELECTION_RESULT: grant(A), Resource.PROCUREMENT_APPOINTMENT: grant(A)},
    Role.ADMIN: {Resource.SELECTION_PERIOD: grant(A, A, A), Resource.VACANCY: grant(A),
                 Resource.APPLICATION: grant(A), Resource.APPLICATION_VERIFICATION: grant(A),
                 Resource.SANGGAH: grant(A),
                 Resource.SELECTION_RESULT: grant(A), Resource.PROCUREMENT_APPOINTMENT: grant(A),
                 Resource.PROCUREMENT_RECONCILIATION: grant(A)},
}
