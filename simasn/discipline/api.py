"""Discipline and code-of-ethics cases over the API (English paths, ADR 0009).

Annotations are evaluated at definition time (no ``from __future__ import annotations``):
django-ninja reads them for the OpenAPI schema.
"""

import datetime as dt
from typing import Any

from ninja import Field, Query, Router, Schema

from simasn.accounts.actors import AuthenticatedRequest
from simasn.core.interfaces import Interface
from simasn.discipline import selectors, services
from simasn.discipline.models import DisciplineCase
from simasn.web.api import PageMeta, paginate
from simasn.web.api_crud import ERRORS

router = Router(tags=["discipline"])


class CaseOut(Schema):
    id: int
    kind: str
    state: str
    instansi_id: int
    employee_id: int
    breach: str
    ethics_value: str
    reported_on: dt.date
    examined_on: dt.date | None
    level: str
    allowed_penalties: list[str]
    penalty: str
    moral_sanction: str
    authority_official: str
    authority_officials: list[str]
    decision_number: str | None
    decided_on: dt.date | None
    decision_received_on: dt.date | None
    effective_date: dt.date | None
    ends_on: dt.date | None
    remedy_outcome: str
    citations: list[str]
    explanation_id: str
    explanation_en: str
    needs_legal_review: bool
    review_reason: str


class CasePage(Schema):
    meta: PageMeta
    items: list[CaseOut]


class CaseFilters(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(25, ge=1, le=200)
    q: str = ""
    state: str = ""
    kind: str = ""
    level: str = ""
    employee_id: int | None = None


class ReportIn(Schema):
    employee_id: int
    kind: str = Field("DISIPLIN", pattern="^(DISIPLIN|KODE_ETIK)$")
    breach: str = Field("", max_length=40)
    ethics_value: str = Field("", max_length=40)
    reported_on: dt.date | None = None
    report: str = Field(..., min_length=1, max_length=10000)


class ExamineIn(Schema):
    examined_on: dt.date
    examiner_name: str = Field(..., min_length=1, max_length=200)
    examiner_title: str = Field("", max_length=200)
    statement: str = Field("", max_length=10000)
    findings: str = Field(..., min_length=1, max_length=10000)
    impact: str = Field("", pattern="^(|UNIT_KERJA|INSTANSI|NEGARA)$")
    absent_days: int | None = Field(None, ge=0, le=366)
    consecutive_absent_days: int | None = Field(None, ge=0, le=366)
    without_valid_reason: bool | None = None


class DisciplineDecideIn(Schema):
    penalty: str = Field("", max_length=40)
    moral_sanction: str = Field("", max_length=40)
    authority_official: str = Field("", max_length=40)
    decider_name: str = Field("", max_length=200)
    decider_title: str = Field("", max_length=200)
    decided_on: dt.date
    decision_received_on: dt.date | None = None


class CloseIn(Schema):
    reason: str = Field(..., min_length=1, max_length=2000)


def _get(request: AuthenticatedRequest, pk: int) -> DisciplineCase:
    return selectors.case_get(viewer=request.user, pk=pk)


@router.get("/discipline/cases", response={200: CasePage, **ERRORS}, operation_id="discipline_case_list")
def case_list(request: AuthenticatedRequest, params: Query[CaseFilters]):
    data = params.model_dump()
    page, size = data.pop("page"), data.pop("page_size")
    items, meta = paginate(selectors.case_list(viewer=request.user, **data), page=page, page_size=size)
    return {"meta": meta, "items": items}


@router.get("/discipline/cases/{int:pk}", response={200: CaseOut, **ERRORS}, operation_id="discipline_case_get")
def case_get(request: AuthenticatedRequest, pk: int):
    return _get(request, pk)


@router.post("/discipline/cases", response={201: CaseOut, **ERRORS}, operation_id="discipline_case_report",
             summary="Report a breach of discipline or of the code of ethics")
def case_report(request: AuthenticatedRequest, payload: ReportIn):
    case = services.case_report(actor=request.user, interface=Interface.API, **payload.model_dump())
    return 201, _get(request, case.pk)


@router.post("/discipline/cases/{int:pk}/examine", response={200: CaseOut, **ERRORS},
             operation_id="discipline_case_examine", summary="Record the examination (berita acara pemeriksaan)")
def case_examine(request: AuthenticatedRequest, pk: int, payload: ExamineIn):
    data: dict[str, Any] = payload.model_dump()
    services.case_examine(actor=request.user, interface=Interface.API, case=_get(request, pk), **data)
    return _get(request, pk)


@router.post("/discipline/cases/{int:pk}/decide", response={200: CaseOut, **ERRORS},
             operation_id="discipline_case_decide", summary="Decide: the penalty and the official imposing it")
def case_decide(request: AuthenticatedRequest, pk: int, payload: DisciplineDecideIn):
    services.case_decide(actor=request.user, interface=Interface.API, case=_get(request, pk), **payload.model_dump())
    return _get(request, pk)


@router.post("/discipline/cases/{int:pk}/close", response={200: CaseOut, **ERRORS},
             operation_id="discipline_case_close", summary="Stop a case whose breach is not proven")
def case_close(request: AuthenticatedRequest, pk: int, payload: CloseIn):
    services.case_close(actor=request.user, interface=Interface.API, case=_get(request, pk), reason=payload.reason)
    return _get(request, pk)
