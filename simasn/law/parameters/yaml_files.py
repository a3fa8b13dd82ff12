"""Reading the baseline: every ``*.yaml`` under the parameters directory, laid out like the
legal hierarchy, merged by parameter name and checked (shapes, keys, no overlapping
versions)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from simasn.law.parameters.errors import ParameterFileError, ParameterOverlapError
from simasn.law.parameters.schema import FileIn
from simasn.law.parameters.values import Parameter, Version, check_keys, version_from

PARAMETERS_DIR = Path(__file__).resolve().parent


def load_directory(directory: Path) -> dict[str, Parameter]:
    """Read every ``*.yaml`` under ``directory`` into parameters, validating them."""
    collected: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.rglob("*.yaml")):
        source = path.relative_to(directory).as_posix()
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            parsed = FileIn.model_validate(raw)
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
            for label in ("label_id", "label_en", "description_id"):
                if entry.get(label) is None:
                    entry[label] = getattr(item, label)
            if entry["keyed_by"] != item.keyed_by or entry["unit"] != item.unit:
                raise ParameterFileError(
                    f"{source}: parameter {item.name!r} declares keyed_by/unit differently "
                    "from another file"
                )
            entry["versions"].extend(
                version_from(version, item.name, source, is_override=False)
                for version in item.values
            )
    parameters: dict[str, Parameter] = {}
    for name, entry in collected.items():
        versions = sorted(entry["versions"], key=lambda v: v.start)
        check_no_overlap(name, versions)
        parameter = Parameter(
            name=name,
            description=entry["description"],
            keyed_by=entry["keyed_by"],
            unit=entry["unit"],
            baseline=tuple(versions),
            label_id=entry["label_id"],
            label_en=entry["label_en"],
            description_id=entry["description_id"],
        )
        for version in versions:
            check_keys(parameter, version)
        parameters[name] = parameter
    return parameters


def check_no_overlap(name: str, versions: list[Version]) -> None:
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
