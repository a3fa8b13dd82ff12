"""SKs decided by another chapter and kept in this register, and amendments of any SK by a
decision on an upaya administratif (PP 79/2021). Offered through the provider registry
(see simasn.actions.providers); the calling chapter's service has already checked who may
act, by its own policy rows, and calls these inside its own transaction.

- ``decree_record``: a discipline decision (PP 94/2021) becomes an SK of type
  DISCIPLINE_PENALTY, in force (EFFECTIVE: the decree stands from its date, so it is never
  an open action waiting for the daily job; the penalty's own period is the discipline
  chapter's), numbered as the discipline chapter numbered it, signed by the
  official with authority the discipline law named, its PDF stored once with a verification
  code like every other SK. Its words (subject, considerations, dicta) are the discipline
  chapter's; the layout, storage and verification are this chapter's. It changes nothing in
  the employee's register (a penalty is not a change of position or status; a dismissal is
  a DISMISSAL action of its own).
- ``decree_amend``: a keberatan or banding decision upheld, changed or annulled an SK: the
  SK is never rewritten; an amendment row is kept beside it, audited, and shown on the SK's
  page and in the register. An annulment makes the register follow (``_follow_annulment``):
  an SK not yet in force is withdrawn; one in force gets its reversing action drafted and
  linked to the amendment (a reactivation for a suspension or dismissal), decided by the
  official with authority through the workflow; where the law names no reversing action the
  amendment says it needs legal review, and why.
- ``appointment_record``: procurement appointed a selected applicant of a decided formasi
  (UU 20/2023 Pasal 38) and entered them in the register; the appointment becomes an SK of
  type CPNS_APPOINTMENT or PPPK_APPOINTMENT (the latter naming the contract's start and end),
  DECIDED with its TMT, numbered in the instansi's PPK sequence and signed by the PPK in
  office on the SK date. On its TMT the daily job marks it EFFECTIVE without changing the
  register again (the entry was made with the TMT when it was recorded).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from simasn.accounts.actors import Actor
from simasn.actions import legal
from simasn.actions.documents import sk_store
from simasn.actions.models import (
    APPOINTING_TYPES,
    RECORDED_TYPES,
    TYPE_CODES,
    ActionAmendment,
    ActionState,
    ActionType,
    AmendmentOutcome,
    PersonnelAction,
    SkCounter,
)
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.law.enums import EmployeeType
from simasn.law.grounds import Ground, cite
from simasn.organization.selectors import official_in_office
from simasn.personnel.models import Employee

#: What an annulled SK of each type leaves to be done in the register (a new action).
FOLLOW_UP = {
    ActionType.DISMISSAL: gettext_lazy("Pegawai diaktifkan kembali melalui tindakan baru sesuai keputusan upaya administratif."),
    ActionType.TRANSFER: gettext_lazy("Penempatan semula dipulihkan melalui tindakan pemindahan baru."),
    ActionType.TEMPORARY_DISMISSAL: gettext_lazy("Pegawai diaktifkan kembali melalui tindakan pengaktifan kembali."),
    ActionType.CONTRACT_END: gettext_lazy("Perjanjian kerja dipulihkan sesuai keputusan upaya administratif."),
}


def decree_record(*, actor: Actor, interface: Interface, action_type: str, employee_id: int, sk_number: str,
                  sk_date: dt.date, decider_name: str, decider_title: str, decree: dict[str, Any],
                  citations: list[str], source: str, tmt: dt.date | None = None,
                  position_id: int | None = None) -> PersonnelAction:
    """``sk_number`` empty: numbered here, in the instansi's PPK sequence."""
    if action_type not in RECORDED_TYPES:
        raise ApplicationError(_("Jenis tindakan ini dibuat melalui alur tindakan kepegawaian."), code="validation")
    employee = Employee.objects.filter(pk=employee_id).first()
    if employee is None:
        raise NotFoundError(_("Pegawai tidak ditemukan."))
    now = timezone.now()
    # An appointment with a TMT still to come waits for it (the daily job makes it EFFECTIVE);
    # a penalty, or an appointment whose TMT has passed, is in force when recorded.
    appointing = action_type in APPOINTING_TYPES and tmt is not None and tmt > sk_date
    with transaction.atomic():
        if not sk_number:
            sk_number = _next_number(instansi_code=employee.instansi.code, action_type=action_type, on=sk_date)
        try:
            with transaction.atomic():
                action = PersonnelAction.objects.create(
                    action_type=action_type, state=ActionState.DECIDED if appointing else ActionState.EFFECTIVE,
                    instansi_id=employee.instansi_id, employee=employee, candidate_type=employee.employee_type,
                    position_id=position_id,
                    facts={"decree": decree, "source": source}, tmt=tmt, decider="PPK",
                    citations=list(citations), notes=source, drafted_by=actor, decided_by=actor,
                    decided_at=now, effective_at=None if appointing else now, decider_name=decider_name[:200],
                    decider_title=decider_title[:200],
                    sk_number=sk_number, sk_date=sk_date, created_by=actor, updated_by=actor)
        except IntegrityError as error:
            raise ConflictError(_("Nomor SK %(number)s sudah dipakai.") % {"number": sk_number},
                                code="duplicate") from error
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=action,
                     changes={"after": {"action_type": action_type, "state": action.state, "sk_number": sk_number,
                                        "source": source}},
                     citations=action.citations, extra={"step": "record"})
        document = sk_store(action=action, actor=actor)
        audit_record(actor=actor, action=AuditAction.DOCUMENT_GENERATED, interface=interface, obj=action,
                     changes={"document": {"kind": document.kind, "sha256": document.sha256,
                                           "sk_number": action.sk_number}},
                     citations=action.citations)
    return action


