"""The overlap detector in force: the glossary (the seed with administrators' versions laid
over it), the newest trained model version (kept through Django's storage API), or — before
any retraining — the baseline trained from the shipped pairs. Cached per process and keyed by
what is in the database, so a new glossary version or a retrained model is used at once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from simasn.workplans.models import DetectorModel, GlossaryEntryVersion
from simasn.workplans.overlap import glossary as g
from simasn.workplans.overlap.detector import Detector
from simasn.workplans.overlap.model import TrainedModel
from simasn.workplans.overlap.store import BASELINE, baseline

_lock = threading.Lock()
_detector: tuple[tuple[Any, ...], Detector] | None = None


def glossary_from_rows(rows: Iterable[GlossaryEntryVersion]) -> g.Glossary:
    overrides: list[tuple[str, g.Entry | None, g.Source | None]] = []
    for row in rows:
        if row.retired:
            overrides.append((row.entry_key, None, None))
            continue
        source = g.Source(key=f"db-{row.pk}", title=row.source_title, verified=row.verified, url=row.source_url)
        entry = g.entry_from_data({**row.data, "id": row.entry_key, "source": source.key}, origin=str(row.pk))
        overrides.append((row.entry_key, entry, source))
    return g.merged(overrides)


def glossary() -> g.Glossary:
    return glossary_from_rows(GlossaryEntryVersion.objects.order_by("id"))


def detector() -> Detector:
    """The detector in force (rebuilt when the glossary or the model version changes)."""
    global _detector
    rows = list(GlossaryEntryVersion.objects.order_by("id"))
    stored = DetectorModel.objects.order_by("-version").first()
    key = (tuple((r.pk, r.entry_key) for r in rows), stored.pk if stored else None)
    cached = _detector
    if cached is not None and cached[0] == key:
        return cached[1]
    gloss = glossary_from_rows(rows)
    if stored is None:
        built = Detector(gloss, baseline(gloss), version=BASELINE)
    else:
        with stored.file.open("rb") as handle:
            data = handle.read()
        try:
            built = Detector(gloss, TrainedModel.from_json(data), version=str(stored.version))
        except ValueError:
            # A model stored before the features changed (format 1 had neither "embed" nor "term") cannot
            # score today's rows: the baseline serves until an administrator retrains.
            built = Detector(gloss, baseline(gloss), version=BASELINE)
    with _lock:
        _detector = (key, built)
    return built


def invalidate() -> None:
    global _detector
    with _lock:
        _detector = None
