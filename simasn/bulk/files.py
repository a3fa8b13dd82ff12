"""Register files as the importer reads them: where one is (`Source`) and the checks on the
whole file made before a job exists (format, encoding, quotes, header, row count).

A file is read through a `Source`, never by a path the web process and the worker would
have to share (ADR 0006): a web upload is a name in the working storage
(simasn.core.storage), read from whichever machine runs the job; a file named on the
command line is read where the command runs, and only there.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO, Any, NamedTuple

from django.utils.translation import gettext as _
from openpyxl.utils.exceptions import InvalidFileException

from simasn.bulk.layout import missing_columns
from simasn.core.errors import ApplicationError
from simasn.core.storage import working_storage

#: Where uploads and reject reports live in the working storage.
IMPORTS_FOLDER = "imports"
REJECTS_FOLDER = "imports/rejects"


@dataclass(frozen=True)
class Source:
    """An import file: `name` in the working storage (an upload), or, with `local`, a path
    on the machine that runs the command line."""

    name: str
    local: bool = False

    @classmethod
    def upload(cls, name: str) -> Source:
        return cls(name)

    @classmethod
    def path(cls, path: str | PurePath) -> Source:
        return cls(str(path), local=True)

    def open(self) -> IO[bytes]:
        if self.local:
            # The operator's own file on this machine (the command line); nothing stored.
            return open(self.name, "rb")
        return working_storage().open(self.name, "rb")  # type: ignore[return-value]

    @property
    def file_name(self) -> str:
        return PurePath(self.name).name


def file_format(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix == ".xlsx":
        return "xlsx"
    raise ApplicationError(_("Format berkas harus CSV atau XLSX."), code="validation",
                           fields={"file": [_("Format berkas harus CSV atau XLSX.")]})


def _refuse(message: str) -> ApplicationError:
    return ApplicationError(message, code="validation", fields={"file": [message]})


class FileFacts(NamedTuple):
    sha256: str
    total_rows: int | None  # data rows, when known cheaply


def check_file(source: Source, fmt: str) -> FileFacts:
    """Refuse, before any job exists, a file that cannot be imported at all: an XLSX that
    is not one (an old .xls or a renamed file), a CSV that is not UTF-8 or has a quote that
    is never closed (it would swallow every row after it), or a header without the required
    columns. Row-level problems are the import's job. Reads a CSV once (hash, encoding,
    quotes and line count together) and opens an XLSX once."""
    total: int | None
    if fmt == "csv":
        sha, total = _check_csv_text(source)
        header = next(read_rows(source, fmt), None) or []
    else:
        sha = _sha256(source)
        try:
            header, total = _xlsx_header_and_rows(source)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
            raise _refuse(_("Berkas bukan XLSX yang sah (mungkin .xls lama atau berkas rusak); simpan ulang "
                            "sebagai .xlsx atau CSV.")) from None
    missing = missing_columns([str(h) for h in header])
    if missing:
        raise _refuse(_("Kolom wajib tidak ada: %(cols)s. Unduh templat untuk susunan kolomnya.")
                      % {"cols": ", ".join(missing)})
    return FileFacts(sha, total)


def _blocks(handle: IO[bytes]) -> Iterator[bytes]:
    while block := handle.read(1 << 20):
        yield block


def _sha256(source: Source) -> str:
    digest = hashlib.sha256()
    with source.open() as handle:
        for block in _blocks(handle):
            digest.update(block)
    return digest.hexdigest()


def _check_csv_text(source: Source) -> tuple[str, int]:
    """(SHA-256, data rows) of a CSV, refusing one that is not UTF-8 or leaves a quote open."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    digest = hashlib.sha256()
    quotes = lines = 0
    last = b"\n"
    try:
        with source.open() as handle:
            for block in _blocks(handle):
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
                      % {"line": _unclosed_quote_line(source)})
    if last != b"\n":
        lines += 1
    return digest.hexdigest(), max(lines - 1, 0)


