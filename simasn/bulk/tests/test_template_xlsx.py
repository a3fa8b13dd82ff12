"""Issue 12 item 12: the shipped XLSX import template is one an operator can fill in — an
example row under the header, the allowed codes on a second sheet, drop-downs (data validation)
on the coded columns that point at those codes, identifiers formatted as text."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from simasn.accounts.roles import Role
from simasn.bulk.layout import HEADER
from simasn.bulk.tests.helpers import reference_objects
from simasn.testing.factories import user_with_role

pytestmark = pytest.mark.django_db


def test_the_template_has_an_example_row_the_codes_sheet_and_drop_downs(client):
    refs = reference_objects()
    client.force_login(user_with_role(Role.OPERATOR, instansi=refs["a"]))
    response = client.get(reverse("bulk:template_xlsx"))
    assert response.status_code == 200
    assert "templat-impor-pegawai.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Pegawai", "Kode"]
    sheet, codes = book["Pegawai"], book["Kode"]
    assert [c.value for c in sheet[1]] == HEADER
    example = dict(zip(HEADER, (c.value for c in sheet[2]), strict=True))
    assert example["NIP_BARU"] == "199003012019031001" and example["NAMA"]
    assert example["INSTANSI_KODE"] == "I-A"  # the operator's own instansi, from its scope
    # The identifier columns are text for every row typed (the column's format), and the sheet
    # holds no empty formatted rows: an import of the example alone counts one row, not 2,000.
    for name in ("NIP_BARU", "NIK", "TMT_CPNS"):
        letter = sheet.cell(row=1, column=HEADER.index(name) + 1).column_letter
        assert sheet.column_dimensions[letter].number_format == "@", name
        assert sheet.cell(row=2, column=HEADER.index(name) + 1).number_format == "@", name
    assert sheet.max_row == 2
    # The codes sheet: each coded column's name with its codes below and their meaning beside.
    code_columns = {cell.value: cell.column for cell in codes[1] if cell.value and cell.value != "Keterangan"}
    assert {"AGAMA", "JENIS_KELAMIN", "JENIS_PEGAWAI", "GOL", "INSTANSI_KODE"} <= set(code_columns)
    religions = [codes.cell(row=r, column=code_columns["AGAMA"]).value for r in range(2, codes.max_row + 1)]
    assert "ISLAM" in religions and example["AGAMA"] in religions
    # Drop-downs: a list validation on each coded column of the data sheet, read from "Kode".
    by_column = {}
    for validation in sheet.data_validations.dataValidation:
        assert validation.type == "list" and validation.formula1.startswith("='Kode'!$")
        for cell_range in validation.sqref.ranges:
            by_column[HEADER[cell_range.min_col - 1]] = (cell_range.min_row, cell_range.max_row, validation.formula1)
    for name in ("AGAMA", "JENIS_KELAMIN", "JENIS_PEGAWAI", "GOL", "INSTANSI_KODE"):
        first, last, formula = by_column[name]
        assert first == 2 and last >= 1000
        letter = codes.cell(row=1, column=code_columns[name]).column_letter
        assert formula.startswith(f"='Kode'!${letter}$2:")
