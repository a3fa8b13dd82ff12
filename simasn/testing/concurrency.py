"""Tests that need real concurrent connections (PostgreSQL): the guard that skips them on
SQLite (or fails when CI asks for PostgreSQL), and a race of calls started at one moment."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence

import pytest
from django.db import connection, connections


def require_postgres() -> None:
    if connection.vendor != "postgresql":
        if os.environ.get("SIMASN_REQUIRE_POSTGRES") == "1":
            pytest.fail("SIMASN_REQUIRE_POSTGRES=1 but the database is not PostgreSQL")
        pytest.skip("needs PostgreSQL: real concurrent connections (set DATABASE_URL=postgres://...)")


def race(calls: Sequence[Callable[[], object]]) -> list[object]:
    """Run the calls in threads released together; each result, or the exception it raised."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results
