"""What is measured about a pair of activities: shared subject matter, and distinguishing terms.

Every feature is a number in a small range, so a linear model can weigh them and an
engineer can read its weights (docs/adr/0012-overlap-detector.md):

- ``char``: cosine of TF-IDF vectors over character 3-5-grams of the content words
  (tolerates affixes the stemmer misses, typos, words written together);
- ``word``: cosine of TF-IDF vectors over content words and word pairs;
- ``contain``: the share of the shorter text's weighted content words found in the other
  (a short name inside a long one with its description);
- ``swap``: what each has that the other lacks, the smaller side (a word swapped for another:
  "Jawa Tengah" / "Jawa Barat", "madya" / "pratama" — even when the glossary does not know it);
- ``strict``/``role``/``soft``: dimensions of the glossary on which the two name different
  members (strict: SKD vs SKB, PKN Tingkat I vs II, JPT madya vs pratama, pusat vs daerah;
  role: policy vs implementation vs oversight; soft: the Manajemen ASN component, the position type);
- ``own``: both are the institution's own management or reporting (its LKj, its Renstra, or
  an activity naming its own institution and no other: "Anjab-ABK internal Kementerian PANRB");
- ``embed``: cosine of the two names' word-piece embeddings (WordLlama, weights shipped in the
  wheel; `overlap/embedding.py`), read on the glossary-expanded, unstemmed names: the same work
  in words neither the glossary nor the TF-IDF space connects (docs/adr/0023);
- ``term``: each name holds a glossary term (an abbreviation's expansion, a former name's new
  name, a synonym group's word) that the other lacks: "Evaluasi SPBE" / "Evaluasi SAKIP",
  "manajemen talenta" / "manajemen pengetahuan" (two named things, not one named twice); since
  round 5 a veto like ``strict`` and ``role`` (docs/adr/0025);
- ``local``: how many of the two institutions are not participants of the synchronisation
  (KemenPANRB, BKN, LAN, KASN): a ministry's or a region's line is mostly its own management;
- ``place``: one names a place (in its words or its institution's name) and the other none: the
  work of one province or kabupaten against the national line (round 8).

Beside the rows, each pair has its *signals* (round 7, docs/adr/0027): the words that tell the
two names apart, which a learned word layer weighs one by one (`model.TrainedModel.words`):

- ``d:<stem>``: a content word one name has and the other lacks ("statistik *pelatihan* ASN" /
  "statistik ASN": the word decides; "nasional" on one side does not);
- ``c:<stem>|<stem>``: a word only one has with a word only the other has (the same work in
  other words: "digitalisasi" / "alih media");
- ``x:<dimension>``: a glossary dimension on which the two differ (some are reliable, some not);
- ``h:<word>|<word>``: the words that head the two names (what is done: "penyusunan" /
  "sosialisasi");
- ``s:``/``n:``/``i:<word>``: the slots where the two names, aligned word by word, differ, named
  by the words around them ("bagi ___", "tingkat ___"; round 11, see `slots`), and ``z:<shape>``,
  the shape of that alignment (one word swapped, one added...; round 14, see `_shape`);
- ``y:<dimension>:<member>``: a glossary dimension only one of the two states (round 12, see
  `stated_by_one`);
- ``u:=``, ``u:~`` and ``u:<unit>|<unit>``: whether the two targets are counted in the same unit
  (satuan target), and which two units differ (round 16, see `unit_signals`): the meeting reads
  the unit beside the name, and "1 dokumen" against "400 orang" is seldom one piece of work.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np

from simasn.workplans.overlap import embedding
from simasn.workplans.overlap.text import HEAD, Normalizer, Processed, stem

FEATURES = ("char", "word", "contain", "swap", "strict", "role", "soft", "own", "embed", "term", "local", "place")


@dataclass(frozen=True)
class ActivityText:
    """An activity as the detector sees it; everything but the name may be empty."""

    name: str
    description: str = ""
    institution: str = ""
    #: The unit its target is counted in (satuan target: dokumen, orang, aplikasi...).
    unit: str = ""

    @property
    def text(self) -> str:
        return f"{self.name}. {self.description}" if self.description else self.name


def internal(p: Processed) -> bool:
    return "own_institution" in p.flags or "names_itself" in p.flags


class Space:
    """TF-IDF spaces fitted on a background corpus plus the texts being compared (the IDF
    of a word is learnt from the activities at hand, not from labels)."""

    def __init__(self, corpus: Sequence[str]) -> None:
        # Imported on first use: scikit-learn takes ~0.7 s to import, paid only when comparing.
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


#: The glossary's dimension of roles (policy, implementation, oversight...), weighed on its own.
ROLE_DIMENSION = "c-peran"  # text.HEADED holds it too


@dataclass(frozen=True)
class Contrasts:
    strict: int
    role: int
    soft: int
    details: tuple[tuple[str, str, str], ...]


def substitution(a: Sequence[str], b: Sequence[str], space: Space) -> float:
    """How much each side has that the other lacks, the smaller of the two (weighted):
    0 when one name contains the other, high when a word was swapped for another
    ("Jawa Tengah" / "Jawa Barat")."""
    wa, wb = set(a), set(b)
    if not wa or not wb:
        return 0.0
    only_a = sum(space.weight(w) for w in wa - wb)
    only_b = sum(space.weight(w) for w in wb - wa)
    total = max(sum(space.weight(w) for w in wa), sum(space.weight(w) for w in wb))
    return min(only_a, only_b) / total if total else 0.0


def contrasts(normalizer: Normalizer, a: Processed, b: Processed,
              found: tuple[dict[str, set[int]], dict[str, set[int]]] | None = None) -> Contrasts:
    """Dimensions on which the two name disjoint members, with (dimension, member of a, member of b).
    `found` may pass the members each names, when already looked up."""
    found_a, found_b = found if found is not None else (normalizer.members_found(a), normalizer.members_found(b))
    counts = {"strict": 0, "role": 0, "soft": 0}
    details = []
    # An institution's own business against the same thing done nationally ("road map RB
    # internal BKN" / "Road Map RB nasional") is two different pieces of work.
    for x, y in ((a, b), (b, a)):
        if internal(x) and "national" in y.flags:
            counts["strict"] += 1
            # Glossary data is Indonesian (like the dimension names it sits beside).
            details.append(("lingkup", "internal lembaga" if x is a else "nasional",
                            "nasional" if x is a else "internal lembaga"))
    # The same work for two named agencies is two pieces of work ("Latsar CPNS bagi BKN" /
    # "Latsar CPNS bagi KemenPANRB", "RKA-K/L BKN" / "RKA-K/L LAN"), also when both name a third
    # ("LKjIP LAN dan reviu Inspektorat" / "LKjIP BKN dan reviu Inspektorat").
    only_a, only_b = a.named - b.named, b.named - a.named
    if only_a and only_b:
        counts["strict"] += 1
        details.append(("lembaga yang dituju", sorted(only_a)[0].removeprefix("@inst-").upper(),
                        sorted(only_b)[0].removeprefix("@inst-").upper()))
    # The same recurring work for two different years is two pieces of work ("laporan tahunan
    # pengawasan 2025" / "... 2023"); a range states both ends.
    if a.years and b.years and not a.years & b.years:
        counts["strict"] += 1
        details.append(("tahun", sorted(a.years)[0], sorted(b.years)[0]))
    # The same numbered thing with two different numbers is two pieces of work ("seleksi PPPK
    # guru tahap I" / "tahap II", "pedoman PKN I" / "pedoman PKN II"): a number after the same
    # word on both sides, with no number in common there.
    for key in sorted({k for k, _n in a.numbered} & {k for k, _n in b.numbered}):
        na, nb = ({n for k, n in p.numbered if k == key} for p in (a, b))
        if not na & nb:
            counts["strict"] += 1
            details.append(("nomor (tingkat, tahap, angkatan)", f"{key} {min(na, key=int)}", f"{key} {min(nb, key=int)}"))
            break
    # The same work for two named places is two pieces of work (the glossary's provinces are
    # one dimension; a kabupaten or kota is recognised by the word before its name).
    if a.regions and b.regions and not a.regions & b.regions:
        counts["strict"] += 1
        details.append(("wilayah", sorted(a.regions)[0], sorted(b.regions)[0]))
    # Two modules of one application are two pieces of work ("modul riwayat pendidikan" /
    # "modul riwayat jabatan"); a module named more fully on one side ("modul kinerja" /
    # "modul penilaian kinerja pegawai") is the same module.
    ma_, mb_ = ({frozenset(stem(w) for w in m) for m in p.modules} for p in (a, b))
    if ma_ and mb_ and not any(x <= y or y <= x for x in ma_ for y in mb_):
        counts["strict"] += 1
        details.append(("modul aplikasi", " ".join(sorted(a.modules)[0]), " ".join(sorted(b.modules)[0])))
    for entry, _members in normalizer.contrasts:
        ma, mb = found_a.get(entry.id), found_b.get(entry.id)
        if entry.id == ROLE_DIMENSION:
            # The role is what heads each name (policy, implementation, oversight, a study):
            # "Penyusunan kebijakan penilaian kinerja" is policy, "Evaluasi pelaksanaan
            # penilaian kinerja" is oversight, though both hold the word "penilaian".
            ha, hb = (min(f.get(entry.id + HEAD, {-1})) for f in (found_a, found_b))
            if ha >= 0 and hb >= 0 and ha != hb:
                counts["role"] += 1
                details.append((entry.dimension, entry.members[ha][0], entry.members[hb][0]))
            continue
        if not ma or not mb or ma & mb:
            continue
        counts[entry.strength] += 1
        details.append((entry.dimension, entry.members[min(ma)][0], entry.members[min(mb)][0]))
    return Contrasts(counts["strict"], counts["role"], counts["soft"], tuple(details))


def row_cosines(matrix, left: np.ndarray, right: np.ndarray, chunk: int = 100_000) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Cosine of rows left[k] and right[k] of an L2-normalised sparse matrix, for every k."""
    out = np.empty(len(left))
    for start in range(0, len(left), chunk):
        a, b = matrix[left[start:start + chunk]], matrix[right[start:start + chunk]]
        out[start:start + chunk] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


