"""Talent over the API: placements (with the law's explanation), assessment inputs,
succession plans, mobility proposals and their steps, talent gaps.

Annotations are evaluated at definition time (no ``from __future__ import annotations``):
django-ninja reads them for the OpenAPI schema.
"""

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from simasn.accounts.actors import AuthenticatedRequest
from simasn.core.interfaces import Interface
from simasn.law.decision import jsonable
from simasn.law.enums import TalentComponent
from simasn.talent import gaps, selectors, services
from simasn.talent.models import MobilityKind
from simasn.web.api import DecisionOut
from simasn.web.api_crud import ERRORS

router = Router(tags=["talent"])

if TYPE_CHECKING:
    ComponentCode = str
    KindCode = str
else:
    ComponentCode = Literal[tuple(c.value for c in TalentComponent)]
    KindCode = Literal[tuple(MobilityKind.values)]


class PlacementOut(Schema):
    employee_id: int
    nip: str
    name: str
    box: int | None
    status: str
    potential_level: str | None
    performance_level: str | None
    potential_score: float | None
    missing: list[str]
    stale: list[str]


class PlacementPage(Schema):
    on: dt.date
    performance_known: bool
    total: int
    items: list[PlacementOut]


@router.get("/talent/placements", response={200: PlacementPage, **ERRORS}, operation_id="talent_placements",
            summary="Nine-box placements on a day (computed by the law from the inputs dated on or before it)")
def placements(request: AuthenticatedRequest, on: dt.date | None = None,
               instansi_id: int | None = Query(None, ge=1, le=2**63 - 1),
               box: int | None = Query(None, ge=1, le=9), page: int = Query(1, ge=1),
               page_size: int = Query(100, ge=1, le=500)):
    grid = selectors.talent_grid(viewer=request.user, on=on or timezone.localdate(), instansi_id=instansi_id, box=box)
    chunk = grid.rows[(page - 1) * page_size: page * page_size]
    return {"on": grid.on, "performance_known": grid.performance_known, "total": len(grid.rows), "items": [
        {"employee_id": r.employee.pk, "nip": r.employee.nip, "name": r.employee.full_name, "box": r.placement.box,
         "status": r.placement.status, "potential_level": r.placement.potential_level,
         "performance_level": r.placement.performance_level, "potential_score": r.placement.potential_score,
         "missing": r.placement.missing, "stale": r.placement.stale} for r in chunk]}


@router.get("/talent/employees/{int:pk}/placement", response={200: DecisionOut, **ERRORS},
            operation_id="talent_employee_placement", summary="One employee's placement with inputs, weights, versions")
def employee_placement(request: AuthenticatedRequest, pk: int, on: dt.date | None = None):
    profile = selectors.employee_talent(viewer=request.user, employee_id=pk, on=on or timezone.localdate())
    return jsonable(profile.decision.to_dict())


class AssessmentIn(Schema):
    employee_id: int
    component: ComponentCode
    score: Decimal = Field(..., ge=0, le=100)
    assessed_on: dt.date
    source: str = Field(..., min_length=1, max_length=200)
    reference: str = Field("", max_length=100)


class AssessmentOut(Schema):
    id: int
    employee_id: int
    component: str
    score: Decimal
    assessed_on: dt.date
    source: str
    reference: str


@router.post("/talent/assessments", response={201: AssessmentOut, **ERRORS}, operation_id="talent_assessment_create")
def assessment_create(request: AuthenticatedRequest, payload: AssessmentIn):
    return 201, services.assessment_create(actor=request.user, interface=Interface.API, **payload.model_dump())


class SuccessionPlanOut(Schema):
    id: int
    position_id: int
    position: str
    instansi_id: int
    vacant: bool
    ready_now: int
    candidates: list[dict[str, Any]]


class PlansOut(Schema):
    total: int
    covered: int
    share: float | None
    vacant: int
    plans: list[SuccessionPlanOut]


