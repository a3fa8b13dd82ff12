"""Access is decided in one place: the policy table (simasn/accounts/policy/) read through
`Scope`. No app compares roles; qualified grants name rows the models know; the workflow's
parties of a personnel action come from the table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps

from simasn.accounts.policy import POLICY, QUALIFIED, Own, Reach
from simasn.accounts.roles import Role

ROOT = Path(__file__).resolve().parents[2]

#: Who may import the role enum outside accounts, and why (none of them decides access).
ROLE_IMPORTS = {
    "procurement/services/registration.py",  # sign-up gives the new account the applicant role
    "site/demo_support.py",  # demo users
}
#: Lines outside accounts that compare a role, and why they are not access decisions.
ROLE_COMPARISONS = {
    ("site/demo_support.py", "u.role == Role.PELAMAR"),  # resetting demo passwords
    ("site/demo/planning.py", "role == Role.OPERATOR"),  # a demo user's display name
}
COMPARISON = re.compile(
    r"(==|!=|\bin\b|\bnot in\b)\s*[(\[{]?\s*\bRole\.|\bRole\.\w+\s*(==|!=)"
    r"|getattr\(\w+, \"role\"|\bscope\.role\b|\.role\s*(==|!=|in\b)\s*[(\[{]?\s*(\"|Role\.)")


def _app_sources() -> list[Path]:
    skip = ("accounts", "testing", "migrations", "tests")
    return [p for p in ROOT.rglob("*.py") if not any(part in skip for part in p.relative_to(ROOT).parts)]


def test_no_app_imports_the_roles_outside_the_allow_list() -> None:
    found = set()
    for path in _app_sources():
        rel = path.relative_to(ROOT).as_posix()
        text = path.read_text()
        if "simasn.accounts.roles" in text and not rel.startswith("site/demo/"):
            found.add(rel)
    assert found <= ROLE_IMPORTS, f"role checks belong in the policy table: {sorted(found - ROLE_IMPORTS)}"


def test_no_app_compares_roles() -> None:
    offending = []
    for path in _app_sources():
        rel = path.relative_to(ROOT).as_posix()
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if COMPARISON.search(line) and not any(rel == f and s in line for f, s in ROLE_COMPARISONS):
                offending.append(f"{rel}:{number}: {line.strip()}")
    assert not offending, "add rows to simasn/accounts/policy/ instead:\n" + "\n".join(offending)


def test_every_qualified_grant_is_granted_and_known_to_a_model() -> None:
    """A qualifier is only meaningful on a grant that exists, and some model must say which
    rows it means; an INSTANSI or SELF qualifier must name the viewer's own rows."""
    known: dict[str, dict[str, object]] = {}
    for model in apps.get_models():
        for name, lookups in getattr(model, "scope_qualifiers", {}).items():
            known.setdefault(name, {}).update(lookups)
    for role, grants in QUALIFIED.items():
        for resource, qualifier in grants.items():
            levels = set(POLICY[role][resource].values())
            assert levels - {Reach.NONE}, f"{role} has no grant on {resource} to qualify"
            assert qualifier in known, f"no model knows the rows of {qualifier}"
            if max(levels) < Reach.NATIONAL:
                assert any(isinstance(v, Own) for v in known[qualifier].values()), qualifier


@pytest.mark.parametrize("role", list(Role))
def test_every_role_is_in_the_table(role: Role) -> None:
    assert role in POLICY
