"""The actions app's questions to `simasn.law`, in one place.

Every legal answer (may this person fill this post, which dismissal category, when the
pension starts, who decides and who proposes) comes from a rule of the law package;
this module only turns actions, employees and positions into facts and turns the
answers into refusals with the rule's own explanation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from simasn.actions.models import ActionType
from simasn.core.errors import ApplicationError
from simasn.law import Decision, FactsError, decide_authority, evaluate
from simasn.law.enums import ActionKind, CandidateType, EmployeeStatus, EmployeeType

#: Facts the `dismissal` rule reads; other dismissal facts (verdict number/date,
#: request letter) are documentary and go to the SK only.
DISMISSAL_RULE_FACTS = ("own_request", "ground", "verdict_final", "sentence_kind",
                        "sentence_months", "crime_related_to_position", "discipline_level")
TEMPORARY_RULE_FACTS = ("reason", "state_office", "detention_status")

#: Employee statuses that hold a seat of their position (a temporarily dismissed PNS keeps it).
HOLDING_STATUSES = ("AKTIF", "DIBERHENTIKAN_SEMENTARA")

#: Action types decided as a dismissal (Pasal 29 ayat (1): pemberhentian).
DISMISS_TYPES = (ActionType.TEMPORARY_DISMISSAL, ActionType.DISMISSAL, ActionType.RETIREMENT,
                 ActionType.CONTRACT_END, ActionType.CANDIDACY_RESIGNATION)


class LegalRefusal(ApplicationError):
    """A rule of law forbids the action (audited as 'refused' by the service)."""

    def __init__(self, message: str, *, decision: Decision | None = None, **kwargs: Any) -> None:
        details = {"decision": decision.to_dict()} if decision is not None else {}
        super().__init__(message, code=kwargs.pop("code", "rule_forbids"), details=details, **kwargs)
        self.decision = decision


@dataclass
class Assessment:
    tmt: dt.date | None
    decider: str
    proposer: str
    outcome: dict[str, Any]
    citations: list[str]
    explanation_id: str
    explanation_en: str
    authority: dict[str, Any] = field(default_factory=dict)


def _explain(decision: Decision) -> str:
    return decision.explanation_id


def _review(decision: Decision) -> LegalRefusal:
    return LegalRefusal(
        _("Perlu kajian hukum: aturan tidak memutus perkara ini. %(why)s")
        % {"why": decision.explanation_id},
        decision=decision, code="needs_legal_review",
    )


def _run(rule: str, facts: dict[str, Any], on: dt.date) -> Decision:
    try:
        decision = evaluate(rule, facts, on)
    except FactsError as error:
        fields = {e.field: [e.message] for e in error.errors}
        raise ApplicationError(_("Fakta yang diperlukan aturan belum lengkap atau keliru."),
                               code="facts", fields=fields) from error
    if decision.needs_legal_review:
        raise _review(decision)
    return decision


def position_facts(position: Any) -> dict[str, Any]:
    facts: dict[str, Any] = {"position_kind": position.kind}
    if position.kind == "FUNGSIONAL":
        facts["functional_level"] = position.functional_level or None
    return facts


def authority(*, kind: ActionKind, position: Any, instansi_kind: str, on: dt.date) -> Decision:
    facts = position_facts(position)
    decision = decide_authority(action=kind, position_kind=facts["position_kind"],
                                functional_level=facts.get("functional_level"),
                                instansi_kind=instansi_kind, on=on)
    if decision.needs_legal_review:
        raise _review(decision)
    return decision


def retirement_facts(employee: Any) -> dict[str, Any]:
    position = employee.position
    if position is None:
        raise ApplicationError(_("Jabatan pegawai belum tercatat; batas usia pensiun bergantung pada jabatan."),
                               code="position_required")
    facts: dict[str, Any] = {"employee_type": employee.employee_type, "birth_date": employee.birth_date,
                             "position_kind": position.kind}
    if position.kind == "FUNGSIONAL":
        if position.functional_level:
            facts["functional_level"] = position.functional_level
        if position.functional_family in ("GURU", "DOSEN", "PROFESOR"):
            facts["functional_family"] = position.functional_family
    if employee.employee_type == EmployeeType.PPPK:
        facts["contract_end_date"] = employee.contract_end
    return facts


def within_service(*, employee: Any, tmt: dt.date, on: dt.date) -> None:
    """Refuse an action whose TMT falls after the employee's service ended (rule ``service_end``).

    Only the retirement (or a PPPK's contract end) may still be set for an employee past the
    BUP. Without a recorded position the BUP is unknown: the check cannot be made here.
    """
    if employee.position is None or (employee.employee_type == EmployeeType.PPPK and not employee.contract_end):
        return
    decision = _run("service_end", {**retirement_facts(employee), "action_tmt": tmt}, on)
    if not decision.outcome.get("allowed"):
        raise LegalRefusal(
            _("Ditolak: %(why)s (%(cite)s)") % {"why": decision.explanation_id,
                                                 "cite": "; ".join(decision.citations)},
            decision=decision, code="after_service_end",
            fields={"tmt": [_("TMT jatuh setelah masa kerja pegawai berakhir.")]})


@dataclass
class _Case:
    """One action being assessed: its inputs and what the rules answered so far."""

    action_type: str
    employee: Any  # None only for an appointment of a candidate from outside the register
    position: Any | None
    candidate_type: str
    facts: dict[str, Any]
    tmt: dt.date | None
    on: dt.date
    suspension: Any | None
    kind: ActionKind = ActionKind.DISMISS
    subject_position: Any | None = None
    citations: list[str] = field(default_factory=list)
    outcome: dict[str, Any] = field(default_factory=dict)
    texts_id: list[str] = field(default_factory=list)
    texts_en: list[str] = field(default_factory=list)

    @property
    def current(self) -> Any | None:
        return self.employee.position if self.employee is not None else None

    def ask(self, rule: str, facts: dict[str, Any]) -> Decision:
        """Evaluate a rule and keep its answer, citations and explanation."""
        decision = _run(rule, facts, self.on)
        self.citations.extend(c for c in decision.citations if c not in self.citations)
        self.outcome[decision.rule] = decision.to_dict()["outcome"]
        self.texts_id.append(decision.explanation_id)
        self.texts_en.append(decision.explanation_en)
        return decision

    def require(self, rule: str, facts: dict[str, Any], outcome: str) -> Decision:
        """Ask a rule whose ``outcome`` must be true, else the law refuses the action."""
        decision = self.ask(rule, facts)
        if not decision.outcome.get(outcome):
            raise LegalRefusal(decision.explanation_id, decision=decision)
        return decision


def _filling(case: _Case) -> None:
    """Appointment and transfer: may this candidate fill the target post (Pasal 19, 34, 65, 66)."""
    position = case.position
    if position is None:
        raise ApplicationError(_("Pilih jabatan tujuan."), code="validation", fields={"position": [_("Wajib diisi.")]})
    case.subject_position = position
    case.kind = ActionKind.APPOINT if case.action_type == ActionType.APPOINTMENT else ActionKind.TRANSFER
    facts: dict[str, Any] = {"candidate_type": case.candidate_type, "position_kind": position.kind,
                             "instansi_kind": position.instansi.kind}
    if case.candidate_type == CandidateType.PPPK:
        facts["designated_for_candidate_type"] = position.open_to_pppk
    elif case.candidate_type in (CandidateType.TNI, CandidateType.POLRI):
        facts["designated_for_candidate_type"] = position.open_to_tni_polri
    case.require("position_filling", facts, "allowed")
    if case.action_type == ActionType.TRANSFER and case.employee is None:
        raise ApplicationError(_("Mutasi memerlukan pegawai."), code="validation")
    if case.employee is not None and case.current is not None and case.current.pk == position.pk:
        raise ApplicationError(_("Pegawai sudah menduduki jabatan ini."), code="validation",
                               fields={"position": [_("Pilih jabatan lain.")]})
    # A seat must be free (Pasal 60 ayat (1) "sepanjang tersedia lowongan jabatan"): the
    # position's holders in service, other than this employee, against its seats.
    holders = position.holders.filter(status__in=HOLDING_STATUSES)
    if case.employee is not None:
        holders = holders.exclude(pk=case.employee.pk)
    vacancy = case.ask("position_vacancy", {"seats": position.seats, "holders": holders.count()})
    if not vacancy.outcome.get("vacant"):
        raise LegalRefusal(vacancy.explanation_id, decision=vacancy, fields={"position": [vacancy.explanation_id]})


def _temporary_dismissal(case: _Case) -> None:
    """Pasal 53, 59 ayat (1)."""
    rule_facts = {k: case.facts[k] for k in TEMPORARY_RULE_FACTS if case.facts.get(k)}
    case.require("temporary_dismissal", {"employee_type": case.employee.employee_type, **rule_facts},
                 "temporarily_dismissed")


def _reactivation(case: _Case) -> None:
    """The original suspension's rule again; a state official's return (Pasal 59 ayat (2), 60)."""
    employee = case.employee
    # A reactivation drafted because a remedy decision annulled the SK that suspended or
    # dismissed the employee (simasn.actions.recorded): the employee may have left the service.
    annulment = bool(case.facts.get("annulled_action"))
    allowed = (EmployeeStatus.DIBERHENTIKAN_SEMENTARA, EmployeeStatus.BERHENTI) if annulment \
        else (EmployeeStatus.DIBERHENTIKAN_SEMENTARA,)
    if employee.status not in allowed:
        raise ApplicationError(_("Hanya pegawai yang diberhentikan sementara yang dapat diaktifkan kembali."),
                               code="wrong_status")
    if case.suspension is None:
        return
    prior = {k: case.suspension.facts[k] for k in TEMPORARY_RULE_FACTS if case.suspension.facts.get(k)}
    case.ask("temporary_dismissal", {"employee_type": employee.employee_type, **prior})
    if prior.get("reason") != "PEJABAT_NEGARA":
        return
    ret_facts = {"employee_type": employee.employee_type, "state_office": prior["state_office"],
                 "office_ended_on": case.facts.get("office_ended_on")}
    if case.facts.get("vacancy_found_on"):
        ret_facts["vacancy_found_on"] = case.facts["vacancy_found_on"]
    returned = case.ask("return_from_state_office", ret_facts)
    if returned.outcome.get("status") == "TO_BE_DISMISSED":
        raise LegalRefusal(returned.explanation_id, decision=returned)


def _dismissal(case: _Case) -> None:
    """Pasal 52."""
    rule_facts = {k: case.facts[k] for k in DISMISSAL_RULE_FACTS if case.facts.get(k) not in (None, "")}
    case.require("dismissal", {"employee_type": case.employee.employee_type, **rule_facts}, "grounded")


def _retirement(case: _Case) -> None:
    """Retirement at the BUP, or a PPPK contract that ends before it (Pasal 52 ayat (3) huruf c, 55):
    the TMT is the rule's."""
    decision = case.ask("retirement", retirement_facts(case.employee))
    because = decision.outcome.get("ends_because")
    if case.action_type == ActionType.RETIREMENT:
        if because == "CONTRACT_END":
            raise LegalRefusal(decision.explanation_id, decision=decision)
        case.tmt = decision.outcome["retirement_date"]
        return
    if case.employee.employee_type != EmployeeType.PPPK or because != "CONTRACT_END":
        raise LegalRefusal(decision.explanation_id, decision=decision)
    case.tmt = decision.outcome["service_ends_on"] + dt.timedelta(days=1)


def _candidacy(case: _Case) -> None:
    """Pasal 56, 59 ayat (3): the TMT defaults to the day the candidacy was set."""
    facts = {"employee_type": case.employee.employee_type, "election": case.facts.get("election"),
             "candidate_set_on": case.facts.get("candidate_set_on")}
    if case.current is not None:
        facts["position_kind"] = case.current.kind
    case.require("candidacy", facts, "must_resign")
    if case.tmt is None and case.facts.get("candidate_set_on"):
        case.tmt = dt.date.fromisoformat(str(case.facts["candidate_set_on"]))


#: The law's checks of each action type (the authority rule is asked for every one after it).
CHECKS: dict[str, Callable[[_Case], None]] = {
    ActionType.APPOINTMENT: _filling,
    ActionType.TRANSFER: _filling,
    ActionType.TEMPORARY_DISMISSAL: _temporary_dismissal,
    ActionType.REACTIVATION: _reactivation,
    ActionType.DISMISSAL: _dismissal,
    ActionType.RETIREMENT: _retirement,
    ActionType.CONTRACT_END: _retirement,
    ActionType.CANDIDACY_RESIGNATION: _candidacy,
}
#: Types whose TMT the rule sets after the end of service is known (not re-checked against it).
TMT_FROM_RULE = (ActionType.RETIREMENT, ActionType.CONTRACT_END)


def assess(
    *,
    action_type: str,
    instansi: Any,
    employee: Any | None,
    position: Any | None,
    candidate_type: str,
    facts: dict[str, Any],
    tmt: dt.date | None,
    on: dt.date,
    suspension: Any | None = None,
) -> Assessment:
    """Check an action against the law on ``on``; raise LegalRefusal / ApplicationError."""
    case = _Case(action_type=action_type, employee=employee, position=position, candidate_type=candidate_type,
                 facts=facts, tmt=tmt, on=on, suspension=suspension)
    case.subject_position = case.current
    if employee is None and action_type not in (ActionType.APPOINTMENT, ActionType.TRANSFER):
        raise ApplicationError(_("Pilih pegawai."), code="validation", fields={"employee": [_("Wajib diisi.")]})
    check = CHECKS.get(action_type)
    if check is not None:
        check(case)
    if case.tmt is None:
        raise ApplicationError(_("TMT wajib diisi."), code="validation", fields={"tmt": [_("Wajib diisi.")]})
    if employee is not None and action_type not in TMT_FROM_RULE:
        within_service(employee=employee, tmt=case.tmt, on=on)
    if case.subject_position is None:
        raise ApplicationError(_("Jabatan pegawai belum tercatat; kewenangan bergantung pada jabatan."),
                               code="position_required")
    auth = authority(kind=case.kind, position=case.subject_position, instansi_kind=instansi.kind, on=on)
    decider = str(auth.outcome["decider"])
    proposer = str(auth.outcome["proposer"] or "")
    # Pasal 53 ayat (3): reactivation is by the PPK, whatever the position.
    reactivated_by = (case.outcome.get("temporary_dismissal") or {}).get("reactivation_by") \
        if action_type == ActionType.REACTIVATION else None
    if reactivated_by:
        decider = str(reactivated_by)
    citations = [*case.citations, *(c for c in auth.citations if c not in case.citations)]
    return Assessment(
        tmt=case.tmt, decider=decider, proposer=proposer, outcome=case.outcome, citations=citations,
        explanation_id=" ".join([*case.texts_id, auth.explanation_id]),
        explanation_en=" ".join([*case.texts_en, auth.explanation_en]),
        authority=auth.to_dict(),
    )
