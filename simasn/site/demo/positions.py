"""Demo position catalogue: every kind of Jabatan ASN in every demo instansi."""

from __future__ import annotations

from typing import Any

from simasn.accounts.models import User
from simasn.core.interfaces import Interface
from simasn.law.enums import InstansiKind, PositionKind
from simasn.organization.models import Instansi, Unit
from simasn.positions import services
from simasn.positions.models import Position

# code, name, kind, level, family, unit code (pusat, daerah), seats, open to PPPK
CATALOGUE = [
    ("JPT-SEK", "Sekretaris", PositionKind.JPT_MADYA, "", "", ("SETJEN", "SETDA"), 1, False),
    # Instansi pusat only (no regional unit): the deputy's office, left vacant for the President's demo case.
    ("JPT-DEP", "", PositionKind.JPT_MADYA, "", "", ("DEP-1", None), 1, False),
    ("JPT-KEP", "Kepala Biro / Kepala Badan", PositionKind.JPT_PRATAMA, "", "", ("BIRO-SDM", "BKPSDM"), 1, False),
    ("ADM-1", "Kepala Bagian Kepegawaian", PositionKind.ADMINISTRATOR, "", "", ("BIRO-SDM", "BKPSDM"), 1, False),
    ("ADM-2", "Kepala Bagian Umum", PositionKind.ADMINISTRATOR, "", "", ("SETJEN", "SETDA"), 1, False),
    ("PGW-1", "Kepala Subbagian Data dan Informasi", PositionKind.PENGAWAS, "", "", ("BIRO-SDM", "BKPSDM"), 1, False),
    ("PGW-2", "Kepala Subbagian Tata Usaha", PositionKind.PENGAWAS, "", "", ("SETJEN", "SETDA"), 1, False),
    ("FUNG-SDM-MADYA", "Analis SDM Aparatur Ahli Madya", PositionKind.FUNGSIONAL, "AHLI_MADYA", "ANALIS_SDM_APARATUR", ("BIRO-SDM", "BKPSDM"), 2, False),
    ("FUNG-SDM-MUDA", "Analis SDM Aparatur Ahli Muda", PositionKind.FUNGSIONAL, "AHLI_MUDA", "ANALIS_SDM_APARATUR", ("BIRO-SDM", "BKPSDM"), 4, True),
    ("FUNG-SDM-PERTAMA", "Analis SDM Aparatur Ahli Pertama", PositionKind.FUNGSIONAL, "AHLI_PERTAMA", "ANALIS_SDM_APARATUR", ("BIRO-SDM", "BKPSDM"), 6, True),
    ("FUNG-KEB-UTAMA", "Analis Kebijakan Ahli Utama", PositionKind.FUNGSIONAL, "AHLI_UTAMA", "ANALIS_KEBIJAKAN", ("DEP-1", "SETDA"), 1, False),
    ("FUNG-KOMP", "Pranata Komputer Terampil", PositionKind.FUNGSIONAL, "TERAMPIL", "PRANATA_KOMPUTER", ("DEP-2", "BKPSDM"), 3, True),
    ("FUNG-GURU", "Guru Ahli Pertama", PositionKind.FUNGSIONAL, "AHLI_PERTAMA", "GURU", ("DEP-2", "DISDIK"), 12, True),
    ("FUNG-DOKTER", "Dokter Ahli Madya", PositionKind.FUNGSIONAL, "AHLI_MADYA", "DOKTER", ("DEP-2", "DINKES"), 3, True),
    ("PLK-ADM", "Pengadministrasi Perkantoran", PositionKind.PELAKSANA, "", "", ("SETJEN", "SETDA"), 8, True),
    ("PLK-DATA", "Pengolah Data dan Informasi", PositionKind.PELAKSANA, "", "", ("BIRO-SDM", "BKPSDM"), 6, True),
]


def seed(*, actor: User, stdout: Any) -> None:
    for instansi in Instansi.objects.all():
        pusat = InstansiKind(instansi.kind).is_pusat
        for code, name, kind, level, family, units, seats, pppk in CATALOGUE:
            if Position.objects.filter(instansi=instansi, code=code).exists():
                continue
            if not pusat and units[1] is None:
                continue
            if kind == PositionKind.JPT_MADYA and instansi.kind in (InstansiKind.KABUPATEN, InstansiKind.KOTA):
                kind = PositionKind.JPT_PRATAMA  # a regency secretary is JPT pratama
            unit = Unit.objects.get(instansi=instansi, code=units[0] if pusat else units[1])
            title = f"{name} {unit.name}".strip() if kind.is_jpt else name
            services.position_create(actor=actor, interface=Interface.CLI, data={
                "instansi_id": instansi.pk, "unit_id": unit.pk, "code": code, "name": title[:200],
                "kind": kind.value, "functional_level": level, "functional_family": family,
                "seats": seats, "open_to_pppk": pppk,
            })
