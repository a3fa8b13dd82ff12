"""The synthetic register: deterministic, shaped like the 2023 figures, lawful NIPs."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter

import pytest

from simasn.bulk import reference
from simasn.bulk.layout import HEADER
from simasn.bulk.population import DEFAULT_ON, write_csv
from simasn.personnel import law_bridge


def generate(n: int, seed: int) -> str:
    out = io.StringIO()
    assert write_csv(out, employees=n, seed=seed) == n
    return out.getvalue()


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(generate(20_000, 7))))


def test_same_seed_same_file_other_seed_other_file():
    assert generate(2_000, 3) == generate(2_000, 3)
    assert generate(2_000, 3) != generate(2_000, 4)


def test_header_is_the_documented_layout(rows):
    assert list(rows[0]) == HEADER


def test_reference_has_63_pusat_and_537_daerah():
    specs = reference.instansi_specs()
    assert (sum(s.is_pusat for s in specs), sum(not s.is_pusat for s in specs)) == (63, 537)


def test_shape_follows_the_published_figures(rows):
    pns = [r for r in rows if r["JENIS_PEGAWAI"] == "PNS"]
    assert len(pns) / len(rows) == pytest.approx(3.80 / 4.29, abs=0.01)
    assert sum(r["INSTANSI_KODE"].startswith("D") for r in pns) / len(pns) == pytest.approx(0.77, abs=0.02)
    kinds = Counter(r["JENIS_JABATAN"] for r in rows)
    structural = sum(v for k, v in kinds.items() if k not in ("FUNGSIONAL", "PELAKSANA"))
    assert structural / len(rows) == pytest.approx(0.11, abs=0.03)
    assert kinds["FUNGSIONAL"] / len(rows) == pytest.approx(0.51, abs=0.06)
    assert kinds["PELAKSANA"] / len(rows) == pytest.approx(0.38, abs=0.06)

    def age(r: dict[str, str]) -> int:
        b = dt.date.fromisoformat(r["TANGGAL_LAHIR"])
        return DEFAULT_ON.year - b.year - ((DEFAULT_ON.month, DEFAULT_ON.day) < (b.month, b.day))

    # 1.3 M of 3.8 M PNS aged 51-60.
    assert sum(51 <= age(r) <= 60 for r in pns) / len(pns) == pytest.approx(1.3 / 3.8, abs=0.03)


@pytest.mark.django_db  # the law package reads administrator overrides of its parameters
def test_nips_are_unique_and_agree_with_the_law(rows):
    assert len({r["NIP_BARU"] for r in rows}) == len(rows)
    pns_ranks = set(law_bridge.rank_codes("PNS", on=DEFAULT_ON))
    pppk_ranks = set(law_bridge.rank_codes("PPPK", on=DEFAULT_ON))
    for r in rows[::40]:
        def date(key: str, r: dict[str, str] = r) -> dt.date | None:
            return dt.date.fromisoformat(r[key]) if r[key] else None

        decision = law_bridge.nip_decision(
            employee_type=r["JENIS_PEGAWAI"], nip=r["NIP_BARU"], birth_date=date("TANGGAL_LAHIR"),
            sex=r["JENIS_KELAMIN"], tmt_cpns=date("TMT_CPNS"), contract_start=date("TMT_KONTRAK_AWAL"),
            on=DEFAULT_ON,
        )
        assert decision.outcome["valid"], (r, decision.outcome)
        assert r["GOL"] in (pns_ranks if r["JENIS_PEGAWAI"] == "PNS" else pppk_ranks)
        entry = date("TMT_CPNS") or date("TMT_KONTRAK_AWAL")
        assert date("TANGGAL_LAHIR") < entry <= DEFAULT_ON


def test_every_generated_nik_and_phone_passes_the_registers_rules(rows):
    """The register refuses a NIK of an unknown province (rule nik) and a malformed phone:
    the synthetic register the benchmarks and resume tests import must pass both."""
    import datetime as dt

    from simasn.law import evaluate
    from simasn.personnel.phone import phone_valid

    for r in rows[:300]:
        decision = evaluate("nik", {"nik": r["NIK"], "birth_date": dt.date.fromisoformat(r["TANGGAL_LAHIR"]),
                                    "sex": r["JENIS_KELAMIN"]}, dt.date(2026, 7, 1))
        assert decision.outcome["agrees"], (r["NIK"], decision.explanation_en)
        assert phone_valid(r["NOMOR_HP"])
