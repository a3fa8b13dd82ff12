"""Reading a register file as chunks of Arrow tables, for column-wise checks.

Every chunk is a table of string columns named ``c0, c1, ...`` in file order (the
header decides which is which, see `simasn.bulk.rows.RowChecker`), with "" for a
missing cell, numbered by the file row of its first data row (row 1 is the header).

CSV files are parsed by Arrow's multi-threaded reader. A file Arrow cannot split into
rows of the header's width (a row with too few or too many cells) is read with
Python's ``csv`` module instead, from the same row on, so row numbers and cell values
are the same either way. XLSX files are read with openpyxl (streaming).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pyarrow as pa

from simasn.bulk.files import Source, read_rows

Chunk = tuple[int, pa.Table]  # (file row number of the chunk's first row, columns c0..cN)


def column_names(width: int) -> list[str]:
    return [f"c{i}" for i in range(width)]


#: A column holding, for a row with more cells than the header, its number of cells: such
#: a row has its columns shifted (a comma inside an unquoted value) and is refused row-wise.
EXTRA = "extra"


def table_from_rows(rows: list[list[str]], width: int) -> pa.Table:
    """Rows of cells (short rows padded with "") as a string table; a longer row is cut to
    the header and its length noted in the EXTRA column."""
    columns = [[row[i] if i < len(row) else "" for row in rows] for i in range(width)]
    table = {name: pa.array(values, type=pa.string()) for name, values in
             zip(column_names(width), columns, strict=True)}
    extra = [str(len(row)) if len(row) > width else "" for row in rows]
    if any(extra):
        table[EXTRA] = pa.array(extra, type=pa.string())
    return pa.table(table)


def _python_chunks(source: Source, fmt: str, width: int, offset: int, chunk_size: int) -> Iterator[Chunk]:
    rows = read_rows(source, fmt)
    next(rows, None)  # header
    rows = itertools.islice(rows, offset, None)
    number = offset + 2
    while chunk := list(itertools.islice(rows, chunk_size)):
        yield number, table_from_rows(chunk, width)
        number += len(chunk)


class _IrregularRow(Exception):
    pass


def _arrow_chunks(source: Source, width: int, offset: int, chunk_size: int) -> Iterator[Chunk]:
    """CSV through Arrow; raises _IrregularRow (before yielding the chunk that holds it)
    when a row does not have the header's width."""
    # Imported on first use: pyarrow takes ~0.25 s to import, paid only by bulk file work.
    import pyarrow.csv as pa_csv

    irregular: list[int] = []

    def on_invalid(_row: object) -> str:
        irregular.append(1)
        return "skip"

    names = column_names(width)
    with source.open() as handle:
        reader = pa_csv.open_csv(
            handle,
            read_options=pa_csv.ReadOptions(column_names=names, skip_rows=1, block_size=16 << 20),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False,
                                              invalid_row_handler=on_invalid),
            convert_options=pa_csv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()),
                                                  strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
        yield from _sized(reader, irregular, offset, chunk_size)


def _sized(reader: Iterator[pa.RecordBatch], irregular: list[int], offset: int, chunk_size: int,
           ) -> Iterator[Chunk]:
    """Arrow's record batches re-cut into chunks of `chunk_size` rows after `offset` rows."""
    to_skip, number = offset, offset + 2
    pending: list[pa.RecordBatch] = []
    pending_rows = 0
    for batch in reader:
        if irregular:
            raise _IrregularRow
        if to_skip:
            if batch.num_rows <= to_skip:
                to_skip -= batch.num_rows
                continue
            batch, to_skip = batch.slice(to_skip), 0
        pending.append(batch)
        pending_rows += batch.num_rows
        while pending_rows >= chunk_size:
            table = pa.Table.from_batches(pending)
            yield number, table.slice(0, chunk_size)
            number += chunk_size
            rest = table.slice(chunk_size)
            pending, pending_rows = rest.to_batches(), rest.num_rows
    if irregular:
        raise _IrregularRow
    if pending_rows:
        yield number, pa.Table.from_batches(pending)


def read_chunks(source: Source, fmt: str, *, width: int, offset: int, chunk_size: int) -> Iterator[Chunk]:
    """Chunks of at most `chunk_size` data rows, starting after `offset` data rows."""
    if fmt != "csv":
        yield from _python_chunks(source, fmt, width, offset, chunk_size)
        return
    done = offset
    try:
        for number, table in _arrow_chunks(source, width, offset, chunk_size):
            yield number, table
            done += table.num_rows
    except _IrregularRow:
        yield from _python_chunks(source, fmt, width, done, chunk_size)
