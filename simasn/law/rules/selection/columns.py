"""The selection rules for a whole selection at once (millions of applicants).

The same law as the single-case rules (``selection.skd_pass``, ``selection.skb_participants``,
``selection.final_ranking``), read once from the same parameters, applied to columns: numpy
arrays, pyarrow arrays or plain lists of equal length, one row per applicant. Every result
is row-aligned with the input. Sorting is one ``numpy.lexsort`` per call (no Python loop per
applicant or per formasi); a test proves the answers equal the single-case rules' on
generated selections, exact-threshold boundaries and ties included.

Formasi are given as a table: ``formasi_ids`` (integers, unique) with ``formasi_seats`` and,
for the final ranking, the SKB weights the vacancy announcement states per formasi.
``on`` is a date inside the selection's fiscal year, as for the single-case rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from simasn.law.enums import FormasiType, SkbComponent, SkdSubtest, TieBreak
from simasn.law.rules._support import Lookup
from simasn.law.rules.selection._law import SKB_SCALE, SelectionLaw, selection_law

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

#: review_reason codes of :class:`FinalRanking`
REASON_NONE, REASON_TIED, REASON_EDUCATION = 0, 1, 2


def _values(column: Any) -> np.ndarray:
    if hasattr(column, "to_numpy") and not isinstance(column, np.ndarray):
        try:
            return np.asarray(column.to_numpy(zero_copy_only=False))
        except TypeError:  # pandas-like objects take no zero_copy_only
            return np.asarray(column.to_numpy())
    return np.asarray(column)


def _ints(column: Any, name: str) -> IntArray:
    values = _values(column)
    if values.dtype.kind not in "iu":
        raise ValueError(f"{name} must hold integers")
    return values.astype(np.int64, copy=False)


def _codes(column: Any, names: list[str]) -> IntArray:
    """Position of each value in ``names`` (-1 when absent), without a Python loop per row."""
    # Imported on first use: pyarrow takes ~0.25 s to import, paid only by column-wise (bulk) checks.
    import pyarrow as pa
    import pyarrow.compute as pc

    array = column if isinstance(column, pa.Array | pa.ChunkedArray) else pa.array(_values(column).astype(str))
    found = pc.index_in(array, value_set=pa.array(names, type=pa.string()))
    return np.asarray(pc.fill_null(found, -1).to_numpy(zero_copy_only=False), dtype=np.int64)


def _formasi_index(formasi_id: Any, formasi_ids: Any) -> tuple[IntArray, IntArray]:
    """(row -> position in the sorted formasi table, the sort order of the table)."""
    ids = _ints(formasi_ids, "formasi_ids")
    order = np.argsort(ids, kind="stable")
    sorted_ids = ids[order]
    if sorted_ids.size and np.any(sorted_ids[1:] == sorted_ids[:-1]):
        raise ValueError("formasi_ids must be unique")
    rows = _ints(formasi_id, "formasi_id")
    where = np.searchsorted(sorted_ids, rows)
    where = np.minimum(where, max(sorted_ids.size - 1, 0))
    if rows.size and (sorted_ids.size == 0 or np.any(sorted_ids[where] != rows)):
        missing = int(np.count_nonzero(sorted_ids[where] != rows)) if sorted_ids.size else rows.size
        raise ValueError(f"{missing} applicant rows name a formasi_id missing from formasi_ids")
    return where.astype(np.int64), order.astype(np.int64)


def _runs(sorted_keys: list[np.ndarray]) -> BoolArray:
    """True where a row starts a new run of equal keys (the keys already sorted)."""
    n = sorted_keys[0].size
    start = np.zeros(n, dtype=bool)
    if n:
        start[0] = True
    for key in sorted_keys:
        start[1:] |= key[1:] != key[:-1]
    return start


def _run_first(starts: BoolArray) -> IntArray:
    """For each sorted row, the index of the first row of its run."""
    index = np.where(starts, np.arange(starts.size), 0)
    return np.maximum.accumulate(index) if starts.size else index.astype(np.int64)


# ------------------------------------------------------------------------------ SKD pass


@dataclass(frozen=True)
class SkdPass:
    passed: BoolArray  # meets the passing grade of its formasi type
    total: IntArray  # TWK + TIU + TKP
    unknown_type: BoolArray  # the year's decree sets no grade for the row's formasi type
    invalid: BoolArray  # a score below 0 or above its sub-test's maximum


def _skd(law: SelectionLaw, formasi_type: Any, twk: IntArray, tiu: IntArray, tkp: IntArray) -> SkdPass:
    types = list(law.passing)
    code = _codes(formasi_type, [t.value for t in types])
    unknown = code < 0
    safe = np.where(unknown, 0, code)
    scores = {SkdSubtest.TWK: twk, SkdSubtest.TIU: tiu, SkdSubtest.TKP: tkp}
    total = twk + tiu + tkp
    invalid = np.zeros(total.size, dtype=bool)
    for subtest, values in scores.items():
        invalid |= (values < 0) | (values > law.subtest_max[subtest])
    passed = ~unknown & ~invalid
    for subtest, values in scores.items():
        minimum = np.array([law.passing[t].minimum(subtest) or -1 for t in types], dtype=np.int64)
        passed &= values >= minimum[safe]
    totals = np.array([law.passing[t].total or -1 for t in types], dtype=np.int64)
    passed &= total >= totals[safe]
    return SkdPass(passed=passed, total=total, unknown_type=unknown, invalid=invalid)


def skd_pass_columns(*, formasi_type: Any, twk: Any, tiu: Any, tkp: Any, on: dt.date) -> SkdPass:
    """Who meets the SKD passing grade of their formasi type (``selection.skd_pass``).

    ``formasi_type``: FormasiType values (strings); ``twk``, ``tiu``, ``tkp``: integers.
    Raises ParameterGapError when no decree is kept for ``on``'s fiscal year.
    """
    law = selection_law(Lookup(on))
    return _skd(law, formasi_type, _ints(twk, "twk"), _ints(tiu, "tiu"), _ints(tkp, "tkp"))


# -------------------------------------------------------------------- SKB participants


@dataclass(frozen=True)
class SkbParticipants:
    passed_skd: BoolArray
    proceeds: BoolArray  # takes part in the SKB
    rank: IntArray  # competition rank among those who passed in the formasi (0: did not pass)
    beyond_quota_tie: BoolArray  # proceeds only by being equal on every score with the last place
    total: IntArray
    unknown_type: BoolArray
    invalid: BoolArray


def skb_participants_columns(
    *,
    formasi_id: Any,
    formasi_type: Any,
    twk: Any,
    tiu: Any,
    tkp: Any,
    formasi_ids: Any,
    formasi_seats: Any,
    on: dt.date,
) -> SkbParticipants:
    """Who proceeds to the SKB in every formasi at once (``selection.skb_participants``).

    Those who passed are ranked per formasi by SKD total, then the cut-off sub-tests (TKP,
    TIU, TWK); ranks 1 ... ratio x seats proceed, and everyone equal on all of them with
    the last place proceeds too. Raises ValueError for a formasi_id missing from the table.
    """
    law = selection_law(Lookup(on))
    if not law.cutoff_all_tied_proceed:
        raise ValueError("the cut-off rule in force is not modelled column-wise; use the rule")
    twk_, tiu_, tkp_ = _ints(twk, "twk"), _ints(tiu, "tiu"), _ints(tkp, "tkp")
    skd = _skd(law, formasi_type, twk_, tiu_, tkp_)
    row_formasi, table_order = _formasi_index(formasi_id, formasi_ids)
    seats = _ints(formasi_seats, "formasi_seats")[table_order]
    chosen = np.flatnonzero(skd.passed)
    scores = {SkdSubtest.TWK: twk_, SkdSubtest.TIU: tiu_, SkdSubtest.TKP: tkp_}
    f = row_formasi[chosen]
    keys = [skd.total[chosen], *(scores[s][chosen] for s in law.cutoff_order)]
    order = np.lexsort([*(-k for k in reversed(keys)), f])
    f_sorted = f[order]
    keys_sorted = [k[order] for k in keys]
    group_start = _runs([f_sorted])
    position = np.arange(order.size) - _run_first(group_start)
    run_first = _run_first(_runs([f_sorted, *keys_sorted]))
    rank_sorted = position[run_first] + 1
    quota = law.skb_ratio * seats[f_sorted]
    proceeds_sorted = rank_sorted <= quota
    rows = chosen[order]
    n = skd.total.size
    proceeds, beyond = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    rank = np.zeros(n, dtype=np.int64)
    proceeds[rows] = proceeds_sorted
    beyond[rows] = proceeds_sorted & (position >= quota)
    rank[rows] = rank_sorted
    return SkbParticipants(passed_skd=skd.passed, proceeds=proceeds, rank=rank, beyond_quota_tie=beyond,
                           total=skd.total, unknown_type=skd.unknown_type, invalid=skd.invalid)


# ----------------------------------------------------------------------- final ranking


@dataclass(frozen=True)
class FinalRanking:
    scored: BoolArray  # has every weighted SKB score and was not eliminated: ranked
    final_numerator: IntArray  # exact final score x denominator
    denominator: int
    final_score: npt.NDArray[np.float64]  # for display; compare numerators
    rank: IntArray  # competition rank in the formasi (0: not ranked)
    selected: BoolArray
    needs_review: BoolArray  # equal with others across the last seat: the law does not decide
    review_reason: npt.NDArray[np.int8]  # REASON_TIED or REASON_EDUCATION where needs_review


_COMPONENT_COLUMNS = (SkbComponent.CAT, SkbComponent.WAWANCARA, SkbComponent.LAINNYA)


def _hundredths(column: Any, n: int) -> tuple[IntArray, BoolArray]:
    values = _values(column).astype(np.float64) if column is not None else np.full(n, np.nan)
    present = ~np.isnan(values)
    return np.rint(np.where(present, values, 0.0) * SKB_SCALE).astype(np.int64), present


def _weights(law: SelectionLaw, weights: Mapping[SkbComponent | str, Any] | None, table_order: IntArray,
             given: dict[SkbComponent, bool], formasi_count: int) -> dict[SkbComponent, IntArray]:
    if weights is None:
        if any(given[c] for c in _COMPONENT_COLUMNS if c != SkbComponent.CAT):
            raise ValueError("SKB scores besides the CAT need formasi_skb_weights (the announced weights)")
        return {SkbComponent.CAT: np.full(formasi_count, law.cat_only_weight, dtype=np.int64)}
    table = {SkbComponent(k): _ints(v, f"formasi_skb_weights[{k}]")[table_order] for k, v in weights.items()}
    total = sum(table.values(), np.zeros(formasi_count, dtype=np.int64))
    if np.any(total != 100):
        raise ValueError("each formasi's SKB weights must add up to 100")
    return table


def final_ranking_columns(
    *,
    formasi_id: Any,
    twk: Any,
    tiu: Any,
    tkp: Any,
    skb_cat: Any,
    birth_date: Any,
    formasi_ids: Any,
    formasi_seats: Any,
    on: dt.date,
    skb_wawancara: Any = None,
    skb_lainnya: Any = None,
    ipk: Any = None,
    ijazah_average: Any = None,
    eliminated: Any = None,
    formasi_skb_weights: Mapping[SkbComponent | str, Any] | None = None,
) -> FinalRanking:
    """Final scores, ranks and who is selected in every formasi (``selection.final_ranking``).

    SKB scores are on a 0-100 scale with at most 2 decimals, NaN where absent; a row is ranked
    when it has every component its formasi weights (> 0) and is not ``eliminated``.
    ``formasi_skb_weights`` maps SkbComponent values to integer percentages aligned with
    ``formasi_ids`` (None: the CAT alone, in full). ``ipk`` (0-4) and ``ijazah_average``
    (0-100): NaN where absent. ``birth_date``: dates (numpy datetime64, pyarrow date32 or
    date objects). Ties after every criterion across the last seat, or with IPK and
    certificate averages that cannot be compared, are ``needs_review``, never decided.
    """
    law = selection_law(Lookup(on))
    twk_, tiu_, tkp_ = _ints(twk, "twk"), _ints(tiu, "tiu"), _ints(tkp, "tkp")
    n = twk_.size
    row_formasi, table_order = _formasi_index(formasi_id, formasi_ids)
    seats = _ints(formasi_seats, "formasi_seats")[table_order]
    columns = {SkbComponent.CAT: skb_cat, SkbComponent.WAWANCARA: skb_wawancara,
               SkbComponent.LAINNYA: skb_lainnya}
    given = {c: columns[c] is not None for c in _COMPONENT_COLUMNS}
    weights = _weights(law, formasi_skb_weights, table_order, given, seats.size)
    weighted = np.zeros(n, dtype=np.int64)
    scored = np.ones(n, dtype=bool)
    for component, table in weights.items():
        values, present = _hundredths(columns.get(component), n)
        w = table[row_formasi]
        weighted += w * values
        scored &= present | (w == 0)
    if eliminated is not None:
        scored &= ~_values(eliminated).astype(bool)
    total = twk_ + tiu_ + tkp_
    numerator = np.asarray(law.final_numerator(total, weighted), dtype=np.int64)  # type: ignore[arg-type]

    born = _values(birth_date).astype("datetime64[D]").astype(np.int64)
    ipk_h, has_ipk = _hundredths(ipk, n)
    ijazah_h, has_ijazah = _hundredths(ijazah_average, n)
    scale = np.where(has_ipk & ~has_ijazah, 1, np.where(has_ijazah & ~has_ipk, 2, 0)).astype(np.int64)
    education = np.where(scale == 1, ipk_h, np.where(scale == 2, ijazah_h, 0))
    by_criterion = {TieBreak.SKD_TOTAL: total, TieBreak.TKP: tkp_, TieBreak.TIU: tiu_, TieBreak.TWK: twk_,
                    TieBreak.IPK_ATAU_NILAI_IJAZAH: education, TieBreak.USIA_TERTINGGI: -born}

    chosen = np.flatnonzero(scored)
    f = row_formasi[chosen]
    keys = [numerator[chosen], *(by_criterion[c][chosen] for c in law.final_order)]
    order = np.lexsort([*(-k for k in reversed(keys)), f])
    f_sorted = f[order]
    keys_sorted = [k[order].copy() for k in keys]
    frozen = np.zeros(order.size, dtype=bool)
    if TieBreak.IPK_ATAU_NILAI_IJAZAH in law.final_order and order.size:
        at = 1 + law.final_order.index(TieBreak.IPK_ATAU_NILAI_IJAZAH)
        starts = np.flatnonzero(_runs([f_sorted, *keys_sorted[:at]]))
        scale_sorted = scale[chosen][order]
        low = np.minimum.reduceat(scale_sorted, starts)
        high = np.maximum.reduceat(scale_sorted, starts)
        sizes = np.diff(np.append(starts, order.size))
        stuck = (sizes > 1) & ((low != high) | (low == 0))
        frozen = np.repeat(stuck, sizes)
        for key in keys_sorted[at:]:
            key[frozen] = 0  # the criteria from here on cannot be applied to this group
    group_first = _run_first(_runs([f_sorted]))
    position = np.arange(order.size) - group_first
    run_starts = _runs([f_sorted, *keys_sorted])
    first = _run_first(run_starts)
    start_index = np.flatnonzero(run_starts)
    run_size = np.diff(np.append(start_index, order.size))
    size_sorted = np.repeat(run_size, run_size)
    rank_sorted = position[first] + 1
    last_sorted = rank_sorted + size_sorted - 1
    seats_sorted = seats[f_sorted]
    rows = chosen[order]
    rank = np.zeros(n, dtype=np.int64)
    selected, review = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    reason = np.zeros(n, dtype=np.int8)
    rank[rows] = rank_sorted
    selected[rows] = last_sorted <= seats_sorted
    undecided = (rank_sorted <= seats_sorted) & (seats_sorted < last_sorted)
    review[rows] = undecided
    reason[rows] = np.where(undecided, np.where(frozen, REASON_EDUCATION, REASON_TIED), REASON_NONE)
    return FinalRanking(
        scored=scored, final_numerator=numerator, denominator=law.score_denominator,
        final_score=numerator / law.score_denominator, rank=rank, selected=selected,
        needs_review=review, review_reason=reason,
    )


def formasi_type_values(on: dt.date) -> list[FormasiType]:
    """The formasi types the decree for ``on``'s fiscal year knows (for import checks)."""
    return list(selection_law(Lookup(on)).passing)
