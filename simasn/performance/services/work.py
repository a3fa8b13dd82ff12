"""Doing the work: evidence (bukti dukung), performance dialogues, coaching and counselling
(UU 20/2023 Pasal 42 huruf e: "dialog kinerja yang intens"), peer and subordinate feedback."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.core.storage import save_exactly, unique_name, working_storage
from simasn.law.grounds import Ground, cite
from simasn.performance.access import can_act_as_appraiser, can_act_as_owner
from simasn.performance.models import (
    EXPECTATION_CHOICES,
    BehaviourFeedback,
    Dialogue,
    DialogueKind,
    Evidence,
    FeedbackRelation,
    Indicator,
    PerformancePlan,
)
from simasn.performance.services._common import (
    actor_employee_id,
    deny,
    require,
    require_editable,
)
from simasn.performance.services.periods import evaluations

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
EVIDENCE_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".xlsx", ".docx", ".csv")


def evidence_add(*, actor: Actor, interface: Interface, plan: PerformancePlan, description: str,
                 link: str = "", upload: UploadedFile | None = None,
                 indicator: Indicator | None = None) -> Evidence:
    require(can_act_as_owner(actor, plan, Action.UPDATE))
    require_editable(plan)
    if not (description or "").strip():
        raise ApplicationError(_("Uraian bukti dukung wajib diisi."), fields={"description": [_("Wajib diisi.")]})
    if not link and upload is None:
        raise ApplicationError(_("Lampirkan berkas atau isi tautan."), fields={"link": [_("Wajib diisi.")]})
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            raise ApplicationError(_("Tautan tidak valid (awali dengan https://)."),
                                   fields={"link": [_("Tidak valid.")]}) from None
        if len(link) > 200:
            raise ApplicationError(_("Tautan terlalu panjang (paling banyak 200 karakter)."),
                                   fields={"link": [_("Terlalu panjang.")]})
    if indicator is not None and indicator.result.plan_id != plan.pk:
        raise ApplicationError(_("Indikator bukan milik SKP ini."), fields={"indicator": [_("Tidak valid.")]})
    suffix = ""
    if upload is not None:
        suffix = "." + (upload.name or "").rsplit(".", 1)[-1].lower() if "." in (upload.name or "") else ""
        if suffix not in EVIDENCE_SUFFIXES:
            raise ApplicationError(_("Jenis berkas tidak diterima (PDF, gambar, XLSX, DOCX, CSV)."),
                                   fields={"upload": [_("Jenis berkas tidak diterima.")]})
        if (upload.size or 0) > MAX_EVIDENCE_BYTES:
            raise ApplicationError(_("Berkas lebih dari 10 MB."), fields={"upload": [_("Terlalu besar.")]})
    with transaction.atomic(durable=True):
        name = ""
        if upload is not None:
            name = save_exactly(working_storage(), unique_name("performance/evidence", suffix), upload)
        evidence = Evidence.objects.create(plan=plan, indicator=indicator, description=description.strip()[:300],
                                           link=link, file_name=name,
                                           original_name=(upload.name or "")[:200] if upload else "",
                                           created_by=actor, updated_by=actor)
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=plan,
                     changes={"evidence": evidence.description, "file": name, "link": link})
    return evidence


def dialogue_plan(*, actor: Actor, interface: Interface, plan: PerformancePlan, planned_on: dt.date,
                  evaluation: str, kind: str = DialogueKind.DIALOGUE) -> Dialogue:
    require(can_act_as_owner(actor, plan, Action.UPDATE) or can_act_as_appraiser(actor, plan))
    require_editable(plan)
    if kind not in DialogueKind.values:
        raise ApplicationError(_("Jenis dialog tidak dikenal."), fields={"kind": [_("Tidak dikenal.")]})
    if not plan.period.start_date <= planned_on <= plan.period.end_date:
        raise ApplicationError(_("Tanggal di luar periode kinerja."), fields={"planned_on": [_("Di luar periode.")]})
    if evaluation not in {e["code"] for e in evaluations(plan.period)}:
        raise ApplicationError(_("Periode evaluasi tidak dikenal."), fields={"evaluation": [_("Tidak dikenal.")]})
    with transaction.atomic(durable=True):
        dialogue = Dialogue.objects.create(plan=plan, kind=kind, evaluation=evaluation, planned_on=planned_on,
                                           created_by=actor, updated_by=actor)
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=plan,
                     changes={"dialogue": kind, "planned_on": str(planned_on)},
                     citations=cite(Ground.PERFORMANCE_DIALOGUE))
    return dialogue


def dialogue_record(*, actor: Actor, interface: Interface, dialogue: Dialogue, held_on: dt.date, notes: str,
                    agreed_actions: str = "") -> Dialogue:
    plan = dialogue.plan
    require(can_act_as_owner(actor, plan, Action.UPDATE) or can_act_as_appraiser(actor, plan))
    require_editable(plan)
    if not (notes or "").strip():
        raise ApplicationError(_("Catatan dialog wajib diisi."), fields={"notes": [_("Wajib diisi.")]})
    with transaction.atomic(durable=True):
        dialogue.held_on = held_on
        dialogue.notes = notes.strip()
        dialogue.agreed_actions = (agreed_actions or "").strip()
        dialogue.updated_by = actor
        dialogue.save(update_fields=["held_on", "notes", "agreed_actions", "updated_by", "updated_at"])
        audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, obj=plan,
                     changes={"dialogue": dialogue.pk, "held_on": str(held_on)},
                     citations=cite(Ground.PERFORMANCE_DIALOGUE))
    return dialogue


def feedback_give(*, actor: Actor, interface: Interface, plan: PerformancePlan, value_code: str, rating: str,
                  note: str = "") -> BehaviourFeedback:
    """Feedback on a colleague's behaviour from a peer (same appraiser) or a subordinate
    (appraised by them) in the same period; the relation comes from the plans, not the giver."""
    giver_id = actor_employee_id(actor)
    if giver_id is None or giver_id == plan.employee_id:
        raise deny()
    require_editable(plan)
    mine = PerformancePlan.objects.filter(period_id=plan.period_id, employee_id=giver_id)
    if mine.filter(appraiser_id=plan.employee_id).exists():
        relation = FeedbackRelation.SUBORDINATE
    elif plan.appraiser_id is not None and mine.filter(appraiser_id=plan.appraiser_id).exists():
        relation = FeedbackRelation.PEER
    else:
        raise ApplicationError(_("Umpan balik hanya dari rekan satu atasan atau bawahan langsung."),
                               code="not_related")
    if rating not in dict(EXPECTATION_CHOICES):
        raise ApplicationError(_("Penilaian tidak dikenal."), fields={"rating": [_("Tidak dikenal.")]})
    with transaction.atomic(durable=True):
        row = BehaviourFeedback.objects.create(plan=plan, giver_id=giver_id, relation=relation, value_code=value_code,
                                               rating=rating, note=(note or "").strip(), created_by=actor,
                                               updated_by=actor)
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=plan,
                     changes={"feedback": relation, "value": value_code})
    return row
