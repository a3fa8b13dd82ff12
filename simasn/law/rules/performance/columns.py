"""The matrix for whole columns: every employee's predikat in one pass (the annual roll-up
of the 4.3 M register). Same parameters, same date as ``performance.predikat``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from simasn.law.enums import ExpectationRating, PerformanceRating
from simasn.law.parameters import version
from simasn.law.rules._columns import codes_to_index, same_length

RATINGS = [member.value for member in ExpectationRating]
PREDIKAT = [member.value for member in PerformanceRating]


def predikat_column_function(on: dt.date) -> Callable[[Any, Any], Any]:
    """The matrix in force on ``on`` read once; the returned function only computes.

    Raises ``ParameterGapError`` when no matrix is in force on ``on``."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    matrix = version("performance.rating_matrix", on).value
    # Cell (h, p) of the 3 x 3 matrix sits at h * 3 + p, in ExpectationRating order; it
    # holds the predikat's position in PerformanceRating order.
    cells = pa.array(
        np.array([PREDIKAT.index(matrix[h][p]) for h in RATINGS for p in RATINGS], dtype=np.int8)
    )

    def compute(work_result: Any, behaviour: Any) -> Any:
        same_length(work_result=work_result, behaviour=behaviour)
        h = codes_to_index(work_result, RATINGS)
        p = codes_to_index(behaviour, RATINGS)
        index = pc.take(cells, pc.add(pc.multiply(h, 3), p))
        return pa.DictionaryArray.from_arrays(index, pa.array(PREDIKAT, type=pa.string()))

    return compute


def predikat_columns(*, work_result: Any, behaviour: Any, on: dt.date) -> Any:
    """Predikat codes for two equal-length columns of ``ExpectationRating`` codes — hasil
    kerja and perilaku kerja — as a dictionary-encoded Arrow string array (``to_pylist()``
    gives the codes). A row whose either rating is null or not a code gives null: the
    single-case rule ``performance.predikat`` is the one that explains a refusal."""
    return predikat_column_function(on)(work_result, behaviour)
