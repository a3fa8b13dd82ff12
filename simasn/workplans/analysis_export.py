"""The synchronization analysis as a workbook: one sheet per part (a)-(d)."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from simasn.web.exports import xlsx_row
from simasn.workplans.analysis import Analysis
from simasn.workplans.overlap.detector import SAME, SIMILAR

BAND_LABELS = {SAME: "kemungkinan sama", SIMILAR: "mirip"}


def band_label(band: str) -> str:
    return {SAME: _("kemungkinan sama"), SIMILAR: _("mirip")}.get(band, _("berbeda"))


def _number(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return float(value) if isinstance(value, Decimal) else value


def analysis_xlsx(result: Analysis) -> bytes:
    # Imported on first use: openpyxl takes ~0.2 s to import, paid only by XLSX work.
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Cakupan program"
    ws.append(xlsx_row(ws, ["Kode", "Program Arah Kebijakan", "Tercakup", "Jumlah kegiatan", *result.institutions, "Total (Rp)"]))
    for row in result.programs:
        ws.append(xlsx_row(ws, [row["program"].code, row["program"].name, "ya" if row["covered"] else "TIDAK", row["count"],
                   *row["budget_cells"], row["total"]]))
    ws = wb.create_sheet("Cakupan indikator")
    ws.append(xlsx_row(ws, ["Program", "Kode", "Indikator", "Satuan", f"Target {result.cycle.year_start}", "Tercakup",
               *[f"Target {i}" for i in result.institutions], "Kegiatan bersatuan lain"]))
    for row in result.indicators:
        ind = row["indicator"]
        ws.append(xlsx_row(ws, [ind.program.code, ind.code, ind.name, ind.unit, row["policy_target"],
                   "ya" if row["covered"] else "TIDAK", *[_number(v) for v in row["target_cells"]],
                   ", ".join(row["other_units"])]))
    ws = wb.create_sheet("Target per satuan")
    ws.append(xlsx_row(ws, ["Satuan", "Jumlah kegiatan", *result.institutions, "Total"]))
    for row in result.unit_totals:
        ws.append(xlsx_row(ws, [row["unit"], row["count"], *[_number(v) for v in row["cells"]],
                   _number(row["total"]) if row["additive"] else "tidak dijumlahkan"]))
    ws = wb.create_sheet("Tanpa program")
    ws.append(xlsx_row(ws, ["Lembaga", "Kode", "Kegiatan", "Anggaran (Rp)"]))
    for act in result.unlinked:
        ws.append(xlsx_row(ws, [act.program.draft.institution.short_name, act.code, act.name, act.budget]))
    ws = wb.create_sheet("Tumpang tindih")
    ws.append(xlsx_row(ws, ["Kemiripan", "Peluang", "Lembaga A", "Kegiatan A", "Lembaga B", "Kegiatan B", "Alasan",
               "Pembeda", "Tanda peserta", f"Model v{result.detector_version}"]))
    for pair in result.overlaps:
        exp = pair.explanation
        ws.append(xlsx_row(ws, [BAND_LABELS.get(pair.band, "berbeda"), round(pair.score, 3),
                   pair.a.program.draft.institution.short_name, f"{pair.a.code} {pair.a.name}",
                   pair.b.program.draft.institution.short_name, f"{pair.b.code} {pair.b.name}",
                   "; ".join(exp.reasons) if exp else "",
                   "; ".join(f"{d}: {x} / {y}" for d, x, y in exp.contrasts) if exp else "",
                   "" if pair.marked is None else "juga tumpang tindih" if pair.marked else "bukan tumpang tindih", ""]))
    ws = wb.create_sheet("Total anggaran")
    ws.append(xlsx_row(ws, ["Lembaga", "Anggaran (Rp)"]))
    for inst, total in result.budget_by_institution.items():
        ws.append(xlsx_row(ws, [inst, total]))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
