"""From an activity name to what the detector compares.

1. Words are lower-cased and split on anything that is not a letter or a digit
   ("K/L" → k l, "e-Kinerja" → e kinerja, "Anjab/ABK" → anjab abk).
2. Glossary phrases are found, longest first, and rewritten to their canonical form
   (abbreviations spelled out, former names renamed, synonyms to the group's first term),
   repeatedly, so "Latsar CPNS" → "pelatihan dasar calon pegawai negeri sipil". Every rewrite
   is kept with the entry that made it: the page shows it as the reason of a match.
3. Function words are dropped, words are stemmed (PySastrawi) except domain words the
   stemmer damages, and roman numerals are kept ("tingkat ii" must not become "tingkat").
   That sequence (`full`) is where distinguishing terms are looked for.
4. Words common to every government activity (the verb, "program", "kegiatan") are dropped
   from `content`, the words whose sharing means shared subject matter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from simasn.workplans.overlap.glossary import Entry, Glossary

_WORD = re.compile(r"[a-z0-9]+")
_YEAR = re.compile(r"^(19|20)\d\d$")
ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "vi"})

#: Indonesian function words (not Sastrawi's 800-word list, which holds "pertama", "kerja",
#: "naik", "dua" and other words that distinguish activities).
FUNCTION_WORDS = frozenset(["dan", "di", "ke", "dari", "yang", "untuk", "dengan", "pada", "dalam", "bagi", "atau", "serta", "oleh", "melalui", "secara", "terhadap", "antara", "sebagai", "tentang", "atas", "per", "para", "se", "ini", "itu", "tersebut", "berupa", "adalah", "akan", "sudah", "telah", "juga", "yaitu", "yakni", "maupun", "guna", "hingga", "sampai", "kepada", "agar", "supaya", "sesuai", "berdasarkan", "terkait", "mengenai", "beserta", "lingkup", "rangka", "kerangka", "upaya", "a", "b", "c", "d", "e", "f", "g", "h"])
#: Surface words of the verb of almost any activity, dropped before stemming (their stems
#: collide with words that matter: peningkatan → tingkat, pengawasan → awas).
SURFACE_GENERIC = frozenset(["peningkatan", "meningkatkan", "ditingkatkannya", "penyusunan", "menyusun", "disusun", "penyelenggaraan", "menyelenggarakan", "pelaksanaan", "melaksanakan", "dilaksanakan", "pengawasan", "pengendalian", "sosialisasi", "pengembangan", "mengembangkan", "pengelolaan", "mengelola", "pembangunan", "membangun", "penetapan", "menetapkan", "penguatan", "memperkuat", "pembinaan", "membina", "penerapan", "menerapkan", "fasilitasi", "koordinasi", "dukungan", "mendukung", "optimalisasi", "percepatan", "akselerasi", "kegiatan", "program", "terselenggaranya", "tersusunnya", "terlaksananya", "tersedianya", "meningkatnya", "penyediaan", "penyempurnaan", "perumusan", "merumuskan", "penyiapan", "pemenuhan", "penyampaian", "pelaporan", "pengiriman", "keikutsertaan", "implementasi", "harmonisasi", "pengharmonisasian"])
#: Stems that name no subject matter (kept in `full`, dropped from `content`).
GENERIC_STEMS = frozenset(["asn", "aparatur", "sipil", "negara", "instansi", "perintah", "pemerintah", "nasional", "pegawai", "sistem", "layan", "tahun", "anggaran", "dokumen", "laporan", "kebijakan", "digital", "aplikasi", "lembaga", "kementerian", "badan", "pusat"])
#: Words the stemmer would damage or merge with another meaning.
STEM_EXCEPTIONS = {
    "merit": "merit", "talenta": "talenta", "asesmen": "asesmen", "regulasi": "regulasi", "evaluasi": "evaluasi",
    "pengawas": "pengawas", "pelaksana": "pelaksana", "kinerja": "kinerja", "pengadaan": "pengadaan",
    "berkala": "berkala", "pensiun": "pensiun", "otomasi": "otomasi", "administrator": "administrator",
    "seleksi": "seleksi", "formasi": "formasi", "mutasi": "mutasi", "netralitas": "netralitas",
    "pemula": "pemula", "penyelia": "penyelia", "terampil": "terampil", "mahir": "mahir", "dasar": "dasar",
    "kenaikan": "kenaikan", "jabatan": "jabatan", "pimpinan": "pimpinan", "pelatihan": "pelatihan",
    "kepemimpinan": "kepemimpinan", "pemantauan": "pemantauan", "pengaduan": "pengaduan", "karier": "karier",
    "layanan": "layanan", "penghargaan": "penghargaan", "pemberhentian": "pemberhentian",
}
DROP_PHRASES = (("tahun", "anggaran"),)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    if word in STEM_EXCEPTIONS:
        return STEM_EXCEPTIONS[word]
    if word in ROMAN or word.isdigit() or len(word) <= 3:
        return word
    return str(_stemmer().stem(word)) or word


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@dataclass(frozen=True)
class Rewrite:
    """One glossary rewrite in a text: what was written, the entry, what it became."""

    surface: str
    entry: Entry
    canonical: str
    #: Word positions in the text as written (None for a rewrite of an expansion).
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Processed:
    text: str
    full: tuple[str, ...]
    content: tuple[str, ...]
    rewrites: tuple[Rewrite, ...] = ()
    #: Stems of the text's own words, for highlighting on the page.
    surface_stems: tuple[tuple[str, str], ...] = ()
    flags: frozenset[str] = field(default_factory=frozenset)
    #: Places the activity names ("kabupaten sukamaju", "kota bandung"): the words after a
    #: region word, as written.
    regions: frozenset[str] = field(default_factory=frozenset)
    #: Modules or features of an application the activity names ("modul riwayat jabatan"):
    #: the words after "modul"/"fitur"/"menu", as written.
    modules: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    #: Agencies the activity names as what it is about or for ("LKj KASN", "Latsar CPNS bagi
    #: BKN"), not as the issuer of something every agency uses ("Peraturan LAN", "SIASN BKN").
    named: frozenset[str] = field(default_factory=frozenset)
    #: Years the name states ("laporan tahunan 2023"; "2026-2030" states both ends).
    years: frozenset[str] = field(default_factory=frozenset)
    #: Numbered things the name states: (the word before, stemmed; the number's value), "tahap II"
    #: → ("tahap", "2"), "PKN I" → ("pkn", "1"), "angkatan 3" → ("angkat", "3").
    numbered: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    #: The words with the glossary's phrases rewritten, unstemmed ("pelatihan kepemimpinan
    #: administrator angkatan i" for "PKA angkatan I"): what the word embeddings read.
    expanded: str = ""
    #: The institution that plans it is one of the work-plan synchronisation's participants
    #: (KemenPANRB, BKN, LAN, KASN: law parameter ``workplan.participants``), not an agency
    #: planning its own management.
    participant: bool = False

    @property
    def content_text(self) -> str:
        return " ".join(self.content)


class Normalizer:
    """The glossary compiled for matching; build once per glossary version."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._phrases: dict[tuple[str, ...], tuple[Entry, tuple[str, ...]]] = {}
        entries = glossary.of_kind("abbreviation", "former_name", "synonyms", "institution")
        targets: dict[str, tuple[str, ...]] = {}
        for entry in entries:
            # An agency's name becomes one marker word: recognised, never shared subject matter.
            targets[entry.id] = (f"@{entry.id}",) if entry.kind == "institution" else tuple(words(entry.canonical))
            for term in (*entry.terms, entry.canonical):
                key = tuple(words(term))
                if key:
                    self._phrases.setdefault(key, (entry, targets[entry.id]))
        self._longest = max((len(k) for k in self._phrases), default=1)
        self._self_containing: set[tuple[str, ...]] = set()
        # A canonical form may itself hold other glossary terms ("talent management system"
        # holds "talent management"): it is rewritten once, without its own entry, and that
        # fully rewritten form is what its terms become.
        for entry in entries:
            if entry.kind == "institution":
                continue
            own = tuple(words(entry.canonical))
            held = {k: v for k, v in self._phrases.items() if v[1] == own}
            for key in held:
                del self._phrases[key]
            targets[entry.id] = tuple(self._rewrite(list(own))[0])
            self._phrases.update(held)
        self._phrases = {key: (entry, targets[entry.id]) for key, (entry, _t) in self._phrases.items()}
        # A term whose rewrite contains it ("netralitas" → "netralitas aparatur sipil negara")
        # is applied to what was written only, never again to its own output.
        self._self_containing = {key for key, (_e, target) in self._phrases.items()
                                 if key != target and _occurrences(target, key)}
        # Distinguishing members, own-institution and national-scope terms are matched on
        # the processed sequence, so they are processed the same way.
        self.contrasts = [(e, [[self._full_of(term) for term in member] for member in e.members])
                          for e in glossary.of_kind("contrast")]
        self._members_of = {e.id: members for e, members in self.contrasts}
        # Each entry's member terms, longest first (the order `members_found` matches them in),
        # sorted once here rather than for every name.
        self._members_longest_first = [
            (entry, tuple(sorted(((len(seq), index, tuple(seq)) for index, terms in enumerate(members)
                                  for seq in terms if seq), reverse=True)))
            for entry, members in self.contrasts]
        # The named things of the glossary (abbreviations, former names, synonym groups) in the
        # form they take after rewriting: `terms` finds them in a processed name.
        self._terms: set[tuple[str, ...]] = set()
        for entry in glossary.of_kind("abbreviation", "former_name", "synonyms"):
            canonical = tuple(self._rewrite(words(entry.canonical))[0])
            if canonical:
                self._terms.add(canonical)
        self._term_longest = max((len(t) for t in self._terms), default=1)
        # A place written in any of the glossary's spellings of a province is that province
        # ("Jawa Barat", "Jabar").
        self.places = {" ".join(words(term)): f"{e.id}:{index}" for e in glossary.of_kind("contrast")
                       if e.id == "c-wilayah" for index, member in enumerate(e.members) for term in member}
        self.own_terms = [self._full_of(t) for e in glossary.of_kind("own_institution") for t in e.terms]
        # National-scope words are looked for in what was written (before expansions: SAKIP
        # spelled out says "instansi pemerintah" without the activity being national).
        self.scope_terms = [_to_full(words(t)) for e in glossary.of_kind("scope_national") for t in e.terms]
        self._institutions: dict[str, frozenset[str]] = {}

    def _rewrite(self, raw: list[str]) -> tuple[list[str], list[bool], list[Rewrite]]:
        """The words with glossary phrases rewritten, whether each word came from an expansion
        (an abbreviation or a former name), and the rewrites made."""
        tokens = [(w, False) for w in raw]
        rewrites: list[Rewrite] = []
        for _round in range(3):  # an expansion may hold another abbreviation (Latsar CPNS)
            out: list[tuple[str, bool]] = []
            i = 0
            while i < len(tokens):
                for size in range(min(self._longest, len(tokens) - i), 0, -1):
                    key = tuple(w for w, _e in tokens[i:i + size])
                    hit = self._phrases.get(key)
                    if hit is None or (_round and key in self._self_containing):
                        continue
                    entry, target = hit
                    expanded = entry.kind != "synonyms" or any(e for _w, e in tokens[i:i + size])
                    if key != target or (_round == 0 and entry.kind != "synonyms"):
                        span = (i, i + size) if _round == 0 else None
                        rewrites.append(Rewrite(" ".join(key), entry, " ".join(target), span))
                    out.extend((w, (expanded and key != target) or any(e for _w, e in tokens[i:i + size]))
                               for w in target)
                    i += size
                    break
                else:
                    out.append(tokens[i])
                    i += 1
            if [w for w, _e in out] == [w for w, _e in tokens]:
                tokens = out
                break
            tokens = out
        return [w for w, _e in tokens], [e for _w, e in tokens], rewrites

    def _full_of(self, text: str) -> tuple[str, ...]:
        tokens, _expanded, _ = self._rewrite(words(text))
        return _to_full(tokens)

    def process(self, text: str, institution: str = "") -> Processed:
        raw = words(text)
        tokens, _expanded, rewrites = self._rewrite(raw)
        full = _to_full(tokens)
        written = _to_full(raw)
        content = tuple(w for w in full if w not in GENERIC_STEMS and w not in SURFACE_GENERIC
                        and not w.isdigit() and not w.startswith("@"))
        flags = set()
        # "LKj BKN", "Anjab-ABK internal Kementerian PANRB" are the institution's own
        # business; "evaluasi LKj instansi pemerintah" is about every agency's.
        national = _contains_any(written, self.scope_terms)
        if national:
            flags.add("national")
        if _contains_any(full, self.own_terms) and not national:
            flags.add("own_institution")
        # Naming its own institution and no other ("Renstra KASN", "Anjab-ABK internal
        # Kementerian PANRB") marks the institution's own business.
        named = {w for k, w in enumerate(full) if w.startswith("@inst-") and not _issued_by(full, k)}
        own = self.institution_markers(institution)
        if own and named and named <= own and not national:
            flags.add("names_itself")
        surface = tuple((w, stem(w)) for w in raw)
        regions = _regions(raw, self.places) or self._institution_region(institution)
        return Processed(text=text, full=full, content=content, rewrites=tuple(rewrites),
                         surface_stems=surface, flags=frozenset(flags), regions=regions, modules=_modules(raw),
                         named=frozenset(named), years=frozenset(w for w in raw if _YEAR.match(w)),
                         numbered=_numbered(raw),
                         expanded=" ".join(tokens),
                         participant=bool(own & PARTICIPANTS))

    def institution_markers(self, institution: str) -> frozenset[str]:
        """The glossary's agencies an institution's name holds ("Kementerian PANRB", "BKN RI",
        "Kanreg IV BKN" → the marker of that agency), however it is spelled."""
        if not institution:
            return frozenset()
        if institution not in self._institutions:
            self._institutions[institution] = frozenset(
                w for w in self._full_of(institution.replace("_", " ")) if w.startswith("@inst-"))
        return self._institutions[institution]

    def _institution_region(self, institution: str) -> frozenset[str]:
        """A regional institution's own province when its name says none ("BPSDM_JATIM",
        "PEMPROV_JABAR"): the same course run by two provinces' training bodies is two courses."""
        parts = words(institution.replace("_", " "))
        if len(parts) < 2:
            return frozenset()
        place = self.places.get(" ".join(parts[1:])) or self.places.get(parts[-1])
        return frozenset({place}) if place else frozenset()

    def head_member(self, processed: Processed, entry_id: str) -> int | None:
        """The member of a contrast entry that heads the name: activity names start with what
        is done ("Penyusunan kebijakan ...", "Evaluasi pelaksanaan ...", "Kajian ..."), so the
        first member met before any subject word — generic verbs (penyusunan, pengembangan)
        skipped — is the activity's role; a member further on is its subject ("evaluasi" in
        "kebijakan penilaian kinerja")."""
        members = self._members_of.get(entry_id)
        if members is None:
            return None
        full = processed.full
        i = 0
        while i < min(len(full), 4):
            for index, terms in enumerate(members):
                if any(seq and tuple(full[i:i + len(seq)]) == tuple(seq) for seq in terms):
                    return index
            if full[i] not in SURFACE_GENERIC:
                return None
            i += 1
        return None

    def terms(self, processed: Processed) -> frozenset[tuple[str, ...]]:
        """The glossary terms the (expanded) name holds, each the longest found at its place
        ("pelatihan kepemimpinan nasional tingkat i", not also "pelatihan")."""
        tokens = processed.expanded.split()
        found: set[tuple[str, ...]] = set()
        i = 0
        while i < len(tokens):
            for size in range(min(self._term_longest, len(tokens) - i), 0, -1):
                key = tuple(tokens[i:i + size])
                if key in self._terms:
                    found.add(key)
                    i += size
                    break
            else:
                i += 1
        return frozenset(found)

    def members_found(self, processed: Processed) -> dict[str, set[int]]:
        """For each contrast entry id: which members the text names (longest members first,
        a word used by one member is not reused by a shorter one)."""
        found: dict[str, set[int]] = {}
        tokens = processed.full
        present = set(tokens)
        for entry, ordered in self._members_longest_first:
            used: set[int] = set()
            hits: set[int] = set()
            for _len, index, seq in ordered:
                # A term whose first word the name lacks cannot occur in it (most terms, most names).
                if seq[0] not in present:
                    continue
                for start in _occurrences(tokens, seq):
                    span = set(range(start, start + len(seq)))
                    if span & used:
                        continue
                    used |= span
                    hits.add(index)
            if hits:
                found[entry.id] = hits
            head = self.head_member(processed, entry.id) if entry.id in HEADED else None
            if head is not None:
                found[entry.id + HEAD] = {head}
        return found