def _next_number(*, instansi_code: str, action_type: str, on: dt.date) -> str:
    """The next SK number of the instansi's PPK for the year (the sequence the workflow's SKs use)."""
    issuer = f"PPK-{instansi_code}"
    try:
        with transaction.atomic():
            SkCounter.objects.get_or_create(issuer=issuer, year=on.year)
    except IntegrityError:
        pass
    counter = SkCounter.objects.select_for_update().get(issuer=issuer, year=on.year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"KP.{counter.last:04d}/{TYPE_CODES[ActionType(action_type)]}/{instansi_code}/{on.year}"


def appointment_record(*, actor: Actor, interface: Interface, employee_id: int, position_id: int, tmt: dt.date,
                       sk_date: dt.date, decree: dict[str, Any], citations: list[str], source: str,
                       contract_end: dt.date | None = None) -> PersonnelAction:
    """The SK of a new CPNS, or of a new PPPK with the contract's start (TMT) and end."""
    employee = Employee.objects.select_related("instansi").filter(pk=employee_id).first()
    if employee is None:
        raise NotFoundError(_("Pegawai tidak ditemukan."))
    if employee.employee_type == EmployeeType.PNS:
        action_type = ActionType.CPNS_APPOINTMENT
        contract_end = None
    elif employee.employee_type == EmployeeType.PPPK:
        action_type = ActionType.PPPK_APPOINTMENT
        if contract_end is None or contract_end <= tmt:
            raise ApplicationError(_("Tentukan akhir perjanjian kerja sesudah TMT."), code="validation")
    else:
        raise ApplicationError(_("Hanya CPNS dan PPPK yang diangkat dari hasil seleksi."), code="validation")
    official = official_in_office(instansi_id=employee.instansi_id, role="PPK", on=sk_date)
    if official is None:
        raise ApplicationError(_("PPK instansi ini belum tercatat di registri pejabat."), code="no_official")
    decree = {**decree, "contract": {"start": tmt.isoformat(), "end": contract_end.isoformat()}} \
        if contract_end else decree
    return decree_record(actor=actor, interface=interface, action_type=action_type, employee_id=employee.pk,
                         sk_number="", sk_date=sk_date, decider_name=official.person_name,
                         decider_title=official.title, decree=decree, citations=citations, source=source,
                         tmt=tmt, position_id=position_id)


def decree_amend(*, actor: Actor, interface: Interface, action_id: int, outcome: str, reference: str,
                 decided_on: dt.date, summary: str = "", source: str = "",
                 employee_id: int | None = None) -> ActionAmendment:
    """Keep the outcome beside the SK; ``employee_id``: the SK must be about this employee (the
    one who filed), else it is not found."""
    if outcome not in AmendmentOutcome.values:
        raise ApplicationError(_("Hasil upaya administratif tidak dikenal."), code="validation")
    with transaction.atomic():
        action = PersonnelAction.objects.select_for_update(of=("self",)).filter(pk=action_id).first()
        if action is None or (employee_id is not None and action.employee_id != employee_id):
            raise NotFoundError(_("SK tidak ditemukan."))
        if action.state not in (ActionState.DECIDED, ActionState.EFFECTIVE) or not action.sk_number:
            raise ConflictError(_("Hanya SK yang sudah ditetapkan dapat diubah oleh keputusan upaya administratif."),
                                code="wrong_state")
        if action.amendments.filter(outcome=AmendmentOutcome.MEMBATALKAN).exists():
            raise ConflictError(_("SK ini sudah dibatalkan."), code="wrong_state")
        text = summary.strip()
        if outcome == AmendmentOutcome.MEMBATALKAN and action.state == ActionState.EFFECTIVE:
            follow = FOLLOW_UP.get(ActionType(action.action_type))
            if follow:
                text = f"{text} {follow!s}".strip()
        amendment = ActionAmendment.objects.create(
            action=action, outcome=outcome, reference=reference[:100], decided_on=decided_on, summary=text,
            source=source[:80], created_by=actor if getattr(actor, "pk", None) else None)
        if outcome == AmendmentOutcome.MEMBATALKAN:
            _follow_annulment(actor=actor, interface=interface, action=action, amendment=amendment)
        action.updated_by = actor if getattr(actor, "pk", None) else None
        action.save(update_fields=["updated_at", "updated_by"])
        audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, obj=action,
                     changes={"amendment": {"outcome": outcome, "reference": reference, "decided_on": decided_on,
                                            "summary": text}},
                     citations=cite(Ground.ADMINISTRATIVE_REMEDY), extra={"step": "amend", "source": source})
    return amendment


