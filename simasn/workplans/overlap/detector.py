"""The overlap detector: which activities of different institutions are likely the same
work, how sure it is (in words), and why (the shared words, the glossary's reasons, the
distinguishing terms that argue against it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from simasn.workplans.overlap.features import ActivityText, Space, contrasts, pair_features
from simasn.workplans.overlap.glossary import Glossary
from simasn.workplans.overlap.model import TrainedModel
from simasn.workplans.overlap.text import Normalizer, Processed
from simasn.workplans.overlap.text import words as words_of

_SURFACE = re.compile(r"[a-z0-9]+")

#: Bands shown instead of a bare score (the codes are stable; labels are in the templates).
SAME, SIMILAR, DIFFERENT = "SAMA", "MIRIP", "BERBEDA"


@dataclass(frozen=True)
class Segment:
    text: str
    shared: bool = False


@dataclass(frozen=True)
class Explanation:
    segments_a: tuple[Segment, ...]
    segments_b: tuple[Segment, ...]
    reasons: tuple[str, ...]
    contrasts: tuple[tuple[str, str, str], ...]
    shared: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Candidate:
    i: int
    j: int
    probability: float
    band: str


class Detector:
    """A trained model with the glossary it reads; build through `overlap.store.detector()`."""

    def __init__(self, glossary: Glossary, model: TrainedModel, *, version: str) -> None:
        self.glossary = glossary
        self.model = model
        self.version = version
        self.normalizer = Normalizer(glossary)

    def band(self, probability: float) -> str:
        if probability >= self.model.duplicate_threshold:
            return SAME
        if probability >= self.model.threshold:
            return SIMILAR
        return DIFFERENT

    def process(self, items: Sequence[ActivityText]) -> list[Processed]:
        return [self.normalizer.process(item.text, item.institution) for item in items]

    def probabilities(self, items: Sequence[ActivityText], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
        processed = self.process(items)
        names = [self.normalizer.process(item.name, item.institution) if item.description else p
                 for item, p in zip(items, processed, strict=True)]
        space = Space([*self.model.background, *(p.content_text for p in processed)])
        units = [item.unit for item in items]
        return self.model.probabilities(pair_features(self.normalizer, processed, pairs, space, names, units))

    def pair_probability(self, a: ActivityText, b: ActivityText) -> float:
        return float(self.probabilities([a, b], [(0, 1)])[0])

    def find(self, items: Sequence[ActivityText]) -> list[Candidate]:
        """Every pair of activities of different institutions at or above the threshold,
        most likely first. A cycle has a few hundred activities: every pair is scored
        (`bench/overlap.py` measures the blocking used at national scale)."""
        pairs = [(i, j) for i in range(len(items)) for j in range(i + 1, len(items))
                 if items[i].institution != items[j].institution]
        if not pairs:
            return []
        probs = self.probabilities(items, pairs)
        found = [Candidate(i, j, float(p), self.band(float(p))) for (i, j), p in zip(pairs, probs, strict=True)
                 if p >= self.model.threshold]
        return sorted(found, key=lambda c: (-c.probability, c.i, c.j))

    def explain(self, a: ActivityText, b: ActivityText) -> Explanation:
        pa, pb = self.normalizer.process(a.name, a.institution), self.normalizer.process(b.name, b.institution)
        shared = set(pa.content) & set(pb.content)
        details = contrasts(self.normalizer, pa, pb).details
        reasons: list[str] = []
        seen: set[str] = set()
        for p, other in ((pa, pb), (pb, pa)):
            written = {w for w, _s in other.surface_stems}
            for rewrite in p.rewrites:
                entry = rewrite.entry
                if entry.id in seen or entry.kind == "institution" or rewrite.span is None:
                    continue
                surface = _display(p.text, rewrite)
                # Only what made the two meet: not a word both wrote, not a term written out in full.
                if surface.lower() == entry.canonical.lower() or set(words_of(surface)) <= written:
                    continue
                if not set(self.normalizer._full_of(rewrite.canonical)) & set(other.full):
                    continue
                counterpart = next((_display(other.text, r) for r in other.rewrites
                                    if r.entry.id == entry.id and r.span is not None), "")
                if entry.kind == "synonyms" and counterpart and counterpart.lower() != surface.lower():
                    reasons.append(f"{surface} ≈ {counterpart}")
                else:
                    reasons.append(entry.reason(surface))
                seen.add(entry.id)
        return Explanation(segments_a=self._segments(a.name, pa, shared), segments_b=self._segments(b.name, pb, shared),
                           reasons=tuple(reasons), contrasts=tuple(details), shared=tuple(sorted(shared)))

    def _segments(self, text: str, processed: Processed, shared: set[str]) -> tuple[Segment, ...]:
        lowered = text.lower()
        if len(lowered) != len(text):
            return (Segment(text),)
        marked: set[int] = set()
        for index, (_word, stemmed) in enumerate(processed.surface_stems):
            if stemmed in shared:
                marked.add(index)
        for rewrite in processed.rewrites:
            if rewrite.span and set(self.normalizer._full_of(rewrite.canonical)) & shared:
                marked.update(range(*rewrite.span))
        segments: list[Segment] = []
        last = 0
        for index, match in enumerate(_SURFACE.finditer(lowered)):
            if match.start() > last:
                segments.append(Segment(text[last:match.start()]))
            segments.append(Segment(text[match.start():match.end()], index in marked))
            last = match.end()
        if last < len(text):
            segments.append(Segment(text[last:]))
        return tuple(_merge(segments))


def _display(text: str, rewrite) -> str:  # type: ignore[no-untyped-def]
    """The rewritten words as the planner wrote them (PKA, not pka)."""
    if rewrite.span is None:
        return rewrite.surface.upper() if len(rewrite.surface) <= 6 else rewrite.surface
    spans = list(_SURFACE.finditer(text.lower()))
    start, end = rewrite.span
    if end > len(spans):
        return rewrite.surface
    return text[spans[start].start():spans[end - 1].end()]


def _merge(segments: list[Segment]) -> list[Segment]:
    """Neighbouring segments of the same kind joined; a space between two highlighted words
    is highlighted too (one mark per matched phrase)."""
    bridged = [Segment(seg.text, True) if not seg.shared and not seg.text.strip() and 0 < i < len(segments) - 1
               and segments[i - 1].shared and segments[i + 1].shared else seg for i, seg in enumerate(segments)]
    out: list[Segment] = []
    for seg in bridged:
        if out and out[-1].shared == seg.shared:
            out[-1] = Segment(out[-1].text + seg.text, seg.shared)
        else:
            out.append(seg)
    return out
