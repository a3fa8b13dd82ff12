"""Needs planning (UU 20/2023 Pasal 32-35, simasn/planning)."""

from __future__ import annotations

from simasn.accounts.policy.grants import A, Grants, I, grant
from simasn.accounts.policy.resources import Resource
from simasn.accounts.roles import Role

# Needs planning (UU 20/2023 Pasal 32-35, simasn/planning). The Minister (KemenPANRB) sets the
# national policy and decides each instansi's needs; the operator drafts the instansi's plan
# and the PPK proposes it; BKN and the other national institutions read. Every signed-in
# instansi role reads the published policy that guides its plan (Pasal 32 ayat (2)).
_NEEDS_READER = {Resource.NEEDS_POLICY: grant(A), Resource.NEEDS_PLAN: grant(A),
                 Resource.NEEDS_NATIONAL: grant(A)}
NEEDS_GRANTS: Grants = {
    Role.KEMENPANRB: {Resource.NEEDS_POLICY: grant(A, A, A), Resource.NEEDS_PLAN: grant(A),
                      Resource.NEEDS_DECISION: grant(A, A), Resource.NEEDS_NATIONAL: grant(A)},
    Role.ADMIN: dict(_NEEDS_READER),
    Role.BKN: dict(_NEEDS_READER),
    Role.LAN: dict(_NEEDS_READER),
    Role.KASN: dict(_NEEDS_READER),
    Role.PRESIDEN: dict(_NEEDS_READER),
    Role.OPERATOR: {Resource.NEEDS_POLICY: grant(A), Resource.NEEDS_PLAN: grant(I, I, I)},
    Role.PPK: {Resource.NEEDS_POLICY: grant(A), Resource.NEEDS_PLAN: grant(I),
               Resource.NEEDS_PROPOSAL: grant(I, I)},
    Role.PYB: {Resource.NEEDS_POLICY: grant(A), Resource.NEEDS_PLAN: grant(I)},
}
