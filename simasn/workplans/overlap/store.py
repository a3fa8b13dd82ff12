"""The labelled pairs shipped with the code and the baseline model trained from them: what a
fresh install detects with, before any meeting has labelled a pair. No database here
(`simasn.workplans.detection` lays the administrators' glossary versions and the stored
model versions over this).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import yaml

from simasn.workplans.overlap import glossary as g
from simasn.workplans.overlap.features import ActivityText
from simasn.workplans.overlap.model import Example, TrainedModel, train

PAIRS_DIR = Path(__file__).with_name("pairs")
#: The labelled pairs the baseline learns from: the development part of the first labelled set,
#: its former held-out part (development data since 2026-12-01), the pairs written with the first
#: detector, held-out sets 2-13 (each measured once, then development data) and the training pairs
#: of eleven more authors who wrote blind (rounds 7-10, 2026-12-02; pairs/README.md), and held-out sets
#: 14-23 (rounds 15 and 16, 2026-12-03). A held-out set
#: is never here (it lives with the tests, simasn/workplans/tests/data/).
SEED_PAIR_FILES = ("dev.yaml", "former_heldout.yaml", "early.yaml", "heldout2_seen.yaml", "heldout3_seen.yaml",
                   "heldout4_seen.yaml", "heldout5_seen.yaml", "heldout6_seen.yaml",
                   "train7a.yaml", "train7b.yaml", "heldout7_seen.yaml", "train8a.yaml", "train8b.yaml", "train8c.yaml",
                   "heldout8_seen.yaml", "train9a.yaml", "train9b.yaml", "train9c.yaml",
                   "heldout9_seen.yaml", "train10a.yaml", "train10b.yaml", "train10c.yaml", "heldout10_seen.yaml",
                   "heldout11_seen.yaml", "heldout12_seen.yaml", "heldout13_seen.yaml", "heldout14_seen.yaml",
                   "heldout15_seen.yaml", "heldout16_seen.yaml", "heldout17_seen.yaml", "heldout18_seen.yaml",
                   "heldout19_seen.yaml", "heldout20_seen.yaml", "heldout21_seen.yaml", "heldout22_seen.yaml",
                   "heldout23_seen.yaml")
BASELINE = "0"

#: libyaml's safe loader when PyYAML was built with it (the wheels are): the 30 pair files
#: load in 1.6 s instead of 6.5 s (measured at round 10).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_pairs(path: Path, *, origin: str = "seed") -> list[Example]:
    """Labelled pairs in the shared YAML shape (see pairs/README.md)."""
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    items = raw.get("pairs", raw) if isinstance(raw, dict) else raw
    examples = []
    for item in items or ():
        a, b = item["a"], item["b"]
        examples.append(Example(
            a=ActivityText(name=str(a["activity"]).strip(), description=str(a.get("description") or "").strip(),
                           institution=str(a.get("institution") or ""), unit=str(a.get("unit") or "").strip()),
            b=ActivityText(name=str(b["activity"]).strip(), description=str(b.get("description") or "").strip(),
                           institution=str(b.get("institution") or ""), unit=str(b.get("unit") or "").strip()),
            overlap=bool(item["overlap"]), kind=str(item.get("kind") or ""), origin=origin))
    return examples


def seed_examples() -> list[Example]:
    examples: list[Example] = []
    for name in SEED_PAIR_FILES:
        path = PAIRS_DIR / name
        if path.exists():
            examples.extend(load_pairs(path))
    return examples


_baselines: dict[str, TrainedModel] = {}

#: The baseline trained on the seed glossary and the seed pairs, shipped so that a fresh install
#: does not spend half a minute training it (11,158 pairs and 28,000 random pairings). It records the
#: digest of what it was trained from; when the code, the pairs or the glossary change, it no
#: longer matches and the baseline is trained again (write a new one with
#: ``python -m simasn.workplans.overlap.store``; a test checks the shipped file matches).
BASELINE_FILE = PAIRS_DIR / "baseline.json"
#: The modules whose code decides what training produces.
_TRAINING_CODE = ("features.py", "model.py", "text.py", "embedding.py", "glossary.py", "store.py")


def inputs_digest(glossary_obj: g.Glossary) -> str:
    """SHA-256 of everything the baseline is trained from: the glossary version, the pair files
    in order and the training code."""
    digest = hashlib.sha256(glossary_obj.version.encode())
    for name in SEED_PAIR_FILES:
        digest.update(name.encode())
        digest.update((PAIRS_DIR / name).read_bytes())
    here = Path(__file__).parent
    for name in _TRAINING_CODE:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def shipped(glossary_obj: g.Glossary) -> TrainedModel | None:
    """The shipped baseline, when it was trained from exactly these inputs."""
    try:
        raw = json.loads(BASELINE_FILE.read_bytes())
    except (OSError, ValueError):
        return None
    if raw.get("inputs") != inputs_digest(glossary_obj):
        return None
    try:
        return TrainedModel.from_json(json.dumps(raw["model"]))
    except (KeyError, TypeError, ValueError):
        return None


def write_shipped() -> Path:
    gloss = g.seed()
    model = train(gloss, seed_examples())
    payload = {"inputs": inputs_digest(gloss), "model": json.loads(model.to_json())}
    BASELINE_FILE.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return BASELINE_FILE


def baseline(glossary_obj: g.Glossary) -> TrainedModel:
    """The model a fresh install uses: the shipped file for the seed glossary, else trained from
    the seed pairs (about half a minute, once per process and glossary version)."""
    version = glossary_obj.version
    if version not in _baselines:
        _baselines[version] = shipped(glossary_obj) or train(glossary_obj, seed_examples())
    return _baselines[version]


if __name__ == "__main__":
    print(write_shipped())
