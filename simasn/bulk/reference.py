"""The synthetic national reference data: ~600 instansi, their units and positions.

The population generator (`population.py`) refers to these codes, so a generated
register can be imported into a database loaded with `simasn generate-reference`.
The shape follows MISSION.md "The scale of the real thing": 63 instansi pusat and 537
instansi daerah (34 provinsi, 415 kabupaten, 88 kota). Names are synthetic on purpose.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from simasn.law import bup_table
from simasn.law.enums import EmployeeType, FunctionalLevel, InstansiKind, PositionKind
from simasn.law.parameters import default_store
from simasn.organization.models import Instansi, Unit
from simasn.positions.models import Position

PUSAT_KINDS = (
    [InstansiKind.KEMENTERIAN] * 34 + [InstansiKind.LPNK] * 22
    + [InstansiKind.KESEKRETARIATAN_LEMBAGA_NEGARA] * 4 + [InstansiKind.KESEKRETARIATAN_LNS] * 3
)
N_PROVINSI, N_KABUPATEN, N_KOTA = 34, 415, 88

KIND_LABEL = {
    InstansiKind.KEMENTERIAN: "Kementerian Sintetis",
    InstansiKind.LPNK: "Badan Sintetis",
    InstansiKind.KESEKRETARIATAN_LEMBAGA_NEGARA: "Sekretariat Lembaga Negara Sintetis",
    InstansiKind.KESEKRETARIATAN_LNS: "Sekretariat LNS Sintetis",
    InstansiKind.PROVINSI: "Pemerintah Provinsi Sintetis",
    InstansiKind.KABUPATEN: "Pemerintah Kabupaten Sintetis",
    InstansiKind.KOTA: "Pemerintah Kota Sintetis",
}

UNITS = [
    ("U01", "Sekretariat", True),
    ("U02", "Bidang Pelayanan", False),
    ("U03", "Bidang Perencanaan", False),
    ("U04", "Bidang Pendidikan", False),
    ("U05", "Bidang Kesehatan", False),
    ("U06", "Bidang Teknologi Informasi", False),
]


@dataclass(frozen=True)
class PositionTemplate:
    code: str
    name: str
    kind: PositionKind
    unit: str
    family: str = ""
    level: FunctionalLevel | None = None
    open_to_pppk: bool = True
    pusat_only: bool = False


K, F, L = PositionKind, FunctionalLevel, PositionKind.FUNGSIONAL
POSITIONS = [
    PositionTemplate("S01", "Direktur Jenderal", K.JPT_MADYA, "U01", open_to_pppk=False, pusat_only=True),
    PositionTemplate("S02", "Sekretaris", K.JPT_PRATAMA, "U01", open_to_pppk=False),
    PositionTemplate("S03", "Kepala Bidang", K.ADMINISTRATOR, "U02", open_to_pppk=False),
    PositionTemplate("S04", "Kepala Subbagian", K.PENGAWAS, "U01", open_to_pppk=False),
    PositionTemplate("F01", "Guru Ahli Pertama", L, "U04", "GURU", F.AHLI_PERTAMA),
    PositionTemplate("F02", "Guru Ahli Muda", L, "U04", "GURU", F.AHLI_MUDA),
    PositionTemplate("F03", "Guru Ahli Madya", L, "U04", "GURU", F.AHLI_MADYA),
    PositionTemplate("F04", "Perawat Terampil", L, "U05", "PERAWAT", F.TERAMPIL),
    PositionTemplate("F05", "Perawat Ahli Pertama", L, "U05", "PERAWAT", F.AHLI_PERTAMA),
    PositionTemplate("F06", "Analis Kebijakan Ahli Pertama", L, "U03", "ANALIS_KEBIJAKAN", F.AHLI_PERTAMA),
    PositionTemplate("F07", "Analis Kebijakan Ahli Muda", L, "U03", "ANALIS_KEBIJAKAN", F.AHLI_MUDA),
    PositionTemplate("F08", "Analis Kebijakan Ahli Madya", L, "U03", "ANALIS_KEBIJAKAN", F.AHLI_MADYA),
    PositionTemplate("F09", "Analis Kebijakan Ahli Utama", L, "U03", "ANALIS_KEBIJAKAN", F.AHLI_UTAMA),
    PositionTemplate("F10", "Pranata Komputer Terampil", L, "U06", "PRANATA_KOMPUTER", F.TERAMPIL),
    PositionTemplate("F11", "Dosen Ahli Muda", L, "U04", "DOSEN", F.AHLI_MUDA, pusat_only=True),
    PositionTemplate("P01", "Pengadministrasi Perkantoran", K.PELAKSANA, "U01"),
    PositionTemplate("P02", "Pengelola Keuangan", K.PELAKSANA, "U01"),
    PositionTemplate("P03", "Pengelola Layanan Operasional", K.PELAKSANA, "U02"),
]


@dataclass(frozen=True)
class InstansiSpec:
    code: str
    name: str
    kind: InstansiKind
    province_code: str = ""

    @property
    def is_pusat(self) -> bool:
        return self.kind.is_pusat


def instansi_specs() -> list[InstansiSpec]:
    """The 600 synthetic instansi, pusat first; codes are stable (P001…, D001…)."""
    specs: list[InstansiSpec] = []
    counters: dict[InstansiKind, int] = {}

    def add(prefix: str, number: int, kind: InstansiKind, province: str = "") -> None:
        counters[kind] = counters.get(kind, 0) + 1
        specs.append(InstansiSpec(f"{prefix}{number:03d}", f"{KIND_LABEL[kind]} {counters[kind]:03d}", kind, province))

    for i, kind in enumerate(PUSAT_KINDS, start=1):
        add("P", i, kind)
    number = 0
    provinces = []
    for _ in range(N_PROVINSI):
        number += 1
        add("D", number, InstansiKind.PROVINSI)
        provinces.append(specs[-1].code)
    for i in range(N_KABUPATEN + N_KOTA):
        number += 1
        kind = InstansiKind.KABUPATEN if i < N_KABUPATEN else InstansiKind.KOTA
        add("D", number, kind, provinces[i % N_PROVINSI])
    return specs


def positions_for(spec: InstansiSpec) -> list[PositionTemplate]:
    return [p for p in POSITIONS if spec.is_pusat or not p.pusat_only]


def iter_reference_rows() -> Iterator[dict[str, Any]]:
    """Flat rows (one per position) for a reference CSV next to a generated register."""
    for spec in instansi_specs():
        for position in positions_for(spec):
            yield {
                "INSTANSI_KODE": spec.code, "INSTANSI_NAMA": spec.name, "INSTANSI_JENIS": spec.kind.value,
                "UNOR_KODE": position.unit, "JABATAN_KODE": position.code, "JABATAN_NAMA": position.name,
                "JENIS_JABATAN": position.kind.value, "RUMPUN": position.family,
                "JENJANG": position.level.value if position.level else "",
            }


def load_reference(*, stdout: Any = None) -> dict[str, int]:
    """Create the reference instansi, units and positions that are missing (idempotent).

    Reference data is set-up data, not a personnel decision: it is loaded in bulk, and
    the load itself is audited once by the caller (the management command).
    """
    specs = instansi_specs()
    created = {"instansi": 0, "unit": 0, "position": 0}
    with transaction.atomic():
        existing = set(Instansi.objects.filter(code__in=[s.code for s in specs]).values_list("code", flat=True))
        new = [Instansi(code=s.code, name=s.name, kind=s.kind.value) for s in specs if s.code not in existing]
        Instansi.objects.bulk_create(new, batch_size=500)
        created["instansi"] = len(new)
        by_code = dict(Instansi.objects.filter(code__in=[s.code for s in specs]).values_list("code", "id"))
        province_of = {s.code: s.province_code for s in specs if s.province_code and s.code not in existing}
        regencies = list(Instansi.objects.filter(code__in=province_of))
        for obj in regencies:
            obj.province_id = by_code[province_of[obj.code]]
        Instansi.objects.bulk_update(regencies, ["province"], batch_size=500)
        have_units = set(Unit.objects.filter(instansi_id__in=by_code.values()).values_list("instansi_id", "code"))
        units = [
            Unit(instansi_id=by_code[s.code], code=code, name=name, is_secretariat=secretariat)
            for s in specs for code, name, secretariat in UNITS
            if (by_code[s.code], code) not in have_units
        ]
        Unit.objects.bulk_create(units, batch_size=1000)
        created["unit"] = len(units)
        unit_ids = {
            (i, c): pk for pk, i, c in Unit.objects.filter(instansi_id__in=by_code.values()).values_list("id", "instansi_id", "code")
        }
        have_positions = set(
            Position.objects.filter(instansi_id__in=by_code.values()).values_list("instansi_id", "code")
        )
        positions = [
            Position(
                instansi_id=by_code[s.code], unit_id=unit_ids[(by_code[s.code], p.unit)], code=p.code,
                name=p.name, kind=p.kind.value, functional_family=p.family,
                functional_level=p.level.value if p.level else "", open_to_pppk=p.open_to_pppk, seats=100000,
            )
            for s in specs for p in positions_for(s)
            if (by_code[s.code], p.code) not in have_positions
        ]
        Position.objects.bulk_create(positions, batch_size=1000)
        created["position"] = len(positions)
    if stdout is not None:
        stdout.write(f"reference: {created}")
    return created


def max_active_age(template: PositionTemplate, on: dt.date) -> int:
    """The oldest whole age a PNS in this position can have on ``on``: one below the BUP
    the law package gives for it (its table lists the most specific rows first). Synthetic
    data follows the published law (the YAML baseline), not local administrator overrides."""
    with default_store().baseline_only():
        rows = bup_table(on)
    for row in rows:
        if row.employee_type != EmployeeType.PNS or row.position_kind != template.kind:
            continue
        if row.functional_family is not None and row.functional_family.value != template.family:
            continue
        if row.functional_level is not None and row.functional_level != template.level:
            continue
        return row.age - 1
    raise LookupError(f"no BUP in force on {on} for position template {template.code}")
