"""Performance management over the API (/api/v1/performance/...): periods, plans, ratings
(the documented exchange format, docs/performance.md), rating and finalisation.

Annotations are evaluated at definition time (no ``from __future__ import annotations``):
django-ninja reads them for the OpenAPI schema.
"""

import datetime as dt
from typing import Any

from ninja import Field, Query, Router, Schema

from simasn.accounts.actors import AuthenticatedRequest
from simasn.core.errors import NotFoundError
from simasn.core.interfaces import Interface
from simasn.performance import selectors, services, statistics
from simasn.performance.models import UnitRating
from simasn.web.api import paginate
from simasn.web.api_crud import ERRORS

router = Router(tags=["performance"])


class PeriodOut(Schema):
    id: int
    instansi_id: int
    year: int
    scheme: str
    status: str
    start_date: dt.date
    end_date: dt.date


class PeriodIn(Schema):
    instansi_id: int
    year: int = Field(ge=2022, le=2100)
    scheme: str = Field("", pattern="^(|TRIWULANAN|SEMESTERAN|BULANAN)$",
                        description="Periodic scheme; empty = the rule's default (performance.periods)")


class PlanOut(Schema):
    id: int
    period_id: int
    year: int = Field(alias="period.year")
    employee_id: int
    nip: str = Field(alias="employee.nip")
    position_id: int
    unit_id: int
    start_date: dt.date
    end_date: dt.date
    appraiser_id: int | None
    appraiser_acting: bool
    is_unit_leader: bool
    status: str


class RatingOut(Schema):
    id: int
    plan_id: int
    year: int = Field(alias="plan.period.year")
    nip: str = Field(alias="plan.employee.nip")
    evaluation: str
    hasil_kerja: str = Field(alias="work_result_rating")
    perilaku: str = Field(alias="behaviour_rating")
    predikat: str
    computed_predikat: str
    override_status: str
    is_final: bool
    citations: list[str]


class RatingIn(Schema):
    evaluation: str = Field(max_length=10)
    work_result_rating: str = Field("", max_length=20)
    behaviour_rating: str = Field(max_length=20)
    development_needs: list[str] = Field(default_factory=list, max_length=20)


class Page(Schema):
    meta: Any
    items: list[Any]


class ListFilters(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(25, ge=1, le=200)
    q: str = ""


class RatingFilters(ListFilters):
    year: int | None = Field(None, ge=2000, le=2200)
    final_only: bool = False


class DistributionFilters(Schema):
    year: int = Field(ge=2000, le=2200)
    by: str = Field("instansi", pattern="^(instansi|family|region)$")


class UnitCheckOut(Schema):
    unit_id: int
    rating: str
    finalised_at: dt.datetime | None
    check: dict[str, Any]


@router.get("/performance/periods", response={200: Page, **ERRORS}, operation_id="performance_period_list")
def period_list(request: AuthenticatedRequest, params: Query[ListFilters]):
    items, meta = paginate(selectors.period_list(viewer=request.user, q=params.q), page=params.page,
                           page_size=params.page_size)
    return {"meta": meta, "items": [PeriodOut.from_orm(p).model_dump() for p in items]}


@router.post("/performance/periods", response={201: PeriodOut, **ERRORS}, operation_id="performance_period_open")
def period_open(request: AuthenticatedRequest, payload: PeriodIn):
    return 201, services.period_open(actor=request.user, interface=Interface.API, **payload.model_dump())


@router.get("/performance/plans", response={200: Page, **ERRORS}, operation_id="performance_plan_list")
def plan_list(request: AuthenticatedRequest, params: Query[ListFilters]):
    items, meta = paginate(selectors.plan_list(viewer=request.user, q=params.q), page=params.page,
                           page_size=params.page_size)
    return {"meta": meta, "items": [PlanOut.from_orm(p).model_dump() for p in items]}


@router.get("/performance/plans/{int:pk}", response={200: PlanOut, **ERRORS}, operation_id="performance_plan_get")
def plan_get(request: AuthenticatedRequest, pk: int):
    return selectors.plan_get(viewer=request.user, pk=pk)


@router.post("/performance/plans/{int:pk}/ratings", response={200: RatingOut, **ERRORS},
             operation_id="performance_rating_set", summary="Rate a plan (the appraiser); the predikat is the law's")
def rating_set(request: AuthenticatedRequest, pk: int, payload: RatingIn):
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    return services.rating_set(actor=request.user, interface=Interface.API, plan=plan, **payload.model_dump())


@router.get("/performance/ratings", response={200: Page, **ERRORS}, operation_id="performance_rating_list",
            summary="Annual ratings in the exchange format (codes of the law's performance rules)")
def rating_list(request: AuthenticatedRequest, params: Query[RatingFilters]):
    qs = selectors.rating_list(viewer=request.user, q=params.q, year=params.year, final_only=params.final_only)
    items, meta = paginate(qs, page=params.page, page_size=params.page_size)
    return {"meta": meta, "items": [RatingOut.from_orm(r).model_dump() for r in items]}


@router.get("/performance/periods/{int:pk}/units/{int:unit_id}/check", response={200: UnitCheckOut, **ERRORS},
            operation_id="performance_unit_check", summary="A unit's distribution against its limits")
def unit_check(request: AuthenticatedRequest, pk: int, unit_id: int):
    period = selectors.period_get(viewer=request.user, pk=pk)
    unit_rating = selectors.unit_rating_list(viewer=request.user, period=period).filter(unit_id=unit_id).first()
    if unit_rating is None:
        raise NotFoundError("Predikat kinerja organisasi unit ini belum ditetapkan.")
    check = services.unit_check(period, unit_id, unit_rating.rating)
    return {"unit_id": unit_id, "rating": unit_rating.rating, "finalised_at": unit_rating.finalised_at,
            "check": check.to_dict()}


@router.post("/performance/periods/{int:pk}/units/{int:unit_id}/finalise", response={200: UnitCheckOut, **ERRORS},
             operation_id="performance_unit_finalise", summary="Finalise a unit's annual ratings within the limits")
def unit_finalise(request: AuthenticatedRequest, pk: int, unit_id: int):
    period = selectors.period_get(viewer=request.user, pk=pk)
    unit_rating = UnitRating.objects.filter(period=period, unit_id=unit_id).first()
    if unit_rating is None:
        raise NotFoundError("Predikat kinerja organisasi unit ini belum ditetapkan.")
    done = services.unit_finalise(actor=request.user, interface=Interface.API, unit_rating=unit_rating)
    return {"unit_id": unit_id, "rating": done.rating, "finalised_at": done.finalised_at, "check": done.last_check}


@router.get("/performance/distribution", response={200: list[dict[str, Any]], **ERRORS},
            operation_id="performance_distribution", summary="Final predikat counts by instansi, family or region")
def distribution(request: AuthenticatedRequest, params: Query[DistributionFilters]):
    return statistics.distribution(viewer=request.user, year=params.year, by=params.by)
