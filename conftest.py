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


pytest_plugins = ["simasn.testing.browser"]
