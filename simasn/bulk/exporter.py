"""Streaming export of the register in the import layout (CSV, XLSX, Parquet).

Rows come from `personnel.selectors.employee_list` (the viewer's scope) on the read
alias (`simasn.core.db_router.read_alias()`: the replica when one is configured),
fetched with a server-side cursor and written as they arrive, so memory stays flat
at any size. Sensitive personal data (NIK, religion, marital status) is left empty:
exports mask it like every list does (simasn/personnel/models.py).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from django.db import transaction

from simasn.accounts.models import User
from simasn.bulk.layout import HEADER
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.db_router import read_alias
from simasn.core.interfaces import Interface
from simasn.personnel.selectors import employee_list
from simasn.web.exports import escape_row, xlsx_row

FORMATS = ("csv", "xlsx", "parquet")
MASKED = {"NIK", "AGAMA", "STATUS_KAWIN"}
SOURCE = {
    "NIP_BARU": "nip", "NAMA": "name", "GELAR_DEPAN": "front_title", "GELAR_BELAKANG": "back_title",
    "TEMPAT_LAHIR": "birth_place", "TANGGAL_LAHIR": "birth_date", "JENIS_KELAMIN": "sex",
    "JENIS_PEGAWAI": "employee_type", "PENDIDIKAN": "education_level", "JURUSAN": "education_major",
    "GOL": "rank", "TMT_CPNS": "tmt_cpns", "TMT_PNS": "tmt_pns", "TMT_KONTRAK_AWAL": "contract_start",
    "TMT_KONTRAK_AKHIR": "contract_end", "INSTANSI_KODE": "instansi__code", "UNOR_KODE": "unit__code",
    "JABATAN_KODE": "position__code", "JENIS_JABATAN": "position__kind", "EMAIL": "email", "NOMOR_HP": "phone",
}
BATCH = 5000


def export_rows(*, viewer: User, instansi_codes: list[str] | None = None, using: str | None = None) -> Iterator[list[str]]:
    alias = using or read_alias()
    qs = employee_list(viewer=viewer, using=alias)
    if instansi_codes:
        qs = qs.filter(instansi__code__in=instansi_codes)
    fields = [SOURCE[c] for c in HEADER if c in SOURCE]
    positions = [HEADER.index(c) for c in HEADER if c in SOURCE]
    for values in qs.order_by("id").values_list(*fields).iterator(chunk_size=BATCH):
        row = [""] * len(HEADER)
        for i, value in zip(positions, values, strict=True):
            row[i] = "" if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))
        yield row


def write_export(*, viewer: User, fmt: str, out: str, instansi_codes: list[str] | None = None,
                 interface: Interface = Interface.CLI, progress: Any = None) -> int:
    rows = export_rows(viewer=viewer, instansi_codes=instansi_codes)
    count = {"csv": _csv, "xlsx": _xlsx, "parquet": _parquet}[fmt](rows, out, progress)
    with transaction.atomic():
        audit_record(
            actor=viewer, action=AuditAction.EXPORT, interface=interface, object_type="personnel.employee",
            object_repr=f"ekspor {fmt}", instansi_id=getattr(viewer, "instansi_id", None),
            extra={"format": fmt, "rows": count, "instansi": instansi_codes or []},
        )
    return count


def _tick(progress: Any, n: int) -> None:
    if progress is not None:
        progress(n)


def _csv(rows: Iterator[list[str]], out: str, progress: Any) -> int:
    count = 0
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow(escape_row(row))
            count += 1
            if count % BATCH == 0:
                _tick(progress, BATCH)
    _tick(progress, count % BATCH)
    return count


def _xlsx(rows: Iterator[list[str]], out: str, progress: Any) -> int:
    # Imported on first use: openpyxl takes ~0.2 s to import, paid only by XLSX work.
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Pegawai")
    sheet.append(HEADER)
    count = 0
    for row in rows:
        sheet.append(xlsx_row(sheet, row))
        count += 1
        if count % BATCH == 0:
            _tick(progress, BATCH)
    workbook.save(out)
    _tick(progress, count % BATCH)
    return count


def _parquet(rows: Iterator[list[str]], out: str, progress: Any) -> int:
    # Imported on first use: pyarrow takes ~0.25 s to import, paid only by bulk file work.
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.string()) for name in HEADER])
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        while True:
            batch = [row for _, row in zip(range(50_000), rows, strict=False)]
            if not batch:
                break
            columns = list(zip(*batch, strict=True))
            writer.write_table(pa.Table.from_arrays([pa.array(c, pa.string()) for c in columns], schema=schema))
            count += len(batch)
            _tick(progress, len(batch))
    return count
