"""One XLSX template for a participant's draft, for import and export (planners live in
spreadsheets). The layout is documented in docs/workplans.md; the workbook itself
carries a "Petunjuk" sheet and a "Referensi" sheet listing the Arah Kebijakan codes.

Reading only: `parse` turns a workbook into checked rows, every bad row reported with
its row number and the reason (in Indonesian). Saving them is the service
`simasn.workplans.services.draft_import_xlsx`, all-or-nothing.
"""

from __future__ import annotations

import io
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from simasn.core.errors import ApplicationError
from simasn.web.exports import xlsx_row
from simasn.workplans.models import Draft, PolicyIndicator, PolicyProgram

SHEET = "Rencana Kerja"
#: (header, meaning) — the column order of the template.
COLUMNS: list[tuple[str, str]] = [
    ("kode_program", "Kode program lembaga (mis. PR-01)"),
    ("nama_program", "Nama program lembaga"),
    ("kode_program_ak", "Kode program Arah Kebijakan; kosongkan bila tidak terkait (akan dilaporkan dalam analisis)"),
    ("kode_kegiatan", "Kode kegiatan, unik dalam rancangan"),
    ("nama_kegiatan", "Nama kegiatan"),
    ("kode_indikator_ak", "Kode indikator Arah Kebijakan dari program yang sama; boleh kosong"),
    ("keluaran", "Keluaran (output) kegiatan"),
    ("target", "Target, angka (desimal dengan titik)"),
    ("satuan_target", "Satuan target (dokumen, orang, persen, ...)"),
    ("anggaran_rp", "Anggaran dalam rupiah, bilangan bulat tanpa titik atau koma"),
    ("unit_penanggung_jawab", "Unit kerja penanggung jawab"),
]
HEADERS = [c for c, _m in COLUMNS]
MAX_ROWS = 5000


