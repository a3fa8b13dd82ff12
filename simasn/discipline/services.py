"""Writes on disciplinary and code-of-ethics cases: report, examine, decide, close.

Each service checks the actor through the policy table, asks the law (PP 94/2021 rules
in simasn.law) where the step decides something, runs in one durable transaction and
writes the audit event with the citations inside it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.core.providers import has_provider, provide
from simasn.discipline import legal
from simasn.discipline.decree import decree_words
from simasn.discipline.models import CaseKind, CaseState, DisciplineCase
from simasn.law.grounds import Ground, cite
from simasn.organization.selectors import official_in_office
from simasn.personnel.models import Employee


def _today() -> dt.date:
    return timezone.localdate()


def _locked(case: DisciplineCase) -> DisciplineCase:
    return DisciplineCase.objects.select_for_update(of=("self",)).select_related(
        "employee", "employee__position", "instansi").get(pk=case.pk)


def _require_state(case: DisciplineCase, *states: str) -> None:
    if case.state not in states:
        raise ConflictError(_("Kasus ini berstatus %(state)s; langkah ini tidak dapat dilakukan.")
                            % {"state": case.get_state_display()})


def case_report(
    *,
    actor: Actor,
    interface: Interface,
    employee_id: int,
    kind: str = CaseKind.DISIPLIN,
    breach: str = "",
    ethics_value: str = "",
    reported_on: dt.date | None = None,
    report: str,
) -> DisciplineCase:
    """Record a report of a breach (of discipline or of the code of ethics) against an employee."""
    reported_on = reported_on or _today()
    employee = Employee.objects.select_related("instansi").filter(pk=employee_id).first()
    if employee is None:
        raise NotFoundError(_("Pegawai tidak ditemukan."))
    scope = Scope.of(actor)
    scope.require(Resource.DISCIPLINE_CASE, Action.CREATE, instansi_id=employee.instansi_id)
    if kind not in CaseKind.values:
        raise ApplicationError(_("Jenis kasus tidak dikenal."), code="validation",
                               fields={"kind": [_("Pilih salah satu.")]})
    if reported_on > _today():
        raise ApplicationError(_("Tanggal laporan tidak boleh di masa depan."), code="validation",
                               fields={"reported_on": [_("Tanggal tidak valid.")]})
    if kind == CaseKind.DISIPLIN:
        known = legal.breach_codes(on=reported_on)
        if not known:
            raise ApplicationError(
                _("Disiplin PNS dimodelkan menurut PP 94/2021 yang berlaku sejak 31 Agustus 2021; pelanggaran "
                  "sebelum tanggal itu (PP 53/2010) perlu kajian hukum."), code="needs_legal_review",
                fields={"reported_on": [_("Tanggal sebelum PP 94/2021 berlaku.")]})
        if breach not in known:
            raise ApplicationError(_("Pilih kewajiban atau larangan yang dilanggar."), code="validation",
                                   fields={"breach": [_("Pilih salah satu dari daftar PP 94/2021.")]})
        ethics_value = ""
    else:
        if ethics_value not in legal.ethics_value_codes(on=reported_on):
            raise ApplicationError(_("Pilih nilai kode etik yang dilanggar."), code="validation",
                                   fields={"ethics_value": [_("Pilih salah satu.")]})
        breach = ""
    if not report.strip():
        raise ApplicationError(_("Uraikan laporan pelanggaran."), code="validation",
                               fields={"report": [_("Wajib diisi.")]})
    with transaction.atomic(durable=True):
        case = DisciplineCase.objects.create(
            kind=kind, instansi_id=employee.instansi_id, employee=employee, breach=breach,
            ethics_value=ethics_value, reported_on=reported_on, report=report.strip(),
            reported_by=actor, created_by=actor, updated_by=actor,
        )
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=case,
                     changes={"kind": kind, "breach": breach, "ethics_value": ethics_value},
                     citations=legal.report_citations(case), extra={"step": "report"})
    return case


def case_examine(
    *,
    actor: Actor,
    interface: Interface,
    case: DisciplineCase,
    examined_on: dt.date,
    examiner_name: str,
    examiner_title: str,
    statement: str,
    findings: str,
    impact: str = "",
    absent_days: int | None = None,
    consecutive_absent_days: int | None = None,
    without_valid_reason: bool | None = None,
) -> DisciplineCase:
    """Record the examination (berita acara pemeriksaan) and the level the law gives the breach."""
    Scope.of(actor).require(Resource.DISCIPLINE_CASE, Action.UPDATE, obj=case)
    if examined_on < case.reported_on or examined_on > _today():
        raise ApplicationError(_("Tanggal pemeriksaan harus antara tanggal laporan dan hari ini."),
                               code="validation", fields={"examined_on": [_("Tanggal tidak valid.")]})
    if not examiner_name.strip() or not findings.strip():
        raise ApplicationError(_("Nama pemeriksa dan hasil pemeriksaan wajib diisi."), code="validation",
                               fields={"examiner_name": [_("Wajib diisi.")], "findings": [_("Wajib diisi.")]})
    facts: dict[str, Any] = {}
    if impact:
        facts["impact"] = impact
    if absent_days is not None:
        facts["absent_days"] = absent_days
    if consecutive_absent_days is not None:
        facts["consecutive_absent_days"] = consecutive_absent_days
    if without_valid_reason is not None:
        facts["without_valid_reason"] = without_valid_reason
    with transaction.atomic(durable=True):
        case = _locked(case)
        _require_state(case, CaseState.DILAPORKAN, CaseState.DIPERIKSA)
        answer = legal.level_of(case, facts=facts, on=examined_on) if case.kind == CaseKind.DISIPLIN else None
        case.facts = facts
        case.examined_on = examined_on
        case.examiner_name = examiner_name.strip()
        case.examiner_title = examiner_title.strip()
        case.statement = statement.strip()
        case.findings = findings.strip()
        case.state = CaseState.DIPERIKSA
        case.examined_by = actor
        case.updated_by = actor
        if answer is not None:
            outcome = answer.to_dict()["outcome"]
            case.level = outcome.get("level") or ""
            case.allowed_penalties = list(outcome.get("allowed_penalties") or []) + list(
                outcome.get("transitional_penalties") or [])
            case.legal_outcome = outcome
            case.citations = answer.citations
            case.explanation_id = answer.explanation_id
            case.explanation_en = answer.explanation_en
            case.needs_legal_review = answer.needs_legal_review
            case.review_reason = answer.review_reason or ""
        else:
            case.citations = legal.report_citations(case)
        case.save()
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=case,
                     changes={"state": CaseState.DIPERIKSA, "level": case.level, "facts": facts},
                     citations=case.citations, extra={"step": "examine"})
    return case


def case_decide(
    *,
    actor: Actor,
    interface: Interface,
    case: DisciplineCase,
    penalty: str = "",
    moral_sanction: str = "",
    authority_official: str = "",
    decider_name: str = "",
    decider_title: str = "",
    decided_on: dt.date,
    decision_received_on: dt.date | None = None,
) -> DisciplineCase:
    """Record the decision: a disciplinary penalty the law allows, imposed by an official with
    authority (PP 94/2021 Pasal 8, 16-23), or a moral sanction for a code-of-ethics case."""
    Scope.of(actor).require(Resource.DISCIPLINE_DECISION, Action.CREATE, instansi_id=case.instansi_id)
    if decided_on > _today() or (case.examined_on and decided_on < case.examined_on):
        raise ApplicationError(_("Tanggal keputusan harus antara tanggal pemeriksaan dan hari ini."),
                               code="validation", fields={"decided_on": [_("Tanggal tidak valid.")]})
    if decision_received_on is not None and decision_received_on < decided_on:
        raise ApplicationError(_("Keputusan tidak dapat diterima sebelum ditetapkan."), code="validation",
                               fields={"decision_received_on": [_("Tanggal tidak valid.")]})
    with transaction.atomic(durable=True):
        case = _locked(case)
        _require_state(case, CaseState.DIPERIKSA)
        if case.kind == CaseKind.KODE_ETIK:
            if moral_sanction not in legal.moral_sanction_codes(on=decided_on):
                raise ApplicationError(_("Pilih sanksi moral."), code="validation",
                                       fields={"moral_sanction": [_("Pilih salah satu.")]})
            case.moral_sanction = moral_sanction
            official = official_in_office(instansi_id=case.instansi_id, role="PPK", on=decided_on)
            case.authority_official = "PPK"
            case.decider_name = decider_name.strip() or (official.person_name if official else "")
            case.decider_title = decider_title.strip() or (official.title if official else "")
            case.citations = list(dict.fromkeys([*case.citations, *legal.ethics_citations(on=decided_on)]))
        else:
            if not case.level:
                raise ApplicationError(
                    _("Hasil pemeriksaan tidak menetapkan tingkat hukuman; hentikan kasus ini atau periksa ulang."),
                    code="no_penalty")
            if penalty not in case.allowed_penalties:
                raise ApplicationError(_("Hukuman ini tidak sesuai dengan tingkat pelanggaran."),
                                       code="validation", fields={"penalty": [_("Pilih hukuman yang dapat dijatuhkan.")]})
            authority = legal.authority_for(case, penalty=penalty, on=decided_on)
            officials = list(authority.outcome.get("officials") or [])
            if not officials:
                raise ApplicationError(authority.explanation_id, code="needs_legal_review")
            if authority_official not in officials:
                raise ApplicationError(
                    _("Pejabat ini tidak berwenang menjatuhkan hukuman tersebut: %(expl)s")
                    % {"expl": authority.explanation_id},
                    code="not_authorized", fields={"authority_official": [_("Pilih pejabat yang berwenang.")]})
            if not decider_name.strip() or not decider_title.strip():
                raise ApplicationError(_("Nama dan jabatan pejabat yang menghukum wajib diisi."), code="validation",
                                       fields={"decider_name": [_("Wajib diisi.")]})
            case.penalty = penalty
            case.authority_officials = officials
            case.authority_official = authority_official
            case.decider_name = decider_name.strip()
            case.decider_title = decider_title.strip()
            case.citations = list(dict.fromkeys([*case.citations, *authority.citations]))
        case.decided_on = decided_on
        case.decision_received_on = decision_received_on
        case.decision_number = legal.decision_number(case)
        legal.apply_period(case, on=decided_on)
        case.state = CaseState.DIPUTUS
        case.decided_by = actor
        case.updated_by = actor
        case.save()
        if case.kind == CaseKind.DISIPLIN and case.penalty and has_provider("actions.record_decree"):
            # The decision becomes an SK of the personnel-action register: numbered as here,
            # its PDF stored with a verification code, amended there by a remedy outcome.
            sk = provide("actions.record_decree", actor=actor, interface=interface,
                         action_type="DISCIPLINE_PENALTY", employee_id=case.employee_id,
                         sk_number=case.decision_number, sk_date=decided_on, decider_name=case.decider_name,
                         decider_title=case.decider_title, decree=decree_words(case),
                         citations=list(case.citations), source=f"discipline.disciplinecase:{case.pk}")
            case.sk_action_id = sk["id"]
            case.save(update_fields=["sk_action_id"])
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=case,
                     changes={"state": CaseState.DIPUTUS, "penalty": case.penalty,
                              "moral_sanction": case.moral_sanction, "official": case.authority_official,
                              "decision_number": case.decision_number, "sk_action_id": case.sk_action_id,
                              "effective_date": case.effective_date, "ends_on": case.ends_on},
                     citations=case.citations, extra={"step": "decide"})
    return case


def case_close(*, actor: Actor, interface: Interface, case: DisciplineCase, reason: str) -> DisciplineCase:
    """Stop a case whose breach is not proven (with the reason, for the audit trail)."""
    Scope.of(actor).require(Resource.DISCIPLINE_DECISION, Action.CREATE, instansi_id=case.instansi_id)
    if not reason.strip():
        raise ApplicationError(_("Tuliskan alasan penghentian."), code="validation",
                               fields={"reason": [_("Wajib diisi.")]})
    with transaction.atomic(durable=True):
        case = _locked(case)
        _require_state(case, CaseState.DILAPORKAN, CaseState.DIPERIKSA)
        case.state = CaseState.DIHENTIKAN
        case.closed_reason = reason.strip()
        case.updated_by = actor
        case.save()
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=case,
                     changes={"state": CaseState.DIHENTIKAN}, reason=reason.strip(),
                     citations=case.citations, extra={"step": "close"})
    return case


def case_receive(*, actor: Actor, interface: Interface, case: DisciplineCase,
                 received_on: dt.date) -> DisciplineCase:
    """Record the day the employee received the decision: the penalty's period runs from it."""
    Scope.of(actor).require(Resource.DISCIPLINE_DECISION, Action.CREATE, instansi_id=case.instansi_id)
    with transaction.atomic(durable=True):
        case = _locked(case)
        _require_state(case, CaseState.DIPUTUS)
        if case.decided_on and received_on < case.decided_on:
            raise ApplicationError(_("Keputusan tidak dapat diterima sebelum ditetapkan."), code="validation",
                                   fields={"received_on": [_("Tanggal tidak valid.")]})
        case.decision_received_on = received_on
        legal.apply_period(case, on=received_on)
        case.updated_by = actor
        case.save()
        audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, obj=case,
                     changes={"decision_received_on": received_on, "effective_date": case.effective_date,
                              "ends_on": case.ends_on}, citations=case.period.get("citations", []),
                     extra={"step": "receive"})
    return case


