"""XLSX template round trip and all-or-nothing import with row-numbered reasons."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from simasn.core.errors import ApplicationError
from simasn.workplans import services, xlsx
from simasn.workplans.models import Activity, Draft
from simasn.workplans.tests.conftest import W, fill_draft

pytestmark = pytest.mark.django_db



def _book(rows: list[list[Any]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = xlsx.SHEET
    ws.append(xlsx.HEADERS)
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


GOOD = ["PR1", "Program talenta", "P1", "B1", "Uji kompetensi untuk pemetaan talenta ASN", "I1",
        "Peta talenta nasional", 1, "dokumen", 1500000000, "Direktorat Pengembangan"]


def test_export_then_import_round_trip(users: Any, draft: Draft) -> None:
    fill_draft(users.planner["BKN"], draft)
    before = sorted(Activity.objects.filter(program__draft=draft).values_list("code", "budget", "indicator_id"))
    data = xlsx.template_bytes(draft)
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == [xlsx.SHEET, "Petunjuk", "Referensi"]
    assert services.draft_import_xlsx(actor=users.planner["BKN"], interface=W, draft=draft, data=data) == len(before)
    after = sorted(Activity.objects.filter(program__draft=draft).values_list("code", "budget", "indicator_id"))
    assert after == before


def test_bad_rows_are_reported_and_nothing_is_imported(users: Any, draft: Draft) -> None:
    fill_draft(users.planner["BKN"], draft)
    before = list(Activity.objects.filter(program__draft=draft).values_list("pk", flat=True))
    rows = [
        GOOD,
        ["PR1", "Program talenta", "P1", "B2", "Kegiatan kedua", "I9", "x", 1, "dokumen", 10, "Unit"],
        ["PR1", "Program talenta", "P1", "B3", "Kegiatan ketiga", "", "x", "satu", "dokumen", "1.500.000", "Unit"],
        ["PR2", "Program lain", "PX", "B1", "", "", "x", 1, "dokumen", 5, "Unit"],
        [None] * 11,
        ["PR3", "Program tanpa AK", "", "B7", "Pengelolaan arsip", "", "Arsip tertata", 2.5, "paket", 1000, "Biro Umum"],
    ]
    with pytest.raises(ApplicationError) as refused:
        services.draft_import_xlsx(actor=users.planner["BKN"], interface=W, draft=draft, data=_book(rows))
    errors = refused.value.details["errors"]
    assert [e["row"] for e in errors] == [3, 4, 5]
    assert "I9" in errors[0]["reason"]
    assert "target" in errors[1]["reason"] and "anggaran" in errors[1]["reason"]
    assert "PX" in errors[2]["reason"] and "nama_kegiatan" in errors[2]["reason"] and "baris 2" in errors[2]["reason"]
    assert list(Activity.objects.filter(program__draft=draft).values_list("pk", flat=True)) == before


def test_wrong_file_and_wrong_headers(users: Any, draft: Draft) -> None:
    with pytest.raises(ApplicationError):
        services.draft_import_xlsx(actor=users.planner["BKN"], interface=W, draft=draft, data=b"not a workbook")
    wb = Workbook()
    wb.active.title = xlsx.SHEET
    wb.active.append(["kode", "nama"])
    buffer = io.BytesIO()
    wb.save(buffer)
    with pytest.raises(ApplicationError) as refused:
        services.draft_import_xlsx(actor=users.planner["BKN"], interface=W, draft=draft, data=buffer.getvalue())
    assert "kode_program" in refused.value.message


def test_import_of_good_rows_replaces_the_draft(users: Any, draft: Draft) -> None:
    rows = [GOOD, ["PR3", "Program tanpa AK", "", "B7", "Pengelolaan arsip", "", "Arsip tertata", 2.5, "paket", 1000,
                   "Biro Umum"]]
    assert services.draft_import_xlsx(actor=users.planner["BKN"], interface=W, draft=draft, data=_book(rows)) == 2
    b7 = Activity.objects.get(program__draft=draft, code="B7")
    assert b7.program.policy_program is None and str(b7.target) == "2.50" and b7.budget == 1000


def test_other_institution_cannot_import(users: Any, draft: Draft) -> None:
    from simasn.core.errors import PermissionDeniedError

    with pytest.raises(PermissionDeniedError):
        services.draft_import_xlsx(actor=users.planner["LAN"], interface=W, draft=draft, data=_book([GOOD]))
