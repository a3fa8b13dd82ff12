"""Legal parameters kept as data: ``value(name, on=date)`` and friends.

    >>> from simasn.law import parameters
    >>> from simasn.law.enums import PositionKind
    >>> parameters.value("bup.position_kind", on=date(2025, 1, 1), key=PositionKind.PENGAWAS)
    58

See :mod:`simasn.law.parameters.loader` for the rules of merging and the errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum
from typing import Any

from simasn.law.parameters.loader import (
    OverrideSource,
    Parameter,
    ParameterError,
    ParameterFileError,
    ParameterGapError,
    ParameterOverlapError,
    ParameterStore,
    Reference,
    UnknownKeyError,
    UnknownParameterError,
    Version,
    default_store,
)

__all__ = [
    "OverrideSource",
    "Parameter",
    "ParameterError",
    "ParameterFileError",
    "ParameterGapError",
    "ParameterOverlapError",
    "ParameterStore",
    "Reference",
    "UnknownKeyError",
    "UnknownParameterError",
    "Version",
    "clear_override_sources",
    "default_store",
    "history",
    "names",
    "parameter",
    "register_override_source",
    "reload",
    "unregister_override_source",
    "validate_all",
    "validate_override",
    "value",
    "values",
    "version",
]


def value(name: str, on: dt.date, key: str | Enum | None = None) -> Any:
    """The value of ``name`` in force on ``on`` (one entry of it when ``key`` is given)."""
    return default_store().value(name, on, key)


def values(name: str, on: dt.date) -> Mapping[str, Any]:
    """The whole mapping of a keyed parameter in force on ``on``."""
    return default_store().values(name, on)


def version(name: str, on: dt.date) -> Version:
    """The version in force on ``on``: value, period, reference, source."""
    return default_store().version(name, on)


def history(name: str) -> list[Version]:
    """Every version of ``name`` (baseline merged with overrides), oldest first."""
    return default_store().history(name)


def parameter(name: str) -> Parameter:
    return default_store().parameter(name)


def names() -> list[str]:
    return default_store().names()


def register_override_source(source: OverrideSource) -> None:
    """Add a callable returning extra dated versions (YAML shape plus ``name``)."""
    default_store().register_override_source(source)


def unregister_override_source(source: OverrideSource) -> None:
    default_store().unregister_override_source(source)


def clear_override_sources() -> None:
    default_store().clear_override_sources()


def validate_override(raw: Mapping[str, Any]) -> Version:
    """Check an override entry against the parameter it names; raises ParameterError."""
    return default_store().validate_override(raw)


def validate_all() -> None:
    default_store().validate_all()


def reload() -> None:
    """Forget the cached YAML baseline (after editing files in a running process)."""
    default_store().reload()