#: Annulled SKs in force whose effect on the register a reactivation undoes.
REACTIVATED_AFTER = (ActionType.TEMPORARY_DISMISSAL, ActionType.DISMISSAL)
#: Types whose SK changes nothing in the register (the deciding chapter follows its own record).
NO_REGISTER_EFFECT = (ActionType.DISCIPLINE_PENALTY,)


def _follow_annulment(*, actor: Actor, interface: Interface, action: PersonnelAction,
                      amendment: ActionAmendment) -> None:
    """The register follows an annulled SK, in the caller's transaction.

    Not in force yet (DECIDED, the daily job has not applied it): it is withdrawn and never
    applied. In force: the reversing action is drafted and linked to the amendment, for the
    official with authority to decide through the ordinary workflow; where the law does not
    name the reversing action the amendment says it needs legal review, and why.
    """
    kind = ActionType(action.action_type)
    if kind in NO_REGISTER_EFFECT:
        return
    if action.state == ActionState.DECIDED and kind not in APPOINTING_TYPES:
        reason = _("Dibatalkan oleh keputusan upaya administratif %(ref)s sebelum berlaku.") % {
            "ref": amendment.reference}
        before = action.state
        action.state, action.closed_reason, action.closed_at = ActionState.WITHDRAWN, reason, timezone.now()
        action.closed_by = actor if getattr(actor, "pk", None) else None
        action.version += 1
        action.save(update_fields=["state", "closed_reason", "closed_at", "closed_by", "version", "updated_at"])
        audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, obj=action,
                     changes={"state": {"before": before, "after": action.state}}, reason=reason,
                     citations=cite(Ground.ADMINISTRATIVE_REMEDY),
                     extra={"step": "annul", "amendment": amendment.pk})
        return
    review = ""
    follow_up = None
    if kind in REACTIVATED_AFTER and action.employee_id is not None:
        try:
            # A savepoint: the law's refusal must not undo the outcome itself.
            with transaction.atomic():
                follow_up = _draft_reactivation(actor=actor, interface=interface, annulled=action,
                                                amendment=amendment)
        except ApplicationError as error:
            review = _("Konsep pengaktifan kembali tidak dapat disusun (%(why)s); tindak lanjut perlu "
                       "kajian hukum.") % {"why": error.message}
        if follow_up is not None and kind == ActionType.DISMISSAL:
            review = _("Peraturan tidak menyebut tindakan yang memulihkan pegawai setelah SK pemberhentiannya "
                       "dibatalkan, dan sejak kapan (masa kerja, gaji, jabatan): pengaktifan kembali ini "
                       "disusun sebagai konsep dan perlu kajian hukum sebelum ditetapkan.")
    else:
        review = _("Peraturan tidak menyebut tindakan yang memulihkan akibat SK jenis ini di registri; "
                   "tidak ada konsep yang disusun otomatis, tindak lanjut perlu kajian hukum.")
    amendment.follow_up, amendment.legal_review = follow_up, review
    amendment.save(update_fields=["follow_up", "legal_review"])
    audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, obj=action,
                 changes={"amendment": {"id": amendment.pk, "follow_up": follow_up.pk if follow_up else None,
                                        "legal_review": review}},
                 citations=cite(Ground.ADMINISTRATIVE_REMEDY), extra={"step": "annul_follow_up"})