def _to_full(tokens: Sequence[str]) -> tuple[str, ...]:
    kept = []
    skip = 0
    for i, word in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        drop = next((p for p in DROP_PHRASES if tuple(tokens[i:i + len(p)]) == p), None)
        if drop:
            skip = len(drop) - 1
            continue
        if word in FUNCTION_WORDS or _YEAR.match(word):
            continue
        # The generic verbs stay as written (they tell the role: penyusunan, pelaksanaan,
        # pengawasan); `content` leaves them out.
        kept.append(word if word in SURFACE_GENERIC or word.startswith("@") else stem(word))
    return tuple(kept)


#: Numbers that name a tier, stage, batch or class when they follow a word: roman numerals up to
#: X and one- or two-digit numbers (a year is not one).
_ROMAN_ORDER = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
NUMBERS = frozenset(_ROMAN_ORDER)
#: Words between the two ends of a range ("angkatan I s.d. V", "tahap 1 sampai 3").
_RANGE_WORDS = frozenset({"s", "d", "sd", "sampai", "hingga"})


#: A Roman numeral of the letters planners number cohorts and tiers with (I … CXCIX: "angkatan
#: LX"); D and M are left out, so "di" and "mix" are words, and a lone L or C is a letter
#: ("golongan III/c").
_ROMAN = re.compile(r"^c?(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _number_value(word: str) -> int | None:
    if word in NUMBERS:
        return _ROMAN_ORDER.index(word) + 1
    if len(word) > 1 and _ROMAN.match(word):
        total = 0
        for k, letter in enumerate(word):
            value = _ROMAN_VALUES[letter]
            total += -value if k + 1 < len(word) and _ROMAN_VALUES[word[k + 1]] > value else value
        return total
    return int(word) if word.isdigit() and len(word) <= 2 else None


def _numbered(raw: Sequence[str]) -> frozenset[tuple[str, str]]:
    """(the word before, stemmed; the number's value) for every number that follows a word:
    "tahap II" and "tahap 2" → ("tahap", "2"); "golongan IV/b" → ("golong", "4") (the letter
    after is not read). A range states every number in it ("angkatan I-III", "angkatan I s.d.
    III": 1, 2 and 3)."""
    found: set[tuple[str, str]] = set()
    key: str | None = None
    start: int | None = None
    for k in range(1, len(raw)):
        word, before = raw[k], raw[k - 1]
        value = _number_value(word)
        if value is None:
            if word not in _RANGE_WORDS:
                key = start = None
            continue
        if key is not None and start is not None and (_number_value(before) is not None or before in _RANGE_WORDS):
            # The far end of a range after the same word: every number between.
            found.update((key, str(v)) for v in range(start + 1, value + 1))
            start = value
            continue
        if before.isdigit() or before in _RANGE_WORDS:
            continue
        key, start = stem(before), value
        found.add((key, str(value)))
    return frozenset(found)


PARTICIPANTS = frozenset({"@inst-kemenpanrb", "@inst-bkn", "@inst-lan", "@inst-kasn"})

#: Words after which a text names a region; the next words (up to two, not function words)
#: are its name.
REGION_WORDS = frozenset({"kabupaten", "kab", "kota", "provinsi", "prov", "pemkab", "pemkot", "pemprov"})


#: Words before an institution's name that make it the owner of something every agency uses
#: (its regulation, its regional office, its national database or application), not the
#: institution's own business: "Peraturan LAN", "Kanreg BKN", "database BKN".
ISSUER_WORDS = frozenset({"peraturan", "kebijakan", "keputusan", "edaran", "regional", "kanreg", "database", "data", "aplikasi",
                          "portal", "platform", "sistem"})
#: ... and after it ("BKN Award", rewritten to the glossary's "kompetisi").
ISSUER_AFTER = frozenset({"award", "awards", "kompetisi"})


def _issued_by(full: Sequence[str], k: int) -> bool:
    """`full` holds stems ("peraturan" → "atur"), so the words are compared stemmed."""
    return ((k > 0 and full[k - 1] in _issuer_stems())
            or (k + 1 < len(full) and full[k + 1] in ISSUER_AFTER))


@lru_cache(maxsize=1)
def _issuer_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in ISSUER_WORDS)


