"""Legal parameters kept as data (simasn/lawdata)."""

from __future__ import annotations

from simasn.accounts.policy.grants import A, Grants, grant
from simasn.accounts.policy.resources import Resource
from simasn.accounts.roles import Role

# Legal parameters (simasn/lawdata). Reading the law needs no grant: every signed-in user
# may read it. Adding a dated version of a parameter (a new implementing regulation) is
# for system administrators and KemenPANRB, which sets national ASN policy; BKN reads the
# versions added.
LAW_GRANTS: Grants = {
    Role.ADMIN: {Resource.LAW_PARAMETER: grant(A, A)},
    Role.KEMENPANRB: {Resource.LAW_PARAMETER: grant(A, A)},
    Role.BKN: {Resource.LAW_PARAMETER: grant(A)},
}
