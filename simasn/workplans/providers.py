"""Facts the work-plan chapter offers other chapters (simasn.core.providers): the programmes
of an instansi's plan for a year, so performance can tie an organisation goal of the SKP to
the instansi's own plan (issue 15 item 2). No access check here: the caller scopes."""

from __future__ import annotations

from typing import Any

from simasn.workplans.models import Draft, DraftProgram


def programmes_of_instansi(*, instansi_id: int, year: int) -> list[dict[str, Any]]:
    """The programmes (with their activities) of the plans of the national institution(s)
    registered as `instansi_id` whose cycle covers `year`: per cycle the aligned draft
    (SELARAS) where the meeting produced one, else the participant's own draft; superseded
    revisions are skipped. Each programme: `{"key", "code", "name", "cycle", "draft_kind",
    "activities": [{"code", "name", "output"}]}`; `key` is stable ("workplans.program:<id>").
    An instansi without a plan gets `[]`."""
    drafts = (Draft.objects.filter(institution__instansi_id=instansi_id, cycle__year_start__lte=year,
                                   cycle__year_end__gte=year, cycle__is_superseded=False)
              .select_related("cycle").order_by("-cycle__year_start", "-cycle__reference_date", "kind"))
    chosen: dict[int, Draft] = {}
    for draft in drafts:
        current = chosen.get(draft.cycle_id)
        if current is None or (draft.kind == Draft.Kind.SELARAS and current.kind != Draft.Kind.SELARAS):
            chosen[draft.cycle_id] = draft
    if not chosen:
        return []
    programmes = (DraftProgram.objects.filter(draft__in=list(chosen.values()))
                  .select_related("draft__cycle").prefetch_related("activities").order_by("draft_id", "code"))
    return [{
        "key": f"workplans.program:{p.pk}",
        "code": p.code,
        "name": p.name,
        "cycle": p.draft.cycle.title,
        "draft_kind": p.draft.kind,
        "activities": [{"code": a.code, "name": a.name, "output": a.output} for a in p.activities.all()],
    } for p in programmes]
