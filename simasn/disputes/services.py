"""Writes on upaya administratif: file, answer (PPK to BPASN), decide.

Every step asks the law (disputes.remedy, disputes.admissible, disputes.deadline), checks
the actor through the policy table, runs in one durable transaction and is audited. A
decision that changes a discipline decision is applied through the provider
``discipline.apply_remedy_outcome`` inside the same transaction, so the record talent and
rewards read follows at once.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.core.providers import has_provider, provide
from simasn.disputes import legal
from simasn.disputes.models import (
    OPEN_STATES,
    DecisionKind,
    Dispute,
    DisputeState,
    Issuer,
    Outcome,
    Route,
)
from simasn.law import FactsError
from simasn.personnel.models import Employee

DISCIPLINE_SOURCE = "discipline.disciplinecase:"
ACTION_SOURCE = "actions.personnelaction:"
#: A decision of this system a dispute may name: the amending chapter checks it is the filer's.
SOURCE_PATTERN = re.compile(r"(discipline\.disciplinecase|actions\.personnelaction):[1-9][0-9]{0,9}")


def _today() -> dt.date:
    return timezone.localdate()


def dispute_file(
    *,
    actor: Actor,
    interface: Interface,
    employee_id: int,
    decision_kind: str,
    decision_number: str,
    decision_date: dt.date,
    grounds: str,
    issuer: str = Issuer.PPK,
    penalty: str = "",
    decision_received_date: dt.date | None = None,
    source: str = "",
    filed_on: dt.date | None = None,
) -> Dispute:
    """File a keberatan or banding: the law picks the route and body; a late filing is
    declared inadmissible at once with the law's reason (PP 79/2021)."""
    filed_on = filed_on or _today()
    employee = Employee.objects.select_related("instansi").filter(pk=employee_id).first()
    if employee is None:
        raise NotFoundError(_("Pegawai tidak ditemukan."))
    Scope.of(actor).require(Resource.DISPUTE, Action.CREATE, instansi_id=employee.instansi_id,
                            employee_id=employee.pk)
    source = source.strip()
    if source and not SOURCE_PATTERN.fullmatch(source):
        raise ApplicationError(_("Sumber keputusan tidak dikenal."), code="validation",
                               fields={"source": [_("Tidak valid.")]})
    if decision_kind not in DecisionKind.values or issuer not in Issuer.values:
        raise ApplicationError(_("Jenis atau penetap keputusan tidak dikenal."), code="validation",
                               fields={"decision_kind": [_("Pilih salah satu.")]})
    if not decision_number.strip() or not grounds.strip():
        raise ApplicationError(_("Nomor keputusan dan alasan wajib diisi."), code="validation",
                               fields={"decision_number": [_("Wajib diisi.")], "grounds": [_("Wajib diisi.")]})
    if filed_on > _today():
        raise ApplicationError(_("Tanggal pengajuan tidak boleh di masa depan."), code="validation",
                               fields={"filed_on": [_("Tanggal tidak valid.")]})
    if decision_date > filed_on or (decision_received_date and decision_received_date < decision_date) \
            or (decision_received_date and decision_received_date > filed_on):
        raise ApplicationError(_("Tanggal keputusan, tanggal diterima dan tanggal pengajuan tidak berurutan."),
                               code="validation", fields={"decision_date": [_("Tanggal tidak valid.")]})
    facts = legal.remedy_facts(employee_type=employee.employee_type, decision_kind=decision_kind, issuer=issuer,
                               penalty=penalty, decision_date=decision_date,
                               decision_received_date=decision_received_date)
    try:
        remedy = legal.remedy(facts, on=filed_on)
    except FactsError as error:
        raise ApplicationError(str(error), code="validation") from error
    route = remedy.outcome.get("route")
    if not route:
        # The law does not settle a remedy (e.g. a decision of the President): say so, file nothing.
        raise ApplicationError(remedy.explanation_id, code="needs_legal_review")
    route = str(route)
    if Dispute.objects.filter(employee=employee, decision_number=decision_number.strip(), route=route,
                              state__in=OPEN_STATES).exists():
        raise ConflictError(_("Upaya administratif atas keputusan ini sudah diajukan dan sedang diproses."))
    check = legal.admissible(route=route, filed_on=filed_on, decision_date=decision_date,
                             decision_received_date=decision_received_date)
    in_time = check.outcome.get("admissible")
    citations = list(dict.fromkeys([*remedy.citations, *check.citations]))
    reasons = [r for r in (remedy.review_reason, check.review_reason) if r]
    reasons_id = [r for r in (remedy.review_reason_id or remedy.review_reason,
                              check.review_reason_id or check.review_reason) if r]
    with transaction.atomic(durable=True):
        dispute = Dispute(
            route=route, instansi_id=employee.instansi_id, employee=employee, decision_kind=facts["decision"],
            issuer=issuer, penalty=penalty, decision_number=decision_number.strip(), decision_date=decision_date,
            decision_received_date=decision_received_date, source=source[:80], filed_on=filed_on,
            grounds=grounds.strip(), body=str(remedy.outcome.get("body") or ""),
            filing_due=check.outcome.get("due_date"), admissible=in_time,
            admissibility={"explanation_id": check.explanation_id, "explanation_en": check.explanation_en,
                           "outcome": check.to_dict()["outcome"]},
            citations=citations, needs_legal_review=bool(reasons), review_reason="; ".join(reasons),
            review_reason_id="; ".join(reasons_id),
            filed_by=actor, created_by=actor, updated_by=actor,
        )
        if in_time is False:
            dispute.state = DisputeState.TIDAK_DITERIMA
        else:
            _set_due_dates(dispute)
        dispute.save()
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=dispute,
                     changes={"route": route, "state": dispute.state, "decision_number": dispute.decision_number,
                              "admissible": in_time}, citations=citations,
                     reason=check.explanation_id if in_time is False else "", extra={"step": "file"})
    return dispute


