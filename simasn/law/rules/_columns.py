"""Helpers of the column-wise (set-level) forms of the rules: Arrow in, Arrow out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def as_array(values: Any, *, decode: bool = True) -> Any:
    """An Arrow array (chunks combined; dictionaries decoded unless ``decode=False``) from
    anything ``pyarrow.array`` takes: a list, a NumPy array, an Arrow (chunked) array."""
    import pyarrow as pa

    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if not isinstance(values, pa.Array):
        values = pa.array(values)
    if decode and pa.types.is_dictionary(values.type):
        values = values.dictionary_decode()
    return values


def codes_to_index(values: Any, codes: Sequence[str]) -> Any:
    """Each value's position in ``codes`` (Arrow int32; null where the value is null or
    not one of the codes). Codes are matched exactly (the column form takes stored codes,
    not free text). A dictionary column is matched through its (small) dictionary."""
    import pyarrow as pa
    import pyarrow.compute as pc

    value_set = pa.array(list(codes), type=pa.string())
    array = as_array(values, decode=False)
    if pa.types.is_dictionary(array.type):
        dictionary = array.dictionary.cast(pa.string())
        return pc.take(pc.index_in(dictionary, value_set=value_set), array.indices)
    if not pa.types.is_string(array.type) and not pa.types.is_large_string(array.type):
        array = array.cast(pa.string())
    return pc.index_in(array, value_set=value_set)


def coded(index: Any, codes: Sequence[str]) -> Any:
    """A dictionary-encoded string column from positions in ``codes`` (negative = null):
    the cheap way to hand millions of codes back (``to_pylist`` gives the strings)."""
    import numpy as np
    import pyarrow as pa

    index = np.asarray(index)
    indices = pa.array(np.maximum(index, 0).astype(np.int8), mask=index < 0, type=pa.int8())
    return pa.DictionaryArray.from_arrays(indices, pa.array(list(codes), type=pa.string()))


def same_length(**columns: Any) -> int:
    lengths = {name: len(column) for name, column in columns.items()}
    if len(set(lengths.values())) > 1:
        raise ValueError(f"columns of different lengths: {lengths}")
    return next(iter(lengths.values()), 0)
