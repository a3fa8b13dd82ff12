"""What is measured about a pair of activities: shared subject matter, and distinguishing terms.

Every feature is a number in a small range, so a linear model can weigh them and an
engineer can read its weights (docs/adr/0009-overlap-detector.md):

- ``char``: cosine of TF-IDF vectors over character 3-5-grams of the content words
  (tolerates affixes the stemmer misses, typos, words written together);
- ``word``: cosine of TF-IDF vectors over content words and word pairs;
- ``contain``: the share of the shorter text's weighted content words found in the other
  (a short name inside a long one with its description);
- ``strict``/``soft``: dimensions of the glossary on which the two name different members
  (SKD vs SKB, PKN Tingkat I vs II, JPT madya vs pratama; soft: the role or target group);
- ``own``: both are the institution's own management or reporting (its LKj, its Renstra).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from simasn.workplans.overlap.text import Normalizer, Processed

FEATURES = ("char", "word", "contain", "strict", "soft", "own")


@dataclass(frozen=True)
class ActivityText:
    """An activity as the detector sees it; everything but the name may be empty."""

    name: str
    description: str = ""
    institution: str = ""

    @property
    def text(self) -> str:
        return f"{self.name}. {self.description}" if self.description else self.name


class Space:
    """TF-IDF spaces fitted on a background corpus plus the texts being compared (the IDF
    of a word is learnt from the activities at hand, not from labels)."""

    def __init__(self, corpus: Sequence[str]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        docs = [d for d in corpus if d.strip()] or ["-"]
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit(docs)
        self.words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                     token_pattern=r"[a-z0-9]+").fit(docs)
        vocab = self.words.vocabulary_
        self.idf = {term: float(self.words.idf_[index]) for term, index in vocab.items() if " " not in term}
        self.default_idf = max(self.idf.values(), default=1.0)

    def weight(self, word: str) -> float:
        return self.idf.get(word, self.default_idf)

    def matrices(self, texts: Sequence[str]):  # type: ignore[no-untyped-def]
        return self.chars.transform(texts), self.words.transform(texts)


def containment(a: Sequence[str], b: Sequence[str], space: Space) -> float:
    wa, wb = Counter(a), Counter(b)
    if not wa or not wb:
        return 0.0
    shared = sum(space.weight(w) for w in wa.keys() & wb.keys())
    smaller = min(sum(space.weight(w) for w in wa), sum(space.weight(w) for w in wb))
    return shared / smaller if smaller else 0.0


def contrasts(normalizer: Normalizer, a: Processed, b: Processed) -> tuple[int, int, list[tuple[str, str, str]]]:
    """(strict count, soft count, [(dimension, member of a, member of b)])."""
    found_a, found_b = normalizer.members_found(a), normalizer.members_found(b)
    strict = soft = 0
    details = []
    for entry, _members in normalizer.contrasts:
        ma, mb = found_a.get(entry.id), found_b.get(entry.id)
        if not ma or not mb or ma & mb:
            continue
        if entry.strength == "strict":
            strict += 1
        else:
            soft += 1
        details.append((entry.dimension, " / ".join(entry.members[min(ma)]), " / ".join(entry.members[min(mb)])))
    return strict, soft, details


def pair_features(normalizer: Normalizer, processed: Sequence[Processed], pairs: Sequence[tuple[int, int]],
                  space: Space) -> np.ndarray:
    """One row of FEATURES per pair of indexes into `processed`."""
    if not pairs:
        return np.zeros((0, len(FEATURES)))
    texts = [p.content_text for p in processed]
    chars, word_m = space.matrices(texts)
    rows = []
    for i, j in pairs:
        a, b = processed[i], processed[j]
        strict, soft, _ = contrasts(normalizer, a, b)
        rows.append((
            float(chars[i].multiply(chars[j]).sum()),
            float(word_m[i].multiply(word_m[j]).sum()),
            containment(a.content, b.content, space),
            min(strict, 2) / 2,
            min(soft, 2) / 2,
            1.0 if "own_institution" in a.flags and "own_institution" in b.flags else 0.0,
        ))
    return np.asarray(rows, dtype=float)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -50, 50)))


def logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))
