"""Performance management over the API (/api/v1/performance/...): periods, plans, ratings
(the documented exchange format, docs/performance.md), rating and finalisation, evidence
(bukti dukung: a link or a file into the working storage), dialogues, and overrides of the
computed predikat (requested by the appraiser, decided by the next-level superior).

Annotations are evaluated at definition time (no ``from __future__ import annotations``):
django-ninja reads them for the OpenAPI schema.
"""

import datetime as dt
from typing import Any

from ninja import Field, File, Form, Query, Router, Schema
from ninja.files import UploadedFile

from simasn.accounts.actors import AuthenticatedRequest
from simasn.core.errors import ApplicationError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.performance import selectors, services, statistics
from simasn.performance.models import Dialogue, Indicator, UnitRating
from simasn.web.api import paginate
from simasn.web.api_crud import ERRORS

router = Router(tags=["performance"])
#: The largest id a database integer column holds: a larger one is a validation error.
MAX_ID = 2**63 - 1


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


class PerformancePlanOut(Schema):
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
    evaluation: str = Field(max_length=20)
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
    return {"meta": meta, "items": [PerformancePlanOut.from_orm(p).model_dump() for p in items]}


@router.get("/performance/plans/{int:pk}", response={200: PerformancePlanOut, **ERRORS}, operation_id="performance_plan_get")
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


class EvidenceOut(Schema):
    id: int
    plan_id: int
    indicator_id: int | None
    description: str
    link: str
    original_name: str
    has_file: bool
    created_at: dt.datetime

    @staticmethod
    def resolve_has_file(obj: Any) -> bool:
        return bool(obj.file_name)


class DialogueOut(Schema):
    id: int
    plan_id: int
    kind: str
    evaluation: str
    planned_on: dt.date
    held_on: dt.date | None
    notes: str
    agreed_actions: str


class DialogueIn(Schema):
    kind: str = Field("DIALOGUE", pattern="^(DIALOGUE|COACHING|COUNSELLING)$")
    evaluation: str = Field(max_length=20, description="A code of the period's evaluations (e.g. TRIWULAN_I, TAHUNAN)")
    planned_on: dt.date


class DialogueRecordIn(Schema):
    held_on: dt.date
    notes: str = Field(min_length=1, max_length=5000)
    agreed_actions: str = Field("", max_length=5000)


class RatingOverrideIn(Schema):
    predikat: str = Field(pattern="^(SANGAT_BAIK|BAIK|BUTUH_PERBAIKAN|KURANG|SANGAT_KURANG)$")
    reason: str = Field(min_length=1, max_length=5000)


class OverrideDecisionIn(Schema):
    approve: bool
    note: str = Field("", max_length=5000, description="Required when the override is rejected")


class OverrideOut(RatingOut):
    override_predikat: str
    override_reason: str


@router.get("/performance/plans/{int:pk}/evidence", response={200: list[EvidenceOut], **ERRORS},
            operation_id="performance_evidence_list", summary="The evidence (bukti dukung) of a plan")
def evidence_list(request: AuthenticatedRequest, pk: int):
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    return list(plan.evidence.order_by("-created_at", "-pk"))


@router.post("/performance/plans/{int:pk}/evidence", response={201: EvidenceOut, **ERRORS},
             operation_id="performance_evidence_add",
             summary="Add evidence (the employee): a link, or a file (PDF, image, XLSX, DOCX, CSV, at most 10 MB)")
def evidence_add(request: AuthenticatedRequest, pk: int, description: Form[str],
                 link: Form[str] = "", indicator_id: int | None = Form(None, ge=1, le=MAX_ID),
                 file: File[UploadedFile | None] = None):
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    indicator = None
    if indicator_id is not None:
        indicator = Indicator.objects.filter(pk=indicator_id, result__plan=plan).first()
        if indicator is None:
            raise ApplicationError("Indikator bukan milik SKP ini.", fields={"indicator_id": ["Tidak valid."]})
    return 201, services.evidence_add(actor=request.user, interface=Interface.API, plan=plan,
                                      description=description[:300], link=link, upload=file, indicator=indicator)


@router.get("/performance/plans/{int:pk}/dialogues", response={200: list[DialogueOut], **ERRORS},
            operation_id="performance_dialogue_list", summary="The dialogues (dialog kinerja, coaching, konseling)")
def dialogue_list(request: AuthenticatedRequest, pk: int):
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    return list(plan.dialogues.all())


@router.post("/performance/plans/{int:pk}/dialogues", response={201: DialogueOut, **ERRORS},
             operation_id="performance_dialogue_plan", summary="Plan a dialogue (the employee or the appraiser)")
def dialogue_plan(request: AuthenticatedRequest, pk: int, payload: DialogueIn):
    plan = selectors.plan_get(viewer=request.user, pk=pk)
    return 201, services.dialogue_plan(actor=request.user, interface=Interface.API, plan=plan,
                                       **payload.model_dump())


@router.post("/performance/dialogues/{int:pk}/record", response={200: DialogueOut, **ERRORS},
             operation_id="performance_dialogue_record", summary="Record a held dialogue: notes and agreed actions")
def dialogue_record(request: AuthenticatedRequest, pk: int, payload: DialogueRecordIn):
    dialogue = Dialogue.objects.select_related("plan__period").filter(pk=pk).first() if pk <= MAX_ID else None
    if dialogue is None:
        raise NotFoundError("Dialog tidak ditemukan.")
    selectors.plan_get(viewer=request.user, pk=dialogue.plan_id)
    return services.dialogue_record(actor=request.user, interface=Interface.API, dialogue=dialogue,
                                    **payload.model_dump())


@router.get("/performance/overrides", response={200: list[OverrideOut], **ERRORS},
            operation_id="performance_override_list",
            summary="Overrides waiting for my approval (as the appraiser's superior, or the PPK's office at the top)")
def override_list(request: AuthenticatedRequest):
    return selectors.pending_overrides(viewer=request.user)


@router.post("/performance/ratings/{int:pk}/override", response={200: OverrideOut, **ERRORS},
             operation_id="performance_override_request",
             summary="Propose a predikat other than the matrix's, with a reason (the appraiser)")
def override_request(request: AuthenticatedRequest, pk: int, payload: RatingOverrideIn):
    rating = selectors.rating_get(viewer=request.user, pk=pk)
    return services.rating_override_request(actor=request.user, interface=Interface.API, rating=rating,
                                            **payload.model_dump())


@router.post("/performance/ratings/{int:pk}/override/decision", response={200: OverrideOut, **ERRORS},
             operation_id="performance_override_decide",
             summary="Approve or reject a proposed predikat (the next-level superior); a rejection needs a note")
def override_decide(request: AuthenticatedRequest, pk: int, payload: OverrideDecisionIn):
    rating = selectors.rating_get(viewer=request.user, pk=pk)
    if not payload.approve and not payload.note.strip():
        raise ApplicationError("Penolakan memerlukan alasan.", fields={"note": ["Wajib diisi."]})
    return services.rating_override_decide(actor=request.user, interface=Interface.API, rating=rating,
                                           approve=payload.approve, note=payload.note)
