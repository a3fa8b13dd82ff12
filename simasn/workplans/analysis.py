"""The synchronization analysis given to the discussion meeting (PermenRK Pasal 5 ayat (5)):
(a) coverage of every Arah Kebijakan programme and indicator, (b) activities tied to no
programme, (c) likely overlaps and duplicates between participants — with the words that
matched, the glossary's reasons and the model version that found them — and (d) totals of
budget, and of targets per unit of measure (a sum never mixes units: percent and people are
never added), with activities whose unit is not their indicator's flagged.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from simasn.workplans import detection
from simasn.workplans.models import (
    Activity,
    Cycle,
    Draft,
    LabelledPair,
    PolicyIndicator,
    PolicyProgram,
)
from simasn.workplans.overlap.detector import SAME, Detector, Explanation
from simasn.workplans.overlap.features import ActivityText

#: Units whose values are rates or scores: shown per activity, never added up.
NON_ADDITIVE_UNITS = frozenset({"persen", "indeks", "nilai", "skor", "predikat", "rasio", "kategori"})
UNIT_ALIASES = {"%": "persen", "prosentase": "persen", "persentase": "persen", "org": "orang", "pegawai": "orang",
                "peserta": "orang", "asn": "orang", "dok": "dokumen", "lap": "laporan", "keg": "kegiatan"}


def unit_key(unit: str) -> str:
    word = " ".join(unit.lower().replace("%", " % ").split())
    return UNIT_ALIASES.get(word, word)


@dataclass(frozen=True)
class OverlapPair:
    a: Activity
    b: Activity
    score: float
    band: str
    explanation: Explanation | None = None
    #: A participant's mark on the pair: True "juga tumpang tindih", False "bukan tumpang tindih".
    marked: bool | None = None
    marked_by: str = ""

    @property
    def is_duplicate(self) -> bool:
        return self.band == SAME


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
    activities: list[Activity] = field(default_factory=list)
    unit_totals: list[dict[str, Any]] = field(default_factory=list)
    unit_mismatches: list[Activity] = field(default_factory=list)
    detector_version: str = ""
    glossary_version: str = ""
    threshold: float = 0.0

    @property
    def uncovered_programs(self) -> list[dict[str, Any]]:
        return [p for p in self.programs if not p["covered"]]

    @property
    def uncovered_indicators(self) -> list[dict[str, Any]]:
        return [i for i in self.indicators if not i["covered"]]

    @property
    def total_budget(self) -> int:
        return sum(self.budget_by_institution.values())

    def overlap_groups(self) -> list[tuple[str, list[OverlapPair]]]:
        """Pairs grouped by the Arah Kebijakan programme both activities serve (else "across programmes")."""
        groups: dict[str, list[OverlapPair]] = defaultdict(list)
        for pair in self.overlaps:
            pa, pb = pair.a.program.policy_program, pair.b.program.policy_program
            if pa is not None and pb is not None and pa.pk == pb.pk:
                groups[f"{pa.code} {pa.name}"].append(pair)
            else:
                groups[_("Antarprogram")].append(pair)
        across = _("Antarprogram")
        return sorted(groups.items(), key=lambda item: (item[0] == across, item[0]))

    def chart(self) -> dict[str, Any]:
        """A Chart.js stacked bar spec: budget per programme, one series per participant."""
        palette = ["#1f6feb", "#d29922", "#2da44e", "#cf222e", "#8250df", "#57606a"]
        labels = [p["program"].code for p in self.programs]
        if self.unlinked:
            labels.append("—")
        datasets = []
        for index, inst in enumerate(self.institutions):
            values = [p["budget"].get(inst, 0) / 1_000_000 for p in self.programs]
            if self.unlinked:
                values.append(sum(a.budget for a in self.unlinked if a.program.draft.institution.short_name == inst) / 1_000_000)
            datasets.append({"label": inst, "data": values, "backgroundColor": palette[index % len(palette)]})
        return {
            "type": "bar",
            "data": {"labels": labels, "datasets": datasets},
            "options": {"responsive": True, "scales": {"x": {"stacked": True}, "y": {"stacked": True,
                        "title": {"display": True, "text": _("Rp juta")}}}},
        }


def _activities(cycle: Cycle, kind: str) -> list[Activity]:
    return list(Activity.objects.filter(program__draft__cycle=cycle, program__draft__kind=kind)
                .select_related("program__draft__institution", "program__policy_program", "indicator__program")
                .order_by("program__draft__institution__code", "code"))


def _text(act: Activity) -> ActivityText:
    return ActivityText(name=act.name, institution=str(act.program.draft.institution_id), unit=act.target_unit)


def find_overlaps(activities: list[Activity], *, cycle: Cycle | None = None,
                  detector: Detector | None = None) -> list[OverlapPair]:
    """Pairs of activities of different participants the detector finds likely the same
    work, plus the pairs participants marked "juga tumpang tindih"; a participant's marks are
    shown on their pair."""
    detector = detector or detection.detector()
    items = [_text(a) for a in activities]
    index = {a.pk: i for i, a in enumerate(activities)}
    found = {(c.i, c.j): (c.probability, c.band) for c in detector.find(items)}
    marks: dict[tuple[int, int], LabelledPair] = {}
    if cycle is not None:
        for mark in (LabelledPair.objects.filter(cycle=cycle, origin=LabelledPair.Origin.MARK)
                     .select_related("updated_by").order_by("id")):
            i, j = index.get(mark.activity_a_id), index.get(mark.activity_b_id)
            if i is not None and j is not None:
                marks[(min(i, j), max(i, j))] = mark
    extra = [key for key, mark in marks.items() if mark.is_overlap and key not in found]
    if extra:
        for key, p in zip(extra, detector.probabilities(items, extra), strict=True):
            found[key] = (float(p), detector.band(float(p)))
    pairs = []
    for (i, j), (prob, band) in found.items():
        label = marks.get((i, j))
        who = ""
        if label is not None and label.updated_by is not None:
            who = label.updated_by.get_full_name() or label.updated_by.username
        pairs.append(OverlapPair(activities[i], activities[j], prob, band, detector.explain(items[i], items[j]),
                                 marked=label.is_overlap if label is not None else None, marked_by=who))
    return sorted(pairs, key=lambda p: (-p.score, p.a.pk, p.b.pk))


def explain_decisions(overlaps: list[Any]) -> list[tuple[Any, str, Explanation]]:
    """The meeting's pairs with their similarity in words and the reasons (scores were stored
    when the meeting opened; the words are read against the detector in force)."""
    detector = detection.detector()
    out = []
    for o in overlaps:
        a, b = _text(o.activity_a), _text(o.activity_b)
        out.append((o, detector.band(o.score), detector.explain(a, b)))
    return out


def _targets(result: Analysis, activities: list[Activity]) -> None:
    """Target totals per unit and institution; indicator coverage counting only activities
    in the indicator's own unit (an activity in another unit is listed as a mismatch)."""
    per_unit: dict[str, dict[str, Any]] = {}
    for act in activities:
        key = unit_key(act.target_unit)
        row = per_unit.setdefault(key, {"unit": act.target_unit.strip(), "additive": key not in NON_ADDITIVE_UNITS,
                                        "count": 0, "values": defaultdict(list)})
        row["count"] += 1
        row["values"][act.program.draft.institution.short_name].append(act.target)
        if act.indicator is not None and unit_key(act.indicator.unit) != key:
            result.unit_mismatches.append(act)
    for key in sorted(per_unit):
        row = per_unit[key]
        values = row.pop("values")
        # A rate is shown per activity; an amount is added up per institution and overall.
        cells = [(sum(values[i]) if row["additive"] else values[i]) if values.get(i) else None
                 for i in result.institutions]
        total = sum(sum(v) for v in values.values()) if row["additive"] else None
        result.unit_totals.append({**row, "key": key, "cells": cells, "total": total})