def _unclosed_quote_line(source: Source) -> int:
    """The file line where the quote that is never closed opens."""
    open_at, inside = 0, False
    with source.open() as handle:
        for number, line in enumerate(handle, start=1):
            if line.count(b'"') % 2:
                inside = not inside
                if inside:
                    open_at = number
    return open_at


def _xlsx_header_and_rows(source: Source) -> tuple[list[str], int | None]:
    # Imported on first use: openpyxl takes ~0.2 s to import, paid only by XLSX work.
    from openpyxl import load_workbook

    with source.open() as handle:
        workbook = load_workbook(handle, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            header = [_cell(v) for v in next(sheet.iter_rows(values_only=True), ())]
            rows = sheet.max_row
            if not rows or rows <= 1:
                rows = _xml_rows(source, getattr(sheet, "_worksheet_path", "")) or None
        finally:
            workbook.close()
    return header, (max(rows - 1, 0) if rows else None)


def count_rows(source: Source, fmt: str, *, exact: bool = True) -> int | None:
    """Data rows in the file (without the header). For XLSX with `exact=False` the sheet's
    recorded dimension is used and None returned when it has none (cheap, for uploads)."""
    if fmt == "csv":
        lines, last = 0, b"\n"
        with source.open() as handle:
            for block in _blocks(handle):
                lines += block.count(b"\n")
                last = block[-1:]
        if last != b"\n":
            lines += 1
        return max(lines - 1, 0)
    # Imported on first use: openpyxl takes ~0.2 s to import, paid only by XLSX work.
    from openpyxl import load_workbook

    with source.open() as handle:
        workbook = load_workbook(handle, read_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = sheet.max_row
            if not exact:
                return max(rows - 1, 0) if rows and rows > 1 else None
            if not rows or rows <= 1:
                # Files written in streaming mode carry no dimension: count the sheet's <row>
                # elements in its XML (0.1 s for 50,000 rows; parsing every cell took 11 s).
                rows = _xml_rows(source, getattr(sheet, "_worksheet_path", "")) \
                    or sum(1 for _ in sheet.iter_rows(values_only=True))
        finally:
            workbook.close()
    return max(rows - 1, 0)


def _xml_rows(source: Source, member: str) -> int:
    """Rows in a worksheet's XML, counted without parsing it (0 when it cannot tell)."""
    if not member:
        return 0
    count, tail = 0, b""
    try:
        with source.open() as handle, zipfile.ZipFile(handle) as archive, \
                archive.open(member.lstrip("/")) as sheet:
            for block in _blocks(sheet):
                data = tail + block
                count += data.count(b"<row ") + data.count(b"<row>")
                tail = data[-5:]  # a tag split across blocks is counted in the next one
                count -= tail.count(b"<row ") + tail.count(b"<row>")
            count += tail.count(b"<row ") + tail.count(b"<row>")
    except (KeyError, zipfile.BadZipFile):
        return 0
    return count


#: Marks a cell that a spreadsheet stored as a number of 16 or more digits (a NIP or NIK
#: typed into a number cell): Excel keeps only 15 significant digits, so the last digits
#: are already lost, and the row checker says so instead of judging the damaged number.
NUMERIC_CELL = "\u2063"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) >= 1e15:
        return NUMERIC_CELL + str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(source: Source, fmt: str) -> Iterator[list[str]]:
    """The header row first, then every data row, as lists of strings (streaming)."""
    with source.open() as handle:
        if fmt == "csv":
            text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
            try:
                yield from csv.reader(text)
            finally:
                text.detach()  # the `with` closes the file itself
            return
        # Imported on first use: openpyxl takes ~0.2 s to import, paid only by XLSX work.
        from openpyxl import load_workbook

        workbook = load_workbook(handle, read_only=True, data_only=True)
        try:
            for row in workbook.worksheets[0].iter_rows(values_only=True):
                yield [_cell(v) for v in row]
        finally:
            workbook.close()
