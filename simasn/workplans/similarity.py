"""Indonesian text similarity for finding overlapping activities (PermenRK Pasal 5 ayat (5)).

Texts are lower-cased, stripped of stop words and stemmed (PySastrawi), then compared
by TF-IDF over character n-grams (scikit-learn), which tolerates affixes the stemmer
misses, abbreviations written together (``antarinstansi``) and typos. The thresholds
were calibrated on the labelled pairs in ``tests/fixtures_activity_pairs.py``
(``tests/test_similarity.py`` measures precision and recall on every run).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

#: Pairs scoring at least this are reported as likely overlaps. The best-F1 threshold on
#: the labelled set is 0.58; a little lower is chosen on purpose: the meeting reviews every
#: candidate, and a missed overlap costs more than one more pair to dismiss.
OVERLAP_THRESHOLD = 0.55
#: Pairs scoring at least this are reported as likely duplicates.
DUPLICATE_THRESHOLD = 0.85

#: Stems that describe almost any government activity (the verb, the generic object),
#: not its subject matter; an overlap is about the subject.
DOMAIN_STOPWORDS = frozenset({
    "asn", "aparatur", "sipil", "negara", "instansi", "perintah", "nasional", "laksana", "selenggara",
    "giat", "program", "secara", "bagi", "pada", "dalam", "melalui", "susun", "kembang", "kelola",
    "tetap", "kuat", "terap", "bina", "selesai", "internalisasi", "sistem", "bas", "integrasi",
    "digital", "digitalisasi", "elektronik", "pegawai", "monitoring", "rencana",
})
#: Common abbreviations spelled out before comparison.
ABBREVIATIONS = {
    "jpt": "jabatan pimpinan tinggi", "casn": "calon aparatur sipil negara", "cpns": "calon pegawai negeri sipil",
    "pns": "pegawai negeri sipil", "sdm": "sumber daya manusia", "cat": "computer assisted test",
    "pilkada": "pemilihan kepala daerah", "pemilu": "pemilihan umum", "lms": "learning management system",
    "antarinstansi": "antar instansi",
}
#: Words the stemmer would damage ("merit" is not me- + rit).
UNSTEMMED = frozenset({"merit", "talenta", "asesmen", "regulasi", "evaluasi", "otomasi"})
#: Stems used interchangeably in work plans, mapped to one.
SYNONYMS = {
    "evaluasi": "nilai", "asesmen": "nilai", "regulasi": "bijak", "atur": "bijak", "bangun": "kembang",
    "pantau": "monitoring", "otomasi": "otomatis", "tangan": "kelola", "mutakhir": "kelola",
    "rekrutmen": "seleksi", "learning": "ajar",
}
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _sastrawi() -> tuple[object, frozenset[str]]:
    stop = frozenset(StopWordRemoverFactory().get_stop_words())
    return StemmerFactory().create_stemmer(), stop


@lru_cache(maxsize=20000)
def normalize(text: str) -> str:
    stemmer, stop = _sastrawi()
    words = []
    for word in _WORD.findall(text.lower()):
        words.extend(ABBREVIATIONS.get(word, word).split())
    kept = [w for w in words if w not in stop]
    stemmed = [w if w in UNSTEMMED else stemmer.stem(w) for w in kept]  # type: ignore[attr-defined]
    mapped = [SYNONYMS.get(w, w) for w in stemmed]
    return " ".join(w for w in mapped if w and w not in DOMAIN_STOPWORDS)


def similarity_matrix(texts: Sequence[str]):  # type: ignore[no-untyped-def]
    """Cosine similarity of every pair of texts (a dense numpy array)."""
    # Imported on first use: scikit-learn takes ~0.7 s to import, paid only by the similarity check.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel

    normalized = [normalize(t) or t.lower() for t in texts]
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    matrix = vectorizer.fit_transform(normalized)
    return linear_kernel(matrix, matrix)


def pair_scores(pairs: Sequence[tuple[str, str]]) -> list[float]:
    """Scores of labelled pairs, with the IDF learnt from all their texts together."""
    texts = sorted({t for pair in pairs for t in pair})
    index = {t: i for i, t in enumerate(texts)}
    sims = similarity_matrix(texts)
    return [float(sims[index[a], index[b]]) for a, b in pairs]


def precision_recall(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> tuple[float, float]:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and y)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def calibrate(scores: Sequence[float], labels: Sequence[bool]) -> tuple[float, float, float]:
    """The threshold with the best F1 (ties: the higher threshold), with its precision and recall."""
    best = (0.0, 0.0, 0.0, -1.0)
    for step in range(5, 96):
        threshold = step / 100
        p, r = precision_recall(scores, labels, threshold)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 >= best[3]:
            best = (threshold, p, r, f1)
    return best[0], best[1], best[2]
