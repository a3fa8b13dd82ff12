"""The overlap detector: its glossary, what it reads in a name, and its measured quality.

The quality figures are measured on every run (`-s` prints them): cross-validated on the
development pairs the model is trained on, and on the held-out pairs written by an
independent author and copied in only after the detector was frozen (docs/workplans.md).
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

import pytest

from simasn.workplans.overlap import glossary as g
from simasn.workplans.overlap import store
from simasn.workplans.overlap.detector import DIFFERENT, SAME, SIMILAR, Detector
from simasn.workplans.overlap.evaluate import baseline_detector, evaluate
from simasn.workplans.overlap.features import ActivityText, contrasts, unit_signals
from simasn.workplans.overlap.model import FORMAT, Example, TrainedModel, train
from simasn.workplans.overlap.text import Normalizer, words

#: The held-out sets measured here: labelled pairs never trained or tuned on. The former
#: held-out parts are development data: the first (looked at five times) since 2026-12-01
#: (overlap/pairs/former_heldout.yaml), the second (342 pairs, looked at once), the third
#: (360 pairs, looked at once), the fourth (400 pairs, looked at once: F1 0.677 on the detector
#: frozen at b8e74bc) and the fifth (400 pairs, looked at once: P 0.785 R 0.884 F1 0.832 on the
#: detector frozen at 9a61dd3) and the sixth (400 pairs, looked at once: P 0.809 R 0.895 F1 0.850
#: on the detector frozen at ab7af74) and the seventh (400 pairs, looked at once: P 0.789 R 0.905
#: F1 0.843 on the detector frozen at e6a4ae8) and the eighth (400 pairs, looked at once: P 0.841
#: R 0.947 F1 0.891 on the detector frozen at 61a9da8) and the ninth (400 pairs, looked at once:
#: P 0.827 R 0.905 F1 0.864 on the detector frozen at 2c27016) and the tenth (400 pairs, looked at
#: once: P 0.782 R 0.866 F1 0.821 on the detector frozen at 03d67ae) and the eleventh (400 pairs,
#: looked at once: P 0.844 R 0.925 F1 0.883 on the detector frozen at b7e1c1a) and the twelfth
#: (400 pairs, looked at once: P 0.832 R 0.898 F1 0.864 on the detector frozen at 0540f7a) and the
#: thirteenth (400 pairs, looked at once: P 0.793 R 0.902 F1 0.844 on the detector frozen at d2da0b8)
#: and the fourteenth to the seventeenth (400 pairs each, looked at once: F1 0.900, 0.899, 0.888 and
#: 0.901 on the round-14 detector frozen at be81582, unchanged through 1e50b0c) and the eighteenth to
#: the twenty-third (400 pairs each, looked at once on the round-15 detector frozen at 739cd60: F1
#: 0.852, 0.889, 0.885, 0.849, 0.875 and 0.907; 0.876 together) since 2026-12-03
#: (overlap/pairs/heldout2_seen.yaml ... heldout23_seen.yaml). Here: held-out 24 to 35. Held-out 24 to 29, 400 pairs
#: each written blind by six more authors on 2026-12-03 (README beside each), who could not see the
#: code, copied in after the round-16 detector was frozen (a1216ee) and measured once on it, on the
#: pairs not also in the development data: F1 0.930 (P 0.905 R 0.956, 377 pairs), 0.902 (P 0.871
#: R 0.936, 377), 0.923 (P 0.887 R 0.961, 373), 0.919 (P 0.901 R 0.937, 373), 0.906 (P 0.880 R 0.933,
#: 370) and 0.926 (P 0.902 R 0.951, 382); all six together P 0.891 R 0.946 F1 0.917 on 2,252 pairs.
#: Then held-out 30 to 35, six more blind authors started after the freeze, measured once on the
#: same detector: F1 0.907 (P 0.895 R 0.919, 384 pairs), 0.891 (P 0.857 R 0.928, 381), 0.910
#: (P 0.877 R 0.945, 383), 0.929 (P 0.904 R 0.955, 379), 0.925 (P 0.902 R 0.951, 381) and 0.903
#: (P 0.866 R 0.944, 378); those six together 0.911. All twelve together: P 0.887 R 0.943 F1 0.914
#: on 4,538 pairs. The round-15 detector scores 0.894 on 24-29 and 0.876 on 30-35.
#: When a set here has become development data, it moves to overlap/pairs/ and leaves this folder.
HELD_OUT_SETS = sorted((Path(__file__).parent / "data").glob("pairs_heldout*.yaml"))
#: Floors under those measurements: the issue's target, 0.90, on all the held-out pairs together,
#: and 0.88 on each set, one author's (earlier floors: 0.84 until round 9, 0.80 at round 10, 0.86 at
#: round 11, 0.84 at round 12, 0.82 at round 13, 0.88 at round 14, 0.83 and 0.86 together at round 15).
HELD_OUT_F1_FLOOR = 0.88
HELD_OUT_POOLED_F1_FLOOR = 0.90


@pytest.fixture(scope="module")
def detector():  # type: ignore[no-untyped-def]
    return baseline_detector()


@pytest.fixture(scope="module")
def normalizer() -> Normalizer:
    return Normalizer(g.seed())


def test_glossary_seed_is_data_with_a_source_per_entry() -> None:
    gloss = g.seed()
    assert len(gloss.entries) >= 300
    for entry in gloss.entries:
        source = gloss.source_of(entry)
        assert source is not None and source.title, entry.id
    kinds = {e.kind for e in gloss.entries}
    assert {"abbreviation", "former_name", "synonyms", "contrast"} <= kinds


def test_former_names_cite_the_regulation_that_renamed_them() -> None:
    gloss = g.seed()
    pkp = gloss.get("diklatpim-iv")
    assert pkp is not None and pkp.means == "Pelatihan Kepemimpinan Pengawas"
    assert "Nomor 15 Tahun 2019" in gloss.sources[pkp.source].title
    unverified = [e.id for e in gloss.of_kind("former_name") if not gloss.sources[e.source].verified]
    assert "diklatpim-iii" in unverified  # the PKA regulation's number was not confirmed: flagged, not guessed


def test_a_canonical_form_is_rewritten_once(normalizer: Normalizer) -> None:
    """Writing a term's canonical form out gives what the term gives (and never grows on a
    second pass: "JPT madya" must not become "jabatan jabatan pimpinan tinggi madya")."""
    for entry in normalizer.glossary.of_kind("abbreviation", "former_name", "synonyms"):
        via_term = normalizer.process(entry.terms[0]).full
        via_canonical = normalizer.process(entry.canonical).full
        assert via_term == via_canonical, entry.id
        assert len(via_term) <= 2 * len(words(entry.canonical)) + 2, entry.id


@pytest.mark.parametrize(("short", "long"), [
    ("Penyelenggaraan PKA", "Penyelenggaraan Pelatihan Kepemimpinan Administrator"),
    ("Penyelenggaraan Diklatpim Tingkat III", "Penyelenggaraan PKA"),
    ("Latsar CPNS", "Pelatihan dasar calon pegawai negeri sipil"),
    ("Penyusunan Anjab/ABK", "Penyusunan analisis jabatan dan analisis beban kerja"),
    ("Open bidding JPT madya", "Seleksi terbuka jabatan pimpinan tinggi madya"),
    ("Self assessment sistem merit", "Penilaian mandiri sistem merit"),
    ("Ujikom JF", "Uji kompetensi jabatan fungsional"),
    ("Rekrutmen PPPK", "Pengadaan pegawai pemerintah dengan perjanjian kerja"),
])
def test_abbreviations_former_names_and_synonyms_meet(normalizer: Normalizer, short: str, long: str) -> None:
    assert normalizer.process(short).content == normalizer.process(long).content


@pytest.mark.parametrize(("a", "b", "dimension"), [
    ("Pelaksanaan SKD CPNS", "Pelaksanaan SKB CPNS", "tahap seleksi CASN"),
    ("Penyelenggaraan PKN Tingkat I", "Penyelenggaraan PKN Tingkat II", "jenjang pelatihan kepemimpinan"),
    ("Seleksi terbuka JPT madya", "Seleksi terbuka JPT pratama", "jenjang JPT"),
    ("Layanan kenaikan pangkat PNS", "Layanan kenaikan gaji berkala PNS", "jenis kenaikan"),
    ("Pemetaan kompetensi PNS instansi pusat", "Pemetaan kompetensi PNS instansi daerah", "kelompok sasaran (instansi)"),
])
def test_a_distinguishing_term_keeps_look_alikes_apart(detector, a: str, b: str, dimension: str) -> None:  # type: ignore[no-untyped-def]
    explanation = detector.explain(ActivityText(a, institution="BKN"), ActivityText(b, institution="LAN"))
    assert dimension in [d for d, _x, _y in explanation.contrasts]
    assert detector.band(detector.pair_probability(ActivityText(a, institution="BKN"),
                                                   ActivityText(b, institution="LAN"))) == DIFFERENT


@pytest.mark.parametrize(("a", "b", "dimension"), [
    # The role heads the name; "penilaian" further on is the subject, not the role.
    ("Penyusunan kebijakan penilaian kinerja PNS", "Evaluasi pelaksanaan penilaian kinerja PNS",
     "peran (kebijakan, pelaksanaan, pengawasan)"),
    ("Pengembangan modul riwayat pendidikan pada SIASN", "Pengembangan modul riwayat jabatan pada SIASN", "modul aplikasi"),
    ("Layanan cuti tahunan PNS", "Layanan cuti besar PNS", "jenis cuti"),
    ("Penyusunan juknis pengangkatan PPPK paruh waktu", "Penyusunan juknis pengangkatan PPPK penuh waktu",
     "PPPK penuh atau paruh waktu"),
    # The same numbered thing with another number (round 5): a stage, a tier written bare.
    ("Seleksi PPPK guru tahap I 2026", "Seleksi PPPK guru tahap II 2026", "nomor (tingkat, tahap, angkatan)"),
    ("Penyusunan pedoman penyelenggaraan PKN II", "Penyusunan pedoman penyelenggaraan PKN I",
     "nomor (tingkat, tahap, angkatan)"),
])
def test_roles_modules_and_kinds_keep_look_alikes_apart(detector, a: str, b: str, dimension: str) -> None:  # type: ignore[no-untyped-def]
    explanation = detector.explain(ActivityText(a, institution="KEMENPANRB"), ActivityText(b, institution="BKN"))
    assert dimension in [d for d, _x, _y in explanation.contrasts]


def test_a_module_named_more_fully_is_the_same_module(normalizer: Normalizer) -> None:
    from simasn.workplans.overlap.features import contrasts

    a = normalizer.process("Pengembangan modul kinerja pada SIASN")
    b = normalizer.process("Pengembangan modul penilaian kinerja pegawai di Sistem Informasi ASN")
    assert "modul aplikasi" not in [d for d, _x, _y in contrasts(normalizer, a, b).details]


def test_two_provinces_training_bodies_run_two_courses(normalizer: Normalizer) -> None:
    """A regional body's province comes from its code when the name says none; a province
    written short ("Jatim") and in full is one place, and words after it are not its name."""
    assert normalizer.process("PKA angkatan I 2025", "BPSDM_JATIM").regions != normalizer.process(
        "PKA angkatan I 2025", "BPSDM_JABAR").regions
    assert normalizer.process("Latsar CPNS Pemprov Jawa Timur formasi 2024").regions == normalizer.process(
        "Diklat Prajabatan CPNS Pemprov Jatim formasi 2024").regions


def test_an_institution_named_as_issuer_is_not_its_own_business(normalizer: Normalizer) -> None:
    assert "names_itself" not in normalizer.process("Diseminasi Peraturan LAN tentang ASN Corpu", "LAN").flags
    assert "names_itself" not in normalizer.process("Pendataan non-ASN di database BKN", "BKN").flags
    assert "names_itself" in normalizer.process("Seleksi terbuka JPT pratama di lingkungan LAN", "LAN").flags


def test_each_institution_own_report_is_not_an_overlap(detector) -> None:  # type: ignore[no-untyped-def]
    p = detector.pair_probability(ActivityText("Penyusunan LAKIP BKN 2025", institution="BKN"),
                                  ActivityText("Penyusunan Laporan Kinerja LAN 2025", institution="LAN"))
    assert detector.band(p) == DIFFERENT


def test_the_same_work_in_other_words_is_found_with_its_reason(detector) -> None:  # type: ignore[no-untyped-def]
    a = ActivityText("Penyelenggaraan PKA angkatan I bagi pejabat administrator instansi pusat", institution="LAN")
    b = ActivityText("Penyelenggaraan Pelatihan Kepemimpinan Administrator bagi pejabat administrator instansi pusat",
                     institution="BKN")
    assert detector.band(detector.pair_probability(a, b)) in (SAME, SIMILAR)
    explanation = detector.explain(a, b)
    assert "PKA = Pelatihan Kepemimpinan Administrator" in explanation.reasons
    marked = "".join(s.text for s in explanation.segments_b if s.shared)
    assert "Pelatihan Kepemimpinan Administrator" in marked
    assert "".join(s.text for s in explanation.segments_a) == a.name  # the name is shown as written


def test_model_is_plain_json_and_round_trips(detector) -> None:  # type: ignore[no-untyped-def]
    data = detector.model.to_json()
    assert data.startswith(b"{")
    again = TrainedModel.from_json(data)
    assert again.coef == detector.model.coef and again.threshold == detector.model.threshold
    assert again.veto == ["strict", "role", "term"] and again.veto_factor == detector.model.veto_factor
    assert again.words == detector.model.words and len(again.words) > 100  # the word layer travels with it
    with pytest.raises(ValueError):
        TrainedModel.from_json(data.replace(f'"format": {FORMAT}'.encode(), b'"format": 99'))


def test_development_pairs_cross_validated(detector) -> None:  # type: ignore[no-untyped-def]
    cv = detector.model.cv
    print(f"\ndevelopment pairs ({detector.model.trained_on['pairs']}: the thirty-six development files), "
          f"{cv['k']}-fold CV x{len(cv['seeds'])}: threshold={detector.model.threshold:.2f} "
          f"precision={cv['precision']:.3f} recall={cv['recall']:.3f} f1={cv['f1']:.3f}")
    # A regression guard under the measured figure; held-out 4 joining the development data
    # (round 5) made the set harder: 0.827 before the round's changes, 0.834 after.
    assert cv["f1"] >= 0.82


@functools.cache
def _development_pairs() -> dict[tuple[str, str], str]:
    """The two names of every development pair → the first file holding it."""
    seen: dict[tuple[str, str], str] = {}
    for name in store.SEED_PAIR_FILES:
        for e in store.load_pairs(store.PAIRS_DIR / name):
            seen.setdefault((e.a.name, e.b.name), name)
    return seen


def _unseen(path: Path) -> list[Example]:
    """The pairs of a held-out file that no development file holds word for word.

    Never trained on: an author writing blind can still write a pair a development file holds
    word for word (held-out 4 has one: "Rakornas Kepegawaian 2026" / its spelled-out name;
    held-out 6 five, such as "Penyusunan kurikulum PKN Tingkat II" / "... Tingkat I"; held-out 24
    to 35 between 16 and 30 against 13,558 development pairs in 36 files, each with the same label
    there — "Penyusunan Renja LAN 2027" / "Penyusunan Renja KASN 2027" is bound to recur); such a
    coincidence is left out of the measurement. Coincidences are spread over many files; a set
    copied from one would share many pairs with that file: at most 2 % with any one file, and 10 %
    in all."""
    examples = store.load_pairs(path)
    seen = _development_pairs()
    shared = Counter(seen[(e.a.name, e.b.name)] for e in examples if (e.a.name, e.b.name) in seen)
    assert sum(shared.values()) <= len(examples) // 10
    assert max(shared.values(), default=0) <= len(examples) // 50
    return [e for e in examples if (e.a.name, e.b.name) not in seen]


def test_held_out_sets_are_there() -> None:
    # A missing folder would make the parametrized test below vanish instead of fail.
    assert len(HELD_OUT_SETS) >= 2


@pytest.mark.parametrize("path", HELD_OUT_SETS, ids=[p.stem for p in HELD_OUT_SETS])
def test_held_out_pairs(detector, path: Path) -> None:  # type: ignore[no-untyped-def]
    unseen = _unseen(path)
    report = evaluate(detector, unseen)
    print(f"\n{path.name} ({len(unseen)} pairs not also in the development data): " + "\n".join(report.lines()))
    assert report.metrics.n >= 300
    assert report.metrics.f1 >= HELD_OUT_F1_FLOOR


def test_held_out_pairs_together(detector) -> None:  # type: ignore[no-untyped-def]
    unseen = [ex for path in HELD_OUT_SETS for ex in _unseen(path)]
    report = evaluate(detector, unseen)
    print(f"\nall held-out sets together ({len(HELD_OUT_SETS)} files): " + report.lines()[0])
    assert report.metrics.f1 >= HELD_OUT_POOLED_F1_FLOOR


def test_words_split_planners_punctuation() -> None:
    assert words("Anjab/ABK K/L e-Kinerja") == ["anjab", "abk", "k", "l", "e", "kinerja"]


def test_the_same_work_for_two_named_agencies_is_two_pieces_of_work(detector) -> None:  # type: ignore[no-untyped-def]
    a = ActivityText("Penyelenggaraan Latsar CPNS bagi KemenPANRB", institution="LAN")
    b = ActivityText("Penyelenggaraan Latsar CPNS bagi BKN", institution="BKPSDM_JABAR")
    assert "lembaga yang dituju" in [d for d, _x, _y in detector.explain(a, b).contrasts]
    assert detector.band(detector.pair_probability(a, b)) == DIFFERENT


def test_one_agency_report_planned_by_two_is_one_report(detector) -> None:  # type: ignore[no-untyped-def]
    """Each agency's own LKj is its own business, but two agencies both writing LAN's is one report."""
    a = ActivityText("Penyusunan LAKIP LAN Tahun 2025", institution="LAN")
    b = ActivityText("Penyusunan Laporan Kinerja Lembaga Administrasi Negara Tahun 2025", institution="KASN")
    assert detector.band(detector.pair_probability(a, b)) in (SAME, SIMILAR)


def test_cross_validation_keeps_each_institution_pair_in_one_fold() -> None:
    from simasn.workplans.overlap.model import institution_pair_folds

    examples = store.seed_examples()
    folds = institution_pair_folds(examples, 5)
    seen: dict[tuple[str, ...], int] = {}
    for ex, fold in zip(examples, folds, strict=True):
        key = tuple(sorted((ex.a.institution.upper(), ex.b.institution.upper())))
        assert seen.setdefault(key, fold) == fold
    sizes = [folds.count(f) for f in range(5)]
    # One institution pair (BKN-KemenPANRB, a third of the pairs since held-out 3 joined) is one
    # fold by design; every fold still holds enough pairs to measure on.
    assert min(sizes) >= 0.15 * len(examples)


def test_the_same_recurring_work_for_two_years_is_two_pieces_of_work(detector) -> None:  # type: ignore[no-untyped-def]
    a = ActivityText("Penyusunan laporan tahunan pengawasan sistem merit 2025", institution="BKN")
    b = ActivityText("Penyusunan laporan tahunan pengawasan sistem merit 2023", institution="KASN")
    assert "tahun" in [d for d, _x, _y in detector.explain(a, b).contrasts]
    assert detector.band(detector.pair_probability(a, b)) == DIFFERENT
    # A year on one side only says nothing against the match.
    c = ActivityText("Penyusunan laporan tahunan pengawasan sistem merit", institution="KASN")
    assert "tahun" not in [d for d, _x, _y in detector.explain(a, c).contrasts]


def test_two_named_things_are_told_apart_from_one_named_twice(normalizer: Normalizer) -> None:
    """The `term` feature: SPBE and SAKIP are two glossary terms; SPBE spelled out is one."""
    spbe = normalizer.terms(normalizer.process("Evaluasi SPBE instansi pemerintah"))
    sakip = normalizer.terms(normalizer.process("Evaluasi SAKIP instansi pemerintah"))
    spelled = normalizer.terms(normalizer.process("Evaluasi Sistem Pemerintahan Berbasis Elektronik instansi pemerintah"))
    assert spbe - sakip and sakip - spbe
    assert spbe == spelled


def test_word_embeddings_come_from_the_installed_package() -> None:
    """The `embed` feature reads the vectors shipped inside the wordllama wheel (ADR 0023)."""
    import numpy as np

    from simasn.workplans.overlap import embedding

    weights, tokenizer = embedding._files()
    assert weights.is_file() and tokenizer.is_file()
    vectors = embedding.embed(["Penyelenggaraan PKN Tingkat I", "Pelatihan Kepemimpinan Nasional Tingkat I", ""])
    assert vectors.shape == (3, embedding.DIM)
    assert np.allclose(np.linalg.norm(vectors[:2], axis=1), 1.0)


def test_a_number_after_the_same_word_distinguishes_only_when_both_state_it(normalizer: Normalizer) -> None:
    from simasn.workplans.overlap.features import contrasts

    def dimensions(a: str, b: str) -> list[str]:
        return [d for d, _x, _y in contrasts(normalizer, normalizer.process(a), normalizer.process(b)).details]

    numbered = "nomor (tingkat, tahap, angkatan)"
    assert numbered in dimensions("Seleksi PPPK guru tahap I", "Seleksi PPPK guru tahap II")
    assert numbered not in dimensions("Seleksi PPPK guru tahap I", "Seleksi PPPK guru")
    assert numbered not in dimensions("PKA angkatan I-III", "PKA angkatan III")  # a range shares its end
    assert numbered not in dimensions("PKA angkatan 2", "PKA angkatan II")  # one number written two ways
    assert normalizer.process("Laporan semester 2 tahun 2025").numbered == frozenset({("semester", "2")})


def test_random_pairings_teach_unrelated_work_and_stay_out_of_a_test_fold(detector) -> None:  # type: ignore[no-untyped-def]
    """Round 5: random pairings of the training activities are fitted as not overlaps; a fold
    never fits on a pairing that touches one of its own test activities."""
    import numpy as np

    from simasn.workplans.overlap.features import PairRows
    from simasn.workplans.overlap.model import Negatives, random_pairings

    examples = store.seed_examples()
    pool = random_pairings(examples, 200, seed=3)
    assert len(pool) == 200 and not any(p.overlap for p in pool)
    assert all(p.a.institution.upper() != p.b.institution.upper() for p in pool)
    test = examples[:300]
    kept = Negatives(PairRows(np.zeros((len(pool), 1)), [()] * len(pool)), pool).apart_from(test)
    held = {item for ex in test for item in (ex.a, ex.b)}
    assert 0 < len(kept.pairs) < len(pool)
    assert not any(p.a in held or p.b in held for p in kept.pairs)
    assert detector.model.trained_on["random_pairings"] > 0


def test_an_agency_however_spelled_names_itself(normalizer: Normalizer) -> None:
    # "BKN RI", "Badan Kepegawaian Negara", "Kementerian PANRB": the activity's own institution
    # named in the activity makes it the institution's own business, whatever the spelling.
    own = normalizer.process("Penyusunan Peta Rencana SPBE BKN 2025-2029", "BKN RI")
    national = normalizer.process("Penyusunan Peta Rencana SPBE Nasional 2025-2029", "Kementerian PANRB")
    assert "names_itself" in own.flags and own.participant
    assert ("lingkup", "internal lembaga", "nasional") in contrasts(normalizer, own, national).details
    assert not normalizer.process("Pelatihan kepala desa", "Kemendes PDT").participant


def test_the_word_layer_learns_which_words_tell_work_apart() -> None:
    # Pairs that differ by "statistik" are the same work; pairs that differ by "modul" never are.

    def pair(a: str, b: str, overlap: bool) -> Example:
        return Example(ActivityText(a, institution="BKN"), ActivityText(b, institution="LAN"), overlap)

    subjects = ["kinerja pegawai", "pensiun pegawai", "cuti pegawai", "mutasi pegawai", "disiplin pegawai",
                "formasi jabatan", "gaji pegawai", "kenaikan pangkat", "penghargaan pegawai", "talenta nasional"]
    examples = [pair(f"Penyusunan data {s}", f"Penyusunan data statistik {s}", True) for s in subjects]
    examples += [pair(f"Pengembangan aplikasi {s}", f"Pengembangan modul aplikasi {s}", False) for s in subjects]
    model = train(g.seed(), examples)
    assert model.words.get("d:statistik", 0) > 0 > model.words.get("d:modul", 0)


def test_the_shipped_baseline_is_trained_from_the_shipped_pairs_and_code() -> None:
    # A change to the pairs, the glossary or the training code without a new baseline.json
    # (`python -m simasn.workplans.overlap.store`) would leave a fresh install training for a
    # minute, or a stale file: the file records the digest of its inputs.
    gloss = g.seed()
    assert store.shipped(gloss) is not None, "run: python -m simasn.workplans.overlap.store"


@pytest.mark.long
def test_the_shipped_baseline_is_what_training_gives() -> None:
    gloss = g.seed()
    shipped = store.shipped(gloss)
    fresh = train(gloss, store.seed_examples())
    assert shipped is not None
    assert shipped.threshold == fresh.threshold and shipped.cv == fresh.cv
    assert shipped.coef == pytest.approx(fresh.coef, abs=1e-6)
    assert shipped.words.keys() == fresh.words.keys()


def test_a_slot_is_read_by_the_words_around_it(normalizer: Normalizer) -> None:
    from simasn.workplans.overlap.features import slots

    def of(a: str, b: str) -> set[str]:
        found = slots(normalizer.process(a, "BKN"), normalizer.process(b, "LAN"))
        return {s for s in found if not s.startswith("z:")}

    assert {"s:bagi", "n:$"} <= of("Pelatihan analis kebijakan bagi anggota DPRD",
                                   "Pelatihan analis kebijakan bagi ASN instansi pusat")
    assert "s:tingkat" in of("Pelatihan teknis tingkat dasar", "Pelatihan teknis tingkat lanjut")
    # Either side first: the same slots.
    assert of("Evaluasi SPBE instansi pusat", "Evaluasi keamanan SPBE instansi pusat") == \
        of("Evaluasi keamanan SPBE instansi pusat", "Evaluasi SPBE instansi pusat") == {"i:evaluasi"}
    # An abbreviation spelled out is no difference once the glossary has expanded it.
    assert of("Penyelenggaraan PKA angkatan I", "Penyelenggaraan Pelatihan Kepemimpinan Administrator angkatan I") == set()


def test_the_shape_of_an_alignment_tells_a_swap_from_an_addition(normalizer: Normalizer) -> None:
    from simasn.workplans.overlap.features import slots

    def shape(a: str, b: str) -> set[str]:
        found = slots(normalizer.process(a, "BKN"), normalizer.process(b, "LAN"))
        return {s for s in found if s.startswith("z:")}

    # One word swapped, the rest word for word; one word added; both sides first alike.
    assert shape("Pemutakhiran data keluarga PNS", "Pemutakhiran data pendidikan PNS") == {"z:replace|hi|11"}
    assert shape("Evaluasi SPBE instansi pusat", "Evaluasi keamanan SPBE instansi pusat") == {"z:insert|hi|1"}
    assert shape("Evaluasi keamanan SPBE instansi pusat", "Evaluasi SPBE instansi pusat") == {"z:insert|hi|1"}
    # Once the glossary has expanded an abbreviation, the two are the same words.
    assert shape("Penyelenggaraan PKA angkatan I",
                 "Penyelenggaraan Pelatihan Kepemimpinan Administrator angkatan I") == {"z:|hi"}


def test_a_dimension_stated_by_one_name_only_is_a_signal(normalizer: Normalizer) -> None:
    from simasn.workplans.overlap.features import stated_by_one

    def of(a: str, b: str) -> set[str]:
        return stated_by_one(normalizer.members_found(normalizer.process(a, "KemenPANRB")),
                             normalizer.members_found(normalizer.process(b, "KASN")))

    # Oversight of the filling of JPT is stated by one only: a role the other does not take.
    assert any(s.startswith("y:c-peran:") for s in of("Penyusunan pedoman pengisian JPT secara terbuka",
                                                      "Penyusunan pedoman pengawasan pengisian JPT secara terbuka"))
    # Both state a role (two different ones): that is a contrast, not this signal.
    assert not any(s.startswith("y:c-peran:") for s in of("Pengawasan pengisian JPT", "Sosialisasi pengisian JPT"))


def test_a_slot_learned_from_some_fillers_carries_over_to_new_ones() -> None:

    def pair(a: str, b: str, overlap: bool) -> Example:
        return Example(ActivityText(a, institution="BKN"), ActivityText(b, institution="LAN"), overlap)

    groups = [("guru", "dosen"), ("perawat", "bidan"), ("penyuluh", "pranata"), ("auditor", "arsiparis"),
              ("pustakawan", "statistisi"), ("widyaiswara", "penerjemah"), ("dokter", "apoteker"),
              ("hakim", "jaksa"), ("polisi", "tentara"), ("camat", "lurah")]
    examples = [pair(f"Pelatihan teknis bagi {x}", f"Pelatihan teknis bagi {y}", False) for x, y in groups]
    examples += [pair(f"Penyusunan pedoman {x}", f"Perumusan pedoman {x}", True) for x, _y in groups]
    model = train(g.seed(), examples)
    # Ten pairs that differ only in who a course is for teach that the slot after "bagi" tells
    # work apart; a pair with two groups never seen gets that weight too.
    assert model.words.get("s:bagi", 0) < 0
    detector = Detector(g.seed(), model, version="t")
    new = [ActivityText("Pelatihan teknis bagi nelayan", institution="BKN"),
           ActivityText("Pelatihan teknis bagi petani", institution="LAN")]
    same = [ActivityText("Penyusunan pedoman nelayan", institution="BKN"),
            ActivityText("Perumusan pedoman nelayan", institution="LAN")]
    assert detector.probabilities(new, [(0, 1)])[0] < detector.probabilities(same, [(0, 1)])[0]


def test_the_units_of_the_targets_are_compared() -> None:
    assert unit_signals("Dokumen", " dokumen ") == {"u:="}
    assert unit_signals("orang", "dokumen") == {"u:~", "u:dokumen|orang"}
    assert unit_signals("", "dokumen") == set()  # an unstated unit says nothing


def test_a_target_counted_in_other_units_argues_against_an_overlap(detector) -> None:  # type: ignore[no-untyped-def]
    # A guideline (counted in documents) and a course (counted in people) with near names: the
    # meeting sees the unit beside the name, and so does the detector (round 16).
    assert detector.model.words["u:~"] < 0
    names = ("Penyusunan modul pelatihan analis kebijakan", "Pelatihan analis kebijakan angkatan I")
    same = [ActivityText(names[0], institution="LAN", unit="dokumen"),
            ActivityText(names[1], institution="KemenPANRB", unit="dokumen")]
    other = [ActivityText(names[0], institution="LAN", unit="dokumen"),
             ActivityText(names[1], institution="KemenPANRB", unit="orang")]
    assert detector.probabilities(other, [(0, 1)])[0] < detector.probabilities(same, [(0, 1)])[0]
