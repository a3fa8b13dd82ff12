"""The `simasn law` command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

from simasn.law.cli import main


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_test_runs_the_bundled_scenarios() -> None:
    code, out, _ = _run("test")
    assert code == 0
    assert out.strip().splitlines()[-1].endswith(" passed, 0 failed")


def test_test_prints_expected_and_actual_and_fails(tmp_path: Path) -> None:
    case = tmp_path / "bad.yaml"
    case.write_text(
        "- name: wrong date\n  rule: retirement\n  on: 2025-01-01\n"
        "  facts: {employee_type: PNS, position_kind: PELAKSANA, birth_date: 1967-05-31}\n"
        "  expect: {retirement_date: 2025-07-01, retirement_age: 58}\n"
        "  cites: ['UU 20/2023 Pasal 56']\n"
        "- name: right\n  rule: retirement\n  on: 2025-01-01\n"
        "  facts: {employee_type: PNS, position_kind: PELAKSANA, birth_date: 1967-05-31}\n"
        "  expect: {retirement_date: 2025-06-01}\n",
        encoding="utf-8",
    )
    code, out, _ = _run("test", str(tmp_path))
    assert code == 1
    assert "retirement_date: expected '2025-07-01', actual '2025-06-01'" in out
    assert "UU 20/2023 Pasal 56" in out
    assert out.strip().splitlines()[-1] == "1 passed, 1 failed"


def test_test_reports_a_missing_path() -> None:
    code, out, _ = _run("test", "/no/such/folder")
    assert code == 2
    assert "no such file" in out


def test_evaluate_prints_the_decision_as_json() -> None:
    code, out, _ = _run(
        "evaluate",
        "authority",
        "--on",
        "2025-01-01",
        "--facts",
        '{"action": "APPOINT", "position_kind": "JPT_MADYA"}',
    )
    assert code == 0
    decision = json.loads(out)
    assert decision["outcome"]["decider"] == "PRESIDEN"
    assert "UU 20/2023 Pasal 30 ayat (4) huruf b" in decision["citations"]


def test_evaluate_reports_bad_facts() -> None:
    code, _, err = _run(
        "evaluate", "retirement", "--on", "2025-01-01", "--facts", '{"employee_type": "PNX"}'
    )
    assert code == 2
    error = json.loads(err)
    fields = {e["field"] for e in error["errors"]}
    assert {"employee_type", "position_kind", "birth_date"} <= fields


def test_evaluate_reports_unknown_rule_and_bad_json() -> None:
    assert _run("evaluate", "nope", "--on", "2025-01-01", "--facts", "{}")[0] == 2
    assert _run("evaluate", "nip", "--on", "2025-01-01", "--facts", "{bad")[0] == 2
    assert _run("evaluate", "nip", "--on", "01/01/2025", "--facts", "{}")[0] == 2


def test_show_prints_history_with_references() -> None:
    code, out, _ = _run("show", "bup.position_kind")
    assert code == 0
    assert "from 2014-01-15 until 2023-10-30" in out
    assert "UU 5/2014 Pasal 90" in out
    assert "from 2023-10-31 until (in force)" in out
    assert "UU 20/2023 Pasal 55 huruf a angka 1" in out


def test_show_on_a_date_prints_the_version_in_force() -> None:
    code, out, _ = _run("show", "workplan.participants", "--on", "2024-01-01")
    assert code == 0
    assert "KASN" in out and "from 2023-07-18" in out
    code, out, _ = _run("show", "workplan.participants", "--on", "2025-01-01")
    assert "KASN" not in out.split("value:")[1]
    assert "NEEDS LEGAL REVIEW" in out


def test_show_unknown_parameter() -> None:
    code, _, err = _run("show", "nope")
    assert code == 2
    assert "unknown parameter" in err


def test_rules_and_parameters_listings() -> None:
    code, out, _ = _run("rules")
    assert code == 0 and "temporary_dismissal" in out
    code, out, _ = _run("parameters")
    assert code == 0 and "ranks.pns" in out