def analyse_cycle(cycle: Cycle, *, kind: str = Draft.Kind.USULAN) -> Analysis:
    activities = _activities(cycle, kind)
    institutions = [p.institution.short_name for p in cycle.participants.select_related("institution")]
    detector = detection.detector()
    result = Analysis(cycle=cycle, kind=kind, institutions=institutions, activity_count=len(activities), activities=activities,
                      detector_version=detector.version, glossary_version=detector.glossary.version,
                      threshold=detector.model.threshold)
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
        own_unit = [a for a in acts if unit_key(a.target_unit) == unit_key(indicator.unit)]
        values: dict[str, list[Decimal]] = defaultdict(list)
        for act in own_unit:
            values[act.program.draft.institution.short_name].append(act.target)
        additive = unit_key(indicator.unit) not in NON_ADDITIVE_UNITS
        result.indicators.append({
            "indicator": indicator, "covered": bool(acts), "count": len(acts), "additive": additive,
            "policy_target": indicator.targets.get(str(cycle.year_start), ""),
            # A rate (percent, index) is never added up: each activity's value is shown.
            "target_cells": [(sum(values[i]) if additive else values[i]) if values.get(i) else None
                             for i in institutions],
            "other_units": sorted({a.target_unit for a in acts} - {a.target_unit for a in own_unit}),
        })
    _targets(result, activities)
    result.overlaps = find_overlaps(activities, cycle=cycle, detector=detector)
    return result
