"""The learned part of the detector: a logistic regression over the pair features, its
threshold chosen by cross-validation, and its serialised form (plain JSON: weights, the
threshold, the background corpus — never a pickle).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from simasn.workplans.overlap.features import (
    FEATURES,
    ActivityText,
    PairRows,
    Space,
    pair_features,
    sigmoid,
)
from simasn.workplans.overlap.glossary import Glossary
from simasn.workplans.overlap.text import Normalizer

#: 3: the ``embed`` and ``term`` features (round 4, docs/adr/0023); 4: ``term`` a veto, the veto
#: factor stored in the file, numbered contrasts in ``strict`` (round 5, docs/adr/0025); 5: the
#: ``local`` feature and the word layer (``words``, round 7, docs/adr/0027); 6: the ``place``
#: feature (round 8). The slot signals of round 11, the ``y:`` signals of round 12 and the
#: alignment shapes of round 14 and the units of round 16 are words of the word layer: the format stays. A model file of an earlier format is not read.
FORMAT = 6
#: Regularisation of the logistic regression (chosen by cross-validation on the development
#: pairs, docs/adr/0012-overlap-detector.md; 3.0 until round 15, 8.0 since round 16: with 13,558
#: pairs the word layer can afford weaker regularisation — each file held apart, pooled F1 0.906,
#: 0.909, 0.912, 0.913, 0.913 at C 2, 3, 5, 8, 12; docs/adr/0027).
C = 8.0
#: A strict distinguishing term, or a different role where the law splits roles (policy,
#: implementation, oversight), vetoes a match however alike the rest of the names are: the
#: glossary says two members of such a dimension are different work (SKD is not SKB). Since
#: round 5 so does ``term`` (each name holds a glossary term the other lacks: SPBE / SAKIP), and
#: a veto multiplies by 0.5, not 0.2 (both chosen by institution-pair CV, docs/adr/0025).
VETO = ("strict", "role", "term")
VETO_FACTOR = 0.5
#: The word layer learns a weight for a signal (features.signals) seen in at least this many
#: training pairs (random pairings included); rarer ones are left out (round 7, docs/adr/0027).
SIGNAL_MIN_COUNT = 3


@dataclass(frozen=True)
class Example:
    a: ActivityText
    b: ActivityText
    overlap: bool
    kind: str = ""
    origin: str = "seed"


@dataclass(frozen=True)
class Metrics:
    precision: float
    recall: float
    f1: float
    n: int
    positives: int

    @classmethod
    def of(cls, predicted: Sequence[bool], labels: Sequence[bool]) -> Metrics:
        tp = sum(1 for p, y in zip(predicted, labels, strict=True) if p and y)
        fp = sum(1 for p, y in zip(predicted, labels, strict=True) if p and not y)
        fn = sum(1 for p, y in zip(predicted, labels, strict=True) if not p and y)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(round(precision, 4), round(recall, 4), round(f1, 4), len(labels), sum(labels))


@dataclass
class TrainedModel:
    coef: list[float]
    intercept: float
    threshold: float
    duplicate_threshold: float
    background: list[str]
    glossary_version: str
    features: list[str] = field(default_factory=lambda: list(FEATURES))
    trained_at: str = ""
    trained_on: dict[str, int] = field(default_factory=dict)
    cv: dict[str, Any] = field(default_factory=dict)
    veto: list[str] = field(default_factory=lambda: list(VETO))
    veto_factor: float = VETO_FACTOR
    #: The word layer: a weight per signal, added to the linear score (docs/adr/0027).
    words: dict[str, float] = field(default_factory=dict)
    format: int = FORMAT

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes | str) -> TrainedModel:
        raw = json.loads(data)
        if raw.get("format") != FORMAT or raw.get("features") != list(FEATURES):
            raise ValueError("model file of another format")
        return cls(**raw)

    def probabilities(self, pairs: PairRows) -> np.ndarray:
        if not len(pairs):
            return np.zeros(0)
        return Fitted(self.coef, self.intercept, self.words).probabilities(pairs, self.veto, self.veto_factor)


@dataclass(frozen=True)
class Fitted:
    """A fitted logistic regression: weights of the FEATURES and of the signals."""

    coef: list[float]
    intercept: float
    words: dict[str, float]

    def scores(self, pairs: PairRows) -> np.ndarray:
        linear = pairs.rows @ np.asarray(self.coef) + self.intercept
        words = np.fromiter((sum(self.words.get(s, 0.0) for s in said) for said in pairs.signals),
                            dtype=float, count=len(pairs))
        return linear + words

    def probabilities(self, pairs: PairRows, veto: Sequence[str] = VETO, factor: float = VETO_FACTOR) -> np.ndarray:
        return vetoed(pairs.rows, sigmoid(self.scores(pairs)), veto, factor)


def vetoed(rows: np.ndarray, probabilities: np.ndarray, veto: Sequence[str], factor: float = VETO_FACTOR) -> np.ndarray:
    """Each veto that applies multiplies the probability by `factor` once."""
    out = probabilities.copy()
    for name in veto:
        out[rows[:, FEATURES.index(name)] > 0] *= factor
    return out


#: Random pairings of the training activities added to every fit as "not an overlap" (round 5,
#: docs/adr/0025): the labelled files hold few unrelated pairs, a real cycle mostly those; without
#: them the model learns that names sharing no word are often the same work (the paraphrases)
#: and flags 3.7 % of random pairings instead of 1.4 %. Never used to choose the threshold.
#: 5,000 since round 6 (was 1,500): with held-out 5's activities in the pool 1,500 let the
#: threshold fall to 0.32 and 2.4 % of random pairings be flagged; 5,000 gives 1.7-2.1 % at the
#: same F1 (docs/adr/0025, "Round 6"). 8,000 at round 7 (3,158 labelled pairs) and 12,000 at
#: round 8 (4,758), 16,000 at round 9 (6,358), 20,000 at round 10 (7,958), 21,000 at round 11
#: (8,358), 22,000 at round 12 (8,758), 23,000 at round 13 (9,158), 24,000 at round 14 (9,558), 28,000 at round 15 (11,158):
#: about 2.5 per labelled pair (the share flagged, 1.4-2.3 %, is in docs/adr/0027; 3 per pair did
#: not lower it at round 11).
RANDOM_NEGATIVES = 28000
RANDOM_SEED = 77


def random_pairings(examples: Sequence[Example], n: int, seed: int) -> list[Example]:
    """`n` random pairings of the activities of `examples` (two institutions, two names),
    labelled not an overlap: unrelated work, bar a rare coincidence."""
    sides = [ex.a for ex in examples] + [ex.b for ex in examples]
    if len({s.institution.upper() for s in sides}) < 2:
        return []
    rng = random.Random(seed)
    out: list[Example] = []
    while len(out) < n:
        a, b = rng.choice(sides), rng.choice(sides)
        if a.institution.upper() != b.institution.upper() and a.name != b.name:
            out.append(Example(a=a, b=b, overlap=False, kind="random", origin="random"))
    return out


@dataclass(frozen=True)
class Negatives:
    """Random pairings' feature rows and signals, with the pairs, so a fold can leave out those
    that touch an activity of its test part."""

    rows: PairRows
    pairs: list[Example]

    def apart_from(self, examples: Sequence[Example]) -> Negatives:
        """The pairings that touch no activity of `examples` (a fold's test part)."""
        held = {item for ex in examples for item in (ex.a, ex.b)}
        keep = [i for i, ex in enumerate(self.pairs) if ex.a not in held and ex.b not in held]
        return Negatives(self.rows.take(keep), [self.pairs[i] for i in keep])


def _rows_with_negatives(normalizer: Normalizer, examples: Sequence[Example]) -> tuple[PairRows, list[str], Negatives]:
    pool = random_pairings(examples, RANDOM_NEGATIVES, RANDOM_SEED)
    rows, contents = _rows(normalizer, [*examples, *pool], [])
    n = len(examples)
    return rows.take(range(n)), contents, Negatives(rows.take(range(n, n + len(pool))), pool)


def _rows(normalizer: Normalizer, examples: Sequence[Example], background: Sequence[str]) -> tuple[PairRows, list[str]]:
    texts: dict[ActivityText, int] = {}
    for ex in examples:
        for item in (ex.a, ex.b):
            texts.setdefault(item, len(texts))
    processed = [normalizer.process(t.text, t.institution) for t in texts]
    names = [normalizer.process(t.name, t.institution) if t.description else p for t, p in zip(texts, processed, strict=True)]
    contents = [p.content_text for p in processed]
    space = Space([*background, *contents])
    pairs = [(texts[ex.a], texts[ex.b]) for ex in examples]
    return pair_features(normalizer, processed, pairs, space, names, [t.unit for t in texts]), contents


def _fit(pairs: PairRows, labels: Sequence[bool], c: float = C, negatives: PairRows | None = None) -> Fitted:
    """The logistic regression on labelled pairs, plus `negatives` (random pairings) as not
    overlaps: one weight per feature, and one per signal seen in SIGNAL_MIN_COUNT pairs or more
    (one regularisation for both, so a word weighs only as much as the pairs show)."""
    # Imported on first use: scikit-learn takes ~0.7 s to import, paid only when training.
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    y = np.asarray(labels, dtype=int)
    rows, said = pairs.rows, list(pairs.signals)
    if negatives is not None and len(negatives):
        rows, y = np.vstack([rows, negatives.rows]), np.concatenate([y, np.zeros(len(negatives), dtype=int)])
        said.extend(negatives.signals)
    counts: dict[str, int] = {}
    for pair in said:
        for signal in pair:
            counts[signal] = counts.get(signal, 0) + 1
    vocabulary = {signal: index for index, signal in enumerate(sorted(s for s, n in counts.items() if n >= SIGNAL_MIN_COUNT))}
    cells = [(k, vocabulary[s]) for k, pair in enumerate(said) for s in pair if s in vocabulary]
    words = sparse.csr_matrix((np.ones(len(cells)), ([k for k, _v in cells], [v for _k, v in cells])),
                              shape=(len(said), len(vocabulary)))
    x = sparse.hstack([sparse.csr_matrix(rows), words]).tocsr()
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000).fit(x, y)
    weights = [float(v) for v in model.coef_[0]]
    n = len(FEATURES)
    return Fitted(weights[:n], float(model.intercept_[0]),
                  {s: round(weights[n + index], 6) for s, index in vocabulary.items() if abs(weights[n + index]) >= 1e-6})


