"""Chart.js specs of the national view (drawn by simasn/static/simasn/app.js)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

MILLION = 1_000_000


def _bar(labels: list[str], datasets: list[tuple[str, list[Any], str]], y_title: str) -> dict[str, Any]:
    return {"type": "bar",
            "data": {"labels": labels, "datasets": [{"label": label, "data": data, "backgroundColor": colour}
                                                    for label, data, colour in datasets]},
            "options": {"responsive": True, "scales": {"y": {"beginAtZero": True,
                                                             "title": {"display": True, "text": y_title}}}}}


def national_charts(summary: dict[str, Any]) -> dict[str, Any]:
    families, regions = summary.get("families", []), summary.get("regions", [])
    return {
        "family_chart": _bar([r["name"] for r in families], [
            (_("Diusulkan"), [r["proposed"] for r in families], "#1f77b4"),
            (_("Ditetapkan"), [r["approved"] for r in families], "#2ca02c"),
        ], _("Formasi")),
        "region_chart": _bar([r["name"] for r in regions], [
            (_("Biaya usulan"), [round(r["cost"] / MILLION) for r in regions], "#1f77b4"),
            (_("Biaya ditetapkan"), [round(r["approved_cost"] / MILLION) for r in regions], "#2ca02c"),
            (_("Pagu"), [round(r["ceiling"] / MILLION) for r in regions], "#ff7f0e"),
        ], _("Rp juta per tahun")),
    }
