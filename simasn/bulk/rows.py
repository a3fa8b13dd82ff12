"""Checking one row of a register file (simasn.bulk.files reads the files) with the register's rules.

The rules are the register's own: each value goes through the Employee model field
(`Field.clean`, exactly what the web form's model validation runs), then the whole row
through `simasn.personnel.services.validate_employee_data` (NIP rule and rank lists
of the law package, contract and TMT dates, unit and position in the instansi).
Only the reference lookups are cached (`CachedReferences`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from simasn.bulk.files import NUMERIC_CELL
from simasn.bulk.layout import FIELD_TO_COLUMN, HEADER, missing_columns
from simasn.bulk.references import CachedReferences
from simasn.core.errors import ApplicationError
from simasn.law.enums import EmployeeStatus
from simasn.personnel.models import Employee
from simasn.personnel.services import validate_employee_data
from simasn.web.exports import escape_row

CHAR_FIELDS = ("nip", "nik", "front_title", "name", "back_title", "birth_place", "sex", "employee_type",
               "religion", "marital_status", "education_level", "education_major", "rank", "email", "phone")
DATE_FIELDS = ("birth_date", "tmt_cpns", "tmt_pns", "contract_start", "contract_end")
#: Employee table columns written by the loaders, in COPY order.
DB_COLUMNS = ("instansi_id", "unit_id", "position_id", "employee_type", "nip", "nik", "front_title", "name",
              "back_title", "birth_date", "birth_place", "sex", "religion", "marital_status", "disability",
              "home_address", "education_level", "education_major", "rank", "tmt_cpns", "tmt_pns",
              "contract_start", "contract_end", "status", "email", "phone")
ERROR_COLUMN = {**FIELD_TO_COLUMN, "unit": "UNOR_KODE", "position": "JABATAN_KODE", "instansi": "INSTANSI_KODE"}

Reject = tuple[int, str, str]  # (row number in the file, column, reason)
#: A reject as reported: (row, column, reason, value, NIP, name).
ReportedReject = tuple[int, str, str, str, str, str]
#: Columns whose refused value is not repeated in the report (personal data; masked in lists too).
SENSITIVE_COLUMNS = ("NIK", "AGAMA", "STATUS_KAWIN")


#: "1.99003E+17": a long number a spreadsheet wrote to CSV in scientific notation.
SCIENTIFIC = re.compile(r"^[0-9](?:[.,][0-9]+)?[eE]\+?[0-9]+$")


def numeric_id_reason(column: str) -> str:
    return _("%(column)s tersimpan sebagai angka di lembar kerja, sehingga digit terakhirnya hilang (Excel hanya "
             "menyimpan 15 digit). Format kolom %(column)s sebagai Teks (seperti pada templat) lalu ketik ulang "
             "nomornya.") % {"column": column}


def code_text(text: str) -> str:
    """A code as an operator may type it: case and spaces do not matter."""
    return "_".join(text.upper().split())


def parse_date(text: str) -> dt.date:
    if len(text) == 10 and text[4] == "-":
        return dt.date.fromisoformat(text)
    for fmt in ("%d-%m-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 — a calendar date, no time
        except ValueError:
            continue
    raise ValueError(text)


class RowChecker:
    """Turns one file row into Employee data or a list of rejects."""

    def __init__(self, header: list[str], *, references: CachedReferences, on: dt.date,
                 allowed_instansi: set[int] | None) -> None:
        header = [h.strip().upper() for h in header]
        missing = missing_columns(header)
        if missing:
            raise ApplicationError(
                _("Kolom wajib tidak ada: %(cols)s.") % {"cols": ", ".join(missing)}, code="validation",
                fields={"file": [_("Kolom wajib tidak ada: %(cols)s.") % {"cols": ", ".join(missing)}]},
            )
        self.index = {name: header.index(name) for name in HEADER if name in header}
        self.width = len(header)
        self.references, self.on, self.allowed = references, on, allowed_instansi
        self.fields: dict[str, models.Field[Any, Any]] = {
            name: field for name in CHAR_FIELDS if isinstance(field := Employee._meta.get_field(name), models.Field)
        }
        # An empty value of a blank=True field passes Field.clean unchanged; skip the call.
        self.may_be_blank = {name for name, field in self.fields.items() if field.blank}

    def value(self, row: list[str], column: str) -> str:
        i = self.index.get(column)
        return row[i].strip() if i is not None and i < len(row) else ""

    def reported(self, row: list[str], rejects: list[Reject]) -> list[ReportedReject]:
        """The rejects with the refused value and the row's NIP and name."""
        nip, name = self.value(row, "NIP_BARU").lstrip(NUMERIC_CELL)[:40], self.value(row, "NAMA")[:200]
        out = []
        for number, column, reason in rejects:
            value = self.value(row, column).lstrip(NUMERIC_CELL) if column else ""
            if column in SENSITIVE_COLUMNS and value:
                value = "***"
            out.append((number, column, reason, value.replace("\x00", "")[:200], nip.replace("\x00", ""),
                        name.replace("\x00", "")))
        return out

    def check(self, row: list[str], number: int) -> tuple[dict[str, Any] | None, list[Reject]]:
        rejects: list[Reject] = []
        if len(row) > self.width and str(row[self.width]).isdigit():  # the reader noted a longer row
            rejects.append((number, "", _("Baris ini memuat %(cells)s isian, padahal judul memuat %(columns)s kolom: "
                                          "isian di luar kolom judul, mungkin karena koma tanpa tanda kutip; "
                                          "periksa baris ini.") % {"cells": row[self.width], "columns": self.width}))
        data: dict[str, Any] = {}
        for name in CHAR_FIELDS:
            column = FIELD_TO_COLUMN[name]
            raw = self.value(row, column)
            if "\x00" in raw:
                rejects.append((number, column, _("Isian memuat karakter NUL yang tidak dapat disimpan.")))
                continue
            if raw.startswith(NUMERIC_CELL) or (name in ("nip", "nik") and SCIENTIFIC.match(raw)):
                rejects.append((number, column, numeric_id_reason(column)))
                continue
            if "\n" in raw or "\r" in raw:
                rejects.append((number, column, _("Isian memuat pindah baris; periksa tanda kutip (\") yang tidak "
                                                  "ditutup.")))
                continue
            if not raw and name not in self.may_be_blank:
                rejects.append((number, column, _("%(column)s wajib diisi.") % {"column": column}))
                continue
            if not raw and name in self.may_be_blank:
                data[name] = raw
                continue
            if self.fields[name].choices:
                raw = code_text(raw)  # "Islam", "belum kawin" are the codes ISLAM, BELUM_KAWIN
            try:
                data[name] = self.fields[name].clean(raw, None)
            except ValidationError as error:
                rejects.append((number, column, " ".join(error.messages)))
        for name in DATE_FIELDS:
            column = FIELD_TO_COLUMN[name]
            raw = self.value(row, column)
            data[name] = None
            if raw:
                try:
                    data[name] = parse_date(raw)
                except ValueError:
                    rejects.append((number, column, _("Tanggal tidak sah: %(value)s (gunakan TTTT-BB-HH).") % {"value": raw}))
            elif name == "birth_date":
                rejects.append((number, column, _("Tanggal lahir wajib diisi.")))
        refs = self.references
        code = self.value(row, "INSTANSI_KODE")
        instansi_id = refs.instansi_by_code.get(code)
        if not code:
            rejects.append((number, "INSTANSI_KODE", _("%(column)s wajib diisi.") % {"column": "INSTANSI_KODE"}))
        elif instansi_id is None:
            rejects.append((number, "INSTANSI_KODE", _("Instansi dengan kode %(code)s tidak dikenal.") % {"code": code}))
        elif self.allowed is not None and instansi_id not in self.allowed:
            rejects.append((number, "INSTANSI_KODE", _("Instansi %(code)s di luar kewenangan Anda.") % {"code": code}))
        data["instansi_id"] = instansi_id
        data["unit_id"] = data["position_id"] = None
        for column, key, table in (("UNOR_KODE", "unit_id", refs.unit_by_code),
                                   ("JABATAN_KODE", "position_id", refs.position_by_code)):
            ref_code = self.value(row, column)
            if ref_code and instansi_id is not None:
                data[key] = table.get((instansi_id, ref_code))
                if data[key] is None:
                    rejects.append((number, column, _("Kode %(code)s tidak dikenal di instansi %(instansi)s.")
                                    % {"code": ref_code, "instansi": code}))
        # The register's rules run on whatever could be read, so one pass reports every
        # problem of the row; a column already refused above is not refused twice.
        refused = {column for _number, column, _reason in rejects}
        try:
            validate_employee_data(data, on=self.on, references=refs)
        except ApplicationError as error:
            for field, messages in (error.fields or {}).items():
                column = ERROR_COLUMN.get(field, field.upper())
                if column not in refused:
                    rejects.append((number, column, " ".join(str(m) for m in messages)))
            if not error.fields:
                rejects.append((number, "", str(error.message)))
        if rejects:
            return None, rejects
        data["status"] = EmployeeStatus.AKTIF.value
        data["disability"] = data["home_address"] = ""
        start = self.value(row, "TMT_JABATAN")
        try:
            data["position_start"] = parse_date(start) if start else (data["tmt_cpns"] or data["contract_start"])
        except ValueError:
            data["position_start"] = data["tmt_cpns"] or data["contract_start"]
        return data, []


def reject_csv(rejects: Iterator[tuple[Any, ...]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([_("BARIS"), _("KOLOM"), _("ALASAN"), _("NILAI"), "NIP_BARU", "NAMA"])
    yield "\ufeff" + buffer.getvalue()
    for item in rejects:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(escape_row(item))  # the refused value is the importer's text
        yield buffer.getvalue()
