"""Screens of the PermenRK procedure, one module per section. Thin: parse, call a service or
selector, render. The views ``urls.py`` routes to are re-exported here.
"""

from simasn.workplans.views.cycles import (
    agenda_pdf,
    agenda_send,
    cycle_create,
    cycle_detail,
    cycle_list,
    notifications,
    notifications_read,
)
from simasn.workplans.views.drafts import (
    activity_edit,
    draft_detail,
    draft_xlsx,
)
from simasn.workplans.views.followup import (
    coordination_detail,
    coordination_list,
    coordination_send,
    cycle_revise,
    monitoring,
    revision_diff,
)
from simasn.workplans.views.meeting import (
    analysis_page,
    berita_acara_pdf,
    berita_acara_sign,
    berita_acara_verify,
    meeting_open,
    meeting_page,
    verify_upload,
)
from simasn.workplans.views.overlap import (
    detector_page,
    glossary_add,
    glossary_page,
    pair_mark,
)
from simasn.workplans.views.policy import (
    policy_create,
    policy_detail,
    policy_list,
)

__all__ = [
    "activity_edit",
    "agenda_pdf",
    "agenda_send",
    "analysis_page",
    "berita_acara_pdf",
    "berita_acara_sign",
    "berita_acara_verify",
    "coordination_detail",
    "coordination_list",
    "coordination_send",
    "cycle_create",
    "cycle_detail",
    "cycle_list",
    "cycle_revise",
    "detector_page",
    "draft_detail",
    "draft_xlsx",
    "glossary_add",
    "glossary_page",
    "meeting_open",
    "meeting_page",
    "monitoring",
    "notifications",
    "notifications_read",
    "pair_mark",
    "policy_create",
    "policy_detail",
    "policy_list",
    "revision_diff",
    "verify_upload",
]
