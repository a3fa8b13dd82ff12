"""Discipline (PP 94/2021), upaya administratif (PP 79/2021) and their service levels."""

from __future__ import annotations

from simasn.accounts.policy.grants import A, Grants, I, N, S, grant
from simasn.accounts.policy.resources import Resource
from simasn.accounts.roles import Role

# Discipline (PP 94/2021, simasn/discipline). The operator records a report and the
# examination (berita acara pemeriksaan); the PyB (the offender's line) examines too; the PPK
# records the decision of the official with authority (Pasal 16-23, checked by the law's
# discipline.authority rule); the employee sees their own cases; BKN (national ASN data) and
# administrators read nationally.
DISCIPLINE_GRANTS: Grants = {
    Role.OPERATOR: {Resource.DISCIPLINE_CASE: grant(I, I, I)},
    Role.PYB: {Resource.DISCIPLINE_CASE: grant(I, N, I)},
    Role.PPK: {Resource.DISCIPLINE_CASE: grant(I, N, I), Resource.DISCIPLINE_DECISION: grant(I, I)},
    Role.PEGAWAI: {Resource.DISCIPLINE_CASE: grant(S), Resource.DISCIPLINE_DECISION: grant(S)},
    Role.BKN: {Resource.DISCIPLINE_CASE: grant(A), Resource.DISCIPLINE_DECISION: grant(A)},
    Role.ADMIN: {Resource.DISCIPLINE_CASE: grant(A), Resource.DISCIPLINE_DECISION: grant(A)},
}

# Upaya administratif (PP 79/2021, simasn/disputes). The employee files against a decision
# on them (and reads their own); the operator may register a filing handed in on paper; the
# PPK (or the official who decided, recorded by the PPK's office) decides a keberatan and
# answers BPASN on a banding; BPASN, a national body, decides every banding administratif.
DISPUTE_GRANTS: Grants = {
    Role.PEGAWAI: {Resource.DISPUTE: grant(S, S)},
    Role.OPERATOR: {Resource.DISPUTE: grant(I, I)},
    Role.PYB: {Resource.DISPUTE: grant(I)},
    Role.PPK: {Resource.DISPUTE: grant(I), Resource.DISPUTE_OBJECTION_DECISION: grant(I, I),
               Resource.DISPUTE_APPEAL_ANSWER: grant(I, I)},
    Role.BPASN: {Resource.DISPUTE: grant(A), Resource.DISPUTE_APPEAL_DECISION: grant(A, A),
                 Resource.EMPLOYEE: grant(A), Resource.INSTANSI: grant(A)},
    Role.BKN: {Resource.DISPUTE: grant(A)},
    Role.ADMIN: {Resource.DISPUTE: grant(A)},
}

# Service levels of discipline and disputes (aggregates per instansi): the instansi's
# operator, PyB and PPK see their own instansi; BPASN, BKN and administrators see every
# instansi and the national total. An employee sees their own cases, not the dashboard.
CASE_SERVICE_GRANTS: Grants = {
    Role.OPERATOR: {Resource.CASE_SERVICE_LEVELS: grant(I)},
    Role.PYB: {Resource.CASE_SERVICE_LEVELS: grant(I)},
    Role.PPK: {Resource.CASE_SERVICE_LEVELS: grant(I)},
    Role.BPASN: {Resource.CASE_SERVICE_LEVELS: grant(A)},
    Role.BKN: {Resource.CASE_SERVICE_LEVELS: grant(A)},
    Role.ADMIN: {Resource.CASE_SERVICE_LEVELS: grant(A)},
}
