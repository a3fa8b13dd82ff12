"""Lists the discipline and code-of-ethics screens build their choices from.

Everything comes from the dated parameters (``discipline.breaches``,
``discipline.penalties``, ``ethics.*``), each item with its citation. Code-of-ethics
cases are listed apart: they are heard by the majelis kode etik and answered with
moral sanctions, not disciplinary penalties.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.law import parameters
from simasn.law.enums import DisciplineBreach, DisciplinePenalty


def discipline_breaches(*, on: dt.date) -> list[dict[str, Any]]:
    """PP 94/2021 Pasal 3-5 in order: code, kind (KEWAJIBAN/LARANGAN), labels, citation."""
    version = parameters.version("discipline.breaches", on)
    return [
        {"code": member.value, **version.value[member.value],
         "citation": version.reference_for(member).cite()}
        for member in DisciplineBreach
        if member.value in version.value
    ]


def discipline_penalties(*, on: dt.date, transitional: bool = True) -> list[dict[str, Any]]:
    """PP 94/2021 Pasal 8: code, level, months, labels, citation; ``transitional`` keeps
    the medium penalties of the transitional provision (marked ``transitional: True``)."""
    version = parameters.version("discipline.penalties", on)
    rows = []
    for member in DisciplinePenalty:
        item = version.value.get(member.value)
        if item is None or (item.get("transitional") and not transitional):
            continue
        rows.append({"code": member.value, "transitional": False, **item,
                     "citation": version.reference_for(member).cite()})
    return sorted(rows, key=lambda r: (r["order"], r["transitional"]))


def code_of_ethics(*, on: dt.date) -> dict[str, Any]:
    """UU 20/2023 Pasal 4 ayat (2) (the code, value by value), the majelis kode etik
    (Pasal 62 ayat (3) huruf c) and the moral sanctions (PP 42/2004)."""
    code = parameters.version("ethics.code_of_conduct", on)
    council = parameters.version("ethics.council", on)
    sanctions = parameters.version("ethics.moral_sanctions", on)
    return {
        "values": code.value,
        "values_citation": code.reference.cite(),
        "council": council.value,
        "council_citation": council.reference.cite(),
        "moral_sanctions": sanctions.value,
        "moral_sanctions_citation": sanctions.reference.cite(),
    }
