"""A performance and a discipline chapter for tests: providers registered by the test
(`monkeypatch.setitem(PROVIDERS, ...)`), answering from a dict the test fills."""

from __future__ import annotations

import datetime as dt
from typing import Any

#: {(employee_id, year): predikat}
RATINGS: dict[tuple[int, int], str] = {}
DISCIPLINE: dict[int, dict[str, Any]] = {}


def ratings(*, employee_ids: list[int], year: int) -> dict[int, dict[str, Any]]:
    return {i: {"year": year, "hasil_kerja": "", "perilaku": "", "predikat": RATINGS[(i, year)]}
            for i in employee_ids if (i, year) in RATINGS}


def record(*, employee_ids: list[int], on: dt.date) -> dict[int, dict[str, Any]]:
    return {i: DISCIPLINE[i] for i in employee_ids if i in DISCIPLINE}
