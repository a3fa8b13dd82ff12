"""The synchronization analysis given to the discussion meeting (PermenRK Pasal 5 ayat (5)):
(a) coverage of every Arah Kebijakan programme and indicator, (b) activities tied to no
programme, (c) likely overlaps and duplicates between participants, (d) totals of budget
and targets per programme and participant."""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from simasn.web.exports import xlsx_row
from simasn.workplans import similarity
from simasn.workplans.models import Activity, Cycle, Draft, PolicyIndicator, PolicyProgram


@dataclass(frozen=True)
class OverlapPair:
    a: Activity
    b: Activity
    score: float
    is_duplicate: bool


@dataclass
class Analysis:
    cycle: Cycle
    kind: str
    institutions: list[str]
    programs: list[dict[str, Any]] = field(default_factory=list)
    indicators: list[dict[str, Any]] = field(default_factory=list)
    unlinked: list[Activity] = field(default_factory=list)
    overlaps: list[OverlapPair] = field(default_factory=list)
    budget_by_institution: dict[str, int] = field(default_factory=dict)
    activity_count: int = 0

    @property
    def uncovered_programs(self) -> list[dict[str, Any]]:
        return [p for p in self.programs if not p["covered"]]

    @property
    def uncovered_indicators(self) -> list[dict[str, Any]]:
        return [i for i in self.indicators if not i["covered"]]

    @property
    def total_budget(self) -> int:
        return sum(self.budget_by_institution.values())

    def chart(self) -> dict[str, Any]:
        """A Chart.js stacked bar spec: budget per programme, one series per participant."""
        palette = ["#1f6feb", "#d29922", "#2da44e", "#cf222e", "#8250df", "#57606a"]
        labels = [p["program"].code for p in self.programs]
        if any(a.program.policy_program_id is None for a in self.unlinked):
            labels.append("—")
        datasets = []
        for index, inst in enumerate(self.institutions):
            values = [p["budget"].get(inst, 0) / 1_000_000 for p in self.programs]
            if len(labels) > len(self.programs):
                values.append(sum(a.budget for a in self.unlinked
                                  if a.program.draft.institution.short_name == inst) / 1_000_000)
            datasets.append({"label": inst, "data": values, "backgroundColor": palette[index % len(palette)]})
        return {
            "type": "bar",
            "data": {"labels": labels, "datasets": datasets},
            "options": {"responsive": True, "scales": {"x": {"stacked": True}, "y": {"stacked": True,
                        "title": {"display": True, "text": "Rp juta"}}}},
        }


def _activities(cycle: Cycle, kind: str) -> list[Activity]:
    return list(Activity.objects.filter(program__draft__cycle=cycle, program__draft__kind=kind)
                .select_related("program__draft__institution", "program__policy_program", "indicator__program")
                .order_by("program__draft__institution__code", "code"))


def find_overlaps(activities: list[Activity]) -> list[OverlapPair]:
    """Pairs of activities of different participants whose texts are likely the same work."""
    if len(activities) < 2:
        return []
    # Names only: the threshold was calibrated on activity names (outputs share boilerplate
    # such as "dokumen" and "laporan" that would inflate every score).
    names = similarity.similarity_matrix([a.name for a in activities])
    pairs = []
    for i, a in enumerate(activities):
        for j in range(i + 1, len(activities)):
            b = activities[j]
            if a.program.draft.institution_id == b.program.draft.institution_id:
                continue
            score = float(names[i, j])
            if score >= similarity.OVERLAP_THRESHOLD:
                pairs.append(OverlapPair(a, b, score, score >= similarity.DUPLICATE_THRESHOLD))
    return sorted(pairs, key=lambda p: -p.score)


