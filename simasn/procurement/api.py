"""REST API of procurement: the public vacancy list, applicant registration, drafts,
documents and the idempotent submit (header ``Idempotency-Key``), applications.

Annotations are evaluated at definition time on purpose (django-ninja reads them).
"""


import datetime as dt
from typing import Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema
from ninja.files import UploadedFile

from simasn.accounts.actors import AuthenticatedRequest
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.procurement import selectors
from simasn.procurement.models import STAGE_ORDER, Application
from simasn.procurement.services import portal, registration
from simasn.web.api import PageMeta, paginate
from simasn.web.api_crud import ERRORS

router = Router(tags=["procurement"])


class VacancyOut(Schema):
    id: int
    period_id: int
    period: str = Field(alias="period.name")
    employee_type: str = Field(alias="period.employee_type")
    closes_on: dt.date = Field(alias="period.closes_on")
    instansi_id: int
    instansi: str = Field(alias="instansi.name")
    region: str
    position: str = Field(alias="position.name")
    formasi_type: str
    seats: int
    education: str
    requirements: str
    required_documents: list[str]


class VacancyPage(Schema):
    meta: PageMeta
    items: list[VacancyOut]


class VacancyFilters(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(25, ge=1, le=200)
    q: str = ""
    region: str = ""
    education: str = ""
    formasi_type: str = ""
    employee_type: str = ""


@router.get("/procurement/vacancies", response={200: VacancyPage, **ERRORS}, auth=None)
def vacancies(request: HttpRequest, filters: Query[VacancyFilters]) -> dict:
    """Open vacancies: public, no account (UU 20/2023 Pasal 37)."""
    qs = selectors.public_vacancy_list(q=filters.q, region=filters.region, education=filters.education,
                                       formasi_type=filters.formasi_type, employee_type=filters.employee_type)
    items, meta = paginate(qs, page=filters.page, page_size=filters.page_size)
    return {"meta": meta, "items": items}


class ApplicantIn(Schema):
    nik: str = Field(min_length=16, max_length=16, pattern=r"^[0-9]{16}$")
    name: str = Field(min_length=2, max_length=200)
    birth_date: dt.date
    sex: str = Field(pattern=r"^[LP]$")
    email: str = Field(min_length=3, max_length=254)
    phone: str = Field("", max_length=30)
    password: str = Field(min_length=10, max_length=200)


class ApplicantOut(Schema):
    id: int
    name: str
    identity_status: str


@router.post("/procurement/applicants", response={201: ApplicantOut, **ERRORS}, auth=None)
def applicant_register(request: HttpRequest, payload: ApplicantIn) -> tuple[int, object]:
    """Create an applicant account (one per NIK; the identity check follows from the outbox)."""
    return 201, registration.applicant_register(interface=Interface.API, **payload.dict())


class DraftIn(Schema):
    vacancy_id: int | None = None
    data: dict[str, str | int | float] = {}


class ApplicationDraftOut(Schema):
    id: int
    period_id: int
    vacancy_id: int | None
    data: dict
    updated_at: dt.datetime


@router.put("/procurement/drafts/{period_id}", response={200: ApplicationDraftOut, **ERRORS})
def draft_save(request: AuthenticatedRequest, period_id: int, payload: DraftIn) -> object:
    return registration.draft_save(actor=request.user, interface=Interface.API, period_id=period_id,
                                   vacancy_id=payload.vacancy_id, data=dict(payload.data))


class ApplicationDocumentOut(Schema):
    id: int
    doc_type: str
    sha256: str
    size: int
    content_type: str


@router.post("/procurement/documents", response={201: ApplicationDocumentOut, **ERRORS})
def document_upload(request: AuthenticatedRequest, period_id: Form[int], doc_type: Form[str],
                    file: File[UploadedFile]) -> tuple[int, object]:
    return 201, registration.document_upload(actor=request.user, interface=Interface.API, period_id=period_id,
                                             doc_type=doc_type, content=file.read(), original_name=file.name or "")


class SubmitIn(Schema):
    period_id: int


class ApplicationOut(Schema):
    id: int
    receipt_number: str
    receipt_signature: str
    period_id: int
    vacancy_id: int
    submitted_at: dt.datetime
    admin_verdict: str
    admin_reason: str
    twk: int | None
    tiu: int | None
    tkp: int | None
    skd_passed: bool | None
    proceeds_skb: bool | None
    final_score: float | None
    final_rank: int | None
    selected: bool | None

    @staticmethod
    def resolve_receipt_signature(obj: Application) -> str:
        return registration.receipt_signature(obj)


@router.post("/procurement/applications", response={200: ApplicationOut, 201: ApplicationOut, **ERRORS})
def application_submit(request: AuthenticatedRequest, payload: SubmitIn) -> tuple[int, object]:
    """Submit the draft. Send a fresh ``Idempotency-Key`` per attempt and the same one on a
    retry: 201 when this call stored the application, 200 with the same receipt when it
    was already stored (never a second application)."""
    key = request.headers.get("Idempotency-Key", "")
    if not key:
        raise ApplicationError(_("Header Idempotency-Key wajib diisi."), code="validation",
                               fields={"Idempotency-Key": [_("Wajib diisi.")]})
    application, created = registration.application_submit(
        actor=request.user, interface=Interface.API, period_id=payload.period_id, idempotency_key=key)
    return (201 if created else 200), application


class ApplicationPage(Schema):
    meta: PageMeta
    items: list[ApplicationOut]


class ApplicationFilters(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(25, ge=1, le=200)
    period_id: int | None = None
    vacancy_id: int | None = None
    q: str = ""


@router.get("/procurement/applications", response={200: ApplicationPage, **ERRORS})
def application_list(request: AuthenticatedRequest, filters: Query[ApplicationFilters]) -> dict:
    """Applications the caller may see: an applicant their own, a panitia its instansi's."""
    qs = selectors.application_list(viewer=request.user, period_id=filters.period_id, vacancy_id=filters.vacancy_id,
                                    q=filters.q)
    items, meta = paginate(qs, page=filters.page, page_size=filters.page_size)
    return {"meta": meta, "items": items}


@router.get("/procurement/applications/{application_id}", response={200: ApplicationOut, **ERRORS})
def application_get(request: AuthenticatedRequest, application_id: int) -> object:
    return selectors.application_get(viewer=request.user, pk=application_id)


class StageIn(Schema):
    to_stage: Literal[tuple(STAGE_ORDER)]  # type: ignore[valid-type]


class PeriodStageOut(Schema):
    id: int
    name: str
    stage: str


@router.post("/procurement/periods/{period_id}/stage", response={200: PeriodStageOut, **ERRORS})
def period_advance(request: AuthenticatedRequest, period_id: int, payload: StageIn) -> object:
    """BKN moves a selection period to a later stage (never back); 409 otherwise."""
    return portal.period_advance(actor=request.user, interface=Interface.API, period_id=period_id,
                                 to_stage=payload.to_stage)
