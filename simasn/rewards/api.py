"""Rewards over the API: Satyalancana candidates, awards, an employee's reward record.

Annotations are evaluated at definition time (no ``from __future__ import annotations``):
django-ninja reads them for the OpenAPI schema.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from simasn.accounts.actors import AuthenticatedRequest
from simasn.core.interfaces import Interface
from simasn.rewards import selectors, services
from simasn.web.api import PageMeta, paginate
from simasn.web.api_crud import ERRORS

router = Router(tags=["rewards"])


class CandidateOut(Schema):
    id: int
    year: int
    instansi_id: int
    employee_id: int
    assessed_on: dt.date
    eligible_class: str
    next_class: str
    next_class_on: dt.date | None
    reason: str
    state: str
    proposed_on: dt.date | None


class CandidatePage(Schema):
    meta: PageMeta
    items: list[CandidateOut]


class CandidateFilters(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(25, ge=1, le=200)
    year: int | None = Field(None, ge=2000, le=2100)
    q: str = ""
    state: str = ""


class AwardIn(Schema):
    employee_id: int
    component: str = Field(..., max_length=40)
    form: str = Field(..., max_length=40)
    title: str = Field(..., min_length=1, max_length=200)
    amount: Decimal | None = Field(None, ge=0, max_digits=15, decimal_places=0)
    decision_number: str = Field(..., min_length=1, max_length=100)
    decision_date: dt.date


class AwardOut(Schema):
    id: int
    employee_id: int
    instansi_id: int
    component: str
    form: str
    title: str
    amount: Decimal | None
    decision_number: str
    decision_date: dt.date
    funding_source: str
    citations: list[str]


@router.get("/rewards/satyalancana-candidates", response={200: CandidatePage, **ERRORS},
            operation_id="satyalancana_candidate_list")
def candidate_list(request: AuthenticatedRequest, params: Query[CandidateFilters]):
    data = params.model_dump()
    page, size = data.pop("page"), data.pop("page_size")
    year = data.pop("year") or timezone.localdate().year
    items, meta = paginate(selectors.candidate_list(viewer=request.user, year=year, **data), page=page,
                           page_size=size)
    return {"meta": meta, "items": items}


@router.post("/rewards/satyalancana-candidates/{int:pk}/propose", response={200: CandidateOut, **ERRORS},
             operation_id="satyalancana_candidate_propose", summary="The PPK proposes an eligible candidate")
def candidate_propose(request: AuthenticatedRequest, pk: int):
    candidate = selectors.candidate_get(viewer=request.user, pk=pk)
    return services.satyalancana_propose(actor=request.user, interface=Interface.API, candidate=candidate)


@router.post("/rewards/awards", response={201: AwardOut, **ERRORS}, operation_id="award_record",
             summary="Record an award with its decision; the funding source follows the agency kind")
def award_record(request: AuthenticatedRequest, payload: AwardIn):
    return 201, services.award_record(actor=request.user, interface=Interface.API, **payload.model_dump())
