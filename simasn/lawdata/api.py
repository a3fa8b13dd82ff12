"""`/api/v1/law/...`: evaluate a rule, list rules and parameters, add a parameter version.

Annotations are evaluated at definition time on purpose (django-ninja reads them).
"""


import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from simasn.accounts.actors import AuthenticatedRequest
from simasn.core.errors import ApplicationError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.law import RULES, FactsError, UnknownRuleError, evaluate, parameters, rule_spec
from simasn.lawdata import selectors, services
from simasn.web.api import DecisionOut
from simasn.web.api_crud import ERRORS

router = Router(tags=["law"])


class EvaluateIn(Schema):
    rule: str = Field(..., description="Rule name, e.g. retirement (GET /law/rules lists them)")
    on: dt.date = Field(..., description="Decision date: the law in force on this day applies")
    facts: dict[str, Any] = Field(default_factory=dict, description="The rule's facts")


class RuleOut(Schema):
    name: str
    title_id: str
    title_en: str
    catalogue: list[str]
    articles: list[str]
    facts_schema: dict[str, Any]


class ParameterOut(Schema):
    name: str
    label_id: str | None
    label_en: str | None
    description: str
    keyed_by: str | None
    unit: str | None
    in_force: dict[str, Any] | None = Field(
        ..., description="Version in force: from, until, value, reference, ..."
    )


class ParameterHistoryOut(Schema):
    name: str
    label_id: str | None
    label_en: str | None
    description: str
    keyed_by: str | None
    unit: str | None
    versions: list[dict[str, Any]]


class ParameterVersionIn(Schema):
    valid_from: dt.date
    valid_until: dt.date | None = None
    value: Any
    regulation: str = Field(..., min_length=1, max_length=120)
    article: str = Field("", max_length=20)
    ayat: str = Field("", max_length=10)
    huruf: str = Field("", max_length=10)
    angka: str = Field("", max_length=10)
    title: str = Field("", max_length=300)
    url: str = Field("", max_length=500)
    note: str = ""
    last_verified_on: dt.date
    reason: str = Field(..., min_length=1)
    merge: bool = Field(True, description="Keyed values: keys not given keep their value")


class ParameterVersionOut(Schema):
    id: int
    name: str
    valid_from: dt.date
    valid_until: dt.date | None
    value: Any
    citation: str


def _facts_error(error: FactsError) -> ApplicationError:
    fields: dict[str, list[str]] = {}
    for item in error.errors:
        fields.setdefault(f"facts.{item.field}", []).append(item.message)
    return ApplicationError(
        _("Fakta tidak lengkap atau keliru untuk aturan ini."),
        code="facts",
        fields=fields,
        details={"rule": error.rule},
    )


@router.post(
    "/law/evaluate",
    response={200: DecisionOut, **ERRORS},
    operation_id="law_evaluate",
    summary="Evaluate a rule of law on facts and a date",
)
def law_evaluate(request: AuthenticatedRequest, payload: EvaluateIn):
    try:
        decision = evaluate(payload.rule, payload.facts, payload.on)
    except UnknownRuleError as error:
        raise ApplicationError(
            _("Aturan tidak dikenal."), code="unknown_rule", fields={"rule": [str(error)]}
        ) from error
    except FactsError as error:
        raise _facts_error(error) from error
    return decision.to_dict()


@router.get("/law/rules", response={200: list[RuleOut], **ERRORS}, operation_id="law_rules")
def law_rules(request: AuthenticatedRequest):
    return [spec.to_dict() for spec in RULES.values()]


@router.get("/law/rules/{name}", response={200: RuleOut, **ERRORS}, operation_id="law_rule")
def law_rule(request: AuthenticatedRequest, name: str):
    try:
        return rule_spec(name).to_dict()
    except UnknownRuleError:
        raise NotFoundError(_("Aturan tidak ditemukan.")) from None


@router.get(
    "/law/parameters", response={200: list[ParameterOut], **ERRORS}, operation_id="law_parameters"
)
def law_parameters(request: AuthenticatedRequest, on: dt.date | None = None):
    day = on or timezone.localdate()
    return [
        {
            "name": row["name"],
            "label_id": row["meta"].label_id,
            "label_en": row["meta"].label_en,
            "description": row["meta"].description,
            "keyed_by": row["meta"].keyed_by,
            "unit": row["meta"].unit,
            "in_force": row["version"].to_dict() if row["version"] else None,
        }
        for row in selectors.parameter_rows(viewer=request.user, on=day)
    ]


@router.get(
    "/law/parameters/{name}",
    response={200: ParameterHistoryOut, **ERRORS},
    operation_id="law_parameter",
)
def law_parameter(request: AuthenticatedRequest, name: str):
    meta = selectors.parameter_get(viewer=request.user, name=name)
    return {
        "name": meta.name,
        "label_id": meta.label_id,
        "label_en": meta.label_en,
        "description": meta.description,
        "keyed_by": meta.keyed_by,
        "unit": meta.unit,
        "versions": [v.to_dict() for v in parameters.history(name)],
    }


@router.post(
    "/law/parameters/{name}/versions",
    response={201: ParameterVersionOut, **ERRORS},
    operation_id="law_parameter_version_add",
    summary="Add an administrator version of a parameter (audited)",
)
def law_parameter_version_add(request: AuthenticatedRequest, name: str, payload: ParameterVersionIn):
    selectors.parameter_get(viewer=request.user, name=name)
    data = payload.model_dump()
    merge = data.pop("merge")
    obj = services.parameter_override_create(
        actor=request.user, interface=Interface.API, data={**data, "name": name}, merge=merge
    )
    citation = parameters.Reference.model_validate(obj.reference()).cite()
    return Status(
        201,
        {
            "id": obj.pk,
            "name": obj.name,
            "valid_from": obj.valid_from,
            "valid_until": obj.valid_until,
            "value": obj.value,
            "citation": citation,
        },
    )