@dataclass(frozen=True)
class PairRows:
    """What is measured about each pair: a row of FEATURES and the pair's signals."""

    rows: np.ndarray
    signals: list[tuple[str, ...]]

    def take(self, index: Sequence[int]) -> PairRows:
        return PairRows(self.rows[list(index)], [self.signals[i] for i in index])

    def __len__(self) -> int:
        return len(self.signals)


@lru_cache(maxsize=65536)
def _stems(expanded: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in expanded.split())


def slots(a: Processed, b: Processed) -> set[str]:
    """Where the two names, aligned word by word (glossary-expanded, stemmed), say different
    things, by the words around the place rather than the words in it: the slot decides,
    whatever fills it ("... bagi *ASN*" / "... bagi *TNI/Polri*", "tingkat *dasar*" / "tingkat
    *lanjut*", "tahap rancangan *awal*" / "*akhir*"), and a learned weight per slot carries over
    to fillers no labelled pair has shown (round 11, docs/adr/0027):

    - ``s:<word>`` / ``n:<word>``: each says something else right after / before ``<word>``
      (``^`` / ``$`` when the difference starts or ends the name);
    - ``i:<word>``: one says more right after ``<word>`` ("evaluasi *keamanan* SPBE");
    - ``z:<shape>``: the shape of the whole alignment (`_shape`, round 14).
    """
    # In a fixed order, so that a pair reads the same whichever side is first.
    ta, tb = sorted((_stems(a.expanded), _stems(b.expanded)))
    out: set[str] = set()
    ops = SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()
    out.add(_shape(ops, max(len(ta), len(tb), 1)))
    for k, (tag, i1, i2, _j1, _j2) in enumerate(ops):
        after = ta[i1 - 1] if k and ops[k - 1][0] == "equal" else None
        if tag in ("insert", "delete") and after is not None:
            out.add(f"i:{after}")
        elif tag == "replace":
            out.add(f"s:{after or '^'}")
            out.add("n:" + (ta[i2] if k + 1 < len(ops) and ops[k + 1][0] == "equal" else "$"))
    return out


