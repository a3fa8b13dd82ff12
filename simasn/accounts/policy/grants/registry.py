"""The registry (instansi, units, officials, positions, employees), imports, the audit
trail, personnel actions and second factors: the table's base rows."""

from __future__ import annotations

from simasn.accounts.policy.grants import A, Grants, I, N, S, grant
from simasn.accounts.policy.resources import Resource
from simasn.accounts.roles import Role

_READ_NATIONAL_REGISTRY = {
    Resource.INSTANSI: grant(A),
    Resource.UNIT: grant(A),
    Resource.OFFICIAL: grant(A),
    Resource.POSITION: grant(A),
    Resource.INSTITUTION: grant(A),
    Resource.AGGREGATE: grant(A),
}

REGISTRY_GRANTS: Grants = {
    # System administrators keep the national registry. Nothing in it is deleted: reference
    # data is archived with a reason, and a person leaves the service through a personnel
    # action.
    Role.ADMIN: {
        Resource.INSTANSI: grant(A, A, A, archive=A),
        Resource.UNIT: grant(A, A, A, archive=A),
        Resource.OFFICIAL: grant(A, A, A, archive=A),
        Resource.POSITION: grant(A, A, A, archive=A),
        Resource.EMPLOYEE: grant(A, A, A, N),
        Resource.EMPLOYEE_SENSITIVE: grant(A),
        Resource.EMPLOYEE_IMPORT: grant(A, A),
        Resource.AUDIT: grant(A),
        Resource.INSTITUTION: grant(A, A, A, N),
        Resource.AGGREGATE: grant(A),
        Resource.ACTION: grant(A),
        Resource.USER_TWO_FACTOR: grant(A, N, A),
    },
    # BKN keeps national ASN data (NIP) and registers instansi.
    Role.BKN: {
        **_READ_NATIONAL_REGISTRY,
        Resource.INSTANSI: grant(A, A, A, N),
        Resource.EMPLOYEE: grant(A, N, A, N),
        Resource.EMPLOYEE_SENSITIVE: grant(A),
        Resource.AUDIT: grant(A),
        Resource.ACTION: grant(A),
    },
    # The operator keeps their own instansi's records.
    Role.OPERATOR: {
        Resource.INSTANSI: grant(I),
        Resource.UNIT: grant(I, I, I, archive=I),
        Resource.OFFICIAL: grant(I, I, I, archive=I),
        Resource.POSITION: grant(I, I, I, archive=I),
        Resource.EMPLOYEE: grant(I, I, I, N),
        Resource.EMPLOYEE_SENSITIVE: grant(I),
        Resource.EMPLOYEE_IMPORT: grant(I, I),
        Resource.AUDIT: grant(I),
        Resource.AGGREGATE: grant(I),
        # Operators draft and withdraw personnel actions (simasn/actions).
        Resource.ACTION: grant(I, I, I),
        Resource.ACTION_DRAFT: grant(update=I),
    },
    # Officials propose and decide actions; they read their instansi's register
    # without its sensitive personal data (the merit system needs none of it).
    Role.PPK: {
        Resource.INSTANSI: grant(I),
        Resource.UNIT: grant(I),
        Resource.OFFICIAL: grant(I),
        Resource.POSITION: grant(I),
        Resource.EMPLOYEE: grant(I),
        Resource.AGGREGATE: grant(I),
        Resource.ACTION: grant(I, N, I),
        Resource.ACTION_DECISION: grant(update=I),
        Resource.ACTION_ACCEPTANCE: grant(update=I),
    },
    Role.PYB: {
        Resource.INSTANSI: grant(I),
        Resource.UNIT: grant(I),
        Resource.OFFICIAL: grant(I),
        Resource.POSITION: grant(I),
        Resource.EMPLOYEE: grant(I),
        Resource.AGGREGATE: grant(I),
        Resource.ACTION: grant(I, N, I),
        Resource.ACTION_PROPOSAL: grant(update=I),
    },
    # The employee sees their own record, its sensitive data and its audit history.
    Role.PEGAWAI: {
        Resource.INSTANSI: grant(I),
        Resource.EMPLOYEE: grant(S),
        Resource.EMPLOYEE_SENSITIVE: grant(S),
        Resource.AUDIT: grant(S),
        Resource.ACTION: grant(S),
    },
    # The President's office decides for JPT utama/madya and fungsional tertinggi
    # (Pasal 29 ayat (1)), so it reads employee records nationally.
    # Its reach on actions is national, narrowed to the cases reserved to the President
    # (policy.qualifiers.QUALIFIED).
    Role.PRESIDEN: {**_READ_NATIONAL_REGISTRY, Resource.EMPLOYEE: grant(A),
                    Resource.ACTION: grant(A, N, A), Resource.ACTION_DECISION: grant(update=A)},
    # National institutions see the registry and aggregates, not people.
    Role.KEMENPANRB: dict(_READ_NATIONAL_REGISTRY),
    Role.LAN: dict(_READ_NATIONAL_REGISTRY),
    Role.KASN: dict(_READ_NATIONAL_REGISTRY),
    Role.BAPPENAS: {Resource.INSTITUTION: grant(A)},
    Role.KEMENKEU: {Resource.INSTITUTION: grant(A)},
    Role.PERENCANA: {Resource.INSTITUTION: grant(A)},
    Role.KEPALA_SEKRETARIAT: {Resource.INSTITUTION: grant(A)},
}
