"""The selection law for one selection, read once: the year's formasi types, SKD structure
and passing grades (the yearly KepmenPANRB), and the procurement regulation's SKB quota,
cut-off tie-break, score integration, final tie-break and sanggah periods (PermenPANRB
27/2021, then 6/2024).

The single-case rules and the column-wise functions both build their answer from a
:class:`SelectionLaw`, so they always apply the same numbers. ``on`` is a date inside the
selection's fiscal year (its opening date): each year's decree applies to that year's
procurement only, and a year without one kept here raises ParameterGapError.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from simasn.law.decision import Decision, FactError, FactsError
from simasn.law.enums import FormasiType, SkbComponent, SkdSubtest, TieBreak
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup, gap_review

FORMASI_TYPES = "selection.formasi_types"
STRUCTURE = "selection.skd_structure"
PASSING = "selection.skd_passing_grades"
RATIO = "selection.skb_participant_ratio"
CUTOFF = "selection.skb_cutoff_tiebreak"
INTEGRATION = "selection.integration_weights"
SKB_WEIGHTS = "selection.skb_weights_source"
FINAL_ORDER = "selection.final_tiebreak"
SANGGAH = "selection.sanggah"
APPLICATIONS = "selection.applications_per_period"

#: the SKB score is kept to 2 decimals on a 0-100 scale; the final score is exact.
SKB_SCALE = 100  # hundredths


@dataclass(frozen=True)
class PassingGrade:
    """Lowest passing scores of one formasi type; None where the decree sets none."""

    twk: int | None
    tiu: int | None
    tkp: int | None
    total: int | None
    citation: str

    def minimum(self, subtest: SkdSubtest) -> int | None:
        value: int | None = getattr(self, subtest.value.lower())
        return value

    def to_dict(self) -> dict[str, int | None]:
        return {"twk": self.twk, "tiu": self.tiu, "tkp": self.tkp, "total": self.total}


@dataclass(frozen=True)
class SelectionLaw:
    on: dt.date
    formasi_labels: dict[FormasiType, tuple[str, str]]
    subtest_max: dict[SkdSubtest, int]
    skd_max: int
    passing: dict[FormasiType, PassingGrade]
    skb_ratio: int
    cutoff_order: tuple[SkdSubtest, ...]
    cutoff_all_tied_proceed: bool
    weight_skd: int
    weight_skb: int
    cat_only_weight: int
    final_order: tuple[TieBreak, ...]
    cite: dict[str, str] = field(default_factory=dict)
    records: list[dict[str, Any]] = field(default_factory=list)

    @property
    def score_denominator(self) -> int:
        """Final scores are integers over this: skd_max x 100 x SKB_SCALE x 100."""
        return self.skd_max * 100 * SKB_SCALE * 100

    def final_numerator(self, skd_total: int, skb_hundredths_weighted: int) -> int:
        """The exact final score x :attr:`score_denominator`.

        ``skb_hundredths_weighted`` is sum(weight% x component score in hundredths), i.e. the
        SKB score x 100 x SKB_SCALE. final = W_skd% x skd/skd_max x 100 + W_skb% x skb.
        """
        return (
            self.weight_skd * skd_total * 100 * SKB_SCALE * 100
            + self.weight_skb * skb_hundredths_weighted * self.skd_max
        )

    def skb_weights(self, announced: dict[SkbComponent, int] | None,
                    present: set[SkbComponent]) -> dict[SkbComponent, int] | None:
        """The weights (percent) of the SKB components, or None when the law leaves them open.

        Announced weights (the vacancy announcement, PermenPANRB 6/2024 Pasal 22 ayat (1))
        are used as given; without them an SKB of the CAT alone counts the CAT in full.
        """
        if announced:
            return dict(announced)
        if present <= {SkbComponent.CAT}:
            return {SkbComponent.CAT: self.cat_only_weight}
        return None


def selection_law(lookup: Lookup) -> SelectionLaw:
    """Read the selection law in force on ``lookup.on``; raises ParameterGapError."""
    labels = {
        FormasiType(item["code"]): (str(item["label_id"]), str(item["label_en"]))
        for item in lookup.value(FORMASI_TYPES)
    }
    structure = lookup.value(STRUCTURE)
    grades = lookup.value(PASSING)
    passing = {
        FormasiType(code): PassingGrade(
            twk=grade.get("twk"),
            tiu=grade.get("tiu"),
            tkp=grade.get("tkp"),
            total=grade.get("total"),
            citation=lookup.cite(PASSING, code),
        )
        for code, grade in grades.items()
    }
    cutoff = lookup.value(CUTOFF)
    integration = lookup.value(INTEGRATION)
    weights = lookup.value(SKB_WEIGHTS)
    return SelectionLaw(
        on=lookup.on,
        formasi_labels=labels,
        subtest_max={SkdSubtest(k): int(v["max"]) for k, v in structure["subtests"].items()},
        skd_max=int(structure["total_max"]),
        passing=passing,
        skb_ratio=int(lookup.value(RATIO)),
        cutoff_order=tuple(SkdSubtest(item) for item in cutoff["order"]),
        cutoff_all_tied_proceed=cutoff["still_tied"] == "ALL_PROCEED",
        weight_skd=int(integration["SKD"]),
        weight_skb=int(integration["SKB"]),
        cat_only_weight=int(weights["cat_only_weight"]),
        final_order=tuple(TieBreak(item) for item in lookup.value(FINAL_ORDER)),
        cite={
            name: lookup.cite(name)
            for name in (FORMASI_TYPES, STRUCTURE, RATIO, CUTOFF, INTEGRATION, SKB_WEIGHTS,
                         FINAL_ORDER)
        },
        records=lookup.records,
    )


def law_for(rule: str, on: dt.date, *scores: tuple[str, Mapping[str, Any]]
            ) -> tuple[Lookup, SelectionLaw] | Decision:
    """The selection law in force on ``on``, or the "needs legal review" answer of ``rule``
    when a parameter has no value that day (a fiscal year with no decree kept).

    ``scores`` are (field prefix, SKD scores) to check against the sub-test maxima first:
    raises FactsError naming every score above its maximum.
    """
    lookup = Lookup(on)
    try:
        law = selection_law(lookup)
    except ParameterGapError as error:
        return gap_review(rule, lookup, error)
    errors = [error for where, values in scores for error in score_errors(law, values, where)]
    if errors:
        raise FactsError(rule, errors)
    return lookup, law


def score_errors(law: SelectionLaw, scores: Mapping[str, Any], where: str = "") -> list[FactError]:
    """A FactError for each SKD sub-test score above its maximum (the facts forbid negatives)."""
    return [
        FactError(f"{where}{subtest.value.lower()}",
                  f"must be at most {law.subtest_max[subtest]} (the {subtest.value} maximum)")
        for subtest in SkdSubtest
        if int(scores[subtest.value.lower()]) > law.subtest_max[subtest]
    ]
