"""Dated legal parameters: the YAML baseline merged with administrator overrides.

A parameter is a history of versions. Each version has a start (`from`), an optional
last day in force (`until`, inclusive: a repeal), a value, the legal reference it
rests on and the day somebody last checked it (`last_verified_on`). A version is in
force from its start until the day before the next version starts, or until its own
`until`, whichever is earlier; repeal is an end date, never a deletion.

Files are laid out like the legal hierarchy (``uu_20_2023/``, ``pp_11_2017/``, ...):
the versions of one parameter may live in several files, each in the folder of the
regulation that set them, and are merged by name. Two baseline versions that overlap
are an error at load time; a date no version covers is an error at look-up time.

Overrides come from sources registered with :func:`register_override_source` (the
Django app ``simasn.lawdata`` registers the database). They have the same shape as a
YAML version plus ``name``, and win over the baseline from their start on ("a later
``from`` wins"); on the same start an override beats the baseline. This module
imports nothing from Django.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import itertools
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from simasn.law import enums

PARAMETERS_DIR = Path(__file__).resolve().parent

OverrideSource = Callable[[], Iterable[Mapping[str, Any]]]


# --------------------------------------------------------------------------- errors


class ParameterError(Exception):
    """Base of every failure of the parameter loader."""


class UnknownParameterError(ParameterError, KeyError):
    """No parameter has this name."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"unknown parameter {name!r}")

    def __str__(self) -> str:
        return str(self.args[0])


class ParameterGapError(ParameterError, LookupError):
    """The parameter has no value in force on the requested date."""

    def __init__(self, name: str, on: dt.date, detail: str = "") -> None:
        self.name = name
        self.on = on
        message = f"parameter {name!r} has no value in force on {on.isoformat()}"
        super().__init__(f"{message}{': ' + detail if detail else ''}")


class ParameterOverlapError(ParameterError):
    """Two baseline versions of a parameter are in force on the same day."""


class ParameterFileError(ParameterError):
    """A parameter file or an override entry does not have the expected shape."""


class UnknownKeyError(ParameterError, KeyError):
    """A keyed parameter has no entry for the requested key on that date."""

    def __init__(self, name: str, key: str, on: dt.date, known: Iterable[str]) -> None:
        self.name = name
        self.key = key
        super().__init__(
            f"parameter {name!r} has no key {key!r} on {on.isoformat()} "
            f"(known: {', '.join(sorted(known))})"
        )

    def __str__(self) -> str:
        return str(self.args[0])


# --------------------------------------------------------------------- data shapes


class Reference(BaseModel):
    """Where a value comes from: regulation, article, paragraph, letter, link."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    regulation: str
    article: str | None = None
    ayat: str | None = None
    huruf: str | None = None
    angka: str | None = None
    penjelasan: bool = False
    lampiran: str | None = None
    title: str | None = None
    url: str | None = None
    note: str | None = None
    needs_legal_review: bool = False

    @field_validator("article", "ayat", "huruf", "angka", "lampiran", mode="before")
    @classmethod
    def _as_text(cls, raw: Any) -> Any:
        return None if raw is None else str(raw)

    def cite(self) -> str:
        """The citation as the system prints it: ``UU 20/2023 Pasal 52 ayat (3) huruf g``."""
        parts = [self.regulation]
        if self.penjelasan:
            parts.append("Penjelasan")
        if self.article:
            parts.append(f"Pasal {self.article}")
        if self.ayat:
            parts.append(f"ayat ({self.ayat})")
        if self.huruf:
            parts.append(f"huruf {self.huruf}")
        if self.angka:
            parts.append(f"angka {self.angka}")
        if self.lampiran is not None:
            # An empty lampiran cites the attachment without a number ("Lampiran").
            parts.append(f"Lampiran {self.lampiran}".strip())
        return " ".join(parts)


class _VersionIn(BaseModel):
    """One version as written in YAML (or returned by an override source)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    start: dt.date = Field(alias="from")
    until: dt.date | None = None
    value: Any
    reference: Reference
    references_by_key: dict[str, Reference] = Field(default_factory=dict)
    last_verified_on: dt.date | None = None


class _ParameterIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str
    label_id: str | None = None
    label_en: str | None = None
    keyed_by: str | None = None
    unit: str | None = None
    values: list[_VersionIn]


class _FileIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    parameters: list[_ParameterIn]


class _OverrideIn(_VersionIn):
    name: str
    source_id: str | None = None


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
        return self.references_by_key.get(_key_text(key), self.reference)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "from": self.start.isoformat(),
            "until": self.end.isoformat() if self.end else None,
            "value": _jsonable(self.value),
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


