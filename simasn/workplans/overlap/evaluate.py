"""Measure a detector on labelled pairs it was not trained on.

    python -m simasn.workplans.overlap.evaluate simasn/workplans/tests/data/pairs_heldout*.yaml

(the held-out files the lead adds after the detector is frozen) trains the baseline (seed
glossary, seed pairs — never the file measured) and prints precision,
recall and F1 at the threshold chosen by cross-validation on the seed pairs, overall and per kind.

    python -m simasn.workplans.overlap.evaluate --cv

measures on the development pairs only: 5-fold cross-validation by institution pair, and each
shipped pair file held apart in turn (trained on the others; each file, then all pooled), the
threshold always chosen by cross-validation inside the training part. It also prints the share
of random cross-institution pairings of the development activities that the detector trained
on all of them flags: such pairs are nearly all unrelated work, far more common in a real cycle
than in the labelled files, so a change that raises this share costs a meeting precision the
labelled F1 does not show.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from simasn.workplans.overlap import glossary, store
from simasn.workplans.overlap.detector import Detector
from simasn.workplans.overlap.features import ActivityText
from simasn.workplans.overlap.model import (
    Example,
    Metrics,
    held_apart,
    institution_pair_folds,
    random_pairings,
    train,
)


@dataclass(frozen=True)
class Report:
    metrics: Metrics
    #: kind → (pairs, correctly labelled)
    by_kind: dict[str, tuple[int, int]]
    probabilities: list[float]
    threshold: float

    def lines(self) -> list[str]:
        m = self.metrics
        out = [f"threshold={self.threshold:.2f} precision={m.precision:.3f} recall={m.recall:.3f} f1={m.f1:.3f} "
               f"n={m.n} overlaps={m.positives}"]
        out.extend(f"  {kind:14} {correct:3}/{n:3} right" for kind, (n, correct) in sorted(self.by_kind.items()))
        return out


def evaluate(detector: Detector, examples: Sequence[Example]) -> Report:
    """Score every pair the way the analysis does (all texts of the set in one space)."""
    index: dict[ActivityText, int] = {}
    for ex in examples:
        for item in (ex.a, ex.b):
            index.setdefault(item, len(index))
    items = list(index)
    probs = [float(p) for p in detector.probabilities(items, [(index[ex.a], index[ex.b]) for ex in examples])]
    threshold = detector.model.threshold
    predicted = [p >= threshold for p in probs]
    labels = [ex.overlap for ex in examples]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, ex in enumerate(examples):
        groups[ex.kind or "-"].append(i)
    by_kind = {kind: (len(idx), sum(1 for i in idx if predicted[i] == labels[i])) for kind, idx in groups.items()}
    return Report(Metrics.of(predicted, labels), by_kind, probs, threshold)


def baseline_detector() -> Detector:
    """The detector a fresh install uses, built without a database."""
    gloss = glossary.seed()
    return Detector(gloss, store.baseline(gloss), version=store.BASELINE)


def _report(examples: Sequence[Example], predicted: Sequence[bool]) -> list[str]:
    labels = [ex.overlap for ex in examples]
    m = Metrics.of(predicted, labels)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, ex in enumerate(examples):
        groups[ex.kind or "-"].append(i)
    kinds = " ".join(f"{kind} {sum(predicted[i] == labels[i] for i in idx)}/{len(idx)}"
                     for kind, idx in sorted(groups.items()))
    return [f"precision={m.precision:.3f} recall={m.recall:.3f} f1={m.f1:.3f} n={m.n} overlaps={m.positives}",
            f"  right per kind: {kinds}"]


def cross_validation(k: int = 5) -> list[str]:
    """The development figures: by institution pair, and each pair file held apart."""
    gloss = glossary.seed()
    files = [(name, store.load_pairs(store.PAIRS_DIR / name)) for name in store.SEED_PAIR_FILES]
    examples = [ex for _name, part in files for ex in part]
    out = [f"development pairs: {len(examples)} ({', '.join(f'{n} {len(p)}' for n, p in files)}); "
           f"glossary {gloss.version} ({len(gloss.entries)} entries)"]
    folds = institution_pair_folds(examples, k)
    out.append(f"{k}-fold by institution pair, threshold by CV inside each training part:")
    out.extend(_report(examples, held_apart(gloss, examples, folds, k=k)))
    start = 0
    file_folds = []
    for index, (_name, part) in enumerate(files):
        file_folds.extend([index] * len(part))
    predicted = held_apart(gloss, examples, file_folds, k=k)
    out.append("each file held apart (trained on the other files), all files pooled:")
    out.extend(_report(examples, predicted))
    for _index, (name, part) in enumerate(files):
        out.append(f"{name} held apart (trained on the other files):")
        out.extend(_report(part, predicted[start:start + len(part)]))
        start += len(part)
    detector = Detector(gloss, train(gloss, examples), version="cv")
    report = evaluate(detector, random_pairings(examples, 3000, seed=5))
    flagged = sum(p >= report.threshold for p in report.probabilities)
    out.append(f"random cross-institution pairings of the development activities flagged by the detector trained on "
               f"all (threshold {report.threshold:.2f}): {flagged}/{report.metrics.n} = {flagged / report.metrics.n:.3f}")
    return out


def main(argv: Sequence[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    if argv[0] == "--cv":
        for line in cross_validation():
            print(line)
        return 0
    detector = baseline_detector()
    model = detector.model
    print(f"model: baseline trained on {model.trained_on}; cross-validated on them: precision={model.cv['precision']:.3f} "
          f"recall={model.cv['recall']:.3f} f1={model.cv['f1']:.3f}; glossary {detector.glossary.version} "
          f"({len(detector.glossary.entries)} entries)")
    for name in argv:
        report = evaluate(detector, store.load_pairs(Path(name)))
        print(name)
        for line in report.lines():
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
