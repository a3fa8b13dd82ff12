"""Writes of the overlap detector (issue 13): glossary versions, labelled pairs from the
meeting, and retraining. Every write is audited; access comes from the policy table.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.workplans import detection
from simasn.workplans.models import (
    Activity,
    Cycle,
    DetectorModel,
    GlossaryEntryVersion,
    LabelledPair,
    OverlapDecision,
)
from simasn.workplans.overlap import glossary as g
from simasn.workplans.overlap import store
from simasn.workplans.overlap.features import ActivityText
from simasn.workplans.overlap.model import Example, train
from simasn.workplans.services._common import _audit, _refuse

#: Fields of a glossary entry an administrator may set (the seed's YAML keys).
ENTRY_FIELDS = ("kind", "terms", "means", "members", "dimension", "strength", "article", "note")


def glossary_entry_add(*, actor: User, interface: Interface, entry_key: str, data: Mapping[str, Any],
                       source_title: str, reason: str, source_url: str = "", verified: bool = False,
                       retired: bool = False) -> GlossaryEntryVersion:
    """A new version of a glossary entry (or its retirement); never edits an earlier one."""
    Scope.of(actor).require(Resource.WORKPLAN_GLOSSARY, Action.CREATE)
    key = entry_key.strip().lower()
    if not key or not all(c.isalnum() or c in "-_" for c in key):
        raise _refuse(_("Kode entri hanya huruf, angka, dan tanda hubung."), entry_key=_("Kode tidak sah."))
    if not source_title.strip():
        raise _refuse(_("Sebutkan peraturan atau dokumen resmi sumber entri ini."), source_title=_("Wajib diisi."))
    if not reason.strip():
        raise _refuse(_("Alasan wajib diisi."), reason=_("Wajib diisi."))
    current = detection.glossary()
    previous = current.get(key)
    clean = {k: data[k] for k in ENTRY_FIELDS if k in data and data[k] not in (None, "", [])}
    if retired:
        if current.get(key) is None:
            raise _refuse(_("Entri %(k)s tidak ada dalam glosarium yang berlaku.") % {"k": key}, entry_key=_("Tidak ada."))
        clean = {}
    else:
        try:
            g.entry_from_data({**clean, "id": key, "source": "new"})
        except g.GlossaryError as error:
            raise ApplicationError(_("Entri glosarium tidak dapat dipakai."), code="validation",
                                   fields={"data": [str(error)]}) from error
    with transaction.atomic():
        row = GlossaryEntryVersion.objects.create(
            entry_key=key, retired=retired, data=clean, source_title=source_title.strip(), source_url=source_url.strip(),
            verified=verified, reason=reason.strip(), created_by=actor, updated_by=actor)
        _audit(actor=actor, interface=interface, obj=row, action=AuditAction.CREATE, articles=("5 ayat (5)",),
               transition="glossary_version_added", reason=reason,
               changes={"entry": key, "retired": retired, "after": clean, "source": source_title,
                        "before": g.entry_to_data(previous) if previous is not None else None})
    transaction.on_commit(detection.invalidate)
    return row


def _ordered(a: Activity, b: Activity) -> tuple[Activity, Activity]:
    return (a, b) if a.pk < b.pk else (b, a)


def _institution(act: Activity) -> Any:
    return act.program.draft.institution


def _label(*, actor: User, interface: Interface, cycle: Cycle, a: Activity, b: Activity, is_overlap: bool,
           origin: str, decision: str = "", note: str = "") -> LabelledPair:
    a, b = _ordered(a, b)
    row, created = LabelledPair.objects.update_or_create(
        activity_a=a, activity_b=b, origin=origin,
        defaults={"cycle": cycle, "text_a": a.name[:400], "text_b": b.name[:400],
                  "institution_a": _institution(a).code, "institution_b": _institution(b).code,
                  "unit_a": a.target_unit[:50], "unit_b": b.target_unit[:50],
                  "is_overlap": is_overlap, "decision": decision, "note": note[:400], "updated_by": actor})
    if created:
        row.created_by = actor
        row.save(update_fields=["created_by"])
    _audit(actor=actor, interface=interface, obj=cycle, action=AuditAction.CREATE if created else AuditAction.UPDATE,
           articles=("5 ayat (5)",), transition="pair_labelled",
           changes={"pair": [a.pk, b.pk], "is_overlap": is_overlap, "origin": origin, "decision": decision, "note": note})
    return row


def label_from_decision(*, actor: User, interface: Interface, overlap: OverlapDecision) -> LabelledPair:
    """The meeting's decision on a proposed pair as a labelled example: merging, moving or
    dropping says the two are the same work; keeping both says they are not (called inside
    `overlap_decide`'s transaction)."""
    return _label(actor=actor, interface=interface, cycle=overlap.meeting.cycle, a=overlap.activity_a,
                  b=overlap.activity_b, is_overlap=overlap.decision != OverlapDecision.Decision.KEEP,
                  origin=LabelledPair.Origin.DECISION, decision=overlap.decision, note=overlap.note)


def pair_mark(*, actor: User, interface: Interface, cycle: Cycle, activity_a: Activity, activity_b: Activity,
              is_overlap: bool, note: str = "") -> LabelledPair:
    """A participant marks a pair "juga tumpang tindih" (also overlapping) or "bukan tumpang
    tindih" (not an overlap). A participant may mark pairs holding its own activity."""
    acts = Activity.objects.select_related("program__draft__institution").filter(
        pk__in=[activity_a.pk, activity_b.pk], program__draft__cycle=cycle)
    if len(acts) != 2:
        raise _refuse(_("Kedua kegiatan harus berasal dari siklus ini."))
    a, b = sorted(acts, key=lambda x: x.pk)
    if _institution(a).pk == _institution(b).pk:
        raise _refuse(_("Pilih dua kegiatan dari lembaga yang berbeda."))
    mine = Scope.of(actor).own_institution_id()
    institution_id = mine if mine in (_institution(a).pk, _institution(b).pk) else _institution(a).pk
    Scope.of(actor).require(Resource.WORKPLAN_LABEL, Action.CREATE, institution_id=institution_id)
    with transaction.atomic():
        return _label(actor=actor, interface=interface, cycle=cycle, a=a, b=b, is_overlap=is_overlap,
                      origin=LabelledPair.Origin.MARK, note=note)


def labelled_examples() -> list[Example]:
    """Every pair labelled at a meeting; the meeting's decision outweighs a mark of the same pair."""
    chosen: dict[tuple[int, int], LabelledPair] = {}
    for row in LabelledPair.objects.order_by("id"):
        key = (row.activity_a_id, row.activity_b_id)
        if key not in chosen or row.origin == LabelledPair.Origin.DECISION:
            chosen[key] = row
    return [Example(a=ActivityText(r.text_a, institution=r.institution_a, unit=r.unit_a),
                    b=ActivityText(r.text_b, institution=r.institution_b, unit=r.unit_b),
                    overlap=r.is_overlap, kind=r.origin.lower(), origin=r.origin.lower()) for r in chosen.values()]


def detector_retrain_request(*, actor: User, interface: Interface, enqueue: Callable[[], Any], note: str = "") -> None:
    """Ask for a retraining; `enqueue` queues the background task (it cross-validates, which
    takes seconds) once the request is committed. The caller passes it — the task module
    imports these services, so they cannot import it."""
    Scope.of(actor).require(Resource.WORKPLAN_DETECTOR, Action.CREATE)
    with transaction.atomic():
        _audit(actor=actor, interface=interface, obj=None, action=AuditAction.TRANSITION, articles=("5 ayat (5)",),
               transition="detector_retrain_requested", changes={"note": note})
        transaction.on_commit(enqueue)


def detector_train(*, actor: User, interface: Interface, note: str = "") -> DetectorModel:
    """Train a new version from the seed pairs and every pair labelled at meetings, keep it
    through the storage API, and put it in force."""
    Scope.of(actor).require(Resource.WORKPLAN_DETECTOR, Action.CREATE)
    gloss = detection.glossary()
    learned = labelled_examples()
    try:
        model = train(gloss, [*store.seed_examples(), *learned])
    except ValueError as error:
        raise _refuse(_("Data berlabel belum cukup untuk melatih model.")) from error
    payload = model.to_json()
    with transaction.atomic():
        version = (DetectorModel.objects.select_for_update().aggregate(v=Max("version"))["v"] or 0) + 1
        row = DetectorModel(version=version, sha256=hashlib.sha256(payload).hexdigest(), glossary_version=gloss.version,
                            threshold=model.threshold, trained_on=model.trained_on, cv=model.cv, note=note[:400],
                            created_by=actor, updated_by=actor)
        row.file.save(f"detector-v{version}.json", ContentFile(payload), save=False)
        row.save()
        _audit(actor=actor, interface=interface, obj=row, action=AuditAction.CREATE, articles=("5 ayat (5)",),
               transition="detector_trained",
               changes={"version": version, "trained_on": model.trained_on, "cv": model.cv,
                        "threshold": model.threshold, "glossary_version": gloss.version, "sha256": row.sha256})
    transaction.on_commit(detection.invalidate)
    return row
