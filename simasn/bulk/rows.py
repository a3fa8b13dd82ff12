"""Reading register files (CSV/XLSX) and checking one row with the register's rules.

The rules are the register's own: each value goes through the Employee model field
(`Field.clean`, exactly what the web form's model validation runs), then the whole row
through `simasn.personnel.services.validate_employee_data` (NIP rule and rank lists
of the law package, contract and TMT dates, unit and position in the instansi).
Only the reference lookups are cached (`CachedReferences`).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from openpyxl.utils.exceptions import InvalidFileException

from simasn.bulk.layout import COLUMNS, FIELD_TO_COLUMN, HEADER
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


def file_format(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix == ".xlsx":
        return "xlsx"
    raise ApplicationError(_("Format berkas harus CSV atau XLSX."), code="validation",
                           fields={"file": [_("Format berkas harus CSV atau XLSX.")]})


def _refuse(message: str) -> ApplicationError:
    return ApplicationError(message, code="validation", fields={"file": [message]})


def missing_columns(header: list[str]) -> list[str]:
    names = {h.strip().upper() for h in header}
    return [name for name, _field, required in COLUMNS if required and name not in names]


class FileFacts(NamedTuple):
    sha256: str
    total_rows: int | None  # data rows, when known cheaply


def check_file(path: str, fmt: str) -> FileFacts:
    """Refuse, before any job exists, a file that cannot be imported at all: an XLSX that
    is not one (an old .xls or a renamed file), a CSV that is not UTF-8 or has a quote that
    is never closed (it would swallow every row after it), or a header without the required
    columns. Row-level problems are the import's job. Reads a CSV once (hash, encoding,
    quotes and line count together) and opens an XLSX once."""
    total: int | None
    if fmt == "csv":
        sha, total = _check_csv_text(path)
        header = next(read_rows(path, fmt), None) or []
    else:
        sha = _sha256(path)
        try:
            header, total = _xlsx_header_and_rows(path)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
            raise _refuse(_("Berkas bukan XLSX yang sah (mungkin .xls lama atau berkas rusak); simpan ulang "
                            "sebagai .xlsx atau CSV.")) from None
    missing = missing_columns([str(h) for h in header])
    if missing:
        raise _refuse(_("Kolom wajib tidak ada: %(cols)s. Unduh templat untuk susunan kolomnya.")
                      % {"cols": ", ".join(missing)})
    return FileFacts(sha, total)


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _check_csv_text(path: str) -> tuple[str, int]:
    """(SHA-256, data rows) of a CSV, refusing one that is not UTF-8 or leaves a quote open."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    digest = hashlib.sha256()
    quotes = lines = 0
    last = b"\n"
    try:
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
                decoder.decode(block)
                quotes += block.count(b'"')
                lines += block.count(b"\n")
                last = block[-1:]
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise _refuse(_("Berkas CSV harus berenkode UTF-8 (di Excel: Simpan sebagai 'CSV UTF-8').")) from None
    if quotes % 2:  # quotes open and close in pairs ("" inside a value is a pair too)
        raise _refuse(_("Ada tanda kutip (\") yang tidak ditutup, mulai baris %(line)s; baris-baris sesudahnya "
                        "akan terbaca sebagai satu isian. Perbaiki berkasnya lalu unggah ulang.")
                      % {"line": _unclosed_quote_line(path)})
    if last != b"\n":
        lines += 1
    return digest.hexdigest(), max(lines - 1, 0)


def _unclosed_quote_line(path: str) -> int:
    """The file line where the quote that is never closed opens."""
    open_at, inside = 0, False
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            if line.count(b'"') % 2:
                inside = not inside
                if inside:
                    open_at = number
    return open_at


def _xlsx_header_and_rows(path: str) -> tuple[list[str], int | None]:
    # Imported on first use: openpyxl takes ~0.2 s to import, paid only by XLSX work.
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        header = [_cell(v) for v in next(sheet.iter_rows(values_only=True), ())]
        rows = sheet.max_row
        if not rows or rows <= 1:
            rows = _xml_rows(path, getattr(sheet, "_worksheet_path", "")) or None
    finally:
        workbook.close()
    return header, (max(rows - 1, 0) if rows else None)


def count_rows(path: str, fmt: str, *, exact: bool = True) -> int | None:
    """Data rows in the file (without the header). For XLSX with `exact=False` the sheet's
    recorded dimension is used and None returned when it has none (cheap, for uploads)."""
    if fmt == "csv":
        lines, last = 0, b"\n"
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                lines += block.count(b"\n")
                last = block[-1:]
        if last != b"\n":
            lines += 1
        return max(lines - 1, 0)
    # Imported on first use: openpyxl takes ~0.2 s to import, paid only by XLSX work.
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    if not exact:
        rows = workbook.worksheets[0].max_row
        workbook.close()
        return max(rows - 1, 0) if rows and rows > 1 else None
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.max_row
        if not rows or rows <= 1:
            # Files written in streaming mode carry no dimension: count the sheet's <row>
            # elements in its XML (0.1 s for 50,000 rows; parsing every cell took 11 s).
            rows = _xml_rows(path, getattr(sheet, "_worksheet_path", "")) \
                or sum(1 for _ in sheet.iter_rows(values_only=True))
    finally:
        workbook.close()
    return max(rows - 1, 0)


def _xml_rows(path: str, member: str) -> int:
    """Rows in a worksheet's XML, counted without parsing it (0 when it cannot tell)."""
    if not member:
        return 0
    count, tail = 0, b""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as handle:
            while block := handle.read(1 << 20):
                data = tail + block
                count += data.count(b"<row ") + data.count(b"<row>")
                tail = data[-5:]  # a tag split across blocks is counted in the next one
                count -= tail.count(b"<row ") + tail.count(b"<row>")
            count += tail.count(b"<row ") + tail.count(b"<row>")
    except (KeyError, zipfile.BadZipFile):
        return 0
    return count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(path: str, fmt: str) -> Iterator[list[str]]:
    """The header row first, then every data row, as lists of strings (streaming)."""
    if fmt == "csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            yield from csv.reader(handle)
        return
    # Imported on first use: openpyxl takes ~0.2 s to import, paid only by XLSX work.
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield [_cell(v) for v in row]
    finally:
        workbook.close()


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
        nip, name = self.value(row, "NIP_BARU")[:40], self.value(row, "NAMA")[:200]
        out = []
        for number, column, reason in rejects:
            value = self.value(row, column) if column else ""
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
        if not rejects:
            try:
                validate_employee_data(data, on=self.on, references=refs)
            except ApplicationError as error:
                for field, messages in (error.fields or {}).items():
                    rejects.append((number, ERROR_COLUMN.get(field, field.upper()), " ".join(str(m) for m in messages)))
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