def _draft_reactivation(*, actor: Actor, interface: Interface, annulled: PersonnelAction,
                        amendment: ActionAmendment) -> PersonnelAction:
    """A REACTIVATION draft undoing an annulled suspension or dismissal; the law is asked as
    for any draft (authority, citations), its TMT the date of the remedy decision."""
    assert annulled.employee_id is not None  # checked by the caller
    employee = Employee.objects.select_related("position", "instansi").get(pk=annulled.employee_id)
    facts = {"annulled_action": annulled.pk, "annulled_sk": annulled.sk_number or "",
             "amendment": amendment.pk, "remedy_reference": amendment.reference}
    assessment = legal.assess(action_type=ActionType.REACTIVATION, instansi=employee.instansi, employee=employee,
                              position=None, candidate_type=employee.employee_type, facts=facts,
                              tmt=amendment.decided_on, on=amendment.decided_on)
    user = actor if getattr(actor, "pk", None) else None
    draft = PersonnelAction.objects.create(
        action_type=ActionType.REACTIVATION, instansi=employee.instansi, employee=employee,
        candidate_type=employee.employee_type, facts=facts, tmt=assessment.tmt, decider=assessment.decider,
        proposer=assessment.proposer,
        legal_outcome={**assessment.outcome, "authority": assessment.authority["outcome"]},
        citations=assessment.citations, explanation_id=assessment.explanation_id,
        explanation_en=assessment.explanation_en,
        notes=_("Tindak lanjut pembatalan SK %(sk)s oleh keputusan upaya administratif %(ref)s.")
        % {"sk": annulled.sk_number, "ref": amendment.reference},
        drafted_by=user, created_by=user, updated_by=user)
    audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=draft,
                 changes={"after": {"action_type": draft.action_type, "state": draft.state, "tmt": draft.tmt,
                                    "decider": draft.decider, "facts": facts}},
                 citations=draft.citations, extra={"step": "annul_follow_up", "amendment": amendment.pk})
    return draft
