"""Work-plan synchronization (Permen PANRB Sinkronisasi Rencana Kerja, "PermenRK").

Cycle → Arah Kebijakan → agenda → drafts → meeting → berita acara → coordination →
monitoring; a revision is a new cycle pointing at the one it revises (Pasal 8).

One module per section of the procedure: ``policy``, ``cycle``, ``drafts``, ``meeting``,
``followup``, and ``overlap`` (the overlap detector's glossary, labelled pairs and versions). Models in one module refer to another's by string ("workplans.Activity").
"""

from simasn.workplans.models.cycle import (
    AgendaDispatch,
    Cycle,
    CycleParticipant,
    Notification,
    ParticipantRole,
    PlanScope,
    Stage,
)
from simasn.workplans.models.drafts import Activity, Draft, DraftProgram
from simasn.workplans.models.followup import (
    Coordination,
    CoordinationRecipient,
    EvaluationReport,
    Realization,
)
from simasn.workplans.models.meeting import (
    Attendance,
    BeritaAcara,
    Guest,
    Meeting,
    OverlapDecision,
    Signature,
)
from simasn.workplans.models.overlap import DetectorModel, GlossaryEntryVersion, LabelledPair
from simasn.workplans.models.policy import PolicyDirection, PolicyIndicator, PolicyProgram

__all__ = [
    "Activity",
    "AgendaDispatch",
    "Attendance",
    "BeritaAcara",
    "Coordination",
    "CoordinationRecipient",
    "Cycle",
    "CycleParticipant",
    "DetectorModel",
    "Draft",
    "DraftProgram",
    "EvaluationReport",
    "GlossaryEntryVersion",
    "Guest",
    "LabelledPair",
    "Meeting",
    "Notification",
    "OverlapDecision",
    "ParticipantRole",
    "PlanScope",
    "PolicyDirection",
    "PolicyIndicator",
    "PolicyProgram",
    "Realization",
    "Signature",
    "Stage",
]
