"""Needs planning over the API: the national policy, instansi plans from draft to decision,
the approved formasi and the national view.

Annotations are evaluated at definition time (no ``from __future__ import annotations``):
django-ninja reads them for the OpenAPI schema.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Field, Query, Router, Schema

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.planning import selectors, services
from simasn.planning.models import NeedsPlan, NeedsPolicy
from simasn.web.api import paginate
from simasn.web.api_crud import ERRORS

router = Router(tags=["needs planning"])
API = Interface.API


class PriorityOut(Schema):
    job_family: str
    name: str
    target: int
    note: str


class SpecialTypeOut(Schema):
    formasi_type: str
    target: int | None
    note: str


class PolicyOut(Schema):
    id: int
    fiscal_year: int
    version_no: int
    previous_id: int | None
    title: str
    basis: str
    pns_share_percent: int
    pppk_share_percent: int
    national_target: int | None
    status: str
    published_at: dt.datetime | None
    change_note: str
    priorities: list[PriorityOut]
    special_formasi_types: list[SpecialTypeOut]

    @staticmethod
    def resolve_priorities(obj: NeedsPolicy) -> list[Any]:
        return list(obj.priorities.all())

    @staticmethod
    def resolve_special_formasi_types(obj: NeedsPolicy) -> list[Any]:
        return list(obj.formasi_types.all())


class PolicyPage(Schema):
    meta: Any
    items: list[PolicyOut]


class PolicyIn(Schema):
    fiscal_year: int = Field(..., ge=2000, le=2100)
    title: str = Field(..., min_length=1, max_length=250)
    basis: str = Field(..., min_length=1)
    pns_share_percent: int = Field(..., ge=0, le=100)
    national_target: int | None = Field(None, ge=0)


class PriorityIn(Schema):
    job_family: str = Field(..., min_length=1, max_length=40, pattern=r"^[a-z0-9_-]+$")
    name: str = Field(..., min_length=1, max_length=200)
    target: int = Field(..., ge=0)
    note: str = Field("", max_length=300)


class SpecialTypeIn(Schema):
    formasi_type: str = Field(..., max_length=60)
    target: int | None = Field(None, ge=0)
    note: str = Field("", max_length=300)


class PolicyVersionIn(Schema):
    change_note: str = Field(..., min_length=1, max_length=2000)


class FormasiProposalOut(Schema):
    id: int
    employee_type: str
    formasi_type: str
    proposed_count: int
    entry_rank: str
    monthly_salary: Decimal
    annual_cost: Decimal
    salary_citation: str
    approved_count: int | None
    review_note: str


class LineOut(Schema):
    id: int
    position_id: int
    job_family: str
    workload_hours: Decimal
    abk_need: int
    abk_exact: Decimal
    holders: int
    retirements: int
    retirements_review: int
    gap: int
    computed_on: dt.date
    citations: list[str]
    proposals: list[FormasiProposalOut]

    @staticmethod
    def resolve_proposals(obj: Any) -> list[Any]:
        return list(obj.proposals.all())


class NeedsPlanOut(Schema):
    id: int
    instansi_id: int
    fiscal_year: int
    policy_id: int
    budget_ceiling: Decimal
    status: str
    submitted_at: dt.datetime | None
    return_note: str
    decision_number: str
    decision_date: dt.date | None
    decision_signer: str
    decision_sha256: str
    totals: dict[str, Any]
    lines: list[LineOut]

    @staticmethod
    def resolve_totals(obj: NeedsPlan) -> dict[str, Any]:
        return {k: str(v) if isinstance(v, Decimal) else v for k, v in services.plan_totals(obj).items()}

    @staticmethod
    def resolve_lines(obj: NeedsPlan) -> list[Any]:
        return list(selectors.line_list(plan=obj))


class PlanSummaryOut(Schema):
    id: int
    instansi_id: int
    fiscal_year: int
    status: str
    budget_ceiling: Decimal
    decision_number: str
    decision_date: dt.date | None


class PlanPage(Schema):
    meta: Any
    items: list[PlanSummaryOut]


class PlanFilters(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(25, ge=1, le=200)
    q: str = ""
    fiscal_year: int | None = None
    status: str = ""


class PlanIn(Schema):
    instansi_id: int
    fiscal_year: int = Field(..., ge=2000, le=2100)
    budget_ceiling: Decimal = Field(..., ge=0, max_digits=18, decimal_places=0)


class CeilingIn(Schema):
    budget_ceiling: Decimal = Field(..., ge=0, max_digits=18, decimal_places=0)


class LineIn(Schema):
    position_id: int
    workload_hours: Decimal = Field(..., ge=0, max_digits=12, decimal_places=2)
    job_family: str = Field(..., max_length=40)


class FormasiProposalIn(Schema):
    line_id: int
    employee_type: str = Field(..., pattern=r"^(PNS|PPPK)$")
    formasi_type: str = Field(..., max_length=60)
    proposed_count: int = Field(..., ge=0)
    entry_rank: str = Field(..., max_length=6)


class ReviewIn(Schema):
    approved_count: int = Field(..., ge=0)
    review_note: str = Field("", max_length=300)


class ReturnIn(Schema):
    note: str = Field(..., min_length=1, max_length=2000)


class PlanningDecideIn(Schema):
    decision_number: str = Field(..., min_length=1, max_length=100)
    decision_date: dt.date
    signer: str = Field(..., min_length=1, max_length=200)


class ApprovedOut(Schema):
    id: int
    fiscal_year: int
    instansi_id: int
    position_id: int
    employee_type: str
    formasi_type: str
    count: int
    decided_on: dt.date | None


# --- National policy ---------------------------------------------------------------------------

@router.get("/planning/policies/", response={200: PolicyPage, **ERRORS}, operation_id="needs_policy_list")
def policy_list(request: AuthenticatedRequest, fiscal_year: int | None = None, page: int = Query(1, ge=1),
                page_size: int = Query(25, ge=1, le=200)):
    items, meta = paginate(selectors.policy_list(viewer=request.user, fiscal_year=fiscal_year),
                           page=page, page_size=page_size)
    return {"meta": meta, "items": items}


@router.get("/planning/policies/{int:pk}", response={200: PolicyOut, **ERRORS}, operation_id="needs_policy_get")
def policy_get(request: AuthenticatedRequest, pk: int):
    return selectors.policy_get(viewer=request.user, pk=pk)


@router.post("/planning/policies/", response={201: PolicyOut, **ERRORS}, operation_id="needs_policy_create",
             summary="Draft the national needs policy of a fiscal year (KemenPANRB; Pasal 32 ayat (1))")
def policy_create(request: AuthenticatedRequest, payload: PolicyIn):
    policy = services.policy_create(actor=request.user, interface=API, **payload.model_dump())
    return 201, policy


@router.post("/planning/policies/{int:pk}/priorities", response={201: PolicyOut, **ERRORS},
             operation_id="needs_policy_priority_add")
def policy_priority_add(request: AuthenticatedRequest, pk: int, payload: PriorityIn):
    policy = selectors.policy_get(viewer=request.user, pk=pk)
    services.policy_priority_add(actor=request.user, interface=API, policy=policy, **payload.model_dump())
    return 201, selectors.policy_get(viewer=request.user, pk=pk)


@router.post("/planning/policies/{int:pk}/special-types", response={201: PolicyOut, **ERRORS},
             operation_id="needs_policy_special_type_add")
def policy_special_type_add(request: AuthenticatedRequest, pk: int, payload: SpecialTypeIn):
    policy = selectors.policy_get(viewer=request.user, pk=pk)
    services.policy_formasi_type_add(actor=request.user, interface=API, policy=policy, **payload.model_dump())
    return 201, selectors.policy_get(viewer=request.user, pk=pk)


@router.post("/planning/policies/{int:pk}/publish", response={200: PolicyOut, **ERRORS},
             operation_id="needs_policy_publish", summary="Set the policy; read-only from then on")
def policy_publish(request: AuthenticatedRequest, pk: int):
    policy = selectors.policy_get(viewer=request.user, pk=pk)
    return services.policy_publish(actor=request.user, interface=API, policy=policy)


@router.post("/planning/policies/{int:pk}/versions", response={201: PolicyOut, **ERRORS},
             operation_id="needs_policy_new_version")
def policy_new_version(request: AuthenticatedRequest, pk: int, payload: PolicyVersionIn):
    policy = selectors.policy_get(viewer=request.user, pk=pk)
    return 201, services.policy_new_version(actor=request.user, interface=API, policy=policy,
                                            change_note=payload.change_note)


# --- Instansi plans ----------------------------------------------------------------------------

@router.get("/planning/plans/", response={200: PlanPage, **ERRORS}, operation_id="needs_plan_list")
def plan_list(request: AuthenticatedRequest, params: Query[PlanFilters]):
    data = params.model_dump()
    page, size = data.pop("page"), data.pop("page_size")
    items, meta = paginate(selectors.plan_list(viewer=request.user, **data), page=page, page_size=size)
    return {"meta": meta, "items": items}


@router.get("/planning/plans/{int:pk}", response={200: NeedsPlanOut, **ERRORS}, operation_id="needs_plan_get")
def plan_get(request: AuthenticatedRequest, pk: int):
    return selectors.plan_get(viewer=request.user, pk=pk)


@router.post("/planning/plans/", response={201: NeedsPlanOut, **ERRORS}, operation_id="needs_plan_create")
def plan_create(request: AuthenticatedRequest, payload: PlanIn):
    plan = services.plan_create(actor=request.user, interface=API, **payload.model_dump())
    return 201, plan


@router.post("/planning/plans/{int:pk}/ceiling", response={200: NeedsPlanOut, **ERRORS},
             operation_id="needs_plan_ceiling")
def plan_ceiling(request: AuthenticatedRequest, pk: int, payload: CeilingIn):
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    return services.plan_update(actor=request.user, interface=API, plan=plan, budget_ceiling=payload.budget_ceiling)


@router.post("/planning/plans/{int:pk}/lines", response={201: NeedsPlanOut, **ERRORS}, operation_id="needs_line_add",
             summary="Add a position with its ABK workload; need, holders, retirements and gap are computed")
def line_add(request: AuthenticatedRequest, pk: int, payload: LineIn):
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    services.line_add(actor=request.user, interface=API, plan=plan, **payload.model_dump())
    return 201, selectors.plan_get(viewer=request.user, pk=pk)


@router.post("/planning/plans/{int:pk}/proposals", response={200: NeedsPlanOut, **ERRORS},
             operation_id="needs_proposal_set", summary="Propose formasi for a line (0 withdraws)")
def proposal_set(request: AuthenticatedRequest, pk: int, payload: FormasiProposalIn):
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    data = payload.model_dump()
    line = selectors.line_get(viewer=request.user, pk=data.pop("line_id"))
    if line.plan_id != plan.pk:
        raise PermissionDeniedError("Baris itu bukan bagian dari rencana ini.")
    services.proposal_set(actor=request.user, interface=API, line=line, **data)
    return selectors.plan_get(viewer=request.user, pk=pk)


@router.post("/planning/plans/{int:pk}/submit", response={200: NeedsPlanOut, **ERRORS}, operation_id="needs_plan_submit",
             summary="The PPK proposes the plan to KemenPANRB")
def plan_submit(request: AuthenticatedRequest, pk: int):
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    return services.plan_submit(actor=request.user, interface=API, plan=plan)


@router.post("/planning/proposals/{int:pk}/review", response={200: FormasiProposalOut, **ERRORS},
             operation_id="needs_proposal_review")
def proposal_review(request: AuthenticatedRequest, pk: int, payload: ReviewIn):
    proposal = selectors.proposal_get(viewer=request.user, pk=pk)
    return services.proposal_review(actor=request.user, interface=API, proposal=proposal, **payload.model_dump())


@router.post("/planning/plans/{int:pk}/return", response={200: NeedsPlanOut, **ERRORS}, operation_id="needs_plan_return")
def plan_return(request: AuthenticatedRequest, pk: int, payload: ReturnIn):
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    return services.plan_return(actor=request.user, interface=API, plan=plan, note=payload.note)


@router.post("/planning/plans/{int:pk}/decide", response={200: NeedsPlanOut, **ERRORS}, operation_id="needs_plan_decide",
             summary="Penetapan kebutuhan (KemenPANRB): irreversible")
def plan_decide(request: AuthenticatedRequest, pk: int, payload: PlanningDecideIn):
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    return services.plan_decide(actor=request.user, interface=API, plan=plan, **payload.model_dump())


@router.get("/planning/approved-needs", response={200: list[ApprovedOut], **ERRORS},
            operation_id="needs_approved_list", summary="Formasi decided for a fiscal year, within your scope")
def approved_needs(request: AuthenticatedRequest, fiscal_year: int = Query(..., ge=2000, le=2100)):
    scope = Scope.of(request.user)
    reach = scope.reach(Resource.NEEDS_PLAN, Action.VIEW)
    if reach == Reach.NATIONAL:
        return selectors.approved_formasi(fiscal_year=fiscal_year)
    if reach == Reach.INSTANSI and scope.instansi_id is not None:
        return selectors.approved_formasi(fiscal_year=fiscal_year, instansi_ids=[scope.instansi_id])
    raise PermissionDeniedError("Anda tidak berwenang membaca kebutuhan yang ditetapkan.")


@router.get("/planning/national", response={200: dict[str, Any], **ERRORS}, operation_id="needs_national")
def national(request: AuthenticatedRequest, fiscal_year: int = Query(..., ge=2000, le=2100)):
    if not Scope.of(request.user).can(Resource.NEEDS_NATIONAL):
        raise PermissionDeniedError("Anda tidak berwenang membaca tampilan nasional.")
    summary = selectors.national_summary(viewer=request.user, fiscal_year=fiscal_year)
    policy = summary.pop("policy", None)
    return {**summary, "policy_id": policy.pk if policy else None}
