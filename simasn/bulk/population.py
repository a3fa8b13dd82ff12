"""A synthetic national register shaped like the published figures (MISSION.md).

- ~600 instansi (63 pusat, 537 daerah; `reference.py`), 77% of PNS in daerah;
- PNS/PPPK as in June 2023: 3.80 M / 0.49 M;
- position kinds about 11% structural / 51% functional / 38% pelaksana;
- an age pyramid with about 34% of PNS (1.3 M of 3.8 M) aged 51-60;
- ranks, TMT dates, contract dates and NIPs consistent with each other: NIPs follow
  the law package's layout (`nip.pns_layout`, `nip.pppk_layout`), and nobody is past
  the retirement age of their position on the reference date.

Deterministic for a seed; streams: rows are generated per (employee type, birth
month) batch with numpy, so memory stays flat as N grows. Every NIP shares its first
8 digits (the birth date) only with rows of the same batch, which is why sequence
numbers can be made unique inside a batch.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from typing import IO

import numpy as np

from simasn.bulk import reference
from simasn.bulk.layout import HEADER
from simasn.law import parameters

PNS_SHARE = 3.80 / 4.29
PNS_PUSAT_SHARE = 0.23
PPPK_PUSAT_SHARE = 0.08
DEFAULT_ON = dt.date(2026, 7, 1)

#: (age from, age to, share) — PNS 51-60 ≈ 34%.
PNS_AGE_BANDS = [(20, 30, 0.09), (31, 40, 0.22), (41, 50, 0.345), (51, 57, 0.275), (58, 59, 0.065), (60, 63, 0.005)]
PPPK_AGE_BANDS = [(22, 30, 0.20), (31, 40, 0.35), (41, 50, 0.30), (51, 57, 0.15)]

STRUCTURAL = {"S01": 0.02, "S02": 0.05, "S03": 0.30, "S04": 0.63}
FUNCTIONAL = {"F01": 0.20, "F02": 0.20, "F03": 0.10, "F04": 0.08, "F05": 0.07, "F06": 0.08,
              "F07": 0.07, "F08": 0.04, "F09": 0.01, "F10": 0.10, "F11": 0.05}
PELAKSANA = {"P01": 0.4, "P02": 0.3, "P03": 0.3}
KIND_SHARES = {"PNS": (0.11, 0.51, 0.38), "PPPK": (0.0, 0.75, 0.25)}

EDUCATION = ["SMA", "D3", "S1", "S2", "S3"]
ENTRY_AGE = {"SMA": (19, 24), "D3": (21, 26), "S1": (23, 30), "S2": (25, 33), "S3": (28, 38)}
PNS_ENTRY_RANK = {"SMA": 4, "D3": 6, "S1": 8, "S2": 9, "S3": 10}  # II/a, II/c, III/a, III/b, III/c
PNS_RANK_CAP = {"SMA": 11, "D3": 11, "S1": 13, "S2": 16, "S3": 16}
PPPK_GRADE = {"SMA": 5, "D3": 7, "S1": 9, "S2": 10, "S3": 11}
PNS_RANKS = ["I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c",
             "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"]
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
         "XV", "XVI", "XVII"]
BACK_TITLE = {"SMA": "", "D3": "A.Md.", "S1": "S.E.", "S2": "M.Si.", "S3": "M.Si."}
MAJOR = {"SMA": "IPA", "D3": "Keperawatan", "S1": "Administrasi Negara", "S2": "Kebijakan Publik",
         "S3": "Ilmu Pemerintahan"}

MALE = ["Agus", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Imam", "Joko", "Rudi", "Slamet", "Wahyu",
        "Yusuf", "Ahmad", "Bambang", "Dimas", "Gilang", "Hadi", "Irfan", "Rizky", "Teguh"]
FEMALE = ["Ani", "Dewi", "Fitri", "Indah", "Kartini", "Lestari", "Maya", "Nur", "Putri", "Rina",
          "Sari", "Siti", "Tuti", "Wulan", "Yuni", "Ayu", "Diah", "Endang", "Ratna", "Sri"]
SURNAMES = ["Pratama", "Saputra", "Wijaya", "Hidayat", "Santoso", "Siregar", "Nasution", "Simanjuntak",
            "Lubis", "Harahap", "Kusuma", "Setiawan", "Gunawan", "Purnomo", "Rahmawati", "Wulandari",
            "Handayani", "Susanti", "Nugroho", "Sitompul", "Manurung", "Pane", "Tanjung", "Sinaga"]
CITIES = ["Jakarta", "Bandung", "Surabaya", "Medan", "Makassar", "Semarang", "Palembang", "Padang",
          "Yogyakarta", "Denpasar", "Banjarmasin", "Pontianak", "Manado", "Kupang", "Ambon", "Jayapura"]
RELIGIONS = (["ISLAM", "KRISTEN", "KATOLIK", "HINDU", "BUDDHA", "KONGHUCU", "KEPERCAYAAN"],
             [0.87, 0.07, 0.03, 0.017, 0.007, 0.001, 0.005])


def _pick(rng: np.random.Generator, table: dict[str, float], n: int) -> np.ndarray:
    keys = np.array(list(table))
    weights = np.array(list(table.values()), dtype=float)
    return keys[rng.choice(len(keys), size=n, p=weights / weights.sum())]


def _birth_month_weights(bands: list[tuple[int, int, float]], on: dt.date) -> tuple[list[tuple[int, int]], np.ndarray]:
    """Birth months (year, month) and their share, from age bands on `on`."""
    months, weights = [], []
    for low, high, share in bands:
        per_month = share / ((high - low + 1) * 12)
        for age in range(low, high + 1):
            for k in range(12):
                # born k months (plus `age` years) before `on`: age on `on` is `age`.
                total = on.year * 12 + (on.month - 1) - age * 12 - k - 1
                months.append((total // 12, total % 12 + 1))
                weights.append(per_month)
    w = np.array(weights)
    return months, w / w.sum()


class Population:
    """Iterate batches of rows (lists of column values in `layout.HEADER` order)."""

    def __init__(self, *, employees: int, seed: int, on: dt.date = DEFAULT_ON) -> None:
        self.employees, self.seed, self.on = employees, seed, on
        specs = reference.instansi_specs()
        self.pusat = np.array([s.code for s in specs if s.is_pusat])
        self.daerah = np.array([s.code for s in specs if not s.is_pusat])
        # Agencies differ in size: a gentle power law within each group.
        self.pusat_w = self._sizes(len(self.pusat))
        self.daerah_w = self._sizes(len(self.daerah))
        self.templates = {p.code: p for p in reference.POSITIONS}
        self.max_age = {p.code: reference.max_active_age(p, on) for p in reference.POSITIONS}
        # The published (YAML) list only: generating needs no database.
        codes = next(v.value for v in reversed(parameters.parameter("nik.province_codes").baseline) if v.start <= on)
        self.provinces = np.array(sorted(int(code) for code in codes))

    @staticmethod
    def _sizes(n: int) -> np.ndarray:
        w = 1.0 / np.sqrt(np.arange(1, n + 1))
        return w / w.sum()

    def batches(self) -> Iterator[list[list[str]]]:
        rng = np.random.default_rng([self.seed, 0])
        n_pns = round(self.employees * PNS_SHARE)
        plan = []
        for kind, n, bands in (("PNS", n_pns, PNS_AGE_BANDS), ("PPPK", self.employees - n_pns, PPPK_AGE_BANDS)):
            months, weights = _birth_month_weights(bands, self.on)
            counts = rng.multinomial(n, weights)
            plan += [(kind, ym, c) for ym, c in zip(months, counts, strict=True) if c]
        order = rng.permutation(len(plan))
        for index in order:
            kind, (year, month), count = plan[index]
            yield self._batch(kind, year, month, int(count), np.random.default_rng([self.seed, 1, int(index)]))

    def _batch(self, kind: str, year: int, month: int, n: int, rng: np.random.Generator) -> list[list[str]]:
        is_pns = kind == "PNS"
        on = np.datetime64(self.on, "D")
        first = np.datetime64(f"{year:04d}-{month:02d}-01")
        days = (first + np.timedelta64(32, "D")).astype("datetime64[M]").astype("datetime64[D]") - first
        birth = first + rng.integers(0, days.astype(int), size=n).astype("timedelta64[D]")
        age = (on.astype("datetime64[M]") - birth.astype("datetime64[M]")).astype(int) // 12
        female = rng.random(n) < (0.53 if is_pns else 0.57)

        pusat_share = PNS_PUSAT_SHARE if is_pns else PPPK_PUSAT_SHARE
        in_pusat = rng.random(n) < pusat_share
        instansi = np.where(
            in_pusat, self.pusat[rng.choice(len(self.pusat), n, p=self.pusat_w)],
            self.daerah[rng.choice(len(self.daerah), n, p=self.daerah_w)],
        )
        shares = KIND_SHARES[kind]
        u = rng.random(n)
        position = np.where(
            u < shares[0], _pick(rng, STRUCTURAL, n),
            np.where(u < shares[0] + shares[1], _pick(rng, FUNCTIONAL, n), _pick(rng, PELAKSANA, n)),
        )
        # Pusat-only positions do not exist in daerah.
        position = np.where(~in_pusat & (position == "S01"), "S02", position)
        position = np.where(~in_pusat & (position == "F11"), "F02", position)
        # Nobody is past the BUP of their position on the reference date.
        max_age = np.array([self.max_age[p] for p in position])
        too_old = age > max_age
        older = np.where(position < "P", np.where(position < "F", "S02", "F03"), "F08")
        older = np.where(~is_pns & (older == "S02"), "F08", older)
        position = np.where(too_old, older, position)
        position = np.where(age >= 60, np.where(in_pusat & (rng.random(n) < 0.5), "F11", "F09"), position)
        templates = [self.templates[p] for p in position]
        unit = np.array([t.unit for t in templates])
        kinds = np.array([t.kind.value for t in templates])
        level = np.array([t.level.value if t.level else "" for t in templates])

        edu = np.where(
            kinds == "PELAKSANA", np.array(["SMA", "D3", "S1"])[rng.choice(3, n, p=[0.45, 0.2, 0.35])],
            np.where(np.char.find(level.astype(str), "AHLI") >= 0,
                     np.array(["S1", "S2", "S3"])[rng.choice(3, n, p=[0.75, 0.22, 0.03])],
                     np.where(level == "", np.array(["S1", "S2", "S3"])[rng.choice(3, n, p=[0.6, 0.35, 0.05])], "D3")),
        )
        entry_low = np.array([ENTRY_AGE[e][0] for e in edu])
        entry_high = np.array([ENTRY_AGE[e][1] for e in edu])
        entry_months = (entry_low * 12 + (rng.random(n) * (entry_high - entry_low + 1) * 12).astype(int))
        entry_months = np.minimum(entry_months, age * 12 - 6)
        birth_month = birth.astype("datetime64[M]")
        entry = (birth_month + entry_months.astype("timedelta64[M]"))
        if not is_pns:
            # PPPK appointments began in 2019 (the PPPK NIP layout's first year).
            start_year = rng.integers(2019, min(self.on.year, 2025) + 1, size=n)
            entry = np.maximum(entry, (start_year - 1970).astype("datetime64[Y]").astype("datetime64[M]"))
        entry = np.minimum(entry, on.astype("datetime64[M]") - np.timedelta64(1, "M"))
        entry_day = entry.astype("datetime64[D]")
        service_years = (on.astype("datetime64[M]") - entry).astype(int) // 12

        if is_pns:
            start_rank = np.array([PNS_ENTRY_RANK[e] for e in edu])
            cap = np.array([PNS_RANK_CAP[e] for e in edu])
            rank_index = np.minimum(start_rank + service_years // 4, cap)
            rank_index = np.where(np.isin(position, ["S01", "S02"]), np.maximum(rank_index, 13), rank_index)
            rank_index = np.where(position == "S03", np.maximum(rank_index, 11), rank_index)
            rank = np.array(PNS_RANKS)[rank_index]
            tmt_pns = entry_day.astype("datetime64[M]") + np.timedelta64(12, "M")
            tmt_pns_s = np.where(tmt_pns <= on.astype("datetime64[M]"), tmt_pns.astype("datetime64[D]").astype(str), "")
            contract_start_s = contract_end_s = np.full(n, "")
            tmt_cpns_s = entry_day.astype(str)
        else:
            rank = np.array(ROMAN)[np.array([PPPK_GRADE[e] for e in edu])]
            tmt_pns_s = tmt_cpns_s = np.full(n, "")
            contract_start_s = entry_day.astype(str)
            end = (entry + np.timedelta64(60, "M")).astype("datetime64[D]") - np.timedelta64(1, "D")
            contract_end_s = end.astype(str)

        birth_s = birth.astype(str)
        birth_digits = np.char.replace(birth_s, "-", "").astype(np.int64)
        sex_digit = np.where(female, 2, 1)
        entry_ym = entry.astype("datetime64[Y]").astype(int) + 1970
        if is_pns:
            entry_mm = entry.astype(int) % 12 + 1
            prefix = birth_digits * 10**7 + (entry_ym * 100 + entry_mm) * 10 + sex_digit
        else:
            prefix = birth_digits * 10**7 + (entry_ym * 100 + 21) * 10 + sex_digit
        # Unique sequence numbers inside groups sharing a prefix (all in this batch).
        order = np.argsort(prefix, kind="stable")
        sorted_prefix = prefix[order]
        starts = np.r_[True, sorted_prefix[1:] != sorted_prefix[:-1]]
        group_start = np.maximum.accumulate(np.where(starts, np.arange(n), 0))
        rank_in_group = np.arange(n) - group_start
        base = rng.integers(1, 900, size=n)[group_start]
        seq_sorted = np.where(base + rank_in_group <= 999, base + rank_in_group, rank_in_group + 1)
        seq = np.empty(n, dtype=np.int64)
        seq[order] = seq_sorted
        nip = (prefix * 1000 + seq).astype(str)

        first_names = np.where(female, np.array(FEMALE)[rng.integers(0, len(FEMALE), n)],
                               np.array(MALE)[rng.integers(0, len(MALE), n)])
        surnames = np.array(SURNAMES)[rng.integers(0, len(SURNAMES), n)]
        names = np.char.add(np.char.add(first_names, " "), surnames)
        front = np.where(edu == "S3", "Dr.", "")
        back = np.array([BACK_TITLE[e] for e in edu])
        city = np.array(CITIES)[rng.integers(0, len(CITIES), n)]
        religion = np.array(RELIGIONS[0])[rng.choice(len(RELIGIONS[0]), n, p=np.array(RELIGIONS[1]) / sum(RELIGIONS[1]))]
        married = np.where((age < 25) & (rng.random(n) < 0.7), "BELUM_KAWIN",
                           np.where(rng.random(n) < 0.93, "KAWIN", "CERAI_HIDUP"))
        # NIK: 6-digit area + DDMMYY (+40 on the day for women) + 4 digits.
        day = birth.astype("datetime64[D]").astype(object)
        # A region code the law's NIK rule accepts: a province of the Kemendagri list
        # (parameter nik.province_codes), regency and district codes never 00.
        area = (self.provinces[rng.integers(0, len(self.provinces), size=n)] * 10000
                + rng.integers(1, 80, size=n) * 100 + rng.integers(1, 51, size=n))
        tail = rng.integers(1, 9999, size=n)
        nik = [f"{a}{d.day + (40 if f else 0):02d}{d.month:02d}{d.year % 100:02d}{t:04d}"
               for a, d, f, t in zip(area, day, female, tail, strict=True)]
        major = np.array([MAJOR[e] for e in edu])
        tmt_jabatan = (entry + (rng.random(n) * np.maximum(service_years, 0) * 12).astype("timedelta64[M]"))
        phone = np.char.add("08", rng.integers(1_100_000_000, 9_999_999_999, size=n).astype(str))
        columns = [
            nip, names, front, back, city, birth_s, np.where(female, "P", "L"), np.full(n, kind), nik,
            religion, married, edu, major, rank, tmt_cpns_s, tmt_pns_s, contract_start_s, contract_end_s,
            instansi, unit, position, kinds, tmt_jabatan.astype("datetime64[D]").astype(str),
            np.full(n, ""), phone,
        ]
        return [list(row) for row in zip(*(c.tolist() if isinstance(c, np.ndarray) else c for c in columns), strict=True)]


def write_csv(out: IO[str], *, employees: int, seed: int, on: dt.date = DEFAULT_ON, progress=None) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    written = 0
    for rows in Population(employees=employees, seed=seed, on=on).batches():
        writer.writerows(rows)
        written += len(rows)
        if progress is not None:
            progress(len(rows))
    return written
