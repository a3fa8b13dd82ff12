"""Issue 12 item 15: XLSX exports open ready to read (column widths, frozen header, filter)
and a CSV for Excel with Indonesian settings (";") is offered."""

from __future__ import annotations

import io

import pytest
from django.test import Client

from simasn.accounts.roles import Role
from simasn.testing.factories import EmployeeFactory, user_with_role
from simasn.web.exports import xlsx_bytes

pytestmark = pytest.mark.django_db


def test_an_xlsx_export_has_widths_a_frozen_header_and_a_filter() -> None:
    from openpyxl import load_workbook

    columns = [("Nama", lambda r: r[0]), ("Alamat lengkap pegawai", lambda r: r[1])]
    data = xlsx_bytes(columns, [("Siti", "Jl. Merdeka No. 1, Kota Bandung, Jawa Barat")] * 3, title="Pegawai")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:B4"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width >= 8
    assert [c.value for c in sheet[1]] == ["Nama", "Alamat lengkap pegawai"]


def test_the_list_offers_a_semicolon_csv_for_indonesian_excel() -> None:
    employee = EmployeeFactory()
    client = Client()
    client.force_login(user_with_role(Role.OPERATOR, instansi=employee.instansi))
    page = client.get("/pegawai/").content.decode()
    assert "sep=semicolon" in page
    body = b"".join(client.get("/pegawai/?format=csv&sep=semicolon").streaming_content).decode("utf-8-sig")
    header = body.splitlines()[0]
    assert header.startswith("NIP;Nama;") and "," not in header


def test_the_employee_export_carries_more_than_the_list_columns() -> None:
    from openpyxl import load_workbook

    employee = EmployeeFactory()
    client = Client()
    client.force_login(user_with_role(Role.OPERATOR, instansi=employee.instansi))
    sheet = load_workbook(io.BytesIO(client.get("/pegawai/?format=xlsx").content)).active
    header = [c.value for c in sheet[1]]
    assert len(header) > 8 and {"Tanggal lahir", "TMT CPNS", "Unit kerja"} <= set(header)
    assert sheet.cell(row=2, column=header.index("Tanggal lahir") + 1).value == employee.birth_date.isoformat()
