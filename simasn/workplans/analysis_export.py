"""The synchronization analysis as a workbook: one sheet per part (a)-(d)."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

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
    ws.append(["Kode", "Program Arah Kebijakan", "Tercakup", "Jumlah kegiatan", *result.institutions, "Total (Rp)"])
    for row in result.programs:
        ws.append([row["program"].code, row["program"].name, "ya" if row["covered"] else "TIDAK", row["count"],
                   *row["budget_cells"], row["total"]])
    ws = wb.create_sheet("Cakupan indikator")
    ws.append(["Program", "Kode", "Indikator", "Satuan", f"Target {result.cycle.year_start}", "Tercakup",
               *[f"Target {i}" for i in result.institutions], "Kegiatan bersatuan lain"])
    for row in result.indicators:
        ind = row["indicator"]
        ws.append([ind.program.code, ind.code, ind.name, ind.unit, row["policy_target"],
                   "ya" if row["covered"] else "TIDAK", *[_number(v) for v in row["target_cells"]],
                   ", ".join(row["other_units"])])
    ws = wb.create_sheet("Target per satuan")
    ws.append(["Satuan", "Jumlah kegiatan", *result.institutions, "Total"])
    for row in result.unit_totals:
        ws.append([row["unit"], row["count"], *[_number(v) for v in row["cells"]],
                   _number(row["total"]) if row["additive"] else "tidak dijumlahkan"])
    ws = wb.create_sheet("Tanpa program")
    ws.append(["Lembaga", "Kode", "Kegiatan", "Anggaran (Rp)"])
    for act in result.unlinked:
        ws.append([act.program.draft.institution.short_name, act.code, act.name, act.budget])
    ws = wb.create_sheet("Tumpang tindih")
    ws.append(["Kemiripan", "Peluang", "Lembaga A", "Kegiatan A", "Lembaga B", "Kegiatan B", "Alasan",
               "Pembeda", "Tanda peserta", f"Model v{result.detector_version}"])
    for pair in result.overlaps:
        exp = pair.explanation
        ws.append([BAND_LABELS.get(pair.band, "berbeda"), round(pair.score, 3),
                   pair.a.program.draft.institution.short_name, f"{pair.a.code} {pair.a.name}",
                   pair.b.program.draft.institution.short_name, f"{pair.b.code} {pair.b.name}",
                   "; ".join(exp.reasons) if exp else "",
                   "; ".join(f"{d}: {x} / {y}" for d, x, y in exp.contrasts) if exp else "",
                   "" if pair.marked is None else "juga tumpang tindih" if pair.marked else "bukan tumpang tindih", ""])
    ws = wb.create_sheet("Total anggaran")
    ws.append(["Lembaga", "Anggaran (Rp)"])
    for inst, total in result.budget_by_institution.items():
        ws.append([inst, total])
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@"):
                    cell.value = "'" + cell.value  # spreadsheet exports escape formulas
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
