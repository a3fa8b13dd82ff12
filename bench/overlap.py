"""bench/overlap.py — the overlap detector at national scale (issue 13 item 6).

    .venv/bin/python bench/overlap.py [--instansi 600] [--per 200] [--planted 2000] [--seed 1]
                                      [--top-k 20] [--max-df 0.005] [--embed-k 20] [--sample-instansi 12]

Generates instansi x per activities (120,000 by default) from the development pairs' activity
names and the glossary (abbreviations swapped in and out, qualifiers, cohorts, regions), with
`--planted` known overlaps: one activity of an instansi written again, in other words, by
another instansi. No pair of the held-out part is used.

Ours: a blocking step — an inverted index over the activities' rare content words (after the
glossary's rewrites; words in more than --max-df of the activities are not indexed), each
activity keeping its --top-k partners of other instansi by shared IDF weight; at least 30
activities may share an indexed word at small sizes) — joined by each activity's --embed-k
nearest activities of other instansi by the cosine of the names' word-piece embeddings (the
same work in other words shares no rare word) — then the detector scores only those candidates. Printed: time per step, candidate pairs, recall of the
planted overlaps (in the candidates, and found by the detector), and recall against exhaustive
scoring of every cross-instansi pair within a random sample of --sample-instansi instansi.

Baseline, measured in the same run: exhaustive scoring — the detector's own rate on the
sample's pairs, extrapolated to every cross-instansi pair of the whole set. The ratio is ours
(whole pipeline) / exhaustive.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import machine
from simasn.workplans.overlap import embedding, store
from simasn.workplans.overlap import glossary as g
from simasn.workplans.overlap.detector import Detector
from simasn.workplans.overlap.features import ActivityText, Space, pair_features

QUALIFIERS = ["", "", "", "tahun 2026", "tahap II", "secara daring", "bagi pejabat struktural", "bagi pegawai baru",
              "angkatan I", "angkatan II", "triwulan III", "lanjutan", "tingkat nasional", "di lingkungan sendiri"]
SYLLABLES = ["suka", "maju", "jaya", "sari", "rejo", "mulya", "karta", "tani", "wangi", "asri", "baru", "indah",
             "lestari", "makmur", "sejahtera", "raya", "agung", "mekar", "harja", "tirta"]
REGIONS = ["Aceh", "Sumatera Utara", "Riau", "Jambi", "Lampung", "Banten", "Jawa Barat", "Jawa Tengah", "Jawa Timur",
           "Bali", "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Timur", "Sulawesi Selatan", "Maluku", "Papua"]


def vocabulary() -> tuple[list[str], dict[str, list[str]], re.Pattern[str]]:
    """Activity names of the development pairs, the glossary's spellings of each canonical term,
    and one pattern finding any of them (longest first)."""
    names = sorted({t for ex in store.seed_examples() for t in (ex.a.name, ex.b.name)})
    spellings: dict[str, list[str]] = {}
    for entry in g.seed().of_kind("abbreviation", "former_name", "synonyms"):
        forms = [t for t in (*entry.terms, entry.canonical) if t]
        for form in forms:
            spellings.setdefault(form.lower(), []).extend(f for f in forms if f.lower() != form.lower())
    usable = sorted((f for f in spellings if len(f) > 3 and spellings[f]), key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in usable) + r")\b", re.IGNORECASE)
    return names, spellings, pattern


def respell(text: str, spellings: dict[str, list[str]], pattern: re.Pattern[str], rng: random.Random) -> str:
    """Swap glossary terms for other spellings of the same term (an abbreviation, its expansion...)."""
    return pattern.sub(lambda m: rng.choice(spellings[m.group(0).lower()]) if rng.random() < 0.7 else m.group(0), text)


def home(k: int) -> str:
    """Where instansi k works: a province for the first ones, then a regency or city."""
    if k < len(REGIONS):
        return f"Provinsi {REGIONS[k]}"
    a, b = SYLLABLES[k % len(SYLLABLES)], SYLLABLES[(k // len(SYLLABLES)) % len(SYLLABLES)]
    return f"{'Kabupaten' if k % 3 else 'Kota'} {a.title()}{b} {k // 400 + 1}"


GROUPS = ["bagi JPT pratama", "bagi pejabat fungsional ahli muda", "bagi PPPK", "bagi CPNS", "bagi pejabat administrator",
          "bagi pengelola kepegawaian", "bagi pejabat pengawas", "bagi pelaksana", "bagi guru", "bagi tenaga kesehatan"]
OWN = ["Penyusunan laporan kinerja", "Layanan perkantoran", "Penyusunan rencana strategis", "Pengelolaan keuangan dan BMN",
       "Penyusunan perjanjian kinerja", "Pembangunan zona integritas"]


def generate(instansi: int, per: int, planted: int, seed: int) -> tuple[list[ActivityText], list[tuple[int, int]]]:
    """Most of an instansi's plan is a national theme done for its own area and people
    ("... bagi PPPK di Kabupaten Sukamaju 1"); a tenth is its own management (its LKj, its
    office services); a twentieth is written with no place, as national-level work is."""
    rng = random.Random(seed)
    names, spellings, pattern = vocabulary()
    items: list[ActivityText] = []
    for k in range(instansi):
        code = f"I{k:04d}"
        for _ in range(per):
            roll = rng.random()
            if roll < 0.85:
                text = f"{respell(rng.choice(names), spellings, pattern, rng)} {rng.choice(GROUPS)} di {home(k)}"
            elif roll < 0.95:
                text = f"{rng.choice(OWN)} {home(k)}"
            else:
                text = f"{respell(rng.choice(names), spellings, pattern, rng)} {rng.choice(QUALIFIERS)}".strip()
            items.append(ActivityText(text, institution=code))
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for _ in range(planted):
        x, y = rng.sample(range(instansi), 2)
        i, j = x * per + rng.randrange(per), y * per + rng.randrange(per)
        if i in used or j in used:
            continue
        used |= {i, j}
        # A specific piece of work (a theme, a target group and a region) planned by x, and
        # again by y in other words.
        text = f"{rng.choice(names)} {rng.choice(GROUPS)} di Provinsi {rng.choice(REGIONS)}"
        items[i] = ActivityText(text, institution=items[i].institution)
        again = respell(text, spellings, pattern, rng)
        if rng.random() < 0.5:
            again = again.replace(" di Provinsi ", " wilayah ")
        items[j] = ActivityText(again, institution=items[j].institution)
        pairs.append((min(i, j), max(i, j)))
    return items, pairs


def blocking(detector: Detector, processed: Sequence, institutions: np.ndarray, *, top_k: int,
             max_df: float) -> set[tuple[int, int]]:
    """Each activity's top-k partners of other instansi by the IDF weight of the rare content
    words they share (an inverted index in sparse-matrix form)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [" ".join(p.content) or "-" for p in processed]
    cap = max(int(max_df * len(docs)), 30)
    vec = TfidfVectorizer(analyzer="word", token_pattern=r"\S+", ngram_range=(1, 2), max_df=cap, min_df=2,
                          sublinear_tf=False, norm="l2")
    matrix = vec.fit_transform(docs).tocsr()
    transposed = matrix.T.tocsr()
    candidates: set[tuple[int, int]] = set()
    chunk = 2000
    for start in range(0, matrix.shape[0], chunk):
        block = (matrix[start:start + chunk] @ transposed).tocsr()
        for row in range(block.shape[0]):
            i = start + row
            lo, hi = block.indptr[row], block.indptr[row + 1]
            cols, vals = block.indices[lo:hi], block.data[lo:hi]
            keep = institutions[cols] != institutions[i]
            cols, vals = cols[keep], vals[keep]
            if len(cols) > top_k:
                top = np.argpartition(-vals, top_k)[:top_k]
                cols = cols[top]
            for j in cols:
                candidates.add((i, int(j)) if i < j else (int(j), i))
    return candidates


