"""Facts the planning app offers other chapters (simasn.core.providers)."""

from __future__ import annotations

from typing import Any

from simasn.planning import selectors


def approved_formasi(*, fiscal_year: int, instansi_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """`planning.approved_formasi`: every formasi decided for the year (procurement opens
    vacancies only for these). Shape agreed in chapter-common.md: id, fiscal_year,
    instansi_id, position_id, employee_type, formasi_type, count, decided_on."""
    return selectors.approved_formasi(fiscal_year=fiscal_year, instansi_ids=instansi_ids)
