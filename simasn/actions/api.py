"""Personnel actions over the API: every workflow step, the SK, worklist and projection.

Annotations are evaluated at definition time (no ``from __future__ import annotations``):
django-ninja reads them for the OpenAPI schema.
"""

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

from django.http import HttpResponse
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.actions import disclosure, selectors, services, workflow
from simasn.actions.documents import document_bytes
from simasn.actions.models import ActionDocument, ActionState, ActionType, PersonnelAction
from simasn.actions.worklist import instansi_worklist
from simasn.core.errors import PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.law.enums import CandidateType
from simasn.web.api import paginate
from simasn.web.api_crud import ERRORS

router = Router(tags=["personnel actions"])

if TYPE_CHECKING:
    # A Literal built at runtime is not a type mypy can read; to it the codes are strings.
    TypeCode = str
    StateCode = str
    CandidateCode = str
else:
    # django-ninja reads these at runtime and documents/validates the exact codes.
    TypeCode = Literal[tuple(ActionType.values)]
    StateCode = Literal[tuple(ActionState.values)]
    CandidateCode = Literal[("", *(c.value for c in CandidateType))]


class DocumentOut(Schema):
    kind: str
    sha256: str
    size: int
    created_at: dt.datetime
    download_url: str


class ActionOut(Schema):
    id: int
    action_type: str
    state: str
    version: int
    instansi_id: int
    target_instansi_id: int | None
    employee_id: int | None
    candidate_type: str
    candidate_name: str
    position_id: int | None
    facts: dict[str, Any]
    tmt: dt.date | None
    decider: str
    proposer: str
    accepted_at: dt.datetime | None
    citations: list[str]
    explanation_id: str
    explanation_en: str
    legal_outcome: dict[str, Any]
    sk_number: str | None
    sk_date: dt.date | None
    decider_name: str
    decider_title: str
    closed_reason: str
    document: DocumentOut | None
    allowed_steps: list[str]

    @staticmethod
    def resolve_document(obj: PersonnelAction) -> dict[str, Any] | None:
        doc = ActionDocument.objects.filter(action=obj, kind="SK").first()
        if doc is None:
            return None
        return {"kind": doc.kind, "sha256": doc.sha256, "size": doc.size, "created_at": doc.created_at,
                "download_url": f"/api/v1/actions/{obj.pk}/document"}

    @staticmethod
    def resolve_allowed_steps(obj: PersonnelAction, context: Any) -> list[str]:
        request = context["request"] if context else None
        return [t.name for t in workflow.allowed(getattr(request, "user", None), obj)] if request else []


class ActionPage(Schema):
    meta: Any
    items: list[ActionOut]


