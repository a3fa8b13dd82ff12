"""What the discipline rules share: the regulation's citation helpers and the date gate."""

from __future__ import annotations

from typing import Any

from simasn.law.decision import Decision
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup, pasal, review

PP_94_2021 = "PP 94/2021"


def pp94(
    article: str | int,
    ayat: str | int | None = None,
    huruf: str | None = None,
    angka: str | int | None = None,
) -> str:
    """``pp94(8, 3, "a")`` → ``"PP 94/2021 Pasal 8 ayat (3) huruf a"``."""
    return pasal(article, ayat, huruf, angka, regulation=PP_94_2021)


def row_citation(row: dict[str, Any]) -> str:
    """The citation of a table row that carries article/ayat/huruf/angka fields."""
    if not row.get("article"):
        return PP_94_2021
    return pp94(row["article"], row.get("ayat"), row.get("huruf"), row.get("angka"))


def require_pp_94_2021(rule: str, lookup: Lookup) -> Decision | None:
    """A review decision for dates before PP 94/2021 took effect (PP 53/2010 is not modelled)."""
    try:
        lookup.value("discipline.regulation")
    except ParameterGapError:
        return review(
            rule,
            lookup.on,
            f"PNS discipline is modelled on PP 94/2021, in force from 31 August 2021; on "
            f"{lookup.on.isoformat()} PP 53/2010 applied, which is not modelled.",
            f"disiplin PNS dimodelkan menurut PP 94/2021 yang berlaku sejak 31 Agustus 2021; "
            f"pada {lookup.on.isoformat()} yang berlaku PP 53/2010, yang tidak dimodelkan.",
            lookup=lookup,
        )
    return None


LEVEL_LABELS = {
    "RINGAN": ("ringan", "light"),
    "SEDANG": ("sedang", "medium"),
    "BERAT": ("berat", "heavy"),
}
