"""The actions app's questions to `simasn.law`, in one place.

Every legal answer (may this person fill this post, which dismissal category, when the
pension starts, who decides and who proposes) comes from a rule of the law package;
this module only turns actions, employees and positions into facts and turns the
answers into refusals with the rule's own explanation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from simasn.actions.models import ActionType
from simasn.core.errors import ApplicationError
from simasn.law import Decision, FactsError, decide_authority, evaluate
from simasn.law.enums import ActionKind, EmployeeType

#: Facts the `dismissal` rule reads; other dismissal facts (verdict number/date,
#: request letter) are documentary and go to the SK only.
DISMISSAL_RULE_FACTS = ("own_request", "ground", "verdict_final", "sentence_kind",
                        "sentence_months", "crime_related_to_position", "discipline_level")
TEMPORARY_RULE_FACTS = ("reason", "state_office", "detention_status")

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
    citations: list[str] = []
    outcome: dict[str, Any] = {}
    texts_id: list[str] = []
    texts_en: list[str] = []

    def take(decision: Decision) -> None:
        citations.extend(c for c in decision.citations if c not in citations)
        outcome[decision.rule] = decision.to_dict()["outcome"]
        texts_id.append(decision.explanation_id)
        texts_en.append(decision.explanation_en)

    current = employee.position if employee is not None else None
    kind = ActionKind.DISMISS
    subject_position = current
    if action_type in (ActionType.APPOINTMENT, ActionType.TRANSFER):
        if position is None:
            raise ApplicationError(_("Pilih jabatan tujuan."), code="validation",
                                   fields={"position": [_("Wajib diisi.")]})
        subject_position = position
        kind = ActionKind.APPOINT if action_type == ActionType.APPOINTMENT else ActionKind.TRANSFER
        filling_facts: dict[str, Any] = {
            "candidate_type": candidate_type, "position_kind": position.kind,
            "instansi_kind": position.instansi.kind,
        }
        if candidate_type == "PPPK":
            filling_facts["designated_for_candidate_type"] = position.open_to_pppk
        elif candidate_type in ("TNI", "POLRI"):
            filling_facts["designated_for_candidate_type"] = position.open_to_tni_polri
        decision = _run("position_filling", filling_facts, on)
        take(decision)
        if not decision.outcome.get("allowed"):
            raise LegalRefusal(decision.explanation_id, decision=decision)
        if action_type == ActionType.TRANSFER and employee is None:
            raise ApplicationError(_("Mutasi memerlukan pegawai."), code="validation")
        if employee is not None and current is not None and current.pk == position.pk:
            raise ApplicationError(_("Pegawai sudah menduduki jabatan ini."), code="validation",
                                   fields={"position": [_("Pilih jabatan lain.")]})
    elif employee is None:
        raise ApplicationError(_("Pilih pegawai."), code="validation", fields={"employee": [_("Wajib diisi.")]})
    elif action_type == ActionType.TEMPORARY_DISMISSAL:
        rule_facts = {k: facts[k] for k in TEMPORARY_RULE_FACTS if facts.get(k)}
        decision = _run("temporary_dismissal", {"employee_type": employee.employee_type, **rule_facts}, on)
        take(decision)
        if not decision.outcome.get("temporarily_dismissed"):
            raise LegalRefusal(decision.explanation_id, decision=decision)
    elif action_type == ActionType.REACTIVATION:
        if employee.status != "DIBERHENTIKAN_SEMENTARA":
            raise ApplicationError(_("Hanya pegawai yang diberhentikan sementara yang dapat diaktifkan kembali."),
                                   code="wrong_status")
        if suspension is not None:
            prior = {k: suspension.facts[k] for k in TEMPORARY_RULE_FACTS if suspension.facts.get(k)}
            decision = _run("temporary_dismissal", {"employee_type": employee.employee_type, **prior}, on)
            take(decision)
            if prior.get("reason") == "PEJABAT_NEGARA":
                ret_facts = {"employee_type": employee.employee_type, "state_office": prior["state_office"],
                             "office_ended_on": facts.get("office_ended_on")}
                if facts.get("vacancy_found_on"):
                    ret_facts["vacancy_found_on"] = facts["vacancy_found_on"]
                returned = _run("return_from_state_office", ret_facts, on)
                take(returned)
                if returned.outcome.get("status") == "TO_BE_DISMISSED":
                    raise LegalRefusal(returned.explanation_id, decision=returned)
    elif action_type == ActionType.DISMISSAL:
        rule_facts = {k: facts[k] for k in DISMISSAL_RULE_FACTS if facts.get(k) not in (None, "")}
        decision = _run("dismissal", {"employee_type": employee.employee_type, **rule_facts}, on)
        take(decision)
        if not decision.outcome.get("grounded"):
            raise LegalRefusal(decision.explanation_id, decision=decision)
    elif action_type in (ActionType.RETIREMENT, ActionType.CONTRACT_END):
        decision = _run("retirement", retirement_facts(employee), on)
        take(decision)
        because = decision.outcome.get("ends_because")
        if action_type == ActionType.RETIREMENT:
            if because == "CONTRACT_END":
                raise LegalRefusal(decision.explanation_id, decision=decision)
            tmt = decision.outcome["retirement_date"]
        else:
            if employee.employee_type != EmployeeType.PPPK or because != "CONTRACT_END":
                raise LegalRefusal(decision.explanation_id, decision=decision)
            tmt = decision.outcome["service_ends_on"] + dt.timedelta(days=1)
    elif action_type == ActionType.CANDIDACY_RESIGNATION:
        cand = {"employee_type": employee.employee_type, "election": facts.get("election"),
                "candidate_set_on": facts.get("candidate_set_on")}
        if current is not None:
            cand["position_kind"] = current.kind
        decision = _run("candidacy", cand, on)
        take(decision)
        if not decision.outcome.get("must_resign"):
            raise LegalRefusal(decision.explanation_id, decision=decision)
        if tmt is None and facts.get("candidate_set_on"):
            tmt = dt.date.fromisoformat(str(facts["candidate_set_on"]))

    if tmt is None:
        raise ApplicationError(_("TMT wajib diisi."), code="validation", fields={"tmt": [_("Wajib diisi.")]})
    if employee is not None and action_type not in (ActionType.RETIREMENT, ActionType.CONTRACT_END):
        within_service(employee=employee, tmt=tmt, on=on)
    if subject_position is None:
        raise ApplicationError(_("Jabatan pegawai belum tercatat; kewenangan bergantung pada jabatan."),
                               code="position_required")
    auth = authority(kind=kind, position=subject_position, instansi_kind=instansi.kind, on=on)
    decider = str(auth.outcome["decider"])
    proposer = str(auth.outcome["proposer"] or "")
    if action_type == ActionType.REACTIVATION:
        # Pasal 53 ayat (3): reactivation is by the PPK, whatever the position.
        reactivated_by = (outcome.get("temporary_dismissal") or {}).get("reactivation_by")
        if reactivated_by:
            decider = str(reactivated_by)
    citations.extend(c for c in auth.citations if c not in citations)
    return Assessment(
        tmt=tmt, decider=decider, proposer=proposer, outcome=outcome, citations=citations,
        explanation_id=" ".join([*texts_id, auth.explanation_id]),
        explanation_en=" ".join([*texts_en, auth.explanation_en]),
        authority=auth.to_dict(),
    )
