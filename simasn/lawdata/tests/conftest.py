from __future__ import annotations

from collections.abc import Iterator

import pytest

from simasn.lawdata import overrides


@pytest.fixture(autouse=True)
def _fresh_override_cache() -> Iterator[None]:
    """Each test's rows are rolled back; so must be the per-process cache of them."""
    overrides.invalidate()
    yield
    overrides.invalidate()
