"""Small register files for the bulk tests (valid NIPs from simasn.testing.nip)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from simasn.bulk.files import Source
from simasn.bulk.importer import import_job_create, import_job_run
from simasn.bulk.layout import HEADER
from simasn.bulk.models import ImportJob
from simasn.core.interfaces import Interface
from simasn.testing.nip import pns_nip, pppk_nip


def pns_row(i: int, *, instansi: str = "I-A", unit: str = "U1", position: str = "J1", **over: Any) -> dict[str, str]:
    birth = dt.date(1970 + i % 30, 1 + i % 12, 1 + i % 28)
    tmt = dt.date(birth.year + 25, 1 + (i * 7) % 12, 1)
    sex = "L" if i % 2 else "P"
    row = {h: "" for h in HEADER}
    row.update({
        "NIP_BARU": pns_nip(birth, tmt, sex, i % 999 + 1), "NAMA": f"Pegawai Uji {i}",
        "TANGGAL_LAHIR": birth.isoformat(), "JENIS_KELAMIN": sex, "JENIS_PEGAWAI": "PNS",
        "GOL": "III/a", "TMT_CPNS": tmt.isoformat(), "INSTANSI_KODE": instansi, "UNOR_KODE": unit,
        "JABATAN_KODE": position, "AGAMA": "ISLAM", "PENDIDIKAN": "S1",
    })
    row.update(over)
    return row


def pppk_row(i: int, **over: Any) -> dict[str, str]:
    birth = dt.date(1985, 1 + i % 12, 1 + i % 28)
    start = dt.date(2022, 4, 1)
    row = pns_row(i, **over)
    row.update({"NIP_BARU": pppk_nip(birth, start, "P", i % 999 + 1), "TANGGAL_LAHIR": birth.isoformat(),
                "JENIS_KELAMIN": "P", "JENIS_PEGAWAI": "PPPK", "GOL": "IX", "TMT_CPNS": "",
                "TMT_KONTRAK_AWAL": start.isoformat(), "TMT_KONTRAK_AKHIR": "2027-03-31"})
    row.update(over)
    return row


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[dict[str, str]]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Pegawai")
    sheet.append(HEADER)
    for row in rows:
        sheet.append([row[h] for h in HEADER])
    workbook.save(path)
    return path


def reference_objects() -> dict[str, Any]:
    """Instansi I-A (unit U1, positions J1 open to PPPK and S1 not) and I-B (unit U1, J1)."""
    from simasn.law.enums import PositionKind
    from simasn.testing.factories import InstansiFactory, PositionFactory, UnitFactory

    a = InstansiFactory(code="I-A")
    b = InstansiFactory(code="I-B")
    unit_a, unit_b = UnitFactory(instansi=a, code="U1"), UnitFactory(instansi=b, code="U1")
    return {
        "a": a, "b": b,
        "j1": PositionFactory(instansi=a, unit=unit_a, code="J1", open_to_pppk=True),
        "s1": PositionFactory(instansi=a, unit=unit_a, code="S1", open_to_pppk=False,
                              kind=PositionKind.ADMINISTRATOR.value),
        "jb": PositionFactory(instansi=b, unit=unit_b, code="J1"),
    }


def import_path(path: Path | str, *, actor: Any = None, resume: bool = True, **run: Any) -> ImportJob:
    """Import a local file the way the command line does (create or resume the job, run it)."""
    source = Source.path(path)
    job = import_job_create(actor=actor, interface=Interface.CLI, source=source, resume=resume)
    return import_job_run(job=job, actor=actor, source=source, **run)
