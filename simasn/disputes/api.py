"""Upaya administratif over the API (English paths, ADR 0009).

Annotations are evaluated at definition time (no ``from __future__ import annotations``):
django-ninja reads them for the OpenAPI schema.
"""

import datetime as dt
from typing import Any

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from simasn.accounts.actors import AuthenticatedRequest
from simasn.core.interfaces import Interface
from simasn.disputes import selectors, services
from simasn.disputes.models import Dispute
from simasn.web.api import PageMeta, paginate
from simasn.web.api_crud import ERRORS

router = Router(tags=["disputes"])


class DisputeOut(Schema):
    id: int
    route: str
    state: str
    instansi_id: int
    employee_id: int
    decision_kind: str
    issuer: str
    penalty: str
    decision_number: str
    decision_date: dt.date
    decision_received_date: dt.date | None
    source: str
    filed_on: dt.date
    body: str
    filing_due: dt.date | None
    admissible: bool | None
    admissibility: dict[str, Any]
    answer_due: dt.date | None
    decide_due: dt.date | None
    decide_due_latest: dt.date | None
    answered_on: dt.date | None
    outcome: str
    new_penalty: str
    decided_on: dt.date | None
    decided_late: bool
    result_number: str | None
    source_amended: bool
    citations: list[str]
    needs_legal_review: bool
    review_reason: str


class DisputePage(Schema):
    meta: PageMeta
    items: list[DisputeOut]


class DisputeFilters(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(25, ge=1, le=200)
    q: str = ""
    state: str = ""
    route: str = ""
    employee_id: int | None = None
    instansi_id: int | None = None


class DisputeFileIn(Schema):
    employee_id: int
    decision_kind: str = Field(..., max_length=50)
    issuer: str = Field("PPK", max_length=10)
    penalty: str = Field("", max_length=40)
    decision_number: str = Field(..., min_length=1, max_length=100)
    decision_date: dt.date
    decision_received_date: dt.date | None = None
    grounds: str = Field(..., min_length=1, max_length=10000)
    source: str = Field("", max_length=80)


class AnswerIn(Schema):
    answer: str = Field(..., min_length=1, max_length=10000)
    answered_on: dt.date | None = None


class DisputeDecideIn(Schema):
    outcome: str = Field(..., max_length=20)
    reason: str = Field(..., min_length=1, max_length=10000)
    decided_on: dt.date | None = None
    new_penalty: str = Field("", max_length=40)


class ServiceLevelRow(Schema):
    instansi_id: int | None
    instansi: str
    open_keberatan: int
    open_banding: int
    overdue: int
    nearest_days: int | None
    decided: int
    decided_late: int
    inadmissible: int
    discipline_to_examine: int
    discipline_to_decide: int
    ethics_open: int
    discipline_oldest_days: int | None
    discipline_decided_this_year: int


class ServiceLevels(Schema):
    on: dt.date
    totals: dict[str, int]
    rows: list[ServiceLevelRow]
    national: bool
    discipline_known: bool


def _get(request: AuthenticatedRequest, pk: int) -> Dispute:
    return selectors.dispute_get(viewer=request.user, pk=pk)


@router.get("/disputes/", response={200: DisputePage, **ERRORS}, operation_id="dispute_list")
def dispute_list(request: AuthenticatedRequest, params: Query[DisputeFilters]):
    data = params.model_dump()
    page, size = data.pop("page"), data.pop("page_size")
    items, meta = paginate(selectors.dispute_list(viewer=request.user, **data), page=page, page_size=size)
    return {"meta": meta, "items": items}


@router.get("/disputes/service-levels", response={200: ServiceLevels, **ERRORS},
            operation_id="dispute_service_levels", summary="Open, overdue and late-decided remedies per agency")
def service_levels(request: AuthenticatedRequest):
    today = timezone.localdate()
    return {"on": today, **selectors.service_levels(viewer=request.user, today=today)}


@router.get("/disputes/{int:pk}", response={200: DisputeOut, **ERRORS}, operation_id="dispute_get")
def dispute_get(request: AuthenticatedRequest, pk: int):
    return _get(request, pk)


@router.post("/disputes/", response={201: DisputeOut, **ERRORS}, operation_id="dispute_file",
             summary="File a keberatan or banding; the law picks the route; a late filing is inadmissible")
def dispute_file(request: AuthenticatedRequest, payload: DisputeFileIn):
    dispute = services.dispute_file(actor=request.user, interface=Interface.API, **payload.model_dump())
    return 201, _get(request, dispute.pk)


@router.post("/disputes/{int:pk}/answer", response={200: DisputeOut, **ERRORS}, operation_id="dispute_answer",
             summary="The PPK's answer to BPASN on a banding")
def dispute_answer(request: AuthenticatedRequest, pk: int, payload: AnswerIn):
    services.dispute_answer(actor=request.user, interface=Interface.API, dispute=_get(request, pk),
                            **payload.model_dump())
    return _get(request, pk)


@router.post("/disputes/{int:pk}/decide", response={200: DisputeOut, **ERRORS}, operation_id="dispute_decide",
             summary="Decide a keberatan (PPK) or a banding (BPASN)")
def dispute_decide(request: AuthenticatedRequest, pk: int, payload: DisputeDecideIn):
    services.dispute_decide(actor=request.user, interface=Interface.API, dispute=_get(request, pk),
                            **payload.model_dump())
    return _get(request, pk)