def case_apply_remedy_outcome(
    *, actor: Actor, interface: Interface, case_id: int, outcome: str, reference: str,
    decided_on: dt.date, new_penalty: str = "", employee_id: int | None = None,
) -> DisciplineCase:
    """A decision on a keberatan or banding (simasn.disputes) strengthens, changes or annuls this
    discipline decision (PP 79/2021); the record other chapters read follows. Called by the
    disputes service inside its own transaction (not durable here)."""
    with transaction.atomic():
        case = DisciplineCase.objects.select_for_update(of=("self",)).select_related("employee", "instansi", "employee__position") \
            .filter(pk=case_id).first()
        if case is None or (employee_id is not None and case.employee_id != employee_id):
            raise NotFoundError(_("Keputusan hukuman disiplin tidak ditemukan."))
        _require_state(case, CaseState.DIPUTUS)
        before = case.penalty
        case.remedy_outcome = outcome
        case.remedy_reference = reference
        if outcome == "MEMBATALKAN":
            case.original_penalty = case.original_penalty or case.penalty
            case.penalty = ""
            case.effective_date = None
            case.ends_on = None
        elif outcome in ("MEMPERINGAN", "MEMPERBERAT", "MENGUBAH"):
            if not new_penalty or new_penalty == case.penalty:
                raise ApplicationError(_("Pilih hukuman pengganti."), code="validation",
                                       fields={"new_penalty": [_("Wajib diisi.")]})
            legal.require_known_penalty(new_penalty, on=decided_on)
            case.original_penalty = case.original_penalty or case.penalty
            case.penalty = new_penalty
            case.level = legal.level_of_penalty(new_penalty, on=decided_on)
            # The changed penalty takes effect as the decision on the remedy says: from its date.
            case.decision_received_on = decided_on
            legal.apply_period(case, on=decided_on)
        case.updated_by = actor
        case.save()
        amended: Any = None
        if case.sk_action_id and has_provider("actions.amend_or_revoke"):
            # The SK in the personnel-action register follows: the amendment is kept beside it.
            with translation.override("id"):
                summary = (_("Hukuman disiplin dibatalkan.") if outcome == "MEMBATALKAN" else
                           _("Hukuman disiplin diubah dari %(before)s menjadi %(after)s.") % {
                               "before": legal.penalty_label(before, on=decided_on),
                               "after": legal.penalty_label(case.penalty, on=decided_on)})
            amended = provide("actions.amend_or_revoke", actor=actor, interface=interface,
                              action_id=case.sk_action_id, outcome=outcome, reference=reference,
                              decided_on=decided_on, summary=summary, source=f"discipline.disciplinecase:{case.pk}")
        audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, obj=case,
                     changes={"penalty": [before, case.penalty], "remedy_outcome": outcome,
                              "remedy_reference": reference, "sk_amendment": amended},
                     citations=cite(Ground.ADMINISTRATIVE_REMEDY), extra={"step": "remedy_outcome"})
    return case