def template_bytes(draft: Draft) -> bytes:
    """The template, filled with the draft's current activities (empty for a new draft)."""
    # Imported on first use: openpyxl takes ~0.2 s to import, paid only by XLSX work.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for program in draft.programs.select_related("policy_program").prefetch_related("activities__indicator"):
        for act in program.activities.all():
            ws.append(xlsx_row(ws, [
                program.code, program.name, program.policy_program.code if program.policy_program else "",
                act.code, act.name, act.indicator.code if act.indicator else "", act.output,
                float(act.target), act.target_unit, act.budget, act.unit_in_charge]))
    for index, width in enumerate([12, 40, 14, 14, 50, 16, 40, 10, 14, 18, 30]):
        ws.column_dimensions[chr(ord("A") + index)].width = width
    guide = wb.create_sheet("Petunjuk")
    guide.append(["Kolom", "Isi"])
    for header, meaning in COLUMNS:
        guide.append([header, meaning])
    guide.append([])
    guide.append(["", "Satu baris per kegiatan; baris program yang sama mengulang kode dan nama programnya."])
    guide.append(["", "Impor mengganti seluruh isi rancangan; bila ada baris salah, tidak ada yang disimpan."])
    ref = wb.create_sheet("Referensi")
    ref.append(["kode_program_ak", "program", "kode_indikator_ak", "indikator", "satuan"])
    for ind in PolicyIndicator.objects.filter(program__policy_id=draft.cycle.policy_id).select_related("program"):
        ref.append(xlsx_row(ref, [ind.program.code, ind.program.name, ind.code, ind.name, ind.unit]))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse(data: bytes, draft: Draft) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(rows, errors): each error {"row": n, "reason": "..."} with the spreadsheet row number."""
    # Imported on first use: openpyxl takes ~0.2 s to import, paid only by XLSX work.
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a non-XLSX upload
        raise ApplicationError(_("Berkas bukan XLSX yang dapat dibaca."), code="bad_file",
                               fields={"file": [_("Gunakan templat XLSX.")]}) from exc
    if SHEET not in wb.sheetnames:
        raise ApplicationError(_("Lembar \"%(s)s\" tidak ditemukan; gunakan templat.") % {"s": SHEET},
                               code="bad_file", fields={"file": [_("Gunakan templat XLSX.")]})
    ws = wb[SHEET]
    rows_iter = ws.iter_rows(values_only=True)
    header = [_text(v).lower() for v in next(rows_iter, ())]
    if header[: len(HEADERS)] != HEADERS:
        raise ApplicationError(_("Judul kolom tidak sesuai templat. Diharapkan: %(h)s.") % {"h": ", ".join(HEADERS)},
                               code="bad_file", fields={"file": [_("Gunakan templat XLSX.")]})
    programs = {p.code: p for p in PolicyProgram.objects.filter(policy_id=draft.cycle.policy_id)}
    indicators = {(i.program.code, i.code): i for i in
                  PolicyIndicator.objects.filter(program__policy_id=draft.cycle.policy_id).select_related("program")}
    rows, errors = [], []
    seen_codes: dict[str, int] = {}
    program_names: dict[str, tuple[str, str]] = {}
    for number, raw in enumerate(rows_iter, start=2):
        values = [_text(v) for v in list(raw)[: len(HEADERS)]] + [""] * max(0, len(HEADERS) - len(raw))
        if not any(values):
            continue
        if number > MAX_ROWS + 1:
            errors.append({"row": number, "reason": _("Melebihi %(n)d baris.") % {"n": MAX_ROWS}})
            break
        row = dict(zip(HEADERS, values, strict=True))
        reasons = []
        for key in ("kode_program", "nama_program", "kode_kegiatan", "nama_kegiatan", "keluaran", "satuan_target",
                    "unit_penanggung_jawab"):
            if not row[key]:
                reasons.append(_("kolom %(k)s wajib diisi") % {"k": key})
        policy_program = None
        if row["kode_program_ak"]:
            policy_program = programs.get(row["kode_program_ak"])
            if policy_program is None:
                reasons.append(_("kode program Arah Kebijakan %(c)s tidak dikenal") % {"c": row["kode_program_ak"]})
        indicator = None
        if row["kode_indikator_ak"]:
            if not row["kode_program_ak"]:
                reasons.append(_("indikator diisi tetapi kode program Arah Kebijakan kosong"))
            else:
                indicator = indicators.get((row["kode_program_ak"], row["kode_indikator_ak"]))
                if indicator is None:
                    reasons.append(_("indikator %(i)s bukan indikator program %(p)s") % {
                        "i": row["kode_indikator_ak"], "p": row["kode_program_ak"]})
        try:
            target = Decimal(row["target"].replace(",", "."))
            if target < 0 or not target.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            reasons.append(_("target harus angka tidak negatif (tertulis \"%(v)s\")") % {"v": row["target"]})
            target = None
        budget_text = row["anggaran_rp"]
        if budget_text.isdigit():
            budget = int(budget_text)
        else:
            budget = None
            reasons.append(_("anggaran harus bilangan bulat rupiah tanpa pemisah (tertulis \"%(v)s\")") % {
                "v": budget_text})
        if row["kode_kegiatan"] in seen_codes:
            reasons.append(_("kode kegiatan %(c)s sudah dipakai di baris %(r)d") % {
                "c": row["kode_kegiatan"], "r": seen_codes[row["kode_kegiatan"]]})
        elif row["kode_kegiatan"]:
            seen_codes[row["kode_kegiatan"]] = number
        known = program_names.get(row["kode_program"])
        if known and known != (row["nama_program"], row["kode_program_ak"]):
            reasons.append(_("program %(c)s ditulis berbeda dengan baris sebelumnya") % {"c": row["kode_program"]})
        program_names.setdefault(row["kode_program"], (row["nama_program"], row["kode_program_ak"]))
        if reasons:
            errors.append({"row": number, "reason": "; ".join(reasons)})
            continue
        rows.append({**row, "policy_program": policy_program, "indicator": indicator, "target": target,
                     "budget": budget})
    if not rows and not errors:
        errors.append({"row": 2, "reason": _("tidak ada baris kegiatan")})
    return rows, errors