def _set_due_dates(dispute: Dispute) -> None:
    if dispute.route == Route.KEBERATAN:
        decide = legal.step_deadline("KEPUTUSAN_KEBERATAN", received_on=dispute.filed_on, on=dispute.filed_on)
    else:
        answer = legal.step_deadline("TANGGAPAN_PPK", received_on=dispute.filed_on, on=dispute.filed_on)
        dispute.answer_due = answer.outcome.get("due_date")
        decide = legal.step_deadline("KEPUTUSAN_BPASN", received_on=dispute.filed_on, on=dispute.filed_on)
        dispute.citations = list(dict.fromkeys([*dispute.citations, *answer.citations]))
    dispute.decide_due = decide.outcome.get("due_date")
    dispute.decide_due_latest = decide.outcome.get("latest_due_date") or dispute.decide_due
    dispute.citations = list(dict.fromkeys([*dispute.citations, *decide.citations]))
    if dispute.decide_due is None and decide.review_reason:
        # e.g. the next year's holiday list is not set yet: the deadline cannot be counted.
        dispute.needs_legal_review = True
        dispute.review_reason = "; ".join(r for r in (dispute.review_reason, decide.review_reason) if r)
        dispute.review_reason_id = "; ".join(
            r for r in (dispute.review_reason_id, decide.review_reason_id or decide.review_reason) if r)


def _locked(dispute: Dispute) -> Dispute:
    return Dispute.objects.select_for_update(of=("self",)).select_related("employee", "instansi").get(pk=dispute.pk)


def dispute_answer(*, actor: Actor, interface: Interface, dispute: Dispute, answer: str,
                   answered_on: dt.date | None = None) -> Dispute:
    """The PPK's answer to BPASN on a banding (PP 79/2021 Pasal 13 ayat (1))."""
    answered_on = answered_on or _today()
    Scope.of(actor).require(Resource.DISPUTE_APPEAL_ANSWER, Action.CREATE, instansi_id=dispute.instansi_id)
    if not answer.strip():
        raise ApplicationError(_("Tuliskan tanggapan PPK."), code="validation", fields={"answer": [_("Wajib diisi.")]})
    with transaction.atomic(durable=True):
        dispute = _locked(dispute)
        if dispute.route != Route.BANDING_ADMINISTRATIF or dispute.state != DisputeState.DIAJUKAN:
            raise ConflictError(_("Tanggapan hanya untuk banding administratif yang belum ditanggapi."))
        if answered_on < dispute.filed_on or answered_on > _today():
            raise ApplicationError(_("Tanggal tanggapan tidak valid."), code="validation",
                                   fields={"answered_on": [_("Tanggal tidak valid.")]})
        late = legal.step_deadline("TANGGAPAN_PPK", received_on=dispute.filed_on, on=answered_on,
                                   acted_on=answered_on)
        dispute.answer = answer.strip()
        dispute.answered_on = answered_on
        dispute.state = DisputeState.DITANGGAPI
        dispute.updated_by = actor
        dispute.save()
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=dispute,
                     changes={"state": DisputeState.DITANGGAPI, "status": late.outcome.get("status")},
                     citations=late.citations, extra={"step": "answer"})
    return dispute


