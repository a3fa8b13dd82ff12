"""Spreadsheet exports never carry a live formula (issue 10 item 5): the shared writers."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from simasn.testing.spreadsheets import ATTACK, formula_cells
from simasn.web.exports import FORMULA_PREFIXES, csv_rows, escape_formula, xlsx_bytes

HOSTILE = [ATTACK, "+62 812", "-1+2", "@SUM(A1:A9)", "\tTAB", "\r=1+1", "=cmd|' /C calc'!A0"]


def visible_text(data: bytes) -> list[list[object]]:
    book = load_workbook(io.BytesIO(data))
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_formula_like_text_gets_a_leading_apostrophe_in_csv(value: str) -> None:
    assert value.startswith(FORMULA_PREFIXES)
    assert escape_formula(value) == "'" + value


def test_plain_values_are_left_alone() -> None:
    assert escape_formula("Budi Santoso") == "Budi Santoso"
    assert escape_formula("Rp 1.500.000 (+10%)") == "Rp 1.500.000 (+10%)"
    assert escape_formula(-5) == -5 and escape_formula(2.5) == 2.5
    assert escape_formula(Decimal("-1.5")) == Decimal("-1.5")
    assert escape_formula(None) == ""


def test_the_csv_writer_escapes_every_cell_header_included() -> None:
    columns = [("=NAMA", lambda r: r[0]), ("Jumlah", lambda r: r[1])]
    text = "".join(csv_rows(columns, [(v, -3) for v in HOSTILE])).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["'=NAMA", "Jumlah"]
    assert [r[0] for r in rows[1:]] == ["'" + v for v in HOSTILE]
    assert [r[1] for r in rows[1:]] == ["-3"] * len(HOSTILE)  # numbers stay numbers


def test_the_xlsx_writer_writes_text_cells_with_the_visible_text_unchanged() -> None:
    columns = [("Nama", lambda r: r[0]), ("Jumlah", lambda r: r[1]), ("Tanggal", lambda r: r[2])]
    data = xlsx_bytes(columns, [(v, -3, dt.date(2026, 1, 2)) for v in HOSTILE])
    assert formula_cells(data) == []
    rows = visible_text(data)
    assert [r[0] for r in rows[1:]] == HOSTILE
    assert {r[1] for r in rows[1:]} == {-3}
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert all(sheet.cell(row=i, column=1).quotePrefix for i in range(2, len(HOSTILE) + 2))
