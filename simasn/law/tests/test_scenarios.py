"""Every bundled scenario is a test case."""

from __future__ import annotations

import pytest

from simasn.law.scenario_runner import SCENARIOS_DIR, Scenario, load_scenarios, run_scenario

SCENARIOS = load_scenarios([SCENARIOS_DIR])


def test_there_are_scenarios_for_every_rule() -> None:
    from simasn.law import RULES

    covered = {scenario.rule for scenario in SCENARIOS}
    assert covered == set(RULES)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id.split("/")[-1] for s in SCENARIOS])
def test_scenario(scenario: Scenario) -> None:
    result = run_scenario(scenario)
    assert result.passed, "\n".join(result.failures)


def test_every_decision_cites_something() -> None:
    for scenario in SCENARIOS:
        result = run_scenario(scenario)
        if result.decision is not None and not result.decision.needs_legal_review:
            assert result.decision.citations, scenario.id


def test_every_article_a_rule_cites_has_a_scenario_naming_it() -> None:
    """Each citation a decision produces is named, exactly, by a scenario of that rule."""
    named = {(scenario.rule, cite) for scenario in SCENARIOS for cite in scenario.cites}
    produced = set()
    for scenario in SCENARIOS:
        decision = run_scenario(scenario).decision
        if decision is not None:
            produced |= {(scenario.rule, citation) for citation in decision.citations}
    assert sorted(produced - named) == []