def stated_by_one(found_a: dict[str, set[int]], found_b: dict[str, set[int]]) -> set[str]:
    """``y:<dimension>:<member>``: a glossary dimension one name states a member of and the other
    none ("pedoman *pengawasan* pengisian JPT" / "pedoman pengisian JPT": a role the other does
    not state; round 12). Where both state members, ``x:`` and the contrasts speak."""
    out: set[str] = set()
    for key in found_a.keys() | found_b.keys():
        if key.endswith(HEAD):
            continue
        ma, mb = found_a.get(key, set()), found_b.get(key, set())
        if bool(ma) != bool(mb):
            out.update(f"y:{key}:{m}" for m in ma | mb)
    return out


def _shape(ops: Sequence[tuple[str, int, int, int, int]], longest: int) -> str:
    """``z:<edits>|<shared>[|<sizes>]`` for an alignment of two names: the edits that turn one into
    the other ("replace", "insert" — words only one side has, whichever side —, two of them joined
    by "+", or "many"), the share of the longer name the two have word for word ("hi" 60 % or more,
    "mid" 30 % or more, "lo"), and for a single edit how many words it spans on each side (1 or
    2+). One word swapped in an otherwise identical name ("data *keluarga* PNS" / "data
    *pendidikan* PNS") is a hard negative far more often than a name said once more with a word
    added ("Evaluasi SPBE" / "Evaluasi SPBE instansi pusat"): a linear model over the other
    signals cannot tell the two shapes apart."""
    edits = [op for op in ops if op[0] != "equal"]
    shared = sum(i2 - i1 for tag, i1, i2, _j1, _j2 in ops if tag == "equal") / longest
    band = "hi" if shared >= 0.6 else "mid" if shared >= 0.3 else "lo"
    kinds = sorted("replace" if tag == "replace" else "insert" for tag, *_rest in edits)
    shape = "+".join(kinds) if len(kinds) <= 2 else "many"
    sizes = ""
    if len(edits) == 1:
        _tag, i1, i2, j1, j2 = edits[0]
        sizes = "|" + "".join(sorted(str(min(n, 2)) for n in (i2 - i1, j2 - j1) if n))
    return f"z:{shape}|{band}{sizes}"


