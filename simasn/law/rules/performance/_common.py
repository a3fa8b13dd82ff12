"""Shared look-ups of the performance family: rating labels, the matrix, citations."""

from __future__ import annotations

from typing import Any

from simasn.law.enums import ExpectationRating, OrganisationRating, PerformanceRating
from simasn.law.rules._support import UU_20_2023, Lookup, law_in_force, pasal

EXPECTATION_ID = {
    ExpectationRating.DI_BAWAH_EKSPEKTASI: "di bawah ekspektasi",
    ExpectationRating.SESUAI_EKSPEKTASI: "sesuai ekspektasi",
    ExpectationRating.DI_ATAS_EKSPEKTASI: "di atas ekspektasi",
}
EXPECTATION_EN = {
    ExpectationRating.DI_BAWAH_EKSPEKTASI: "below expectations",
    ExpectationRating.SESUAI_EKSPEKTASI: "as expected",
    ExpectationRating.DI_ATAS_EKSPEKTASI: "above expectations",
}


def labels(lookup: Lookup, name: str = "performance.employee_ratings") -> dict[str, dict[str, Any]]:
    """``{code: {"label_id", "label_en"}}`` of the employee (or organisation) ratings."""
    return {entry["code"]: entry for entry in lookup.value(name)}


def label_id(table: dict[str, dict[str, Any]], code: str) -> str:
    return str(table[code]["label_id"])


def label_en(table: dict[str, dict[str, Any]], code: str) -> str:
    return str(table[code]["label_en"])


def matrix_cell(
    lookup: Lookup, work_result: ExpectationRating, behaviour: ExpectationRating
) -> PerformanceRating:
    """The predikat of one cell of ``performance.rating_matrix``."""
    row = lookup.value("performance.rating_matrix", work_result)
    return PerformanceRating(row[behaviour.value])


def orientation_citations(lookup: Lookup) -> list[str]:
    """UU 20/2023 Pasal 42 huruf a (results and behaviour), when that law is in force."""
    return [pasal(42, None, "a")] if law_in_force(lookup) == UU_20_2023 else []


def organisation_label(lookup: Lookup, rating: OrganisationRating, language: str) -> str:
    table = labels(lookup, "performance.organisation_ratings")
    return label_id(table, rating.value) if language == "id" else label_en(table, rating.value)
