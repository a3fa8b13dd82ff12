"""The import template an operator can fill in (issue 12 item 12).

Sheet "Pegawai": the header, one example row, NIP/NIK/code columns formatted as text (so
Excel keeps all 18 digits), drop-downs (data validation) for every coded column. Sheet
"Kode": the allowed codes with their meaning, and the instansi, unit and position codes the
operator may use (their scope), so nobody types a code from memory.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.utils import timezone

from simasn.accounts.models import User
from simasn.bulk.layout import DATE_COLUMNS, HEADER
from simasn.law.enums import PositionKind
from simasn.organization import selectors as org_selectors
from simasn.personnel import law_bridge
from simasn.personnel.models import (
    EMPLOYEE_TYPE_CHOICES,
    SEX_CHOICES,
    EducationLevel,
    MaritalStatus,
    Religion,
)
from simasn.positions import selectors as position_selectors
from simasn.web.exports import xlsx_cell

#: At most this many instansi, units and positions are listed (a national user sees all).
MAX_REFERENCE_ROWS = 5000
TEXT_COLUMNS = ("NIP_BARU", "NIK", "GOL", "INSTANSI_KODE", "UNOR_KODE", "JABATAN_KODE", "NOMOR_HP")


def _code_lists(on: dt.date) -> dict[str, list[tuple[str, str]]]:
    ranks = [(code, label) for code, label in law_bridge.rank_choices(on=on)]
    return {
        "JENIS_KELAMIN": [(str(c), str(label)) for c, label in SEX_CHOICES],
        "JENIS_PEGAWAI": [(str(c), str(label)) for c, label in EMPLOYEE_TYPE_CHOICES],
        "AGAMA": [(str(c), str(label)) for c, label in Religion.choices],
        "STATUS_KAWIN": [(str(c), str(label)) for c, label in MaritalStatus.choices],
        "PENDIDIKAN": [(str(c), str(label)) for c, label in EducationLevel.choices],
        "GOL": ranks,
        "JENIS_JABATAN": [(kind.value, kind.value.replace("_", " ").title()) for kind in PositionKind],
    }


def _example(viewer: User, references: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    row = dict.fromkeys(HEADER, "")
    row.update({
        "NIP_BARU": "199003012019031001", "NAMA": "Contoh Nama Pegawai", "GELAR_BELAKANG": "S.Kom.",
        "TEMPAT_LAHIR": "Bandung", "TANGGAL_LAHIR": "1990-03-01", "JENIS_KELAMIN": "L", "JENIS_PEGAWAI": "PNS",
        "NIK": "3273010103900001", "AGAMA": "ISLAM", "STATUS_KAWIN": "KAWIN", "PENDIDIKAN": "S1",
        "JURUSAN": "Teknik Informatika", "GOL": "III/a", "TMT_CPNS": "2019-03-01", "TMT_PNS": "2020-05-01",
        "NOMOR_HP": "0812-3456-7890", "EMAIL": "contoh@instansi.go.id",
    })
    for column in ("INSTANSI_KODE", "UNOR_KODE", "JABATAN_KODE"):
        if references[column]:
            row[column] = references[column][0][0]
    return row


def _references(viewer: User) -> dict[str, list[tuple[str, str]]]:
    instansi = org_selectors.instansi_list(viewer=viewer)[:MAX_REFERENCE_ROWS]
    units = org_selectors.unit_list(viewer=viewer).select_related("instansi")[:MAX_REFERENCE_ROWS]
    positions = position_selectors.position_list(viewer=viewer).select_related("instansi")[:MAX_REFERENCE_ROWS]
    return {
        "INSTANSI_KODE": [(i.code, i.name) for i in instansi],
        "UNOR_KODE": [(u.code, f"{u.name} ({u.instansi.code})") for u in units],
        "JABATAN_KODE": [(p.code, f"{p.name} ({p.instansi.code})") for p in positions],
    }


def template_workbook(*, viewer: User, on: dt.date | None = None) -> bytes:
    # Imported on first use: openpyxl takes ~0.2 s to import, paid only by XLSX work.
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    on = on or timezone.localdate()
    codes = _code_lists(on)
    references = _references(viewer)
    workbook = Workbook()
    sheet: Any = workbook.active
    sheet.title = "Pegawai"
    lists: Any = workbook.create_sheet("Kode")
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    example = _example(viewer, references)
    sheet.append([xlsx_cell(sheet, example[h]) for h in HEADER])
    sheet.freeze_panes = "A2"
    for index, name in enumerate(HEADER, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(len(name), len(example[name])) + 3
        if name in TEXT_COLUMNS or name in DATE_COLUMNS:
            # Text for numbers that are identifiers (18-digit NIP, 16-digit NIK) and for dates
            # written TTTT-BB-HH, so Excel neither rounds nor reformats them: the whole column's
            # format, as Excel's "format column" writes it — not 2,000 formatted empty cells,
            # which made the sheet 2,001 rows long and an import of one row read
            # "2.000 dari 2.000 baris diproses" (found in the browser walk of issue 12).
            sheet.column_dimensions[letter].number_format = "@"
            sheet.cell(row=2, column=index).number_format = "@"
    column = 1
    for name, values in [*codes.items(), *references.items()]:
        letter = get_column_letter(column)
        lists.cell(row=1, column=column, value=name).font = Font(bold=True)
        lists.cell(row=1, column=column + 1, value="Keterangan").font = Font(bold=True)
        for row, (code, meaning) in enumerate(values, start=2):
            lists.cell(row=row, column=column, value=xlsx_cell(lists, code).value).number_format = "@"
            lists.cell(row=row, column=column + 1, value=xlsx_cell(lists, meaning).value)
        lists.column_dimensions[letter].width = max([len(name), *(len(c) for c, _m in values)]) + 3
        lists.column_dimensions[get_column_letter(column + 1)].width = 40
        if values:
            target = get_column_letter(HEADER.index(name) + 1)
            validation = DataValidation(
                type="list", allow_blank=True, showErrorMessage=True, errorStyle="warning",
                formula1=f"={quote_sheetname('Kode')}!${letter}$2:${letter}${len(values) + 1}",
                errorTitle="Kode tidak dikenal",
                error=f"Pilih {name} dari daftar (lembar Kode).")
            validation.add(f"{target}2:{target}2001")
            sheet.add_data_validation(validation)
        column += 3
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
