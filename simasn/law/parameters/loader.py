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
``from`` wins"); on the same start an override beats the baseline. This package
imports nothing from Django.

The pieces: ``errors`` (every ParameterError), ``schema`` (the YAML and override shapes,
``Reference``), ``values`` (``Parameter``, ``Version``), ``yaml_files`` (reading the
baseline), ``store`` (``ParameterStore``: merging, periods, look-ups). This module names
their public parts in one place.
"""

from __future__ import annotations

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
from simasn.law.parameters.yaml_files import PARAMETERS_DIR, load_directory

__all__ = [
    "PARAMETERS_DIR",
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
    "default_store",
    "load_directory",
]