def _regions(raw: Sequence[str], places: Mapping[str, str] | None = None) -> frozenset[str]:
    """The places named after a region word: a known spelling of a province (one or two
    words, "jawa timur", "jatim") is that province; otherwise the first word of the name
    ("kabupaten sukamaju tahun 2025" → sukamaju), so that the words after a name are not read
    as part of it."""
    places = places or {}
    found = set()
    for i, word in enumerate(raw):
        if word not in REGION_WORDS:
            continue
        name = [w for w in raw[i + 1:i + 3] if w not in FUNCTION_WORDS and w not in REGION_WORDS]
        if not name or name[0].isdigit():
            continue
        two, one = " ".join(name), name[0]
        found.add(places.get(two) or places.get(one) or one)
    return frozenset(found)


#: Contrast entries whose member heading a name is looked up too (`members_found` stores it
#: under "<id>#head"): the role split by the law.
HEADED = frozenset({"c-peran"})
HEAD = "#head"

MODULE_WORDS = frozenset({"modul", "fitur", "menu", "submodul"})
#: Words that end a module's name ("modul kinerja pada SIASN").
MODULE_END = frozenset({"pada", "di", "dalam", "untuk", "aplikasi", "sistem", "siasn", "e", "bagi", "dan", "yang", "versi"})


def _modules(raw: Sequence[str]) -> frozenset[tuple[str, ...]]:
    found = set()
    for i, word in enumerate(raw):
        if word not in MODULE_WORDS:
            continue
        name: list[str] = []
        for w in raw[i + 1:i + 4]:
            if w in MODULE_END or w in MODULE_WORDS:
                break
            name.append(w)
        if name:
            found.add(tuple(name))
    return frozenset(found)


def _occurrences(seq: Sequence[str], part: Sequence[str]) -> list[int]:
    n = len(part)
    if not n:
        return []
    part = tuple(part)
    first = part[0]
    return [i for i in range(len(seq) - n + 1) if seq[i] == first and tuple(seq[i:i + n]) == part]


def _contains_any(seq: Sequence[str], parts: Sequence[Sequence[str]]) -> bool:
    return any(_occurrences(seq, p) for p in parts if p)
