"""Streaming CSV and XLSX exports (flat memory; the caller has applied scope)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse

Column = tuple[str, Callable[[Any], Any]]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_rows(columns: list[Column], rows: Iterable[Any]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([str(label) for label, _ in columns])
    for row in rows:
        yield writer.writerow([_cell(get(row)) for _, get in columns])


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    return str(value)


def csv_response(filename: str, columns: list[Column], rows: Iterable[Any]) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_rows(columns, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_bytes(columns: list[Column], rows: Iterable[Any], title: str = "Data") -> bytes:
    # Imported on first use: openpyxl takes ~0.2 s to import, paid only by XLSX work.
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([str(label) for label, _ in columns])
    for row in rows:
        sheet.append([_cell(get(row)) for _, get in columns])
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
