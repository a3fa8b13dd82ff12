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
from simasn.core.errors import ApplicationError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.law.enums import LearningForm
from simasn.learning import development, selectors, services, xapi
from simasn.learning.models import DevelopmentNeed, LearningRecord
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


# ---------------------------------------------------------------- development plans (issue 16 item 8)


class DevelopmentNeedOut(Schema):
    id: int
    source: str
    competency: str
    standard_level: int | None
    assessed_level: int | None
    evidence: str
    planned_form: str
    planned_jp: Decimal
    note: str
    done_jp: Decimal
    done: bool
    record_ids: list[int]


class DevelopmentPlanOut(Schema):
    id: int
    employee_id: int
    year: int
    planned_jp: Decimal
    year_jp: Decimal
    gap_jp: Decimal
    gap_share_percent: Decimal | None
    needs: list[DevelopmentNeedOut]


class DevelopmentPlanItem(Schema):
    id: int
    employee_id: int
    nip: str = Field(alias="employee.nip")
    year: int
    need_count: int


class DevelopmentPlanPage(Schema):
    meta: Any
    items: list[DevelopmentPlanItem]


class DevelopmentPlanIn(Schema):
    employee_id: int = Field(ge=1, le=MAX_ID)
    year: int = Field(ge=2000, le=2200)


class DevelopmentNeedIn(Schema):
    source: Literal["COMPETENCE_GAP", "PERFORMANCE"]
    competency: str = Field(min_length=1, max_length=200)
    planned_form: FormCode
    planned_jp: Decimal = Field(gt=0, le=1000)
    standard_level: int | None = Field(None, ge=1, le=5)
    assessed_level: int | None = Field(None, ge=1, le=5)
    evidence: str = Field("", max_length=300)
    note: str = Field("", max_length=300)


class DevelopmentLinkIn(Schema):
    record_id: int = Field(ge=1, le=MAX_ID)


def _plan_out(plan: Any) -> dict[str, Any]:
    summary = selectors.development_plan_summary(plan)
    return {"id": plan.pk, "employee_id": plan.employee_id, "year": plan.year, "planned_jp": summary.planned_jp,
            "year_jp": summary.year_jp, "gap_jp": summary.gap_jp, "gap_share_percent": summary.gap_share,
            "needs": [{"id": r.need.pk, "source": r.need.source, "competency": r.need.competency,
                       "standard_level": r.need.standard_level, "assessed_level": r.need.assessed_level,
                       "evidence": r.need.evidence, "planned_form": r.need.planned_form,
                       "planned_jp": r.need.planned_jp, "note": r.need.note, "done_jp": r.done_jp, "done": r.done,
                       "record_ids": [rec.pk for rec in r.records]} for r in summary.needs]}


@router.get("/learning/plans", response={200: DevelopmentPlanPage, **ERRORS}, operation_id="learning_plan_list",
            summary="Development plans in scope (issue 16 item 8)")
def plan_list(request: AuthenticatedRequest, year: int | None = Query(None, ge=2000, le=2200), q: str = "",
              page: int = Query(1, ge=1), page_size: int = Query(25, ge=1, le=200)):
    items, meta = paginate(selectors.development_plan_list(viewer=request.user, year=year, q=q[:100]),
                           page=page, page_size=page_size)
    return {"meta": meta, "items": list(items)}


@router.get("/learning/plans/{int:pk}", response={200: DevelopmentPlanOut, **ERRORS}, operation_id="learning_plan_get",
            summary="A plan: needs, planned vs done, the share of the year's JP spent on the needs")
def plan_get(request: AuthenticatedRequest, pk: int):
    if pk > MAX_ID:
        raise ApplicationError("Id tidak valid.", fields={"pk": ["Tidak valid."]})
    return _plan_out(selectors.development_plan_get(viewer=request.user, pk=pk))


@router.post("/learning/plans", response={200: DevelopmentPlanOut, **ERRORS}, operation_id="learning_plan_prepare",
             summary="Prepare an employee's plan for a year, taking in the needs from the performance ratings")
def plan_prepare(request: AuthenticatedRequest, payload: DevelopmentPlanIn):
    plan = development.development_plan_prepare(actor=request.user, interface=Interface.API,
                                                employee_id=payload.employee_id, year=payload.year)
    return _plan_out(plan)


@router.post("/learning/plans/{int:pk}/needs", response={200: DevelopmentPlanOut, **ERRORS}, operation_id="learning_need_add",
             summary="Add a need: a competence gap (standard above assessed level) or a performance need")
def need_add(request: AuthenticatedRequest, pk: int, payload: DevelopmentNeedIn):
    if pk > MAX_ID:
        raise ApplicationError("Id tidak valid.", fields={"pk": ["Tidak valid."]})
    plan = selectors.development_plan_get(viewer=request.user, pk=pk)
    development.development_need_add(actor=request.user, interface=Interface.API, plan=plan, **payload.model_dump())
    return _plan_out(plan)


@router.post("/learning/needs/{int:pk}/records", response={200: DevelopmentPlanOut, **ERRORS},
             operation_id="learning_need_link_record", summary="Link a learning record of the year to a need")
def need_link(request: AuthenticatedRequest, pk: int, payload: DevelopmentLinkIn):
    need = DevelopmentNeed.objects.filter(pk=pk).first() if pk <= MAX_ID else None
    if need is None:
        raise NotFoundError("Kebutuhan pengembangan tidak ditemukan.")
    plan = selectors.development_plan_get(viewer=request.user, pk=need.plan_id)
    record = LearningRecord.objects.filter(pk=payload.record_id).first()
    development.development_record_link(actor=request.user, interface=Interface.API, need=need, record=record)
    return _plan_out(plan)
