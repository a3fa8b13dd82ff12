"""Legal parameters kept as data: ``value(name, on=date)`` and friends.

    >>> from simasn.law import parameters
    >>> from simasn.law.enums import PositionKind
    >>> parameters.value("bup.position_kind", on=date(2025, 1, 1), key=PositionKind.PENGAWAS)
    58

The YAML baseline merged with administrator overrides. A parameter is a history of versions. Each version has a start (`from`), an optional
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
``from`` wins"); on the same start an override beats the baseline. This package
imports nothing from Django.

The modules: ``errors`` (every ParameterError), ``schema`` (the YAML and override shapes,
``Reference``), ``values`` (``Parameter``, ``Version``), ``yaml_files`` (reading the
baseline) and ``store`` (``ParameterStore``: merging, periods, look-ups); this package
names their public parts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum
from typing import Any

from simasn.law.parameters.errors import (
    ParameterError,
    ParameterFileError,
    ParameterGapError,
    ParameterOverlapError,
    UnknownKeyError,
    UnknownParameterError,
)
from simasn.law.parameters.schema import Reference
from simasn.law.parameters.store import OverrideSource, ParameterStore, default_store
from simasn.law.parameters.values import Parameter, Version

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
