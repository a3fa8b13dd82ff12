"""``simasn law ...``: run scenarios, evaluate a rule, show a parameter's history.

    simasn law test [PATH ...]                       (default: the bundled scenarios)
    simasn law evaluate RULE --on DATE --facts JSON
    simasn law show NAME [--on DATE]
    simasn law rules | simasn law parameters

Exit status: 0 on success, 1 when a scenario fails, 2 on bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any, TextIO

import yaml

from simasn.law import parameters
from simasn.law.decision import FactsError, UnknownRuleError, jsonable
from simasn.law.registry import RULES, evaluate
from simasn.law.scenario_runner import SCENARIOS_DIR, ScenarioFileError, run_paths


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="simasn law", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    test = commands.add_parser("test", help="run scenario files or folders")
    test.add_argument("paths", nargs="*", help="files or folders (default: bundled scenarios)")
    test.add_argument("-v", "--verbose", action="store_true", help="list passing cases too")
    ev = commands.add_parser("evaluate", help="evaluate one rule and print the decision")
    ev.add_argument("rule", help=f"one of: {', '.join(RULES)}")
    ev.add_argument("--on", type=_date, required=True, help="decision date YYYY-MM-DD")
    ev.add_argument("--facts", required=True, help="facts as a JSON object")
    show = commands.add_parser("show", help="print a parameter's history with references")
    show.add_argument("name")
    show.add_argument("--on", type=_date, help="only the version in force on this date")
    commands.add_parser("rules", help="list the rules")
    commands.add_parser("parameters", help="list the parameters")
    return parser


def _test(args: argparse.Namespace, out: TextIO) -> int:
    paths = args.paths or [str(SCENARIOS_DIR)]
    try:
        results = run_paths(paths)
    except ScenarioFileError as error:
        print(f"error: {error}", file=out)
        return 2
    passed = failed = 0
    for result in results:
        if result.passed:
            passed += 1
            if args.verbose:
                print(f"PASS {result.scenario.id}", file=out)
            continue
        failed += 1
        print(f"FAIL {result.scenario.id}", file=out)
        print(f"     rule {result.scenario.rule} on {result.scenario.on.isoformat()}", file=out)
        for failure in result.failures:
            print(f"     - {failure}", file=out)
    print(f"{passed} passed, {failed} failed", file=out)
    return 1 if failed else 0


def _evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        facts = json.loads(args.facts)
    except json.JSONDecodeError as error:
        print(json.dumps({"error": f"--facts is not JSON: {error}"}), file=err)
        return 2
    try:
        decision = evaluate(args.rule, facts, args.on)
    except UnknownRuleError as error:
        print(json.dumps({"error": str(error)}), file=err)
        return 2
    except FactsError as error:
        print(json.dumps({"error": "bad facts", **error.to_dict()}, ensure_ascii=False), file=err)
        return 2
    print(json.dumps(decision.to_dict(), indent=2, ensure_ascii=False), file=out)
    return 0


def _show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        meta = parameters.parameter(args.name)
        versions = (
            [parameters.version(args.name, args.on)] if args.on else parameters.history(args.name)
        )
    except parameters.ParameterError as error:
        print(f"error: {error}", file=err)
        return 2
    print(f"{meta.name} — {meta.label('id')} / {meta.label('en')}", file=out)
    print(f"  {meta.description.strip()}", file=out)
    if meta.keyed_by:
        print(f"  keyed by: {meta.keyed_by}", file=out)
    if meta.unit:
        print(f"  unit: {meta.unit}", file=out)
    for version in versions:
        until = version.end.isoformat() if version.end else "(in force)"
        origin = "override" if version.is_override else version.source
        print("", file=out)
        print(f"  from {version.start.isoformat()} until {until}  [{origin}]", file=out)
        print(f"    reference: {version.reference.cite()}", file=out)
        _reference_details(version.reference, out, "    ")
        for key, ref in version.references_by_key.items():
            print(f"    {key}: {ref.cite()}", file=out)
        verified = version.last_verified_on.isoformat() if version.last_verified_on else "never"
        print(f"    last verified on: {verified}", file=out)
        value = yaml.safe_dump(
            jsonable(version.value),
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=96,
        )
        print("    value:", file=out)
        for line in value.rstrip().splitlines():
            print(f"      {line}", file=out)
    return 0


def _reference_details(reference: parameters.Reference, out: TextIO, indent: str) -> None:
    if reference.title:
        print(f"{indent}title: {reference.title.strip()}", file=out)
    if reference.url:
        print(f"{indent}url: {reference.url}", file=out)
    if reference.note:
        print(f"{indent}note: {reference.note.strip()}", file=out)
    if reference.needs_legal_review:
        print(f"{indent}NEEDS LEGAL REVIEW", file=out)


def main(
    argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``simasn law`` with ``argv`` (the arguments after ``law``)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as stop:
        return int(stop.code or 0)
    try:
        return _run(args, out, err)
    except BrokenPipeError:  # `simasn law show ... | head`
        return 0


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "test":
        return _test(args, out)
    if args.command == "evaluate":
        return _evaluate(args, out, err)
    if args.command == "show":
        return _show(args, out, err)
    if args.command == "rules":
        for spec in RULES.values():
            print(f"{spec.name:26} {spec.title_en} — {'; '.join(spec.articles)}", file=out)
        return 0
    listing: list[Any] = parameters.names()
    for name in listing:
        print(
            f"{name:44} {parameters.parameter(name).description.strip().splitlines()[0][:70]}",
            file=out,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
