"""The store: the baseline of one directory merged with the registered override sources,
answering ``version``, ``value`` and ``history`` for a name and a date."""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from simasn.law.parameters.errors import (
    ParameterError,
    ParameterFileError,
    ParameterGapError,
    UnknownKeyError,
    UnknownParameterError,
)
from simasn.law.parameters.schema import OverrideIn
from simasn.law.parameters.values import (
    Parameter,
    Version,
    check_keys,
    key_text,
    version_from,
    with_end,
)
from simasn.law.parameters.yaml_files import PARAMETERS_DIR, load_directory

OverrideSource = Callable[[], Iterable[Mapping[str, Any]]]


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
                    model = OverrideIn.model_validate(dict(raw))
                except ValidationError as exc:
                    raise ParameterFileError(f"override for {name!r}: {exc}") from exc
                label = f"override:{model.source_id or index}"
                found.append(version_from(model, name, label, is_override=True))
        return found

    def validate_override(self, raw: Mapping[str, Any]) -> Version:
        """Check one override entry (shape, known name, keys) without registering it."""
        try:
            model = OverrideIn.model_validate(dict(raw))
        except ValidationError as exc:
            raise ParameterFileError(f"override: {exc}") from exc
        parameter = self.parameter(model.name)
        version = version_from(model, model.name, "override:new", is_override=True)
        check_keys(parameter, version)
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
            check_keys(parameter, version)
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
            periods.append(with_end(version, end))
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
        text = key_text(key)
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


@cache
def default_store() -> ParameterStore:
    """The process-wide store reading ``simasn/law/parameters``."""
    return ParameterStore(PARAMETERS_DIR)
