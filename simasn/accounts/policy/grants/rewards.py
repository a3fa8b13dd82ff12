"""Rewards and recognition (UU 20/2023 Pasal 21, 50; simasn/rewards)."""

from __future__ import annotations

from simasn.accounts.policy.grants import A, Grants, I, S, grant
from simasn.accounts.policy.resources import Resource
from simasn.accounts.roles import Role

# Rewards and recognition (simasn/rewards). The operator records awards and recomputes the
# year's Satyalancana list; the PPK proposes the candidates (PP 25/1994 via the President's
# award procedure); the employee reads their own reward record; BKN reads nationally.
REWARD_GRANTS: Grants = {
    Role.PEGAWAI: {Resource.REWARD: grant(S), Resource.SATYALANCANA: grant(S)},
    Role.OPERATOR: {Resource.REWARD: grant(I, I), Resource.SATYALANCANA: grant(I, I)},
    Role.PYB: {Resource.REWARD: grant(I), Resource.SATYALANCANA: grant(I)},
    Role.PPK: {Resource.REWARD: grant(I), Resource.SATYALANCANA: grant(I, I, I)},
    Role.BKN: {Resource.REWARD: grant(A), Resource.SATYALANCANA: grant(A)},
    Role.ADMIN: {Resource.REWARD: grant(A), Resource.SATYALANCANA: grant(A)},
}
