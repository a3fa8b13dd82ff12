"""The law package's tests check the YAML baseline: no database override applies."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from simasn.law.parameters import default_store


@pytest.fixture(autouse=True)
def _yaml_baseline_only() -> Iterator[None]:
    with default_store().baseline_only():
        yield
