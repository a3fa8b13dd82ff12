"""Writes on personnel actions: one service per workflow transition.

Each service checks the actor (scope, then the party the workflow table requires),
re-checks the law where the step decides something, runs in one transaction, moves
the state with a conditional UPDATE on (state, version) — so of two officials acting
at once exactly one wins and the other gets a ConflictError — and writes the audit
event with the citations. Refusals by a rule, and refusals of the wrong actor, are
audited as "refused" in their own transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.actions import legal, workflow
from simasn.actions.documents import sk_store
from simasn.actions.models import (
    OPEN_STATES,
    RECORDED_TYPES,
    TYPE_CODES,
    ActionState,
    ActionType,
    PersonnelAction,
    RetirementOverdueFlag,
    SkCounter,
)
from simasn.actions.selectors import can_view, overdue_filter
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import (
    ApplicationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
)
from simasn.core.interfaces import Interface
from simasn.law import parameters
from simasn.law.enums import EmployeeStatus
from simasn.law.grounds import Ground, cite
from simasn.law.parameters import ParameterGapError
from simasn.organization.models import Instansi
from simasn.organization.selectors import official_in_office
from simasn.personnel import services as personnel_services
from simasn.personnel.models import Employee
from simasn.positions.models import Position

#: The employee status each action type leaves on its TMT.
STATUS_AFTER = {
    ActionType.TEMPORARY_DISMISSAL: EmployeeStatus.DIBERHENTIKAN_SEMENTARA,
    ActionType.REACTIVATION: EmployeeStatus.AKTIF,
    ActionType.DISMISSAL: EmployeeStatus.BERHENTI,
    ActionType.RETIREMENT: EmployeeStatus.PENSIUN,
    ActionType.CONTRACT_END: EmployeeStatus.BERHENTI,
    ActionType.CANDIDACY_RESIGNATION: EmployeeStatus.BERHENTI,
}
ENDING_TYPES = (ActionType.DISMISSAL, ActionType.RETIREMENT, ActionType.CONTRACT_END,
                ActionType.CANDIDACY_RESIGNATION)


def _today() -> dt.date:
    return timezone.localdate()


def _jsonable_facts(facts: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in facts.items():
        if value in (None, ""):
            continue
        out[key] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def _audit_refusal(
    *, actor: Any, interface: Interface, error: ApplicationError, step: str,
    action: PersonnelAction | None = None, instansi_id: int | None = None,
    employee_id: int | None = None, repr_: str = "",
) -> None:
    decision = getattr(error, "decision", None)
    with transaction.atomic():
        audit_record(
            actor=actor, action=AuditAction.REFUSED, interface=interface,
            object_type="actions.personnelaction",
            object_id=action.pk if action is not None else "",
            object_repr=(str(action) if action is not None else repr_)[:300],
            instansi_id=instansi_id if instansi_id is not None else getattr(action, "instansi_id", None),
            subject_employee_id=employee_id if employee_id is not None else getattr(action, "employee_id", None),
            reason=error.message, citations=decision.citations if decision is not None else [],
            extra={"step": step, "code": error.code},
        )


# ----------------------------------------------------------------------- draft


def action_draft(
    *,
    actor: Any,
    interface: Interface,
    action_type: str,
    employee_id: int | None = None,
    position_id: int | None = None,
    candidate_type: str = "",
    candidate_name: str = "",
    facts: dict[str, Any] | None = None,
    tmt: dt.date | None = None,
    notes: str = "",
    on: dt.date | None = None,
) -> PersonnelAction:
    """An operator drafts an action; the law is asked first (a refusal is audited)."""
    on = on or _today()
    facts = _jsonable_facts(dict(facts or {}))
    if action_type not in ActionType.values:
        raise ApplicationError(_("Jenis tindakan tidak dikenal."), code="validation",
                               fields={"action_type": [_("Pilih salah satu.")]})
    if action_type in RECORDED_TYPES:
        raise ApplicationError(_("Hukuman disiplin ditetapkan melalui menu Disiplin; SK-nya tercatat di sini."),
                               code="validation", fields={"action_type": [_("Pilih salah satu.")]})
    employee = Employee.objects.select_related("position", "instansi").filter(pk=employee_id).first() \
        if employee_id else None
    position = Position.objects.select_related("instansi", "unit").filter(pk=position_id).first() \
        if position_id else None
    if employee_id and employee is None:
        raise NotFoundError(_("Pegawai tidak ditemukan."))
    if position_id and position is None:
        raise NotFoundError(_("Jabatan tidak ditemukan."))
    if employee is not None:
        instansi = employee.instansi
    elif position is not None:
        instansi = position.instansi
    else:
        raise ApplicationError(_("Pilih pegawai."), code="validation", fields={"employee": [_("Wajib diisi.")]})
    scope = Scope.of(actor)
    scope.require(Resource.ACTION, Action.CREATE, instansi_id=instansi.pk)
    if employee is not None and not scope.allows_object(Resource.EMPLOYEE, Action.VIEW, employee):
        raise NotFoundError(_("Pegawai tidak ditemukan."))

    if employee is not None:
        if candidate_type and candidate_type != employee.employee_type:
            raise ApplicationError(_("Jenis calon harus sama dengan jenis pegawai."), code="validation",
                                   fields={"candidate_type": [_("Tidak sesuai.")]})
        candidate_type = employee.employee_type
        allowed_status = (EmployeeStatus.DIBERHENTIKAN_SEMENTARA,) if action_type == ActionType.REACTIVATION else (
            (EmployeeStatus.AKTIF, EmployeeStatus.DIBERHENTIKAN_SEMENTARA) if action_type in ENDING_TYPES
            else (EmployeeStatus.AKTIF,))
        if employee.status not in allowed_status:
            raise ApplicationError(
                _("Status pegawai %(status)s tidak memungkinkan tindakan ini.")
                % {"status": employee.get_status_display()}, code="wrong_status")
        if PersonnelAction.objects.filter(employee=employee, action_type=action_type,
                                          state__in=OPEN_STATES).exists():
            raise ConflictError(_("Sudah ada tindakan sejenis yang sedang berjalan untuk pegawai ini."),
                                code="duplicate")
    else:
        if action_type != ActionType.APPOINTMENT:
            raise ApplicationError(_("Pilih pegawai."), code="validation", fields={"employee": [_("Wajib diisi.")]})
        if candidate_type in ("", "PNS", "PPPK"):
            raise ApplicationError(
                _("PNS dan PPPK didaftarkan dahulu di registri pegawai; calon dari luar registri "
                  "hanya dapat berjenis TNI, Polri atau non-ASN."),
                code="validation", fields={"candidate_type": [_("Pilih jenis calon.")]})
        if not candidate_name.strip():
            raise ApplicationError(_("Nama calon wajib diisi."), code="validation",
                                   fields={"candidate_name": [_("Wajib diisi.")]})
    if action_type == ActionType.APPOINTMENT and position is not None and position.instansi_id != instansi.pk:
        raise ApplicationError(_("Jabatan di instansi lain diisi melalui mutasi antarinstansi."),
                               code="validation", fields={"position": [_("Pilih jabatan di instansi ini.")]})
    if action_type in (ActionType.APPOINTMENT, ActionType.TRANSFER) and position is not None \
            and not position.is_active:
        raise ApplicationError(_("Jabatan tidak aktif."), code="validation", fields={"position": [_("Jabatan tidak aktif.")]})

    suspension = None
    if action_type == ActionType.REACTIVATION and employee is not None:
        suspension = PersonnelAction.objects.filter(
            employee=employee, action_type=ActionType.TEMPORARY_DISMISSAL, state=ActionState.EFFECTIVE,
        ).order_by("-tmt", "-id").first()
    try:
        assessment = legal.assess(
            action_type=action_type, instansi=instansi, employee=employee, position=position,
            candidate_type=candidate_type, facts=facts, tmt=tmt, on=on, suspension=suspension,
        )
    except legal.LegalRefusal as error:
        _audit_refusal(actor=actor, interface=interface, error=error, step="draft",
                       instansi_id=instansi.pk, employee_id=employee.pk if employee else None,
                       repr_=f"{action_type} — {employee or candidate_name}")
        raise

    with transaction.atomic():
        action = PersonnelAction.objects.create(
            action_type=action_type, instansi=instansi, employee=employee,
            candidate_type=candidate_type, candidate_name=candidate_name.strip(),
            position=position,
            target_instansi=position.instansi if action_type == ActionType.TRANSFER and position else None,
            facts=facts, tmt=assessment.tmt, decider=assessment.decider, proposer=assessment.proposer,
            legal_outcome={**assessment.outcome, "authority": assessment.authority["outcome"]},
            citations=assessment.citations, explanation_id=assessment.explanation_id,
            explanation_en=assessment.explanation_en, notes=notes, drafted_by=actor,
            created_by=actor, updated_by=actor,
        )
        audit_record(
            actor=actor, action=AuditAction.CREATE, interface=interface, obj=action,
            changes={"after": {"action_type": action_type, "state": action.state,
                               "tmt": action.tmt, "decider": action.decider,
                               "proposer": action.proposer, "facts": facts}},
            citations=action.citations,
        )
        if action.target_instansi_id:
            # The receiving instansi's trail shows the transfer too.
            audit_record(
                actor=actor, action=AuditAction.CREATE, interface=interface, obj=action,
                instansi_id=action.target_instansi_id,
                changes={"after": {"action_type": action_type, "incoming": True}},
                citations=action.citations,
            )
    return action


# ------------------------------------------------------------------ transitions

_WHO = {
    workflow.Party.DRAFTER: _("operator kepegawaian instansi"),
    workflow.Party.PROPOSER: _("Pejabat yang Berwenang (PyB) instansi"),
    workflow.Party.RECEIVER: _("PPK instansi tujuan"),
    workflow.Party.SYSTEM: _("sistem"),
}


def _who_may(transition: workflow.Transition, action: PersonnelAction) -> str:
    names = []
    for party in transition.parties:
        if party == workflow.Party.DECIDER:
            names.append(_("Presiden (Kantor Presiden)") if action.decider == "PRESIDEN"
                         else _("Pejabat Pembina Kepegawaian (PPK) instansi"))
        elif (party == workflow.Party.PROPOSER and not action.proposer) or (party == workflow.Party.RECEIVER and not action.needs_acceptance):
            continue
        else:
            names.append(str(_WHO[party]))
    return ", ".join(names)


def _transition(
    *,
    actor: Any,
    interface: Interface,
    action_id: int,
    name: str,
    expected_version: int | None,
    reason: str = "",
    on: dt.date,
    hook: Callable[[PersonnelAction], dict[str, Any]] | None = None,
    after: Callable[[PersonnelAction], None] | None = None,
) -> PersonnelAction:
    transition = workflow.TRANSITIONS[name]
    if actor is not None and Scope.of(actor).reach(Resource.ACTION, Action.UPDATE) == Reach.NONE:
        raise PermissionDeniedError(_("Anda tidak berwenang melakukan tindakan ini pada data tersebut."))
    action: PersonnelAction | None = None
    try:
        with transaction.atomic():
            action = PersonnelAction.objects.select_for_update().filter(pk=action_id).first()
            if action is None or (actor is not None and not can_view(actor, action)):
                raise NotFoundError(_("Tindakan kepegawaian tidak ditemukan."))
            if expected_version is not None and action.version != expected_version:
                raise ConflictError(
                    _("Tindakan ini sudah diubah oleh pengguna lain (status sekarang: %(state)s). "
                      "Muat ulang halaman.") % {"state": action.get_state_display()}, code="stale")
            if action.state not in transition.sources:
                raise ConflictError(
                    _("Tindakan berstatus %(state)s; langkah \"%(step)s\" tidak dapat dilakukan.")
                    % {"state": action.get_state_display(), "step": transition.label}, code="invalid_state")
            parties = workflow.parties_of(actor, action)
            if not any(workflow.party_may(transition, p, action) for p in parties):
                if name == "decide" and action.needs_acceptance and action.accepted_at is None \
                        and workflow.Party.DECIDER in parties:
                    raise ConflictError(
                        _("Instansi tujuan belum menerima mutasi ini: PPK %(target)s harus menerimanya "
                          "sebelum ditetapkan.") % {"target": action.target_instansi}, code="not_accepted")
                if name == "decide" and action.proposer and action.state == ActionState.DRAFT \
                        and workflow.Party.DECIDER in parties:
                    raise ConflictError(_("Tindakan harus diusulkan oleh PyB sebelum ditetapkan "
                                          "(UU 20/2023 Pasal 30 ayat (3))."), code="invalid_state")
                raise PermissionDeniedError(
                    _("Langkah \"%(step)s\" hanya dapat dilakukan oleh %(who)s.")
                    % {"step": transition.label, "who": _who_may(transition, action)},
                    code="wrong_actor", details={"citations": action.citations})
            if transition.needs_reason and not reason.strip():
                raise ApplicationError(_("Alasan wajib diisi."), code="validation",
                                       fields={"reason": [_("Wajib diisi.")]})
            before_state = action.state
            fields = hook(action) if hook else {}
            target = action.state if name == "accept" else transition.target
            updated = PersonnelAction.objects.filter(
                pk=action.pk, state=before_state, version=action.version,
            ).update(state=target, version=F("version") + 1, updated_at=timezone.now(),
                     updated_by=actor if getattr(actor, "pk", None) else None, **fields)
            if updated != 1:
                raise ConflictError(_("Tindakan ini sudah diubah oleh pengguna lain. Muat ulang halaman."),
                                    code="stale")
            action.refresh_from_db()
            audit_record(
                actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=action,
                changes={"state": {"before": before_state, "after": action.state},
                         "step": name, **({"fields": sorted(fields)} if fields else {})},
                reason=reason, citations=action.citations,
            )
            if after:
                after(action)
    except (PermissionDeniedError, legal.LegalRefusal) as error:
        if not isinstance(error, NotFoundError) and action is not None:
            _audit_refusal(actor=actor, interface=interface, error=error, step=name, action=action)
        raise
    return action


def action_propose(*, actor: Any, interface: Interface, action_id: int,
                   expected_version: int | None = None, on: dt.date | None = None) -> PersonnelAction:
    """The PyB proposes to the PPK (Pasal 30 ayat (3))."""
    now = timezone.now()
    return _transition(actor=actor, interface=interface, action_id=action_id, name="propose",
                       expected_version=expected_version, on=on or _today(),
                       hook=lambda a: {"proposed_by": actor, "proposed_at": now})


def action_accept(*, actor: Any, interface: Interface, action_id: int,
                  expected_version: int | None = None, on: dt.date | None = None) -> PersonnelAction:
    """The PPK of the receiving instansi accepts a transfer between instansi."""
    now = timezone.now()
    return _transition(actor=actor, interface=interface, action_id=action_id, name="accept",
                       expected_version=expected_version, on=on or _today(),
                       hook=lambda a: {"accepted_by": actor, "accepted_at": now})


def action_reject(*, actor: Any, interface: Interface, action_id: int, reason: str,
                  expected_version: int | None = None, on: dt.date | None = None) -> PersonnelAction:
    now = timezone.now()
    return _transition(actor=actor, interface=interface, action_id=action_id, name="reject",
                       expected_version=expected_version, reason=reason, on=on or _today(),
                       hook=lambda a: {"closed_by": actor, "closed_at": now, "closed_reason": reason.strip()})


def action_withdraw(*, actor: Any, interface: Interface, action_id: int, reason: str,
                    expected_version: int | None = None, on: dt.date | None = None) -> PersonnelAction:
    now = timezone.now()
    return _transition(actor=actor, interface=interface, action_id=action_id, name="withdraw",
                       expected_version=expected_version, reason=reason, on=on or _today(),
                       hook=lambda a: {"closed_by": actor, "closed_at": now, "closed_reason": reason.strip()})


def _next_sk_number(action: PersonnelAction, on: dt.date) -> str:
    instansi = action.instansi
    issuer = "PRESIDEN" if action.decider == "PRESIDEN" else f"PPK-{instansi.code}"
    try:
        with transaction.atomic():
            SkCounter.objects.get_or_create(issuer=issuer, year=on.year)
    except IntegrityError:
        pass
    counter = SkCounter.objects.select_for_update().get(issuer=issuer, year=on.year)
    counter.last += 1
    counter.save(update_fields=["last"])
    code = TYPE_CODES[ActionType(action.action_type)]
    if action.decider == "PRESIDEN":
        return f"{counter.last}/TPA/{code}/{on.year}"
    return f"KP.{counter.last:04d}/{code}/{instansi.code}/{on.year}"


def action_decide(*, actor: Any, interface: Interface, action_id: int,
                  expected_version: int | None = None, on: dt.date | None = None) -> PersonnelAction:
    """The PPK (or the President's office) sets the decision; the SK PDF is stored."""
    on = on or _today()
    now = timezone.now()

    def hook(action: PersonnelAction) -> dict[str, Any]:
        if action.needs_acceptance and action.accepted_at is None:
            raise ApplicationError(_("Instansi tujuan belum menerima mutasi ini."), code="not_accepted")
        suspension = None
        if action.action_type == ActionType.REACTIVATION:
            # employee_id=None is a valid exact lookup (IS NULL); django-stubs only accepts ints.
            suspension = PersonnelAction.objects.filter(  # type: ignore[misc]
                employee_id=action.employee_id, action_type=ActionType.TEMPORARY_DISMISSAL,
                state=ActionState.EFFECTIVE).order_by("-tmt", "-id").first()
        # pk=None (IS NULL) matches no employee: None either way.
        employee = Employee.objects.select_related("position").filter(pk=action.employee_id).first() \
            if action.employee_id is not None else None
        # The law in force on the decision date decides (it may differ from the draft's).
        assessment = legal.assess(
            action_type=action.action_type, instansi=action.instansi, employee=employee,
            position=action.position, candidate_type=action.candidate_type, facts=action.facts,
            tmt=action.tmt, on=on, suspension=suspension,
        )
        if assessment.decider != action.decider:
            raise ConflictError(_("Kewenangan menetapkan berubah sejak konsep dibuat; buat konsep baru."),
                                code="authority_changed")
        if action.decider == "PRESIDEN":
            # The President signs by name (not the office account's name): dated data.
            try:
                name = str(parameters.value("president.office_holder", on)["name"])
            except ParameterGapError as error:
                raise ApplicationError(_("Presiden yang menjabat pada tanggal keputusan tidak tercatat."),
                                       code="no_official") from error
            title = "Presiden Republik Indonesia"
        else:
            official = official_in_office(instansi_id=action.instansi_id, role="PPK", on=on)
            if official is None:
                raise ApplicationError(_("PPK instansi ini belum tercatat di registri pejabat."),
                                       code="no_official")
            name, title = official.person_name, official.title
        action.citations = assessment.citations
        action.legal_outcome = {**assessment.outcome, "authority": assessment.authority["outcome"]}
        action.explanation_id, action.explanation_en = assessment.explanation_id, assessment.explanation_en
        action.tmt = assessment.tmt
        return {
            "decided_by": actor, "decided_at": now, "decider_name": str(name)[:200],
            "decider_title": str(title)[:200], "sk_number": _next_sk_number(action, on), "sk_date": on,
            "citations": assessment.citations, "legal_outcome": action.legal_outcome,
            "explanation_id": assessment.explanation_id, "explanation_en": assessment.explanation_en,
            "tmt": assessment.tmt,
        }

    def after(action: PersonnelAction) -> None:
        document = sk_store(action=action, actor=actor)
        audit_record(actor=actor, action=AuditAction.DOCUMENT_GENERATED, interface=interface, obj=action,
                     changes={"document": {"kind": document.kind, "sha256": document.sha256,
                                           "sk_number": action.sk_number}},
                     citations=action.citations)
        if action.tmt is not None and action.tmt <= on:
            action_id_ = action.pk
            transaction.on_commit(lambda: apply_due_actions(on=on, only=[action_id_]))

    return _transition(actor=actor, interface=interface, action_id=action_id, name="decide",
                       expected_version=expected_version, on=on, hook=hook, after=after)


# ------------------------------------------------------------------- applying


def _effects(action: PersonnelAction) -> dict[str, Any]:
    """Change the employee as the decided action says, through the register's services (the
    only writers of the employee and its position history); returns the changes (audited)."""
    if action.employee_id is None or action.action_type in RECORDED_TYPES:
        # Recorded SKs change nothing here on their TMT: a penalty is no change of position or
        # status, and an appointment entered the register with its TMT when it was recorded.
        return {}
    employee = Employee.objects.select_for_update().get(pk=action.employee_id)
    tmt = action.tmt
    assert tmt is not None
    common: dict[str, Any] = {
        "actor": None, "interface": Interface.SYSTEM, "employee": employee,
        "reason": _("Berlakunya SK %(sk)s") % {"sk": action.sk_number},
        "citations": list(action.citations), "extra": {"personnel_action": action.pk},
    }
    if action.action_type in (ActionType.APPOINTMENT, ActionType.TRANSFER):
        if action.position_id is None:  # what get(pk=None) raises
            raise Position.DoesNotExist("Position matching query does not exist.")
        position = Position.objects.select_related("unit").get(pk=action.position_id)
        return personnel_services.employee_assign_position(
            **common, position=position, start=tmt, sk_number=action.sk_number or "", sk_date=action.sk_date,
            source=f"tindakan:{action.pk}")
    status = STATUS_AFTER[ActionType(action.action_type)]
    if action.action_type in ENDING_TYPES:
        return personnel_services.employee_end_service(**common, status=status, on=tmt)
    return personnel_services.employee_set_status(**common, status=status)


def action_apply(*, action_id: int, on: dt.date, interface: Interface = Interface.SYSTEM) -> PersonnelAction:
    """Make a decided action effective on its TMT (the daily job; nobody else)."""

    def hook(action: PersonnelAction) -> dict[str, Any]:
        if action.tmt is None or action.tmt > on:
            raise ConflictError(_("TMT belum tiba."), code="not_due")
        _effects(action)
        return {"effective_at": timezone.now()}

    return _transition(actor=None, interface=interface, action_id=action_id, name="apply",
                       expected_version=None, on=on, hook=hook)


def apply_due_actions(*, on: dt.date, only: list[int] | None = None) -> list[int]:
    """Apply every decided action whose TMT is on or before ``on``.

    Safe to run twice (an applied action is EFFECTIVE and no longer selected; the
    conditional UPDATE makes a concurrent second run lose cleanly) and after missed
    days (everything due up to ``on`` is selected, oldest TMT first).
    """
    due = PersonnelAction.objects.filter(state=ActionState.DECIDED, tmt__lte=on)
    if only is not None:
        due = due.filter(pk__in=only)
    applied = []
    for pk in due.order_by("tmt", "id").values_list("pk", flat=True):
        try:
            action_apply(action_id=pk, on=on)
        except ConflictError:
            continue
        applied.append(pk)
    return applied


def retirement_overdue_flag(*, on: dt.date) -> list[int]:
    """The daily job: flag every employee past the TMT pensiun with no decision — never retire.

    UU 20/2023 Pasal 52 ayat (3) huruf c makes reaching the BUP a ground for dismissal, but
    the dismissal is still a decision of the official with authority (Pasal 29): the system
    records that it is late (one flag and one audit event per employee and TMT pensiun,
    idempotent, catching up missed days) and leaves the status alone. Returns the new flags.
    """
    new: list[int] = []
    late = overdue_filter(Employee.objects.all(), on).order_by("id")
    for employee in late.iterator(chunk_size=2000):
        tmt = dt.date(employee.tmt_index // 12, employee.tmt_index % 12 + 1, 1)  # type: ignore[attr-defined]
        with transaction.atomic(durable=True):
            flag, created = RetirementOverdueFlag.objects.get_or_create(
                employee_id=employee.pk, tmt_pensiun=tmt,
                defaults={"instansi_id": employee.instansi_id, "flagged_on": on})
            if not created:
                continue
            audit_record(
                actor=None, action=AuditAction.FLAGGED, interface=Interface.SYSTEM, obj=employee,
                reason=_("Melewati TMT pensiun %(tmt)s tanpa keputusan pemberhentian.")
                % {"tmt": tmt.isoformat()},
                citations=cite(Ground.RETIREMENT_OVERDUE),
                extra={"tmt_pensiun": tmt.isoformat(), "flag": flag.pk},
            )
        new.append(flag.pk)
    return new


__all__ = ["Instansi", "action_accept", "action_apply", "action_decide", "action_draft",
           "action_propose", "action_reject", "action_withdraw", "apply_due_actions", "retirement_overdue_flag"]
