"""The register file layout (CSV/XLSX), close to the SIASN "data utama" export.

One row per employee; headers are SIASN-style upper-case names. Reference columns
carry codes (instansi, unit, position), not database ids, so files move between
systems. docs/bulk.md documents every column.
"""

from __future__ import annotations

#: (file column, Employee field or "" for columns the register derives, required)
COLUMNS: list[tuple[str, str, bool]] = [
    ("NIP_BARU", "nip", True),
    ("NAMA", "name", True),
    ("GELAR_DEPAN", "front_title", False),
    ("GELAR_BELAKANG", "back_title", False),
    ("TEMPAT_LAHIR", "birth_place", False),
    ("TANGGAL_LAHIR", "birth_date", True),
    ("JENIS_KELAMIN", "sex", True),
    ("JENIS_PEGAWAI", "employee_type", True),
    ("NIK", "nik", False),
    ("AGAMA", "religion", False),
    ("STATUS_KAWIN", "marital_status", False),
    ("PENDIDIKAN", "education_level", False),
    ("JURUSAN", "education_major", False),
    ("GOL", "rank", False),
    ("TMT_CPNS", "tmt_cpns", False),
    ("TMT_PNS", "tmt_pns", False),
    ("TMT_KONTRAK_AWAL", "contract_start", False),
    ("TMT_KONTRAK_AKHIR", "contract_end", False),
    ("INSTANSI_KODE", "instansi", True),
    ("UNOR_KODE", "unit", False),
    ("JABATAN_KODE", "position", False),
    ("JENIS_JABATAN", "", False),
    ("TMT_JABATAN", "", False),
    ("EMAIL", "email", False),
    ("NOMOR_HP", "phone", False),
]

HEADER = [name for name, _field, _required in COLUMNS]
FIELD_TO_COLUMN = {field: name for name, field, _required in COLUMNS if field}
DATE_COLUMNS = ("TANGGAL_LAHIR", "TMT_CPNS", "TMT_PNS", "TMT_KONTRAK_AWAL", "TMT_KONTRAK_AKHIR", "TMT_JABATAN")


def missing_columns(header: list[str]) -> list[str]:
    """The required columns a file's header lacks (case and spaces ignored)."""
    names = {h.strip().upper() for h in header}
    return [name for name, _field, required in COLUMNS if required and name not in names]
