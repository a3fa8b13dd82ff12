"""Writes of the PermenRK procedure, one module per section of the procedure. Each
transition: permission, business rule, one transaction, an audit event citing its
article; e-mails on commit. The XLSX layout and parsing live in ``xlsx.py``, the analysis in
``analysis.py``.

- ``policy``: Arah Kebijakan (Pasal 1 angka 8, Pasal 5 ayat (3))
- ``cycle``: cycle, participants, agenda, notifications (Pasal 2, 3, Pasal 5 ayat (1))
- ``drafts``: drafts, activities, submission (Pasal 5 ayat (2), (4))
- ``meeting``: meeting, overlaps, aligned drafts, berita acara (Pasal 5 ayat (5), (6), Pasal 6)
- ``followup``: coordination, revision, monitoring and evaluation (Pasal 7, 8, 9)
- ``overlap``: the overlap detector's glossary, labelled pairs and retraining (issue 13)

The public names are re-exported here: ``services.cycle_create(...)`` keeps working.
"""

from simasn.workplans.services._common import (
    PERMENRK,
    cite,
)
from simasn.workplans.services.cycle import (
    agenda_send,
    cycle_create,
    drafts_overdue_remind,
    evaluations_available,
    first_budget_year,
    notifications_mark_read,
    participant_role,
    users_of,
)
from simasn.workplans.services.drafts import (
    ACTIVITY_FIELDS,
    activity_add,
    activity_delete,
    activity_update,
    draft_import_xlsx,
    draft_program_add,
    draft_set_evaluation,
    draft_submit,
    ensure_editable,
)
from simasn.workplans.services.followup import (
    coordination_send,
    cycle_revise,
    evaluation_save,
    evaluation_submit,
    realization_record,
)
from simasn.workplans.services.meeting import (
    attendance_set,
    berita_acara_sign,
    guest_add,
    meeting_close,
    meeting_open,
    overlap_decide,
)
from simasn.workplans.services.overlap import (
    detector_retrain_request,
    detector_train,
    glossary_entry_add,
    pair_mark,
)
from simasn.workplans.services.policy import (
    policy_create,
    policy_indicator_add,
    policy_new_version,
    policy_program_add,
    policy_publish,
)

__all__ = [
    "ACTIVITY_FIELDS",
    "PERMENRK",
    "activity_add",
    "activity_delete",
    "activity_update",
    "agenda_send",
    "attendance_set",
    "berita_acara_sign",
    "cite",
    "coordination_send",
    "cycle_create",
    "cycle_revise",
    "detector_retrain_request",
    "detector_train",
    "draft_import_xlsx",
    "draft_program_add",
    "draft_set_evaluation",
    "draft_submit",
    "drafts_overdue_remind",
    "ensure_editable",
    "evaluation_save",
    "evaluation_submit",
    "evaluations_available",
    "first_budget_year",
    "glossary_entry_add",
    "guest_add",
    "meeting_close",
    "meeting_open",
    "notifications_mark_read",
    "overlap_decide",
    "pair_mark",
    "participant_role",
    "policy_create",
    "policy_indicator_add",
    "policy_new_version",
    "policy_program_add",
    "policy_publish",
    "realization_record",
    "users_of",
]
