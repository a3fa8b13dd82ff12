"""What a parameter is once loaded: its metadata (`Parameter`) and its versions (`Version`,
with the period each is in force), and how an input version becomes one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from simasn.law import enums
from simasn.law.parameters.errors import ParameterFileError
from simasn.law.parameters.schema import Reference, VersionIn


@dataclass(frozen=True)
class Version:
    """A version of a parameter with the period in which it is in force."""

    name: str
    start: dt.date
    end: dt.date | None  # last day in force (inclusive); None = still in force
    value: Any
    reference: Reference
    references_by_key: Mapping[str, Reference]
    last_verified_on: dt.date | None
    source: str  # the YAML file (relative) or "override:<id>"
    is_override: bool = False
    declared_until: dt.date | None = None

    def in_force_on(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)

    def reference_for(self, key: str | Enum | None = None) -> Reference:
        """The reference of one key when the version names one, else the version's own."""
        if key is None:
            return self.reference
        return self.references_by_key.get(key_text(key), self.reference)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "from": self.start.isoformat(),
            "until": self.end.isoformat() if self.end else None,
            "value": jsonable(self.value),
            "reference": {
                **self.reference.model_dump(exclude_defaults=True),
                "citation": self.reference.cite(),
            },
            "references_by_key": {
                key: {**ref.model_dump(exclude_defaults=True), "citation": ref.cite()}
                for key, ref in self.references_by_key.items()
            },
            "last_verified_on": (
                self.last_verified_on.isoformat() if self.last_verified_on else None
            ),
            "source": self.source,
            "is_override": self.is_override,
        }


@dataclass(frozen=True)
class Parameter:
    """A parameter's metadata and its baseline versions (as written in YAML)."""

    name: str
    description: str
    keyed_by: str | None
    unit: str | None
    baseline: tuple[Version, ...] = field(default_factory=tuple)
    label_id: str | None = None  # short Indonesian title for screens
    label_en: str | None = None
    description_id: str | None = None

    def describe(self, language: str = "id") -> str:
        """The description in ``language``: the English maintainer's note in English, the
        Indonesian one (or nothing) in Indonesian — never English in the Indonesian UI."""
        if language.startswith("en"):
            return self.description
        return self.description_id or ""

    def label(self, language: str = "id") -> str:
        """The short title in ``language`` ("id" or "en"), else the name."""
        found = self.label_en if language.startswith("en") else self.label_id
        return found or self.label_id or self.name

    @property
    def key_enum(self) -> type[Enum] | None:
        if self.keyed_by is None:
            return None
        found = getattr(enums, self.keyed_by, None)
        if not (isinstance(found, type) and issubclass(found, Enum)):
            raise ParameterFileError(
                f"parameter {self.name!r}: keyed_by {self.keyed_by!r} is not an enum in "
                "simasn.law.enums"
            )
        return found


def key_text(key: str | Enum) -> str:
    return str(key.value) if isinstance(key, Enum) else str(key)


def jsonable(raw: Any) -> Any:
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, Enum):
        return raw.value
    if isinstance(raw, Mapping):
        return {str(jsonable(k)): jsonable(v) for k, v in raw.items()}
    if isinstance(raw, list | tuple):
        return [jsonable(v) for v in raw]
    return raw


def check_keys(parameter: Parameter, version: Version) -> None:
    key_enum = parameter.key_enum
    if key_enum is None:
        return
    if not isinstance(version.value, Mapping):
        raise ParameterFileError(
            f"parameter {parameter.name!r} is keyed by {parameter.keyed_by} but the version "
            f"from {version.start} ({version.source}) has no mapping as value"
        )
    allowed = {str(member.value) for member in key_enum}
    for key in [*version.value.keys(), *version.references_by_key.keys()]:
        if str(key) not in allowed:
            raise ParameterFileError(
                f"parameter {parameter.name!r}, version from {version.start} "
                f"({version.source}): key {key!r} is not a {parameter.keyed_by} "
                f"(allowed: {', '.join(sorted(allowed))})"
            )


def version_from(model: VersionIn, name: str, source: str, is_override: bool) -> Version:
    if model.until is not None and model.until < model.start:
        raise ParameterFileError(
            f"parameter {name!r} ({source}): until {model.until} is before from {model.start}"
        )
    value = model.value
    if isinstance(value, Mapping):
        value = {str(k): v for k, v in value.items()}
    return Version(
        name=name,
        start=model.start,
        end=model.until,
        value=value,
        reference=model.reference,
        references_by_key=dict(model.references_by_key),
        last_verified_on=model.last_verified_on,
        source=source,
        is_override=is_override,
        declared_until=model.until,
    )


def with_end(version: Version, end: dt.date | None) -> Version:
    return Version(
        name=version.name,
        start=version.start,
        end=end,
        value=version.value,
        reference=version.reference,
        references_by_key=version.references_by_key,
        last_verified_on=version.last_verified_on,
        source=version.source,
        is_override=version.is_override,
        declared_until=version.declared_until,
    )