def unit_signals(a: str, b: str) -> set[str]:
    """``u:``: whether the two targets are counted in the same unit, and which two units
    differ ("dokumen" / "orang": a guideline against a training of people)."""
    ua, ub = " ".join(a.lower().split()), " ".join(b.lower().split())
    if not ua or not ub:
        return set()
    if ua == ub:
        return {"u:="}
    return {"u:~", f"u:{min(ua, ub)}|{max(ua, ub)}"}


def signals(a: Processed, b: Processed, details: Sequence[tuple[str, str, str]],
            found: tuple[dict[str, set[int]], dict[str, set[int]]] | None = None,
            units: tuple[str, str] = ("", "")) -> tuple[str, ...]:
    """The words that tell two names apart (see the module's docstring), sorted; `found` are the
    glossary members each names (`Normalizer.members_found`), when looked up."""
    wa, wb = set(a.content), set(b.content)
    only_a, only_b = wa - wb, wb - wa
    out = {f"d:{w}" for w in only_a | only_b}
    out.update(f"c:{min(x, y)}|{max(x, y)}" for x in only_a for y in only_b)
    out.update(f"x:{dimension}" for dimension, _x, _y in details)
    ha, hb = a.full[:1], b.full[:1]
    if ha and hb:
        out.add("h:" + "|".join(sorted((ha[0], hb[0]))))
    out.update(slots(a, b))
    if found is not None:
        out.update(stated_by_one(*found))
    out.update(unit_signals(*units))
    return tuple(sorted(out))


def pair_features(normalizer: Normalizer, processed: Sequence[Processed], pairs: Sequence[tuple[int, int]],
                  space: Space, names: Sequence[Processed] | None = None,
                  units: Sequence[str] | None = None) -> PairRows:
    """One row of FEATURES and the signals per pair of indexes into `processed` (name and
    description); distinguishing terms and signals are looked for in `names` only (a
    description explains, it does not name the work)."""
    if not len(pairs):
        return PairRows(np.zeros((0, len(FEATURES))), [])
    names = names if names is not None else processed
    chars, word_m = space.matrices([p.content_text for p in processed])
    left = np.fromiter((i for i, _j in pairs), dtype=np.int64, count=len(pairs))
    right = np.fromiter((j for _i, j in pairs), dtype=np.int64, count=len(pairs))
    rows = np.zeros((len(pairs), len(FEATURES)))
    rows[:, 0] = row_cosines(chars, left, right)
    rows[:, 1] = row_cosines(word_m, left, right)
    # Only the activities that take part in a pair are embedded (the bench scores candidates).
    used = np.unique(np.concatenate([left, right]))
    position = np.full(len(processed), -1, dtype=np.int64)
    position[used] = np.arange(len(used))
    vectors = embedding.embed([names[int(x)].expanded for x in used])
    rows[:, 8] = embedding.row_cosines(vectors, position[left], position[right])
    found: dict[int, dict[str, set[int]]] = {}
    inside: dict[int, bool] = {}
    terms: dict[int, frozenset[tuple[str, ...]]] = {}
    said: list[tuple[str, ...]] = []
    for k, (i, j) in enumerate(pairs):
        for x in (i, j):
            if x not in found:
                found[x] = normalizer.members_found(names[x])
                inside[x] = internal(names[x])
                terms[x] = normalizer.terms(names[x])
        a, b = processed[i], processed[j]
        c = contrasts(normalizer, names[i], names[j], (found[i], found[j]))
        rows[k, 2] = containment(a.content, b.content, space)
        rows[k, 3] = substitution(a.content, b.content, space)
        rows[k, 4] = min(c.strict, 1)
        rows[k, 5] = min(c.role, 1)
        rows[k, 6] = min(c.soft, 2) / 2
        # Each one's own business, unless both are about the same agency ("LAKIP LAN" written
        # by LAN and by another agency for LAN is one report).
        rows[k, 7] = 1.0 if inside[i] and inside[j] and not names[i].named & names[j].named else 0.0
        rows[k, 9] = 1.0 if terms[i] - terms[j] and terms[j] - terms[i] else 0.0
        rows[k, 10] = ((not names[i].participant) + (not names[j].participant)) / 2
        rows[k, 11] = 1.0 if bool(names[i].regions) != bool(names[j].regions) else 0.0
        said.append(signals(names[i], names[j], c.details, (found[i], found[j]),
                            (units[i], units[j]) if units is not None else ("", "")))
    return PairRows(rows, said)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -50, 50)))


def logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))