# ------------------------------------------------------------------------- loading


def _key_text(key: str | Enum) -> str:
    return str(key.value) if isinstance(key, Enum) else str(key)


def _jsonable(raw: Any) -> Any:
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, Enum):
        return raw.value
    if isinstance(raw, Mapping):
        return {str(_jsonable(k)): _jsonable(v) for k, v in raw.items()}
    if isinstance(raw, list | tuple):
        return [_jsonable(v) for v in raw]
    return raw


def _check_keys(parameter: Parameter, version: Version) -> None:
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


def _version_from(model: _VersionIn, name: str, source: str, is_override: bool) -> Version:
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


def load_directory(directory: Path) -> dict[str, Parameter]:
    """Read every ``*.yaml`` under ``directory`` into parameters, validating them."""
    collected: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.rglob("*.yaml")):
        source = path.relative_to(directory).as_posix()
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            parsed = _FileIn.model_validate(raw)
        except (yaml.YAMLError, ValidationError) as exc:
            raise ParameterFileError(f"{source}: {exc}") from exc
        for item in parsed.parameters:
            entry = collected.setdefault(
                item.name,
                {
                    "description": item.description,
                    "keyed_by": item.keyed_by,
                    "unit": item.unit,
                    "versions": [],
                },
            )
            for label in ("label_id", "label_en"):
                if entry.get(label) is None:
                    entry[label] = getattr(item, label)
            if entry["keyed_by"] != item.keyed_by or entry["unit"] != item.unit:
                raise ParameterFileError(
                    f"{source}: parameter {item.name!r} declares keyed_by/unit differently "
                    "from another file"
                )
            entry["versions"].extend(
                _version_from(version, item.name, source, is_override=False)
                for version in item.values
            )
    parameters: dict[str, Parameter] = {}
    for name, entry in collected.items():
        versions = sorted(entry["versions"], key=lambda v: v.start)
        _check_no_overlap(name, versions)
        parameter = Parameter(
            name=name,
            description=entry["description"],
            keyed_by=entry["keyed_by"],
            unit=entry["unit"],
            baseline=tuple(versions),
            label_id=entry["label_id"],
            label_en=entry["label_en"],
        )
        for version in versions:
            _check_keys(parameter, version)
        parameters[name] = parameter
    return parameters


def _check_no_overlap(name: str, versions: list[Version]) -> None:
    for earlier, later in itertools.pairwise(versions):
        if earlier.start == later.start:
            raise ParameterOverlapError(
                f"parameter {name!r}: two versions start on {later.start} "
                f"({earlier.source} and {later.source})"
            )
        if earlier.declared_until is not None and earlier.declared_until >= later.start:
            raise ParameterOverlapError(
                f"parameter {name!r}: the version from {earlier.start} ({earlier.source}) is "
                f"in force until {earlier.declared_until}, after the version from "
                f"{later.start} ({later.source}) starts"
            )


# ----------------------------------------------------------------------- the store


