"""Which personnel actions a viewer sees (the policy table through Scope), what waits for them,
and the public verification of a decree."""

from __future__ import annotations

from typing import Any

from django.db.models import (
    F,
    Q,
    QuerySet,
)

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.actions.models import (
    ActionDocument,
    ActionState,
    ActionType,
    PersonnelAction,
)
from simasn.core.errors import NotFoundError


def action_list(
    *,
    viewer: User,
    q: str = "",
    state: str = "",
    action_type: str = "",
    employee_id: int | None = None,
    instansi_id: int | None = None,
    using: str | None = None,
) -> QuerySet[PersonnelAction]:
    qs = PersonnelAction.objects.all()
    if using:
        qs = qs.using(using)
    qs = Scope.of(viewer).filter(qs, Resource.ACTION)
    qs = qs.select_related("instansi", "target_instansi", "employee", "position")
    q = (q or "").strip()
    if q:
        qs = qs.filter(Q(employee__name__icontains=q) | Q(employee__nip__startswith=q)
                       | Q(sk_number__icontains=q) | Q(candidate_name__icontains=q))
    if state:
        qs = qs.filter(state=state)
    if action_type:
        qs = qs.filter(action_type=action_type)
    if employee_id:
        qs = qs.filter(employee_id=employee_id)
    if instansi_id:
        qs = qs.filter(Q(instansi_id=instansi_id) | Q(target_instansi_id=instansi_id))
    return qs.order_by("-created_at", "-id")


def action_get(*, viewer: User, pk: int) -> PersonnelAction:
    obj = action_list(viewer=viewer).filter(pk=pk).first()
    if obj is None:
        raise NotFoundError("Tindakan kepegawaian tidak ditemukan.")
    return obj


def can_view(viewer: User, action: PersonnelAction) -> bool:
    return action_list(viewer=viewer).filter(pk=action.pk).exists()


def document_get(*, viewer: User, action: PersonnelAction, kind: str = "SK") -> ActionDocument:
    if not can_view(viewer, action):
        raise NotFoundError("Dokumen tidak ditemukan.")
    doc = ActionDocument.objects.filter(action=action, kind=kind).first()
    if doc is None:
        raise NotFoundError("Dokumen tidak ditemukan.")
    return doc


#: Kinds of action waiting for a user (the dashboard's "Menunggu tindakan Anda" and the
#: list filter ``?menunggu=``), each the party of simasn.actions.workflow who takes the step.
WAITING_KINDS = ("usul", "tetapkan", "terima")


def _awaiting_acceptance() -> Q:
    """A transfer to another instansi the receiving PPK has not accepted (workflow 'accept')."""
    return (Q(action_type=ActionType.TRANSFER, target_instansi__isnull=False, accepted_at__isnull=True)
            & ~Q(target_instansi_id=F("instansi_id")))


def actions_waiting(*, viewer: User, kind: str) -> QuerySet[PersonnelAction]:
    """Open actions whose next step is the viewer's (the parties of workflow.parties_of).

    ``usul``: drafts the viewer proposes (the PyB); ``tetapkan``: cases the viewer decides —
    proposed ones, or drafts when the law gives no proposer (the President's cases, UU 20/2023
    Pasal 30 ayat (4)), a transfer only once accepted; ``terima``: transfers into the viewer's
    instansi that its PPK must accept before the decision. Which user is which party is the
    policy table's (Resource.ACTION_PROPOSAL / _DECISION / _ACCEPTANCE, UPDATE); within
    ``action_list``'s visibility.
    """
    scope = Scope.of(viewer)
    qs = action_list(viewer=viewer)
    if kind == "usul":
        return scope.filter(qs, Resource.ACTION_PROPOSAL, Action.UPDATE).filter(state=ActionState.DRAFT)
    if kind == "tetapkan":
        ready = Q(proposer="", state=ActionState.DRAFT) | (~Q(proposer="") & Q(state=ActionState.PROPOSED))
        return scope.filter(qs, Resource.ACTION_DECISION, Action.UPDATE).filter(ready).exclude(
            _awaiting_acceptance())
    if kind == "terima":
        return scope.filter(qs, Resource.ACTION_ACCEPTANCE, Action.UPDATE).filter(
            _awaiting_acceptance(), state__in=[ActionState.DRAFT, ActionState.PROPOSED])
    return qs.none()


def document_verification(*, code: str) -> dict[str, Any] | None:
    """What the public verification page shows for a decree's code — and nothing personal.

    Public by design, like a printed decree's own header: number, date, issuing office,
    subject, the SHA-256 and size of the stored file. No name, NIP or position of the
    employee, so no Scope applies (there is no viewer).
    """
    document = ActionDocument.objects.filter(verification_code=code.strip().upper()).select_related(
        "action").first() if code.strip() else None
    if document is None:
        return None
    action = document.action
    return {"sk_number": action.sk_number, "sk_date": action.sk_date,
            "issuer": "Presiden Republik Indonesia" if action.decider == "PRESIDEN" else action.decider_title,
            "action_type": action.get_action_type_display(), "sha256": document.sha256, "size": document.size,
            "code": document.verification_code, "created_at": document.created_at}
