"""Learning records, JP compliance and the xAPI statement endpoint over the API.

Annotations are evaluated at definition time (no ``from __future__ import annotations``):
django-ninja reads them for the OpenAPI schema.
"""

import datetime as dt
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from simasn.accounts.actors import AuthenticatedRequest
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.law.enums import LearningForm
from simasn.learning import selectors, services, xapi
from simasn.web.api import paginate
from simasn.web.api_crud import ERRORS

router = Router(tags=["learning"])
#: The largest id a database integer column holds (SQLite and PostgreSQL bigint): a larger
#: one is a validation error in the error shape, not a 500 from the driver.
MAX_ID = 2**63 - 1

if TYPE_CHECKING:
    FormCode = str
else:
    FormCode = Literal[tuple(f.value for f in LearningForm)]


class RecordOut(Schema):
    id: int
    employee_id: int
    form: str
    title: str
    provider: str
    start_date: dt.date
    end_date: dt.date
    minutes: int | None
    jp: Decimal
    jp_basis: str
    jp_citation: str
    assigned: bool
    assignment_reference: str
    competency: str
    source: str
    has_certificate: bool

    @staticmethod
    def resolve_has_certificate(obj: Any) -> bool:
        return bool(obj.certificate_name)


class RecordPage(Schema):
    meta: Any
    items: list[RecordOut]


class RecordIn(Schema):
    employee_id: int
    form: FormCode
    title: str = Field(..., min_length=1, max_length=300)
    provider: str = Field("", max_length=200)
    start_date: dt.date
    end_date: dt.date
    minutes: int | None = Field(None, gt=0, le=60 * 24 * 366)
    jp: Decimal | None = Field(None, ge=0, le=10_000, description="JP certified by the organiser; "
                               "required when the law keeps no conversion for the form")
    assigned: bool = False
    assignment_reference: str = Field("", max_length=100)
    competency: str = Field("", max_length=200)


@router.get("/learning/records", response={200: RecordPage, **ERRORS}, operation_id="learning_record_list")
def record_list(request: AuthenticatedRequest, page: int = Query(1, ge=1), page_size: int = Query(25, ge=1, le=200),
                employee_id: int | None = Query(None, ge=1, le=MAX_ID), year: int | None = Query(None, ge=2000, le=2200),
                q: str = ""):
    qs = selectors.learning_record_list(viewer=request.user, employee_id=employee_id, year=year, q=q)
    items, meta = paginate(qs, page=page, page_size=page_size)
    return {"meta": meta, "items": items}


@router.get("/learning/records/{int:pk}", response={200: RecordOut, **ERRORS}, operation_id="learning_record_get")
def record_get(request: AuthenticatedRequest, pk: int):
    return selectors.learning_record_get(viewer=request.user, pk=pk)


@router.post("/learning/records", response={201: RecordOut, **ERRORS}, operation_id="learning_record_create",
             summary="Record a completed learning activity (JP converted by the law)")
def record_create(request: AuthenticatedRequest, payload: RecordIn):
    record = services.learning_record_create(actor=request.user, interface=Interface.API, **payload.model_dump())
    return 201, record


class ComplianceRowOut(Schema):
    employee_id: int
    nip: str
    name: str
    employee_type: str
    unit_name: str
    status: str
    limit_jp: float
    counted_jp: float
    shortfall_jp: float
    excess_jp: float
    unassigned_jp: float
    period_start: dt.date | None
    period_end: dt.date | None
    needs_legal_review: bool


class ComplianceOut(Schema):
    on: dt.date
    total: int
    by_status: dict[str, int]
    by_unit: list[dict[str, Any]]
    rows: list[ComplianceRowOut]


@router.get("/learning/compliance", response={200: ComplianceOut, **ERRORS}, operation_id="learning_compliance",
            summary="Yearly JP compliance (PNS at least, PPPK at most) of an instansi or one employee")
def compliance(request: AuthenticatedRequest, on: dt.date | None = None,
               instansi_id: int | None = Query(None, ge=1, le=MAX_ID),
               employee_id: int | None = Query(None, ge=1, le=MAX_ID), behind_only: bool = False):
    summary = selectors.jp_compliance(viewer=request.user, on=on or timezone.localdate(),
                                      instansi_id=instansi_id, employee_id=employee_id)
    rows = summary.behind if behind_only else summary.rows
    return {"on": summary.on, "total": summary.total, "by_status": dict(summary.by_status),
            "by_unit": summary.by_unit, "rows": rows}


# ------------------------------------------------------------------- xAPI


def _xapi_response(payload: Any, status: int) -> HttpResponse:
    response = (HttpResponse(status=204) if payload is None
                else JsonResponse(payload, status=status, safe=False))
    response["X-Experience-API-Version"] = xapi.XAPI_VERSION
    return response


def _statements(request: HttpRequest) -> list[dict[str, Any]]:
    try:
        body = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError) as error:
        raise ApplicationError("Isi permintaan bukan JSON.", code="invalid_json") from error
    statements = body if isinstance(body, list) else [body]
    if not statements or len(statements) > 500:
        raise ApplicationError("Kirim 1 sampai 500 pernyataan.", code="invalid_statement")
    return statements


@router.get("/learning/xapi/about", auth=None, response={200: None}, operation_id="xapi_about",
            summary="xAPI: the versions this endpoint speaks")
def xapi_about(request: HttpRequest):
    return _xapi_response({"version": [xapi.XAPI_VERSION]}, 200)


@router.post("/learning/xapi/statements", response={200: None, **ERRORS}, operation_id="xapi_statements_post",
             summary="xAPI: record completion statements (returns their ids)")
def xapi_post(request: AuthenticatedRequest):
    ids = []
    for statement in _statements(request):
        record = xapi.statement_record(actor=request.user, statement=statement)
        ids.append(str(record.xapi_statement_id))
    return _xapi_response(ids, 200)


@router.put("/learning/xapi/statements", response={204: None, **ERRORS}, operation_id="xapi_statement_put",
            summary="xAPI: record one statement under its statementId")
def xapi_put(request: AuthenticatedRequest, statementId: str = Query(...)):
    statements = _statements(request)
    if len(statements) != 1:
        raise ApplicationError("PUT membawa satu pernyataan.", code="invalid_statement")
    xapi.statement_record(actor=request.user, statement=statements[0], statement_id=statementId)
    return _xapi_response(None, 204)