def dispute_decide(
    *,
    actor: Actor,
    interface: Interface,
    dispute: Dispute,
    outcome: str,
    reason: str,
    decided_on: dt.date | None = None,
    new_penalty: str = "",
) -> Dispute:
    """Decide a keberatan (the official who decided / the PPK) or a banding (BPASN); an
    outcome that changes a discipline decision is applied to it in the same transaction."""
    decided_on = decided_on or _today()
    resource = (Resource.DISPUTE_OBJECTION_DECISION if dispute.route == Route.KEBERATAN
                else Resource.DISPUTE_APPEAL_DECISION)
    Scope.of(actor).require(resource, Action.CREATE, instansi_id=dispute.instansi_id)
    if outcome not in Outcome.values:
        raise ApplicationError(_("Pilih hasil keputusan."), code="validation", fields={"outcome": [_("Pilih salah satu.")]})
    if not reason.strip():
        raise ApplicationError(_("Tuliskan pertimbangan keputusan."), code="validation",
                               fields={"reason": [_("Wajib diisi.")]})
    with transaction.atomic(durable=True):
        dispute = _locked(dispute)
        if dispute.state not in OPEN_STATES:
            raise ConflictError(_("Upaya administratif ini sudah selesai."))
        if decided_on < dispute.filed_on or decided_on > _today():
            raise ApplicationError(_("Tanggal keputusan tidak valid."), code="validation",
                                   fields={"decided_on": [_("Tanggal tidak valid.")]})
        remedy = legal.remedy(legal.remedy_facts(
            employee_type=dispute.employee.employee_type, decision_kind=dispute.decision_kind,
            issuer=dispute.issuer, penalty=dispute.penalty, decision_date=dispute.decision_date,
            decision_received_date=dispute.decision_received_date), on=decided_on)
        if outcome not in (remedy.outcome.get("outcomes") or []):
            raise ApplicationError(_("Hasil ini tidak tersedia untuk upaya administratif ini."), code="validation",
                                   fields={"outcome": [_("Pilih salah satu.")]})
        citations = list(dispute.citations)
        if dispute.route == Route.BANDING_ADMINISTRATIF and dispute.state == DisputeState.DIAJUKAN:
            # BPASN decides without the PPK's answer only once the PPK's time has run out
            # (PP 79/2021 Pasal 13 ayat (2): it then decides on the evidence it has).
            silence = legal.step_deadline("TANGGAPAN_PPK", received_on=dispute.filed_on, on=decided_on)
            if silence.outcome.get("status") != "OVERDUE":
                raise ApplicationError(
                    _("BPASN menunggu tanggapan PPK sampai %(due)s; setelah itu BPASN memutus berdasarkan bukti "
                      "yang ada.") % {"due": silence.outcome.get("due_date")}, code="awaiting_answer")
            citations = list(dict.fromkeys([*citations, *silence.citations]))
        dispute.outcome = outcome
        dispute.outcome_reason = reason.strip()
        dispute.new_penalty = new_penalty
        dispute.decided_on = decided_on
        due = dispute.decide_due_latest or dispute.decide_due
        dispute.decided_late = bool(due and decided_on > due)
        dispute.state = DisputeState.DIPUTUS
        dispute.decided_by = actor
        dispute.updated_by = actor
        dispute.result_number = f"{dispute.pk:05d}/{'KEB' if dispute.route == Route.KEBERATAN else 'BDG'}/" \
                                f"{decided_on.year}"
        applied: Any = None
        if (outcome != Outcome.MEMPERKUAT and dispute.source.startswith(DISCIPLINE_SOURCE)
                and has_provider("discipline.apply_remedy_outcome")):
            applied = provide("discipline.apply_remedy_outcome", actor=actor, interface=interface,
                              case_id=int(dispute.source.removeprefix(DISCIPLINE_SOURCE)), outcome=outcome,
                              employee_id=dispute.employee_id,
                              reference=dispute.result_number, decided_on=decided_on, new_penalty=new_penalty)
            dispute.source_amended = True
        elif dispute.source.startswith(ACTION_SOURCE) and has_provider("actions.amend_or_revoke"):
            # An SK of the personnel-action register: the outcome is kept beside it there (upheld
            # too, so the register shows the SK stood), and the register says what follows.
            applied = provide("actions.amend_or_revoke", actor=actor, interface=interface,
                              action_id=int(dispute.source.removeprefix(ACTION_SOURCE)), outcome=outcome,
                              employee_id=dispute.employee_id,
                              reference=dispute.result_number, decided_on=decided_on,
                              summary=reason.strip()[:500], source=f"disputes.dispute:{dispute.pk}")
            dispute.source_amended = outcome != Outcome.MEMPERKUAT
        dispute.citations = citations
        dispute.save()
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=dispute,
                     changes={"state": DisputeState.DIPUTUS, "outcome": outcome, "new_penalty": new_penalty,
                              "decided_late": dispute.decided_late, "applied": applied},
                     reason=reason.strip(), citations=citations, extra={"step": "decide"})
    return dispute
