"""The dashboard's "Menunggu tindakan Anda": every app's `waiting_for(viewer=...)`, composed.

An app adds its dotted function path to SOURCES (see simasn.web.waiting for the contract)."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.module_loading import import_string

from simasn.accounts.actors import User
from simasn.web.waiting import WaitingItem

SOURCES: tuple[str, ...] = (
    "simasn.actions.waiting.waiting_for",
    "simasn.workplans.waiting.waiting_for",
    "simasn.bulk.waiting.waiting_for",
    "simasn.planning.waiting.waiting_for",
    "simasn.procurement.waiting.waiting_for",
    "simasn.performance.waiting.waiting_for",
    "simasn.learning.waiting.waiting_for",
    "simasn.talent.waiting.waiting_for",
    "simasn.discipline.waiting.waiting_for",
    "simasn.disputes.waiting.waiting_for",
    "simasn.rewards.waiting.waiting_for",
)


def waiting_for(*, viewer: User, sources: tuple[str, ...] | None = None) -> list[WaitingItem]:
    """Every non-empty item for the viewer, urgent first, in the order of SOURCES."""
    items: list[WaitingItem] = []
    for path in SOURCES if sources is None else sources:
        source: Callable[..., list[WaitingItem]] = import_string(path)
        items.extend(item for item in source(viewer=viewer) if item.count > 0)
    return sorted(items, key=lambda item: not item.urgent)