class ActionFilters(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(25, ge=1, le=200)
    q: str | None = None
    state: StateCode | None = None
    action_type: TypeCode | None = None
    employee_id: int | None = None
    instansi_id: int | None = None


class ActionIn(Schema):
    action_type: TypeCode
    employee_id: int | None = None
    position_id: int | None = None
    candidate_type: CandidateCode = ""
    candidate_name: str = Field("", max_length=200)
    tmt: dt.date | None = None
    facts: dict[str, Any] = Field(default_factory=dict, description=(
        "Facts for the rule of this action type: temporary dismissal {reason, state_office, "
        "detention_status}; reactivation {office_ended_on, vacancy_found_on}; dismissal "
        "{own_request | ground, verdict_final, sentence_kind, sentence_months, "
        "crime_related_to_position, discipline_level, verdict_number, verdict_date}; candidacy "
        "{election, candidate_set_on}."))
    notes: str = ""


class StepIn(Schema):
    version: int | None = Field(None, description="The version you saw; a different one gives 409.")
    reason: str = Field("", max_length=2000)


def _out(request: AuthenticatedRequest, pk: int) -> PersonnelAction:
    return selectors.action_get(viewer=request.user, pk=pk)


@router.get("/actions/", response={200: ActionPage, **ERRORS}, operation_id="action_list")
def action_list(request: AuthenticatedRequest, params: Query[ActionFilters]):
    data = params.model_dump(exclude_none=True)
    page, size = data.pop("page", 1), data.pop("page_size", 25)
    items, meta = paginate(selectors.action_list(viewer=request.user, **data), page=page, page_size=size)
    return {"meta": meta, "items": items}


@router.get("/actions/{int:pk}", response={200: ActionOut, **ERRORS}, operation_id="action_get")
def action_get(request: AuthenticatedRequest, pk: int):
    return _out(request, pk)


@router.post("/actions/", response={201: ActionOut, **ERRORS}, operation_id="action_draft",
             summary="Draft an action (operator); the law is checked first")
def action_draft(request: AuthenticatedRequest, payload: ActionIn):
    action = services.action_draft(actor=request.user, interface=Interface.API, **payload.model_dump())
    return 201, _out(request, action.pk)


def _step(name: str, service: Any, with_reason: bool) -> None:
    @router.post(f"/actions/{{int:pk}}/{name}", response={200: ActionOut, **ERRORS},
                 operation_id=f"action_{name}", summary=f"Workflow step: {name}")
    def step(request: AuthenticatedRequest, pk: int, payload: StepIn):
        kwargs: dict[str, Any] = {"actor": request.user, "interface": Interface.API, "action_id": pk,
                                  "expected_version": payload.version}
        if with_reason:
            kwargs["reason"] = payload.reason
        service(**kwargs)
        return _out(request, pk)


_step("propose", services.action_propose, False)
_step("accept", services.action_accept, False)
_step("decide", services.action_decide, False)
_step("reject", services.action_reject, True)
_step("withdraw", services.action_withdraw, True)


@router.get("/actions/{int:pk}/document", response={200: None, **ERRORS}, operation_id="action_document",
            summary="The SK PDF (checked against its SHA-256)")
def action_document(request: AuthenticatedRequest, pk: int):
    action = _out(request, pk)
    document = selectors.document_get(viewer=request.user, action=action)
    response = HttpResponse(document_bytes(document), content_type="application/pdf")
    response["X-Content-SHA256"] = document.sha256
    return response


class ProjectionRow(Schema):
    """`total` and `leap_day` are null when the count is below SIMASN_AGGREGATE_MIN_CELL and
    the caller may not see the employees themselves (`suppressed`: docs/actions.md)."""

    tmt_year: int
    tmt_month: int
    employee_type: str
    position_kind: str | None
    rank: str
    leap_day: int | None
    total: int | None
    suppressed: bool


@router.get("/retirement/projection", response={200: list[ProjectionRow], **ERRORS},
            operation_id="retirement_projection",
            summary="Employees reaching BUP per month for the next N years (one SQL aggregate)")
def retirement_projection(request: AuthenticatedRequest, years: int = Query(5, ge=1, le=40),
                          on: dt.date | None = None, instansi_id: int | None = None):
    qs = selectors.retirement_projection(viewer=request.user, years=years, on=on or timezone.localdate(),
                                         instansi_id=instansi_id)
    return disclosure.protect(selectors.projection_rows(qs), viewer=request.user)


class RegisterRow(Schema):
    id: int
    nip: str
    full_name: str
    instansi_id: int
    employee_type: str
    rank: str
    bup_age: int
    tmt_pensiun: dt.date

    @staticmethod
    def resolve_tmt_pensiun(obj: Any) -> dt.date:
        return dt.date(obj.tmt_year, obj.tmt_month, 1)


@router.get("/retirement/register", response={200: list[RegisterRow], **ERRORS},
            operation_id="retirement_register")
def retirement_register(request: AuthenticatedRequest, months: int = Query(12, ge=1, le=120),
                        instansi_id: int | None = None):
    return list(selectors.retirement_register(viewer=request.user, on=timezone.localdate(), months=months,
                                              instansi_id=instansi_id)[:5000])


class WorkItem(Schema):
    kind: str
    employee_id: int | None
    name: str
    due: dt.date | None
    action_id: int | None = None


@router.get("/actions/worklist", response={200: list[WorkItem], **ERRORS}, operation_id="action_worklist")
def worklist(request: AuthenticatedRequest, instansi_id: int | None = None):
    if Scope.of(request.user).reach(Resource.EMPLOYEE, Action.VIEW) < Reach.INSTANSI:
        raise PermissionDeniedError("Anda tidak berwenang membuka daftar kerja.")
    data = instansi_worklist(viewer=request.user, on=timezone.localdate(),
                              instansi_id=instansi_id or getattr(request.user, "instansi_id", None))
    items = [{"kind": "BUP", "employee_id": e.pk, "name": e.full_name, "due": e.tmt_pensiun} for e in data["bup"]]
    items += [{"kind": "CONTRACT_END", "employee_id": e.pk, "name": e.full_name, "due": e.contract_end}
              for e in data["contracts"]]
    items += [{"kind": "DETAINED", "employee_id": a.employee_id, "name": a.employee.full_name, "due": None,
               "action_id": a.pk} for a in data["detained"]]
    items += [{"kind": "RETURN_DEADLINE", "employee_id": a.employee_id, "name": a.employee.full_name,
               "due": a.deadline, "action_id": a.pk} for a in data["returned"]]
    return items
