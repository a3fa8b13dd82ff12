"""schemathesis against the live test server: no 5xx and no response outside the schema.

Every operation of /api/v1/openapi.json is called with generated input (a fixed seed,
`SIMASN_FUZZ_EXAMPLES` examples per operation, default 12), once with an operator's
token and once with an administrator's. A server error or a response that does not match
the documented schema fails the test (issue 10 item 4). It runs in one xdist worker (it
owns a live server) and prints how many requests it sent.

A deeper run, e.g. before a release: `SIMASN_FUZZ_EXAMPLES=200 .venv/bin/pytest
simasn/web/tests/test_api_fuzz.py -n 0 -s`.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import (
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import content_type_conformance

from simasn.accounts.roles import Role
from simasn.accounts.services import api_token_create
from simasn.core.interfaces import Interface
from simasn.testing.factories import EmployeeFactory, InstansiFactory, UnitFactory, user_with_role

EXAMPLES = int(os.environ.get("SIMASN_FUZZ_EXAMPLES", "12"))
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]
#: Input outside the schema must be refused (4xx) in the documented shape, never a 5xx.
NEGATIVE_CHECKS = CHECKS
SENT: Counter[str] = Counter()

pytestmark = [pytest.mark.long, pytest.mark.xdist_group("api-fuzz"), pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _quiet_request_log() -> Iterator[None]:
    """Thousands of refused requests would each log a warning."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


@pytest.fixture
def tokens(live_server: Any) -> dict[str, str]:
    instansi = InstansiFactory()
    UnitFactory(instansi=instansi)
    EmployeeFactory(instansi=instansi)
    raw = {}
    for role, kwargs in ((Role.OPERATOR, {"instansi": instansi}), (Role.ADMIN, {})):
        user = user_with_role(role, **kwargs)
        raw[str(role)] = api_token_create(actor=user, interface=Interface.WEB, name="fuzz")[1]
    return raw


def _fuzz(operation: Any, mode: GenerationMode, base_url: str, tokens: dict[str, str]) -> None:
    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: Any) -> None:
        for role, raw in tokens.items():
            response = case.call(base_url=base_url, headers={"Authorization": f"Bearer {raw}"}, timeout=30)
            SENT[role] += 1
            checks = CHECKS if mode == GenerationMode.POSITIVE else NEGATIVE_CHECKS
            case.validate_response(response, checks=checks)

    run()


def test_every_operation_answers_within_its_schema(live_server: Any, tokens: dict[str, str]) -> None:
    # The schema of every router is built on the first request: allow for a loaded machine.
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json", timeout=120)
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                _fuzz(operation, mode, live_server.url, tokens)
            except Unsatisfiable:  # nothing in this operation can be made invalid (no parameters)
                continue
            except (Exception, BaseExceptionGroup) as failure:  # one operation's failure must not hide the others'
                failures.append(f"{operation.label} [{mode.value}]: {failure}")
    requests = SENT["OPERATOR"] + SENT["ADMIN"]
    print(f"\napi fuzz: {requests} requests, {operations} operations, {EXAMPLES} examples per "
          f"operation and mode, {len(failures)} failing")
    assert operations >= 40
    assert not failures, "\n\n".join(failures)
