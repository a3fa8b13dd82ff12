"""What every rule returns: a Decision, and the typed facts it is decided on.

A Decision carries its outcome (plain data), the citations it rests on
(``"UU 20/2023 Pasal 52 ayat (3) huruf g"``), a short explanation in Indonesian and
English, and — when the law does not settle the case — ``needs_legal_review`` with the
reason. Facts are pydantic models: :func:`parse_facts` turns a dict from the CLI or
the API into one, or raises :class:`FactsError` listing every bad field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from simasn.law.parameters import Reference, Version


class LawError(Exception):
    """Base of the law package's errors that callers may show to a user."""


class UnknownRuleError(LawError, KeyError):
    def __init__(self, rule: str, known: list[str]) -> None:
        self.rule = rule
        super().__init__(f"unknown rule {rule!r} (known: {', '.join(known)})")

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class FactError:
    field: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class FactsError(LawError, ValueError):
    """The facts given to a rule are missing, of the wrong type, or contradict each other."""

    def __init__(self, rule: str, errors: list[FactError]) -> None:
        self.rule = rule
        self.errors = errors
        details = "; ".join(f"{e.field}: {e.message}" for e in errors)
        super().__init__(f"bad facts for rule {rule!r}: {details}")

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "errors": [e.to_dict() for e in self.errors]}


class Facts(BaseModel):
    """Base of every rule's facts: unknown keys are refused, enums read case-insensitively."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    @field_validator("*", mode="before")
    @classmethod
    def _enum_case_insensitive(cls, raw: Any, info: Any) -> Any:
        annotation = cls.model_fields[info.field_name].annotation
        for candidate in _enum_types(annotation):
            if isinstance(raw, str) and not isinstance(raw, Enum):
                return _coerce_enum(candidate, raw)
            if isinstance(raw, list):
                return [_coerce_enum(candidate, x) if isinstance(x, str) else x for x in raw]
        return raw


def _enum_types(annotation: Any) -> list[type[Enum]]:
    found: list[type[Enum]] = []
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [annotation]
    for arg in getattr(annotation, "__args__", ()) or ():
        found.extend(_enum_types(arg))
    return found


def _coerce_enum(enum_type: type[Enum], raw: str) -> Any:
    text = raw.strip()
    normalized = text.upper().replace("-", "_").replace(" ", "_")
    for member in enum_type:
        if text == member.value or normalized == str(member.value).upper():
            return member
        if normalized == member.name:
            return member
    return raw  # pydantic reports the error with the allowed values


FactsT = TypeVar("FactsT", bound=Facts)


def parse_facts(rule: str, model: type[FactsT], raw: Any) -> FactsT:
    """Build ``model`` from a dict, or raise FactsError naming each bad field."""
    if isinstance(raw, model):
        return raw
    if not isinstance(raw, dict):
        raise FactsError(rule, [FactError("facts", "facts must be a JSON object")])
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        errors = [
            FactError(
                ".".join(str(part) for part in error["loc"]) or "facts",
                _message(error),
            )
            for error in exc.errors()
        ]
        raise FactsError(rule, errors) from None


def _message(error: Any) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return "required"
    if kind == "extra_forbidden":
        return "unknown fact"
    message = str(error.get("msg", "invalid"))
    return message.removeprefix("Value error, ")


@dataclass
class Decision:
    """The answer of a rule, with the articles it rests on and why."""

    rule: str
    on: dt.date
    outcome: dict[str, Any]
    citations: list[str]
    explanation_id: str
    explanation_en: str
    needs_legal_review: bool = False
    review_reason: str | None = None
    parameters_used: list[dict[str, Any]] = field(default_factory=list)
    #: The open question in Indonesian, where the rule words it (``review_reason`` is English).
    review_reason_id: str | None = None

    def cite(self, *citations: str) -> None:
        for citation in citations:
            if citation not in self.citations:
                self.citations.append(citation)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "on": self.on.isoformat(),
            "outcome": jsonable(self.outcome),
            "citations": list(self.citations),
            "explanation_id": self.explanation_id,
            "explanation_en": self.explanation_en,
            "needs_legal_review": self.needs_legal_review,
            "review_reason": self.review_reason,
            "review_reason_id": self.review_reason_id,
            "parameters_used": jsonable(self.parameters_used),
        }


def jsonable(raw: Any) -> Any:
    """Dates as ISO strings, enums as their values, tuples as lists — JSON-ready."""
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, Enum):
        return raw.value
    if isinstance(raw, dict):
        return {str(jsonable(k)): jsonable(v) for k, v in raw.items()}
    if isinstance(raw, list | tuple | set | frozenset):
        return [jsonable(v) for v in raw]
    if isinstance(raw, BaseModel):
        return jsonable(raw.model_dump())
    return raw


def used(version: Version, key: str | Enum | None = None) -> dict[str, Any]:
    """A record of a parameter version a decision used (for the audit trail)."""
    reference: Reference = version.reference_for(key)
    record: dict[str, Any] = {
        "name": version.name,
        "from": version.start,
        "citation": reference.cite(),
        "source": version.source,
    }
    if key is not None:
        record["key"] = key.value if isinstance(key, Enum) else key
    if reference.needs_legal_review:
        record["reference_needs_legal_review"] = True
    return record