def best_threshold(probabilities: Sequence[float], labels: Sequence[bool]) -> tuple[float, Metrics]:
    """The threshold with the best F1 (ties: the middle of the best run)."""
    scored = [(t / 100, Metrics.of([p >= t / 100 for p in probabilities], labels)) for t in range(5, 96)]
    top = max(m.f1 for _t, m in scored)
    best = [(t, m) for t, m in scored if m.f1 == top]
    return best[len(best) // 2]


def folds_of(examples: Sequence[Example], k: int, seed: int) -> list[int]:
    """Stratified by label (and kind when given), deterministic."""
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    order.sort(key=lambda i: (examples[i].overlap, examples[i].kind))
    fold = [0] * len(examples)
    for rank, index in enumerate(order):
        fold[index] = rank % k
    return fold


def _oof(pairs: PairRows, examples: Sequence[Example], *, k: int, seed: int, c: float,
         veto: Sequence[str], negatives: Negatives | None = None) -> np.ndarray:
    labels = [ex.overlap for ex in examples]
    fold = folds_of(examples, k, seed)
    out = np.zeros(len(examples))
    for f in range(k):
        train_idx = [i for i in range(len(examples)) if fold[i] != f]
        test_idx = [i for i in range(len(examples)) if fold[i] == f]
        extra = negatives.apart_from([examples[i] for i in test_idx]).rows if negatives is not None else None
        fitted = _fit(pairs.take(train_idx), [labels[i] for i in train_idx], c, extra)
        out[test_idx] = fitted.probabilities(pairs.take(test_idx), veto)
    return out


def cross_validate(glossary: Glossary, examples: Sequence[Example], *, k: int = 5, seed: int = 13,
                   c: float = C, veto: Sequence[str] = VETO) -> tuple[list[float], Metrics, float]:
    """Out-of-fold probabilities, the metrics at the threshold chosen on them, the threshold."""
    rows, _contents, negatives = _rows_with_negatives(Normalizer(glossary), examples)
    out = _oof(rows, examples, k=k, seed=seed, c=c, veto=veto, negatives=negatives)
    threshold, metrics = best_threshold(list(out), [ex.overlap for ex in examples])
    return list(out), metrics, threshold


def institution_pair_folds(examples: Sequence[Example], k: int) -> list[int]:
    """Folds by institution pair (BKN–LAN, KASN–KEMENPANRB, …): every pair of the same two
    institutions is in one fold, so a fold is scored by a model that never saw those two
    institutions' vocabulary together. Largest groups first, each to the smallest fold."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, ex in enumerate(examples):
        key = tuple(sorted((ex.a.institution.upper(), ex.b.institution.upper())))
        groups.setdefault(key, []).append(index)
    fold = [0] * len(examples)
    size = [0] * k
    for key in sorted(groups, key=lambda g_: (-len(groups[g_]), g_)):
        target = min(range(k), key=lambda f: (size[f], f))
        size[target] += len(groups[key])
        for index in groups[key]:
            fold[index] = target
    return fold


def _nested_threshold(rows: PairRows, examples: Sequence[Example], train_idx: Sequence[int], *, k: int,
                      veto: Sequence[str], negatives: Negatives | None = None) -> float:
    sub = [examples[i] for i in train_idx]
    scores = _oof(rows.take(train_idx), sub, k=k, seed=CV_SEEDS[0], c=C, veto=veto, negatives=negatives)
    return best_threshold(list(scores), [ex.overlap for ex in sub])[0]


def held_apart(glossary: Glossary, examples: Sequence[Example], folds: Sequence[int], *,
               k: int = 5, veto: Sequence[str] = VETO) -> list[bool]:
    """Predictions for every example by a model trained on the other folds, at a threshold
    chosen by cross-validation inside those folds only (nothing about a fold's labels
    reaches its own predictions)."""
    rows, _contents, pool = _rows_with_negatives(Normalizer(glossary), examples)
    labels = [ex.overlap for ex in examples]
    predicted = [False] * len(examples)
    for f in sorted(set(folds)):
        train_idx = [i for i, x in enumerate(folds) if x != f]
        test_idx = [i for i, x in enumerate(folds) if x == f]
        # Random pairings touching an activity of the held-apart part are left out.
        negatives = pool.apart_from([examples[i] for i in test_idx])
        threshold = _nested_threshold(rows, examples, train_idx, k=k, veto=veto, negatives=negatives)
        fitted = _fit(rows.take(train_idx), [labels[i] for i in train_idx], C, negatives.rows)
        probs = fitted.probabilities(rows.take(test_idx), veto)
        for i, p in zip(test_idx, probs, strict=True):
            predicted[i] = bool(p >= threshold)
    return predicted


#: Cross-validation repeats whose out-of-fold scores are pooled to choose the threshold (one
#: split's best threshold moves with the split; the pooled one does not).
CV_SEEDS = (13, 1, 2)


def train(glossary: Glossary, examples: Sequence[Example], *, k: int = 5, seeds: Sequence[int] = CV_SEEDS) -> TrainedModel:
    """Fit on every example; the threshold is the best one on the pooled out-of-fold scores
    of repeated cross-validation, and the reported precision/recall/F1 are at that threshold."""
    if sum(ex.overlap for ex in examples) < k or sum(not ex.overlap for ex in examples) < k:
        raise ValueError("too few labelled pairs of each kind to train")
    rows, contents, negatives = _rows_with_negatives(Normalizer(glossary), examples)
    pooled: list[float] = []
    labels: list[bool] = []
    for seed in seeds:
        pooled.extend(_oof(rows, examples, k=k, seed=seed, c=C, veto=VETO, negatives=negatives))
        labels.extend(ex.overlap for ex in examples)
    threshold, metrics = best_threshold(pooled, labels)
    fitted = _fit(rows, [ex.overlap for ex in examples], C, negatives.rows)
    origins: dict[str, int] = {}
    for ex in examples:
        origins[ex.origin] = origins.get(ex.origin, 0) + 1
    return TrainedModel(
        coef=fitted.coef, intercept=fitted.intercept, words=fitted.words, threshold=threshold,
        duplicate_threshold=round(max(0.85, min(0.97, threshold + (1 - threshold) * 0.6)), 2),
        background=sorted(set(contents)), glossary_version=glossary.version,
        trained_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        trained_on={"pairs": len(examples), "overlaps": sum(ex.overlap for ex in examples), **origins,
                    "random_pairings": len(negatives.pairs)},
        cv={"k": k, "seeds": list(seeds), "precision": metrics.precision, "recall": metrics.recall, "f1": metrics.f1},
    )
