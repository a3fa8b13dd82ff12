"""Legal categories of rewards, performance, talent and competency development."""

from __future__ import annotations

from enum import StrEnum

# -------------------------------------------------------------------------- rewards


class RewardComponent(StrEnum):
    """Komponen penghargaan dan pengakuan — UU 20/2023 Pasal 21 ayat (2) huruf a-g."""

    PENGHASILAN = "PENGHASILAN"
    PENGHARGAAN_MOTIVASI = "PENGHARGAAN_MOTIVASI"
    TUNJANGAN_DAN_FASILITAS = "TUNJANGAN_DAN_FASILITAS"
    JAMINAN_SOSIAL = "JAMINAN_SOSIAL"
    LINGKUNGAN_KERJA = "LINGKUNGAN_KERJA"
    PENGEMBANGAN_DIRI = "PENGEMBANGAN_DIRI"
    BANTUAN_HUKUM = "BANTUAN_HUKUM"


class FundingSource(StrEnum):
    """Where rewards and recognition are funded from — UU 20/2023 Pasal 50 ayat (2)-(3)."""

    APBN = "APBN"
    APBD = "APBD"


class SatyalancanaClass(StrEnum):
    """Satyalancana Karya Satya X, XX, XXX (10, 20, 30 years) — PP 25/1994 Pasal 2."""

    X = "X"
    XX = "XX"
    XXX = "XXX"


class ExpectationRating(StrEnum):
    """Rating against the leader's expectations: of hasil kerja and of perilaku kerja
    (PermenPANRB 6/2022), and the performance axis of the talent nine-box (PermenPANRB
    3/2020). Ordered worst first."""

    DI_BAWAH_EKSPEKTASI = "DI_BAWAH_EKSPEKTASI"
    SESUAI_EKSPEKTASI = "SESUAI_EKSPEKTASI"
    DI_ATAS_EKSPEKTASI = "DI_ATAS_EKSPEKTASI"


class PeriodicScheme(StrEnum):
    """How a year is cut into periodic performance evaluations (PermenPANRB 6/2022)."""

    BULANAN = "BULANAN"
    TRIWULANAN = "TRIWULANAN"
    SEMESTERAN = "SEMESTERAN"


class BerakhlakValue(StrEnum):
    """The seven ASN core values — UU 20/2023 Pasal 3 ayat (2) huruf a-g, Pasal 4 ayat (2)."""

    BERORIENTASI_PELAYANAN = "BERORIENTASI_PELAYANAN"
    AKUNTABEL = "AKUNTABEL"
    KOMPETEN = "KOMPETEN"
    HARMONIS = "HARMONIS"
    LOYAL = "LOYAL"
    ADAPTIF = "ADAPTIF"
    KOLABORATIF = "KOLABORATIF"


class PotentialLevel(StrEnum):
    """The potential axis of the talent nine-box (PermenPANRB 3/2020). Lowest first."""

    RENDAH = "RENDAH"
    MENENGAH = "MENENGAH"
    TINGGI = "TINGGI"


class TalentComponent(StrEnum):
    """Scored components of the potential axis (BKN talent-scoring guidance, 2025)."""

    KOMPETENSI = "KOMPETENSI"
    POTENSI = "POTENSI"
    KUALIFIKASI = "KUALIFIKASI"
    INTEGRITAS_MORALITAS = "INTEGRITAS_MORALITAS"


class LearningForm(StrEnum):
    """Forms of competency development (jalur pengembangan kompetensi), classical and
    non-classical (PP 11/2017 as amended; Peraturan LAN 10/2018)."""

    PELATIHAN_KLASIKAL = "PELATIHAN_KLASIKAL"
    SEMINAR = "SEMINAR"
    WORKSHOP = "WORKSHOP"
    KURSUS = "KURSUS"
    BIMBINGAN_TEKNIS = "BIMBINGAN_TEKNIS"
    SOSIALISASI = "SOSIALISASI"
    E_LEARNING = "E_LEARNING"
    PELATIHAN_JARAK_JAUH = "PELATIHAN_JARAK_JAUH"
    COACHING = "COACHING"
    MENTORING = "MENTORING"
    MAGANG = "MAGANG"
    DETASERING = "DETASERING"
    PATOK_BANDING = "PATOK_BANDING"
    PERTUKARAN = "PERTUKARAN"
    BELAJAR_MANDIRI = "BELAJAR_MANDIRI"
    KOMUNITAS_BELAJAR = "KOMUNITAS_BELAJAR"