def embedding_neighbours(processed: Sequence, institutions: np.ndarray, *, k: int,
                         chunk: int = 512) -> set[tuple[int, int]]:
    """Each activity's k nearest activities of other instansi by the cosine of their names'
    word-piece embeddings (the detector's `embed` feature): the same work in other words shares
    no rare word for the inverted index to find."""
    if k <= 0:
        return set()
    vectors = embedding.embed([p.expanded for p in processed]).astype(np.float32)
    candidates: set[tuple[int, int]] = set()
    for start in range(0, len(vectors), chunk):
        sims = vectors[start:start + chunk] @ vectors.T
        sims[institutions[start:start + chunk, None] == institutions[None, :]] = -2.0
        top = np.argpartition(-sims, min(k, sims.shape[1] - 1), axis=1)[:, :k]
        for row, cols in enumerate(top):
            i = start + row
            for j in cols:
                if sims[row, j] > -2.0:
                    candidates.add((i, int(j)) if i < j else (int(j), i))
    return candidates


def score(detector: Detector, processed: Sequence, space: Space, pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    rows = pair_features(detector.normalizer, processed, pairs, space)
    return detector.model.probabilities(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--instansi", type=int, default=600)
    parser.add_argument("--per", type=int, default=200)
    parser.add_argument("--planted", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top-k", type=int, default=20)
    parser.add_argument("--max-df", type=float, default=0.005)
    parser.add_argument("--sample-instansi", type=int, default=12)
    parser.add_argument("--embed-k", type=int, default=20)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    t0 = time.perf_counter()
    gloss = g.seed()
    detector = Detector(gloss, store.baseline(gloss), version=store.BASELINE)
    t_model = time.perf_counter() - t0
    items, planted = generate(args.instansi, args.per, args.planted, args.seed)
    n = len(items)
    institutions = np.array([int(item.institution[1:]) for item in items])
    print(f"activities: {n:,} ({args.instansi} instansi x {args.per}); planted overlaps: {len(planted):,}; "
          f"baseline model trained in {t_model:.1f} s (threshold {detector.model.threshold:.2f})")

    t = time.perf_counter()
    processed = [detector.normalizer.process(item.text, item.institution) for item in items]
    t_process = time.perf_counter() - t
    t = time.perf_counter()
    space = Space([*detector.model.background, *(p.content_text for p in processed)])
    t_space = time.perf_counter() - t
    t = time.perf_counter()
    by_words = blocking(detector, processed, institutions, top_k=args.top_k, max_df=args.max_df)
    t_words = time.perf_counter() - t
    by_embedding = embedding_neighbours(processed, institutions, k=args.embed_k)
    candidates = sorted(by_words | by_embedding)
    t_block = time.perf_counter() - t
    t_embed = t_block - t_words
    t = time.perf_counter()
    probs = score(detector, processed, space, candidates)
    t_score = time.perf_counter() - t
    found = {pair for pair, p in zip(candidates, probs, strict=True) if p >= detector.model.threshold}
    ours = t_process + t_space + t_block + t_score
    cross_pairs = (n * n - sum(int(c) ** 2 for c in np.bincount(institutions))) // 2
    planted_set = set(planted)
    print(f"ours: words {t_process:.1f} s + TF-IDF spaces {t_space:.1f} s + blocking {t_block:.1f} s (rare words "
          f"{t_words:.1f} s, embedding neighbours {t_embed:.1f} s) + scoring {t_score:.1f} s = {ours:.1f} s")
    print(f"blocking: {len(by_words):,} pairs by rare words (top {args.top_k}), {len(by_embedding):,} by embedding "
          f"neighbours (top {args.embed_k}), {len(by_embedding - by_words):,} of them new")
    print(f"candidate pairs: {len(candidates):,} of {cross_pairs:,} cross-instansi pairs "
          f"({len(candidates) / cross_pairs:.2e}); likely overlaps found: {len(found):,}")
    print(f"planted overlaps: in the candidates {len(planted_set & set(candidates)) / len(planted_set):.3f}, "
          f"found by the detector {len(planted_set & found) / len(planted_set):.3f}")

    rng = random.Random(args.seed + 1)
    sample = set(rng.sample(range(args.instansi), min(args.sample_instansi, args.instansi)))
    members = [i for i in range(n) if institutions[i] in sample]
    exhaustive = [(a, b) for x, a in enumerate(members) for b in members[x + 1:] if institutions[a] != institutions[b]]
    t = time.perf_counter()
    sample_probs = score(detector, processed, space, exhaustive)
    t_exhaustive = time.perf_counter() - t
    truth = {pair for pair, p in zip(exhaustive, sample_probs, strict=True) if p >= detector.model.threshold}
    rate = len(exhaustive) / t_exhaustive if t_exhaustive else float("inf")
    recall = len(truth & found) / len(truth) if truth else 1.0
    print(f"sample: {len(sample)} instansi, {len(members):,} activities, {len(exhaustive):,} cross pairs scored "
          f"exhaustively in {t_exhaustive:.1f} s ({rate:,.0f} pairs/s); found {len(truth):,}; "
          f"recall of blocking+detector vs exhaustive: {recall:.3f}")
    baseline = cross_pairs / rate + t_process + t_space
    print(f"baseline (exhaustive scoring of all {cross_pairs:,} pairs, extrapolated from the sample's rate): "
          f"{baseline:,.0f} s = {baseline / 3600:,.1f} h")
    print(f"ratio ours / exhaustive: {ours / baseline:.2e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
