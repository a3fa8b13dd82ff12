"""REST API of the PermenRK procedure: cycles, drafts, analysis, verification, inbox.

Annotations are evaluated at definition time on purpose (django-ninja reads them).
"""


import datetime as dt
from decimal import Decimal

from ninja import Field, Query, Router, Schema

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError
from simasn.core.interfaces import Interface
from simasn.web.api import PageMeta, paginate
from simasn.web.api_crud import ERRORS
from simasn.workplans import analysis, pdf, selectors, services
from simasn.workplans.models import BeritaAcara, Draft, PolicyIndicator

router = Router(tags=["work plans"])


class CycleOut(Schema):
    id: int
    title: str
    scope_kind: str
    year_start: int
    year_end: int
    reference_date: dt.date
    starts_on: dt.date
    ends_on: dt.date
    stage: str
    revision_no: int
    revision_of_id: int | None
    is_superseded: bool
    is_late: bool
    late_milestones: list[dict]
    participants: list[str]

    @staticmethod
    def resolve_participants(obj: object) -> list[str]:
        return [p.institution.code for p in obj.participants.select_related("institution")]  # type: ignore[attr-defined]


class CyclePage(Schema):
    meta: PageMeta
    items: list[CycleOut]


class CycleFilters(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(25, ge=1, le=200)
    q: str = ""
    stage: str = ""


class ActivityOut(Schema):
    id: int
    program_code: str
    policy_program_code: str | None
    code: str
    name: str
    indicator_code: str | None
    output: str
    target: Decimal
    target_unit: str
    budget: int
    unit_in_charge: str


class DraftOut(Schema):
    id: int
    cycle_id: int
    institution: str
    kind: str
    status: str
    locked: bool
    previous_evaluation_id: int | None
    submitted_at: dt.datetime | None
    activities: list[ActivityOut]


class ActivityIn(Schema):
    program_code: str = Field(..., min_length=1, max_length=30)
    code: str = Field(..., min_length=1, max_length=30)
    name: str = Field(..., min_length=1, max_length=400)
    indicator_code: str | None = None
    output: str = Field(..., min_length=1, max_length=400)
    target: Decimal = Field(..., ge=0)
    target_unit: str = Field(..., min_length=1, max_length=50)
    budget: int = Field(..., ge=0)
    unit_in_charge: str = Field(..., min_length=1, max_length=200)


class OverlapOut(Schema):
    a: int
    b: int
    institution_a: str
    institution_b: str
    score: float
    is_duplicate: bool
    #: SAMA (likely the same), MIRIP (similar) or BERBEDA (different: shown only when marked).
    band: str
    reasons: list[str]
    distinguishing: list[str]
    marked_overlap: bool | None


class UnitTotalOut(Schema):
    unit: str
    activities: int
    additive: bool
    #: Sum per institution for an amount; for a rate (percent, index) the list of values, never added.
    by_institution: dict[str, Decimal | list[Decimal] | None]


class AnalysisOut(Schema):
    kind: str
    uncovered_programs: list[str]
    uncovered_indicators: list[str]
    unlinked_activities: list[int]
    overlaps: list[OverlapOut]
    budget_by_institution: dict[str, int]
    budget_by_program: dict[str, dict[str, int]]
    target_by_unit: list[UnitTotalOut]
    unit_mismatches: list[int]
    detector_version: str
    glossary_version: str


class SignatureCheckOut(Schema):
    field: str
    signer: str
    intact: bool
    valid: bool
    trusted: bool


class VerificationOut(Schema):
    number: str
    sealed: bool
    sha256_recorded: str
    sha256_file: str
    signatures: list[SignatureCheckOut]


class CoordinationOut(Schema):
    id: int
    cycle_id: int
    letter_number: str
    letter_date: dt.date
    recipients: list[str]
    copies: list[str]


def _draft_out(draft: Draft) -> DraftOut:
    tree = selectors.draft_tree(cycle=draft.cycle, kind=draft.kind, institution_id=draft.institution_id)[0]
    acts = [ActivityOut(
        id=a.pk, program_code=p.code, policy_program_code=p.policy_program.code if p.policy_program else None,
        code=a.code, name=a.name, indicator_code=a.indicator.code if a.indicator else None, output=a.output,
        target=a.target, target_unit=a.target_unit, budget=a.budget, unit_in_charge=a.unit_in_charge)
        for p in tree.programs.all() for a in p.activities.all()]
    return DraftOut(id=draft.pk, cycle_id=draft.cycle_id, institution=draft.institution.code, kind=draft.kind,
                    status=draft.status, locked=draft.locked, previous_evaluation_id=draft.previous_evaluation_id,
                    submitted_at=draft.submitted_at, activities=acts)


@router.get("/workplans/cycles/", response={200: CyclePage, **ERRORS}, operation_id="workplan_cycle_list")
def cycle_list(request: AuthenticatedRequest, params: Query[CycleFilters]):
    items, meta = paginate(selectors.cycle_list(viewer=request.user, q=params.q, stage=params.stage),
                           page=params.page, page_size=params.page_size)
    return {"meta": meta, "items": items}


@router.get("/workplans/cycles/{int:pk}", response={200: CycleOut, **ERRORS}, operation_id="workplan_cycle_get")
def cycle_get(request: AuthenticatedRequest, pk: int):
    return selectors.cycle_get(viewer=request.user, pk=pk)


@router.get("/workplans/cycles/{int:pk}/analysis", response={200: AnalysisOut, **ERRORS},
            operation_id="workplan_analysis", summary="Synchronization analysis (PermenRK Pasal 5 ayat (5))")
def cycle_analysis(request: AuthenticatedRequest, pk: int, kind: str = Draft.Kind.USULAN):
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    Scope.of(request.user).require(Resource.WORKPLAN_MEETING, Action.VIEW,
                   institution_id=Scope.of(request.user).own_institution_id())
    result = analysis.analyse_cycle(cycle, kind=kind)
    return AnalysisOut(
        kind=kind, uncovered_programs=[p["program"].code for p in result.uncovered_programs],
        uncovered_indicators=[f'{i["indicator"].program.code}/{i["indicator"].code}' for i in result.uncovered_indicators],
        unlinked_activities=[a.pk for a in result.unlinked],
        overlaps=[OverlapOut(a=o.a.pk, b=o.b.pk, institution_a=o.a.program.draft.institution.code,
                             institution_b=o.b.program.draft.institution.code, score=round(o.score, 4),
                             is_duplicate=o.is_duplicate, band=o.band,
                             reasons=list(o.explanation.reasons) if o.explanation else [],
                             distinguishing=[f"{d}: {x} / {y}" for d, x, y in o.explanation.contrasts] if o.explanation else [],
                             marked_overlap=o.marked) for o in result.overlaps],
        budget_by_institution=result.budget_by_institution,
        budget_by_program={p["program"].code: p["budget"] for p in result.programs},
        target_by_unit=[UnitTotalOut(unit=u["unit"], activities=u["count"], additive=u["additive"],
                                     by_institution=dict(zip(result.institutions, u["cells"], strict=True)))
                        for u in result.unit_totals],
        unit_mismatches=[a.pk for a in result.unit_mismatches],
        detector_version=result.detector_version, glossary_version=result.glossary_version)


@router.get("/workplans/drafts/{int:pk}", response={200: DraftOut, **ERRORS}, operation_id="workplan_draft_get")
def draft_get(request: AuthenticatedRequest, pk: int):
    return _draft_out(selectors.draft_get(viewer=request.user, pk=pk))


@router.post("/workplans/drafts/{int:pk}/activities", response={201: DraftOut, **ERRORS},
             operation_id="workplan_activity_add")
def activity_add(request: AuthenticatedRequest, pk: int, payload: ActivityIn):
    draft = selectors.draft_get(viewer=request.user, pk=pk)
    program = draft.programs.filter(code=payload.program_code).select_related("policy_program").first()
    if program is None:
        raise NotFoundError("Program lembaga tidak ditemukan dalam rancangan ini.")
    indicator = None
    if payload.indicator_code:
        indicator = PolicyIndicator.objects.filter(program=program.policy_program, code=payload.indicator_code).first()
        if indicator is None:
            raise NotFoundError("Indikator tidak ditemukan pada program Arah Kebijakan ini.")
    data = payload.model_dump(exclude={"program_code", "indicator_code"}) | {"indicator": indicator}
    services.activity_add(actor=request.user, interface=Interface.API, program=program, data=data)
    return 201, _draft_out(draft)


@router.post("/workplans/drafts/{int:pk}/submit", response={200: DraftOut, **ERRORS},
             operation_id="workplan_draft_submit", summary="Send the draft to the Minister (Pasal 5 ayat (4))")
def draft_submit(request: AuthenticatedRequest, pk: int):
    draft = selectors.draft_get(viewer=request.user, pk=pk)
    return _draft_out(services.draft_submit(actor=request.user, interface=Interface.API, draft=draft))


@router.get("/workplans/cycles/{int:pk}/minutes/verification", response={200: VerificationOut, **ERRORS},
            operation_id="workplan_minutes_verify")
def berita_acara_verify(request: AuthenticatedRequest, pk: int):
    cycle = selectors.cycle_get(viewer=request.user, pk=pk)
    ba = BeritaAcara.objects.filter(cycle=cycle).first()
    if ba is None:
        raise NotFoundError("Berita acara belum dibuat.")
    data = ba.pdf.open("rb").read()
    return VerificationOut(number=ba.number, sealed=ba.is_sealed, sha256_recorded=ba.sha256,
                           sha256_file=pdf.sha256(data), signatures=[
                               SignatureCheckOut(field=c.field, signer=c.signer, intact=c.intact, valid=c.valid,
                                                 trusted=c.trusted) for c in pdf.verify_pdf(data)])


@router.get("/workplans/dispatches/", response={200: list[CoordinationOut], **ERRORS},
            operation_id="workplan_dispatch_list", summary="What was sent to the caller (Pasal 7)")
def coordination_list(request: AuthenticatedRequest):
    return [CoordinationOut(id=c.pk, cycle_id=c.cycle_id, letter_number=c.letter_number, letter_date=c.letter_date,
                            recipients=[r.institution.code for r in c.recipients.all() if not r.is_copy],
                            copies=[r.institution.code for r in c.recipients.all() if r.is_copy])
            for c in selectors.coordination_list(viewer=request.user)]
