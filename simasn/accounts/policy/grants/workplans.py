"""Work-plan synchronization (PermenRK) and its overlap detector (issue 13)."""

from __future__ import annotations

from simasn.accounts.policy.grants import A, Grants, I, N, grant
from simasn.accounts.policy.resources import Resource
from simasn.accounts.roles import Role

# Work-plan synchronization (PermenRK). For roles acting for one national institution
# (planners, secretariat heads, the heads of LAN/BKN/KASN, the recipients of Pasal 7)
# INSTANSI reach means "own institution" (Scope.own_institution_id; policy.table.ROLE_INSTITUTION).
_WP_PARTICIPANT_HEAD = {
    Resource.WORKPLAN: grant(I), Resource.WORKPLAN_POLICY: grant(A),
    Resource.WORKPLAN_DRAFT: grant(I), Resource.WORKPLAN_MEETING: grant(I),
    Resource.WORKPLAN_SIGNATURE: grant(I), Resource.WORKPLAN_MONITORING: grant(I, N, I),
}
WORKPLAN_GRANTS: Grants = {
    # The Minister / Deputi SDM Aparatur runs the procedure (Pasal 3-8) and reads reports (Pasal 9).
    Role.KEMENPANRB: {
        Resource.WORKPLAN: grant(A, A, A), Resource.WORKPLAN_POLICY: grant(A, A, A),
        Resource.WORKPLAN_DRAFT: grant(A), Resource.WORKPLAN_MEETING: grant(A, A, A),
        Resource.WORKPLAN_SIGNATURE: grant(A), Resource.WORKPLAN_COORDINATION: grant(A, A),
        Resource.WORKPLAN_MONITORING: grant(A),
    },
    Role.ADMIN: {r: grant(A) for r in (
        Resource.WORKPLAN, Resource.WORKPLAN_POLICY, Resource.WORKPLAN_DRAFT, Resource.WORKPLAN_MEETING,
        Resource.WORKPLAN_SIGNATURE, Resource.WORKPLAN_COORDINATION, Resource.WORKPLAN_MONITORING)},
    # A participant's planner drafts (Pasal 5 ayat (2), (4)) and records realization (Pasal 9).
    Role.PERENCANA: {**_WP_PARTICIPANT_HEAD, Resource.WORKPLAN_DRAFT: grant(I, I, I),
                     Resource.WORKPLAN_MONITORING: grant(I, I, I)},
    # The head of the secretariat unit signs the berita acara (Pasal 5 ayat (5) huruf d).
    Role.KEPALA_SEKRETARIAT: {**_WP_PARTICIPANT_HEAD, Resource.WORKPLAN_SIGNATURE: grant(I, I)},
    Role.LAN: dict(_WP_PARTICIPANT_HEAD),
    Role.BKN: dict(_WP_PARTICIPANT_HEAD),
    Role.KASN: dict(_WP_PARTICIPANT_HEAD),
    # Recipients of the coordination letter read only what was sent to them (Pasal 7): the
    # letter, and the aligned drafts it sent (policy.qualifiers.QUALIFIED).
    Role.BAPPENAS: {Resource.WORKPLAN_COORDINATION: grant(I), Resource.WORKPLAN_DRAFT: grant(I)},
    Role.KEMENKEU: {Resource.WORKPLAN_COORDINATION: grant(I), Resource.WORKPLAN_DRAFT: grant(I)},
    Role.PRESIDEN: {Resource.WORKPLAN_COORDINATION: grant(I), Resource.WORKPLAN_DRAFT: grant(I)},
}

# The overlap detector of the synchronization analysis (issue 13). The glossary is national
# reference data every participant reads; KemenPANRB (which coordinates the synchronization,
# UU 20/2023 Pasal 26 ayat (3)) and administrators add versions of it and retrain the model.
# A participant marks pairs that involve its own institution's activities ("INSTANSI" = own
# institution, as for drafts); KemenPANRB marks any pair and records the meeting's decisions.
_WP_DETECTOR_READER = {Resource.WORKPLAN_GLOSSARY: grant(A), Resource.WORKPLAN_DETECTOR: grant(A)}
DETECTOR_GRANTS: Grants = {
    Role.KEMENPANRB: {Resource.WORKPLAN_GLOSSARY: grant(A, A), Resource.WORKPLAN_DETECTOR: grant(A, A),
                      Resource.WORKPLAN_LABEL: grant(A, A)},
    Role.ADMIN: {Resource.WORKPLAN_GLOSSARY: grant(A, A), Resource.WORKPLAN_DETECTOR: grant(A, A),
                 Resource.WORKPLAN_LABEL: grant(A)},
    Role.PERENCANA: {**_WP_DETECTOR_READER, Resource.WORKPLAN_LABEL: grant(I, I)},
    Role.KEPALA_SEKRETARIAT: {**_WP_DETECTOR_READER, Resource.WORKPLAN_LABEL: grant(I, I)},
    Role.LAN: {**_WP_DETECTOR_READER, Resource.WORKPLAN_LABEL: grant(I, I)},
    Role.BKN: {**_WP_DETECTOR_READER, Resource.WORKPLAN_LABEL: grant(I, I)},
    Role.KASN: {**_WP_DETECTOR_READER, Resource.WORKPLAN_LABEL: grant(I, I)},
}
