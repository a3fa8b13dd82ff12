"""Helpers shared by every step of the PermenRK procedure: the citation of an article,
the audit event, a refusal, the stage guard, the cycle lock and storing a letter.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from simasn.accounts.models import User
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError
from simasn.core.interfaces import Interface
from simasn.core.storage import sha256, store_document
from simasn.workplans.models import Cycle

PERMENRK = "Permen PANRB Sinkronisasi Rencana Kerja"


def cite(article: str) -> str:
    return f"{PERMENRK} Pasal {article}"


def _audit(*, actor: User, interface: Interface, obj: Any, action: AuditAction = AuditAction.TRANSITION,
           articles: tuple[str, ...], transition: str = "", changes: dict | None = None,
           reason: str = "") -> None:
    audit_record(actor=actor, action=action, interface=interface, obj=obj, changes=changes or {},
                 reason=reason, citations=[cite(a) for a in articles],
                 extra={"transition": transition} if transition else None)


def _refuse(message: str, code: str = "invalid", **fields: str) -> ApplicationError:
    return ApplicationError(message, code=code, fields={k: [v] for k, v in fields.items()})


def _require_stage(cycle: Cycle, *stages: str) -> None:
    if cycle.stage not in stages:
        raise ConflictError(
            _("Langkah ini tidak dapat dilakukan pada tahap \"%(stage)s\".") % {"stage": cycle.get_stage_display()},
            code="wrong_stage", details={"stage": cycle.stage, "expected": list(stages)})


def _lock_cycle(cycle: Cycle) -> Cycle:
    return Cycle.objects.select_for_update().get(pk=cycle.pk)


def _store_pdf(folder: str, data: bytes) -> str:
    """Store a letter or berita acara in the write-once document storage under its content
    hash (workplans/<folder>/<sha256>.pdf) and return the name. A berita acara gets a new
    name with every signature; earlier versions stay as they were signed."""
    return store_document(f"workplans/{folder}/{sha256(data)}.pdf", data)
