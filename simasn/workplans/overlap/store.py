"""The detector in force: the glossary (seed + administrators' versions), the newest trained
model (stored through Django's storage API), or — on a fresh install — a baseline trained in
memory from the seed pairs shipped with the code. Cached per process, keyed by what is in
the database, so a new glossary version or a retrained model is used at once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from simasn.workplans.overlap import glossary as g
from simasn.workplans.overlap.detector import Detector
from simasn.workplans.overlap.features import ActivityText
from simasn.workplans.overlap.model import Example, TrainedModel, train

PAIRS_DIR = Path(__file__).with_name("pairs")
#: The labelled pairs the baseline learns from: the development part of the labelled set and
#: the pairs written with the first detector. The held-out part is never here (it lives with
#: the tests, simasn/workplans/tests/data/).
SEED_PAIR_FILES = ("dev.yaml", "early.yaml")
BASELINE = "0"

_lock = threading.Lock()
_detector: tuple[tuple[Any, ...], Detector] | None = None


def load_pairs(path: Path, *, origin: str = "seed") -> list[Example]:
    """Labelled pairs in the shared YAML shape (see pairs/README.md)."""
    import yaml

    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = raw.get("pairs", raw) if isinstance(raw, dict) else raw
    examples = []
    for item in items or ():
        a, b = item["a"], item["b"]
        examples.append(Example(
            a=ActivityText(name=str(a["activity"]).strip(), description=str(a.get("description") or "").strip(),
                           institution=str(a.get("institution") or "")),
            b=ActivityText(name=str(b["activity"]).strip(), description=str(b.get("description") or "").strip(),
                           institution=str(b.get("institution") or "")),
            overlap=bool(item["overlap"]), kind=str(item.get("kind") or ""), origin=origin))
    return examples


def seed_examples() -> list[Example]:
    examples: list[Example] = []
    for name in SEED_PAIR_FILES:
        path = PAIRS_DIR / name
        if path.exists():
            examples.extend(load_pairs(path))
    return examples


def _glossary_rows() -> list[Any]:
    from simasn.workplans.models import GlossaryEntryVersion

    return list(GlossaryEntryVersion.objects.order_by("id"))


def glossary_from_rows(rows: Iterable[Any]) -> g.Glossary:
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
    return glossary_from_rows(_glossary_rows())


_baselines: dict[str, TrainedModel] = {}


def baseline(glossary_obj: g.Glossary) -> TrainedModel:
    """The model a fresh install uses: trained from the seed pairs (a few seconds, once per
    process and glossary version)."""
    version = glossary_obj.version
    if version not in _baselines:
        _baselines[version] = train(glossary_obj, seed_examples())
    return _baselines[version]


def _newest_model() -> Any:
    from simasn.workplans.models import DetectorModel

    return DetectorModel.objects.order_by("-version").first()


def detector() -> Detector:
    """The detector in force (rebuilt when the glossary or the model version changes)."""
    global _detector
    rows = _glossary_rows()
    stored = _newest_model()
    key = (tuple((r.pk, r.entry_key) for r in rows), stored.pk if stored else None)
    cached = _detector
    if cached is not None and cached[0] == key:
        return cached[1]
    gloss = glossary_from_rows(rows)
    if stored is None:
        built = Detector(gloss, baseline(gloss), version=BASELINE)
    else:
        with stored.file.open("rb") as handle:
            model = TrainedModel.from_json(handle.read())
        built = Detector(gloss, model, version=str(stored.version))
    with _lock:
        _detector = (key, built)
    return built


def invalidate() -> None:
    global _detector
    with _lock:
        _detector = None