def analyse_cycle(cycle: Cycle, *, kind: str = Draft.Kind.USULAN) -> Analysis:
    activities = _activities(cycle, kind)
    institutions = [p.institution.short_name for p in cycle.participants.select_related("institution")]
    result = Analysis(cycle=cycle, kind=kind, institutions=institutions, activity_count=len(activities))
    by_program: dict[int, list[Activity]] = defaultdict(list)
    by_indicator: dict[int, list[Activity]] = defaultdict(list)
    for act in activities:
        inst = act.program.draft.institution.short_name
        result.budget_by_institution[inst] = result.budget_by_institution.get(inst, 0) + act.budget
        if act.program.policy_program_id is None:
            result.unlinked.append(act)
            continue
        by_program[act.program.policy_program_id].append(act)
        if act.indicator_id:
            by_indicator[act.indicator_id].append(act)
    for program in PolicyProgram.objects.filter(policy=cycle.policy).order_by("code"):
        acts = by_program.get(program.pk, [])
        budget: dict[str, int] = defaultdict(int)
        for act in acts:
            budget[act.program.draft.institution.short_name] += act.budget
        result.programs.append({
            "program": program, "covered": bool(acts), "count": len(acts),
            "institutions": sorted(budget), "budget": dict(budget), "total": sum(budget.values()),
            "budget_cells": [budget.get(i, 0) for i in institutions],
        })
    for indicator in PolicyIndicator.objects.filter(program__policy=cycle.policy).select_related("program"):
        acts = by_indicator.get(indicator.pk, [])
        targets: dict[str, Decimal] = defaultdict(Decimal)
        for act in acts:
            targets[act.program.draft.institution.short_name] += act.target
        result.indicators.append({
            "indicator": indicator, "covered": bool(acts), "count": len(acts),
            "policy_target": indicator.targets.get(str(cycle.year_start), ""),
            "target_cells": [targets.get(i) for i in institutions],
            "units": sorted({a.target_unit for a in acts}),
        })
    result.overlaps = find_overlaps(activities)
    return result


def analysis_xlsx(result: Analysis) -> bytes:
    """The analysis as a workbook: one sheet per part (a)-(d)."""
    # Imported on first use: openpyxl takes ~0.2 s to import, paid only by XLSX work.
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Cakupan program"
    ws.append(["Kode", "Program Arah Kebijakan", "Tercakup", "Jumlah kegiatan", *result.institutions, "Total (Rp)"])
    for row in result.programs:
        ws.append(xlsx_row(ws, [row["program"].code, row["program"].name, "ya" if row["covered"] else "TIDAK",
                                row["count"], *row["budget_cells"], row["total"]]))
    ws = wb.create_sheet("Cakupan indikator")
    ws.append(["Program", "Kode", "Indikator", "Satuan", f"Target {result.cycle.year_start}", "Tercakup",
               *[f"Target {i}" for i in result.institutions]])
    for row in result.indicators:
        ind = row["indicator"]
        ws.append(xlsx_row(ws, [ind.program.code, ind.code, ind.name, ind.unit, row["policy_target"],
                                "ya" if row["covered"] else "TIDAK",
                                *[float(v) if v is not None else None for v in row["target_cells"]]]))
    ws = wb.create_sheet("Tanpa program")
    ws.append(["Lembaga", "Kode", "Kegiatan", "Anggaran (Rp)"])
    for act in result.unlinked:
        ws.append(xlsx_row(ws, [act.program.draft.institution.short_name, act.code, act.name, act.budget]))
    ws = wb.create_sheet("Tumpang tindih")
    ws.append(["Kemiripan", "Jenis", "Lembaga A", "Kegiatan A", "Lembaga B", "Kegiatan B"])
    for pair in result.overlaps:
        ws.append(xlsx_row(ws, [round(pair.score, 3), "duplikasi" if pair.is_duplicate else "tumpang tindih",
                                pair.a.program.draft.institution.short_name, f"{pair.a.code} {pair.a.name}",
                                pair.b.program.draft.institution.short_name, f"{pair.b.code} {pair.b.name}"]))
    ws = wb.create_sheet("Total anggaran")
    ws.append(["Lembaga", "Anggaran (Rp)"])
    for inst, total in result.budget_by_institution.items():
        ws.append(xlsx_row(ws, [inst, total]))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