@router.get("/talent/succession-plans", response={200: PlansOut, **ERRORS}, operation_id="talent_succession_plans",
            summary="Critical posts, their successors, and the share with at least two ready now")
def succession_plans(request: AuthenticatedRequest):
    plans = selectors.succession_plans(viewer=request.user)
    return {**selectors.succession_coverage(plans), "plans": [
        {"id": p.critical.pk, "position_id": p.critical.position_id, "position": p.critical.position.name,
         "instansi_id": p.critical.position.instansi_id, "vacant": p.vacant, "ready_now": p.ready_now,
         "candidates": [{"employee_id": c.employee_id, "readiness": c.readiness, "box": c.box,
                         "nominated_on": c.nominated_on.isoformat()} for c in p.candidates]} for p in plans]}


class MobilityProposalIn(Schema):
    employee_id: int
    kind: KindCode
    reason: str = Field(..., min_length=1, max_length=4000)
    target_position_id: int | None = None
    destination: str = Field("", max_length=200)
    priority_id: int | None = None


class MobilityProposalOut(Schema):
    id: int
    kind: str
    state: str
    employee_id: int
    source_instansi_id: int
    target_instansi_id: int | None
    target_position_id: int | None
    destination: str
    priority_id: int | None
    grounds: dict[str, Any]
    proposed_on: dt.date
    accepted_on: dt.date | None
    handed_over_on: dt.date | None
    action_id: int | None


class MobilityStepIn(Schema):
    reason: str = Field("", max_length=2000)


class HandOverIn(Schema):
    tmt: dt.date = Field(..., description="The TMT proposed for the transfer SK")


@router.post("/talent/mobility-proposals", response={201: MobilityProposalOut, **ERRORS}, operation_id="talent_mobility_propose")
def mobility_propose(request: AuthenticatedRequest, payload: MobilityProposalIn):
    return 201, services.mobility_propose(actor=request.user, interface=Interface.API, **payload.model_dump())


@router.get("/talent/mobility-proposals", response={200: list[MobilityProposalOut], **ERRORS}, operation_id="talent_mobility_list")
def mobility_list(request: AuthenticatedRequest, state: str = ""):
    return list(selectors.mobility_list(viewer=request.user, state=state)[:500])


@router.post("/talent/mobility-proposals/{int:pk}/accept", response={200: MobilityProposalOut, **ERRORS},
             operation_id="talent_mobility_accept")
def mobility_accept(request: AuthenticatedRequest, pk: int):
    return services.mobility_accept(actor=request.user, interface=Interface.API, proposal_id=pk)


@router.post("/talent/mobility-proposals/{int:pk}/hand-over", response={200: MobilityProposalOut, **ERRORS},
             operation_id="talent_mobility_hand_over", summary="Start the SK: a transfer draft in personnel actions")
def mobility_hand_over(request: AuthenticatedRequest, pk: int, payload: HandOverIn):
    return services.mobility_hand_over(actor=request.user, interface=Interface.API, proposal_id=pk, tmt=payload.tmt)


@router.post("/talent/mobility-proposals/{int:pk}/reject", response={200: MobilityProposalOut, **ERRORS},
             operation_id="talent_mobility_reject")
def mobility_reject(request: AuthenticatedRequest, pk: int, payload: MobilityStepIn):
    return services.mobility_reject(actor=request.user, interface=Interface.API, proposal_id=pk, reason=payload.reason)


@router.get("/talent/gaps", response={200: dict[str, Any], **ERRORS}, operation_id="talent_gaps",
            summary="Demand vs supply of talent by job family and region (aggregates)")
def talent_gaps(request: AuthenticatedRequest, on: dt.date | None = None):
    data = gaps.talent_gaps(viewer=request.user, on=on or timezone.localdate())
    return jsonable({"rows": data["rows"], "horizon": data["horizon"]})
