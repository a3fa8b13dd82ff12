"""Repository-wide pytest configuration."""

from __future__ import annotations

from typing import Any

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Let the test database be flushed despite the append-only audit triggers.

    Transactional tests (live server, real concurrency) end with Django's `flush`, a
    bulk DELETE/TRUNCATE that the triggers rightly refuse. Only around that flush the
    triggers are lifted and put straight back; every test body runs with them on.
    """
    from django.db.backends.base.operations import BaseDatabaseOperations

    original = BaseDatabaseOperations.execute_sql_flush

    def execute_sql_flush(self: Any, sql_list: list[str]) -> None:
        from simasn.core import audit_triggers

        audit_triggers.uninstall(self.connection)
        try:
            original(self, sql_list)
        finally:
            audit_triggers.install(self.connection)

    BaseDatabaseOperations.execute_sql_flush = execute_sql_flush  # type: ignore[method-assign]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked `long` go first (the sort is stable: the rest keep their order).

    pytest-xdist hands tests out in this order: a minute-long test started last would leave
    one worker running it alone while the other has finished; started first, the short tests
    fill the other worker meanwhile.
    """
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture(autouse=True)
def _files_under_tmp_path(settings: Any, tmp_path: Any) -> None:
    """Each test's stored files live under its own tmp_path: both storages (they follow
    MEDIA_ROOT, simasn/core/storage.py) and the demo signing keys. Parallel workers and
    tests never read each other's files, and the checkout's var/ is never written."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SIMASN_PKI_DIR = tmp_path / "pki"


pytest_plugins = ["simasn.testing.browser", "simasn.testing.storage"]
