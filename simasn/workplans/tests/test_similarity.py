"""Precision and recall of overlap detection on the labelled Indonesian activity pairs."""

from __future__ import annotations

from simasn.workplans import similarity
from simasn.workplans.tests.fixtures_activity_pairs import PAIRS

PRECISION_FLOOR = 0.85
RECALL_FLOOR = 0.90


def _scores() -> tuple[list[float], list[bool]]:
    return similarity.pair_scores([(a, b) for a, b, _y in PAIRS]), [y for *_p, y in PAIRS]


def test_fixture_is_balanced_and_realistic() -> None:
    positives = sum(1 for *_p, y in PAIRS if y)
    assert positives >= 20 and len(PAIRS) - positives >= 20


def test_precision_and_recall_at_the_configured_threshold() -> None:
    scores, labels = _scores()
    precision, recall = similarity.precision_recall(scores, labels, similarity.OVERLAP_THRESHOLD)
    print(f"threshold={similarity.OVERLAP_THRESHOLD} precision={precision:.3f} recall={recall:.3f} n={len(PAIRS)}")
    assert precision >= PRECISION_FLOOR
    assert recall >= RECALL_FLOOR


def test_threshold_generalises_to_held_out_pairs() -> None:
    """Calibrate on half of the pairs, measure on the other half."""
    scores, labels = _scores()
    fit = similarity.calibrate(scores[::2], labels[::2])[0]
    precision, recall = similarity.precision_recall(scores[1::2], labels[1::2], fit)
    print(f"held-out: threshold={fit} precision={precision:.3f} recall={recall:.3f}")
    assert precision >= 0.75 and recall >= 0.75


def test_configured_threshold_is_near_the_calibrated_one() -> None:
    scores, labels = _scores()
    best = similarity.calibrate(scores, labels)[0]
    assert abs(best - similarity.OVERLAP_THRESHOLD) <= 0.1
    assert similarity.DUPLICATE_THRESHOLD > similarity.OVERLAP_THRESHOLD


def test_normalisation_stems_and_expands() -> None:
    assert similarity.normalize("Pelaksanaan seleksi CASN") == similarity.normalize("Seleksi calon aparatur sipil negara")