class ParameterStore:
    """Baseline parameters from one directory plus the registered override sources."""

    def __init__(self, directory: Path = PARAMETERS_DIR) -> None:
        self.directory = directory
        self._lock = threading.Lock()
        self._baseline: dict[str, Parameter] | None = None
        self._override_sources: list[OverrideSource] = []
        # history(name) is asked on every rule evaluation (a bulk import asks it several
        # times per row); it is memoised until the baseline or the overrides change.
        self._history_cache: dict[str, list[Version]] = {}
        self._history_fingerprint: str | None = None

    # -- baseline
    @property
    def baseline(self) -> dict[str, Parameter]:
        if self._baseline is None:
            with self._lock:
                if self._baseline is None:
                    self._baseline = load_directory(self.directory)
        return self._baseline

    def reload(self) -> None:
        with self._lock:
            self._baseline = None
            self._history_cache = {}

    # -- overrides
    def register_override_source(self, source: OverrideSource) -> None:
        if source not in self._override_sources:
            self._override_sources.append(source)

    def unregister_override_source(self, source: OverrideSource) -> None:
        if source in self._override_sources:
            self._override_sources.remove(source)

    def clear_override_sources(self) -> None:
        self._override_sources.clear()

    @contextlib.contextmanager
    def baseline_only(self) -> Iterator[None]:
        """Answer from the YAML alone inside the block (the law package's own tests)."""
        saved = list(self._override_sources)
        self._override_sources.clear()
        try:
            yield
        finally:
            self._override_sources[:] = saved

    def _override_snapshot(self) -> list[list[Mapping[str, Any]]]:
        return [list(source()) for source in list(self._override_sources)]

    def _overrides_for(self, name: str, snapshot: list[list[Mapping[str, Any]]] | None = None) -> list[Version]:
        found: list[Version] = []
        for entries in self._override_snapshot() if snapshot is None else snapshot:
            for index, raw in enumerate(entries):
                if raw.get("name") != name:
                    continue
                try:
                    model = _OverrideIn.model_validate(dict(raw))
                except ValidationError as exc:
                    raise ParameterFileError(f"override for {name!r}: {exc}") from exc
                label = f"override:{model.source_id or index}"
                found.append(_version_from(model, name, label, is_override=True))
        return found

    def validate_override(self, raw: Mapping[str, Any]) -> Version:
        """Check one override entry (shape, known name, keys) without registering it."""
        try:
            model = _OverrideIn.model_validate(dict(raw))
        except ValidationError as exc:
            raise ParameterFileError(f"override: {exc}") from exc
        parameter = self.parameter(model.name)
        version = _version_from(model, model.name, "override:new", is_override=True)
        _check_keys(parameter, version)
        return version

    # -- queries
    def names(self) -> list[str]:
        return sorted(self.baseline)

    def parameter(self, name: str) -> Parameter:
        try:
            return self.baseline[name]
        except KeyError:
            raise UnknownParameterError(name) from None

    def history(self, name: str) -> list[Version]:
        """Every version of ``name`` with the period it is in force, oldest first."""
        snapshot = self._override_snapshot()
        # The overrides are few (administrator corrections); their repr is a cheap and
        # exact fingerprint, so a new or changed override is seen on the next call.
        fingerprint = repr(snapshot)
        if fingerprint != self._history_fingerprint:
            self._history_cache = {}
            self._history_fingerprint = fingerprint
        cached = self._history_cache.get(name)
        if cached is None:
            cached = self._build_history(name, snapshot)
            self._history_cache[name] = cached
        return list(cached)

    def _build_history(self, name: str, snapshot: list[list[Mapping[str, Any]]]) -> list[Version]:
        parameter = self.parameter(name)
        overrides = self._overrides_for(name, snapshot)
        for version in overrides:
            _check_keys(parameter, version)
        # On the same start an override beats the baseline, a later override an earlier.
        ranked = [(v.start, 0, i, v) for i, v in enumerate(parameter.baseline)]
        ranked += [(v.start, 1, i, v) for i, v in enumerate(overrides)]
        ranked.sort(key=lambda item: item[:3])
        winners: list[Version] = []
        for _start, _rank, _index, version in ranked:
            if winners and winners[-1].start == version.start:
                winners[-1] = version
            else:
                winners.append(version)
        periods: list[Version] = []
        for position, version in enumerate(winners):
            end = version.declared_until
            if position + 1 < len(winners):
                day_before_next = winners[position + 1].start - dt.timedelta(days=1)
                if end is None or end > day_before_next:
                    end = day_before_next
            periods.append(_with_end(version, end))
        return periods

    def version(self, name: str, on: dt.date) -> Version:
        """The version of ``name`` in force on ``on``."""
        if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
            raise TypeError(f"'on' must be a datetime.date, not {type(on).__name__}")
        periods = self.history(name)
        starts = [period.start for period in periods]
        position = bisect.bisect_right(starts, on) - 1
        if position < 0:
            first = periods[0].start.isoformat() if periods else "never"
            raise ParameterGapError(name, on, f"the first version starts {first}")
        found = periods[position]
        if found.end is not None and on > found.end:
            raise ParameterGapError(name, on, f"the version from {found.start} ended {found.end}")
        return found

    def value(self, name: str, on: dt.date, key: str | Enum | None = None) -> Any:
        found = self.version(name, on)
        if key is None:
            return found.value
        mapping = found.value
        if not isinstance(mapping, Mapping):
            raise ParameterError(f"parameter {name!r} is not keyed; it has no key {key!r}")
        text = _key_text(key)
        if text not in mapping:
            raise UnknownKeyError(name, text, on, mapping.keys())
        return mapping[text]

    def values(self, name: str, on: dt.date) -> Mapping[str, Any]:
        found = self.value(name, on)
        if not isinstance(found, Mapping):
            raise ParameterError(f"parameter {name!r} is not keyed (its value is no mapping)")
        return found

    def validate_all(self) -> None:
        """Load every parameter and merge its overrides; raises on the first problem."""
        for name in self.names():
            self.history(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())


def _with_end(version: Version, end: dt.date | None) -> Version:
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


@cache
def default_store() -> ParameterStore:
    """The process-wide store reading ``simasn/law/parameters``."""
    return ParameterStore(PARAMETERS_DIR)
