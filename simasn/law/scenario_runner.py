"""Runs scenario files: readable YAML cases a legal expert can review.

A scenario file is a list of cases::

    - name: Administrator born 10 May 1967 retires on 1 June 2025
      rule: retirement
      on: 2025-01-01
      facts: {employee_type: PNS, position_kind: administrator, birth_date: 1967-05-10}
      expect: {retirement_age: 58, retirement_date: 2025-06-01}
      cites: ["UU 20/2023 Pasal 55"]

``expect`` compares only the keys it names, against the decision's outcome plus
``needs_legal_review`` and ``review_reason``. Each entry of ``cites`` must appear in
the decision's citations, either exactly or as the start of a longer citation
("UU 20/2023 Pasal 55" matches "UU 20/2023 Pasal 55 huruf a angka 2").
``expect_error: TEXT`` instead says the facts must be refused with a message
containing TEXT.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from simasn.law.decision import Decision, FactsError, jsonable
from simasn.law.registry import evaluate

SCENARIOS_DIR = Path(__file__).resolve().parent / "scenarios"

_KEYS = {"name", "rule", "on", "facts", "expect", "cites", "expect_error", "note"}


class ScenarioFileError(Exception):
    """A scenario file cannot be read or a case lacks a required key."""


@dataclass(frozen=True)
class Scenario:
    name: str
    rule: str
    on: dt.date
    facts: dict[str, Any]
    expect: dict[str, Any]
    cites: list[str]
    source: str
    expect_error: str | None = None

    @property
    def id(self) -> str:
        return f"{self.source}::{self.name}"


@dataclass
class ScenarioResult:
    scenario: Scenario
    failures: list[str] = field(default_factory=list)
    decision: Decision | None = None

    @property
    def passed(self) -> bool:
        return not self.failures


def _files(paths: Iterable[str | Path]) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.y*ml") if p.suffix in {".yaml", ".yml"}))
        elif path.is_file():
            found.append(path)
        else:
            raise ScenarioFileError(f"{path}: no such file or folder")
    return found


def load_file(path: Path) -> list[Scenario]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ScenarioFileError(f"{path}: {exc}") from exc
    if not isinstance(raw, list):
        raise ScenarioFileError(f"{path}: a scenario file is a list of cases")
    cases: list[Scenario] = []
    for index, item in enumerate(raw, start=1):
        where = f"{path}#{index}"
        if not isinstance(item, dict):
            raise ScenarioFileError(f"{where}: a case is a mapping")
        if True in item:  # YAML 1.1 reads a bare `on:` key as the boolean true
            item["on"] = item.pop(True)
        unknown = set(item) - _KEYS
        missing = {"name", "rule", "on", "facts"} - set(item)
        if unknown or missing:
            raise ScenarioFileError(
                f"{where}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}"
            )
        if "expect" not in item and "expect_error" not in item:
            raise ScenarioFileError(f"{where}: give expect or expect_error")
        on = item["on"]
        if not isinstance(on, dt.date):
            raise ScenarioFileError(f"{where}: on must be a date (YYYY-MM-DD)")
        cases.append(
            Scenario(
                name=str(item["name"]),
                rule=str(item["rule"]),
                on=on,
                facts=dict(item["facts"] or {}),
                expect=dict(item.get("expect") or {}),
                cites=[str(c) for c in item.get("cites") or []],
                source=path.as_posix(),
                expect_error=item.get("expect_error"),
            )
        )
    return cases


def load_scenarios(paths: Iterable[str | Path]) -> list[Scenario]:
    return [case for path in _files(paths) for case in load_file(path)]


def cited(wanted: str, citations: list[str]) -> bool:
    return any(c == wanted or c.startswith(wanted + " ") for c in citations)


def run_scenario(scenario: Scenario) -> ScenarioResult:
    result = ScenarioResult(scenario)
    try:
        decision = evaluate(scenario.rule, scenario.facts, scenario.on)
    except FactsError as error:
        if scenario.expect_error is None:
            result.failures.append(f"facts refused: {error}")
        elif scenario.expect_error not in str(error):
            result.failures.append(
                f"error: expected a message containing {scenario.expect_error!r}, "
                f"actual {str(error)!r}"
            )
        return result
    except Exception as error:  # a broken rule must show as a failure, not stop the run
        result.failures.append(f"error: {type(error).__name__}: {error}")
        return result
    result.decision = decision
    if scenario.expect_error is not None:
        result.failures.append(
            f"expected the facts to be refused ({scenario.expect_error!r}), but got a decision"
        )
        return result
    actual = jsonable(
        {
            **decision.outcome,
            "needs_legal_review": decision.needs_legal_review,
            "review_reason": decision.review_reason,
        }
    )
    for key, expected in scenario.expect.items():
        want = jsonable(expected)
        if key not in actual:
            result.failures.append(f"{key}: expected {want!r}, actual <missing>")
        elif actual[key] != want:
            result.failures.append(f"{key}: expected {want!r}, actual {actual[key]!r}")
    for wanted in scenario.cites:
        if not cited(wanted, decision.citations):
            result.failures.append(
                f"cites: expected {wanted!r} among the citations, actual {decision.citations!r}"
            )
    return result


def run_paths(paths: Iterable[str | Path]) -> list[ScenarioResult]:
    return [run_scenario(case) for case in load_scenarios(paths)]
