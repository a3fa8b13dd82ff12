"""Legal categories of UU 20/2023 as enums.

These are the stable codes shared by the law package and the registry models. The
register's, positions' and processes' categories are here; those of discipline and
disputes (``discipline``) and of rewards, performance, talent and learning
(``development``) are in their own modules and named here too, so that
``from simasn.law.enums import X`` (and parameters' ``keyed_by``) finds every category.
Members keep their Indonesian legal names (see docs/glossary.md). Adding a
category is a data change in the parameters plus a member here; the values are
stored in the database, so never rename a member's value.
"""

from __future__ import annotations

from enum import StrEnum


class EmployeeType(StrEnum):
    """Pegawai ASN kinds — UU 20/2023 Pasal 1 angka 2-4, Pasal 5."""

    PNS = "PNS"
    PPPK = "PPPK"


class CandidateType(StrEnum):
    """Who may be put forward to fill a Jabatan ASN — Pasal 19, 34, 65."""

    PNS = "PNS"
    PPPK = "PPPK"
    TNI = "TNI"
    POLRI = "POLRI"
    NON_ASN = "NON_ASN"


class PositionGroup(StrEnum):
    """Jabatan ASN groups — Pasal 13."""

    MANAJERIAL = "MANAJERIAL"
    NONMANAJERIAL = "NONMANAJERIAL"


class PositionKind(StrEnum):
    """Jabatan ASN kinds — Pasal 14 (manajerial) and Pasal 18 ayat (1) (nonmanajerial)."""

    JPT_UTAMA = "JPT_UTAMA"
    JPT_MADYA = "JPT_MADYA"
    JPT_PRATAMA = "JPT_PRATAMA"
    ADMINISTRATOR = "ADMINISTRATOR"
    PENGAWAS = "PENGAWAS"
    FUNGSIONAL = "FUNGSIONAL"
    PELAKSANA = "PELAKSANA"

    @property
    def group(self) -> PositionGroup:
        if self in (PositionKind.FUNGSIONAL, PositionKind.PELAKSANA):
            return PositionGroup.NONMANAJERIAL
        return PositionGroup.MANAJERIAL

    @property
    def is_jpt(self) -> bool:
        return self in (PositionKind.JPT_UTAMA, PositionKind.JPT_MADYA, PositionKind.JPT_PRATAMA)


class FunctionalLevel(StrEnum):
    """Jenjang jabatan fungsional (keterampilan and keahlian categories).

    The levels are set by implementing regulation (PP 11/2017 as amended by
    PP 17/2020); Pasal 18 of UU 20/2023 only names the jabatan fungsional.
    """

    PEMULA = "PEMULA"
    TERAMPIL = "TERAMPIL"
    MAHIR = "MAHIR"
    PENYELIA = "PENYELIA"
    AHLI_PERTAMA = "AHLI_PERTAMA"
    AHLI_MUDA = "AHLI_MUDA"
    AHLI_MADYA = "AHLI_MADYA"
    AHLI_UTAMA = "AHLI_UTAMA"

    @property
    def is_keterampilan(self) -> bool:
        return self in (
            FunctionalLevel.PEMULA,
            FunctionalLevel.TERAMPIL,
            FunctionalLevel.MAHIR,
            FunctionalLevel.PENYELIA,
        )


class InstansiKind(StrEnum):
    """Kinds of Instansi Pemerintah — Pasal 1 angka 12-14."""

    KEMENTERIAN = "KEMENTERIAN"
    LPNK = "LPNK"
    KESEKRETARIATAN_LEMBAGA_NEGARA = "KESEKRETARIATAN_LEMBAGA_NEGARA"
    KESEKRETARIATAN_LNS = "KESEKRETARIATAN_LNS"
    PROVINSI = "PROVINSI"
    KABUPATEN = "KABUPATEN"
    KOTA = "KOTA"

    @property
    def is_pusat(self) -> bool:
        """Instansi Pusat (Pasal 1 angka 13) vs Instansi Daerah (Pasal 1 angka 14)."""
        return self not in (InstansiKind.PROVINSI, InstansiKind.KABUPATEN, InstansiKind.KOTA)


class Sex(StrEnum):
    """Sex as recorded in the NIP (digit 1 = laki-laki, 2 = perempuan)."""

    LAKI_LAKI = "L"
    PEREMPUAN = "P"


class EmployeeStatus(StrEnum):
    AKTIF = "AKTIF"
    DIBERHENTIKAN_SEMENTARA = "DIBERHENTIKAN_SEMENTARA"
    BERHENTI = "BERHENTI"
    PENSIUN = "PENSIUN"


class ActionKind(StrEnum):
    """Personnel actions whose authority Pasal 29-30 settles."""

    APPOINT = "APPOINT"
    TRANSFER = "TRANSFER"
    DISMISS = "DISMISS"


class DismissalGround(StrEnum):
    """Grounds of dismissal not on own request — Pasal 52 ayat (3) huruf a-j."""

    A = "a"
    B = "b"
    C = "c"
    D = "d"
    E = "e"
    F = "f"
    G = "g"
    H = "h"
    I = "i"  # noqa: E741 - the law's own letter
    J = "j"


class FunctionalFamily(StrEnum):
    """Families of jabatan fungsional whose BUP is set by their own Undang-Undang.

    Other families follow the level table of PP 11/2017 Pasal 239. PROFESOR is a
    dosen holding the academic position of profesor (UU 14/2005 Pasal 1 angka 3).
    """

    GURU = "GURU"
    DOSEN = "DOSEN"
    PROFESOR = "PROFESOR"


class DecisionMaker(StrEnum):
    """Who sets (menetapkan) a personnel action — Pasal 29."""

    PRESIDEN = "PRESIDEN"
    PPK = "PPK"


class Proposer(StrEnum):
    """Who proposes (mengusulkan) a personnel action — Pasal 30 ayat (4)."""

    PYB = "PYB"


class DismissalKind(StrEnum):
    """Pemberhentian atas / tidak atas permintaan sendiri — Pasal 52 ayat (1)."""

    ATAS_PERMINTAAN_SENDIRI = "ATAS_PERMINTAAN_SENDIRI"
    TIDAK_ATAS_PERMINTAAN_SENDIRI = "TIDAK_ATAS_PERMINTAAN_SENDIRI"


class DismissalCategory(StrEnum):
    """Dengan hormat / tidak dengan hormat — Pasal 52 ayat (4)."""

    DENGAN_HORMAT = "DENGAN_HORMAT"
    TIDAK_DENGAN_HORMAT = "TIDAK_DENGAN_HORMAT"


class DisciplineLevel(StrEnum):
    """Tingkat hukuman disiplin (PP 94/2021); only BERAT is a dismissal ground (Pasal 52(3)(g))."""

    RINGAN = "RINGAN"
    SEDANG = "SEDANG"
    BERAT = "BERAT"


class SentenceKind(StrEnum):
    """Kinds of criminal sentence named by Pasal 52 ayat (3) huruf h and i."""

    PENJARA = "PENJARA"
    KURUNGAN = "KURUNGAN"


class StateOffice(StrEnum):
    """Pejabat negara of Pasal 58 (huruf a-n); Pasal 59 ayat (1) picks some of them."""

    PRESIDEN_WAPRES = "PRESIDEN_WAPRES"  # 58 a
    MPR = "MPR"  # 58 b
    DPR = "DPR"  # 58 c
    DPD = "DPD"  # 58 d
    MA_HAKIM = "MA_HAKIM"  # 58 e
    MK = "MK"  # 58 f / 59(1) a
    BPK = "BPK"  # 58 g / 59(1) b
    KY = "KY"  # 58 h / 59(1) c
    KPK = "KPK"  # 58 i / 59(1) d
    MENTERI = "MENTERI"  # 58 j / 59(1) e
    DUBES = "DUBES"  # 58 k / 59(1) f
    GUBERNUR = "GUBERNUR"  # 58 l
    BUPATI_WALIKOTA = "BUPATI_WALIKOTA"  # 58 m
    LAINNYA = "LAINNYA"  # 58 n
    # Not a pejabat negara: Pasal 58 huruf e excludes the hakim ad hoc. Listed so that the
    # rules can say so when a PNS is appointed to a court as hakim ad hoc.
    HAKIM_AD_HOC = "HAKIM_AD_HOC"


class TemporaryDismissalReason(StrEnum):
    """Grounds of pemberhentian sementara — Pasal 53 ayat (1) huruf a-c and ayat (2)."""

    PEJABAT_NEGARA = "PEJABAT_NEGARA"
    KOMISIONER_LNS = "KOMISIONER_LNS"
    CUTI_DILUAR_TANGGUNGAN_NEGARA = "CUTI_DILUAR_TANGGUNGAN_NEGARA"
    DITAHAN = "DITAHAN"


class DetentionStatus(StrEnum):
    """Detained as tersangka or terdakwa — Pasal 53 ayat (2)."""

    TERSANGKA = "TERSANGKA"
    TERDAKWA = "TERDAKWA"


class Election(StrEnum):
    """Elections a Pegawai ASN may run in; Pasal 59 ayat (3) and Pasal 56 name some."""

    PRESIDEN_WAPRES = "PRESIDEN_WAPRES"
    DPR = "DPR"
    DPD = "DPD"
    DPRD = "DPRD"
    GUBERNUR_WAGUB = "GUBERNUR_WAGUB"
    BUPATI_WALIKOTA_WAKIL = "BUPATI_WALIKOTA_WAKIL"
    KEPALA_DESA = "KEPALA_DESA"


class NationalInstitution(StrEnum):
    """The national ASN institutions (Pasal 26 ayat (2); PermenRK Pasal 2 ayat (1))."""

    KEMENPANRB = "KEMENPANRB"
    KASN = "KASN"
    LAN = "LAN"
    BKN = "BKN"


class PerformanceRating(StrEnum):
    """Predikat kinerja pegawai — PermenPANRB 6/2022."""

    SANGAT_BAIK = "SANGAT_BAIK"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"


class OrganisationRating(StrEnum):
    """Predikat kinerja organisasi — PermenPANRB 6/2022."""

    ISTIMEWA = "ISTIMEWA"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"


class DisputeRoute(StrEnum):
    """Upaya administratif — Pasal 64 ayat (2); PP 79/2021."""

    KEBERATAN = "KEBERATAN"
    BANDING_ADMINISTRATIF = "BANDING_ADMINISTRATIF"


class HolidayKind(StrEnum):
    """Kinds of non-working day in the working-day calendar (``simasn.law.calendar``).

    LIBUR_NASIONAL and CUTI_BERSAMA are set each year by the SKB 3 Menteri (Menteri
    Agama, Menteri Ketenagakerjaan, MenPANRB) and its revisions, or by a Keputusan
    Presiden (e.g. an election day); LIBUR_DAERAH by a regional government.
    """

    LIBUR_NASIONAL = "LIBUR_NASIONAL"
    CUTI_BERSAMA = "CUTI_BERSAMA"
    LIBUR_DAERAH = "LIBUR_DAERAH"


class DayUnit(StrEnum):
    """The unit a regulation counts a deadline in: hari kerja or hari (calendar days)."""

    WORKING = "WORKING"
    CALENDAR = "CALENDAR"


class CountsFrom(StrEnum):
    """Which day is day 1 of a deadline.

    NEXT_DAY (the default): day 1 is the first (working) day after the event.
    SAME_DAY: the event's own day is day 1 (when it is a working day, for WORKING).
    """

    NEXT_DAY = "NEXT_DAY"
    SAME_DAY = "SAME_DAY"


class FormasiType(StrEnum):
    """Jenis kebutuhan (formasi) in CPNS procurement, as the yearly KepmenPANRB on SKD passing
    grades names them; which ones a year has, with their labels, is the parameter
    ``selection.formasi_types``."""

    UMUM = "UMUM"
    LULUSAN_TERBAIK = "LULUSAN_TERBAIK"  # cumlaude
    DIASPORA = "DIASPORA"
    DISABILITAS = "DISABILITAS"
    PUTRA_PUTRI_PAPUA = "PUTRA_PUTRI_PAPUA"
    PUTRA_PUTRI_KALIMANTAN = "PUTRA_PUTRI_KALIMANTAN"
    UMUM_DOKTER = "UMUM_DOKTER"
    UMUM_ABK_RESCUER_PENGAMAT_GUNUNG_API = "UMUM_ABK_RESCUER_PENGAMAT_GUNUNG_API"


class SkdSubtest(StrEnum):
    """Sub-tests of the Seleksi Kompetensi Dasar."""

    TWK = "TWK"  # Tes Wawasan Kebangsaan
    TIU = "TIU"  # Tes Intelegensia Umum
    TKP = "TKP"  # Tes Karakteristik Pribadi


class SkbComponent(StrEnum):
    """Parts of the Seleksi Kompetensi Bidang whose scores are integrated into the final score."""

    CAT = "CAT"  # SKB with BKN's computer assisted test
    WAWANCARA = "WAWANCARA"  # interview
    LAINNYA = "LAINNYA"  # other tests the instansi announces (psikotes, kesamaptaan, praktik kerja...)


class TieBreak(StrEnum):
    """Criteria that order applicants with the same score, in the order a regulation lists them."""

    SKD_TOTAL = "SKD_TOTAL"
    TKP = "TKP"
    TIU = "TIU"
    TWK = "TWK"
    IPK_ATAU_NILAI_IJAZAH = "IPK_ATAU_NILAI_IJAZAH"  # higher first
    USIA_TERTINGGI = "USIA_TERTINGGI"  # the older applicant first


class NikSeverity(StrEnum):
    """How a finding of the ``nik`` rule weighs: an ERROR makes the number invalid; a WARNING
    is a disagreement with the record that the population registry allows (a NIK never changes
    after a corrected birth date, PP 40/2019)."""

    ERROR = "ERROR"
    WARNING = "WARNING"


# The chapters' categories, re-exported (see the module docstring).
from simasn.law.enums.development import (  # noqa: E402
    BerakhlakValue,
    ExpectationRating,
    FundingSource,
    LearningForm,
    PeriodicScheme,
    PotentialLevel,
    RewardComponent,
    SatyalancanaClass,
    TalentComponent,
)
from simasn.law.enums.discipline import (  # noqa: E402
    BreachImpact,
    DecisionIssuer,
    DisciplineBreach,
    DisciplineOfficial,
    DisciplinePenalty,
    DisputedDecision,
    DisputeOutcome,
    DisputeStep,
)

__all__ = [
    "ActionKind",
    "BerakhlakValue",
    "BreachImpact",
    "CandidateType",
    "CountsFrom",
    "DayUnit",
    "DecisionIssuer",
    "DecisionMaker",
    "DetentionStatus",
    "DisciplineBreach",
    "DisciplineLevel",
    "DisciplineOfficial",
    "DisciplinePenalty",
    "DismissalCategory",
    "DismissalGround",
    "DismissalKind",
    "DisputeOutcome",
    "DisputeRoute",
    "DisputeStep",
    "DisputedDecision",
    "Election",
    "EmployeeStatus",
    "EmployeeType",
    "ExpectationRating",
    "FormasiType",
    "FunctionalFamily",
    "FunctionalLevel",
    "FundingSource",
    "HolidayKind",
    "InstansiKind",
    "LearningForm",
    "NationalInstitution",
    "NikSeverity",
    "OrganisationRating",
    "PerformanceRating",
    "PeriodicScheme",
    "PositionGroup",
    "PositionKind",
    "PotentialLevel",
    "Proposer",
    "RewardComponent",
    "SatyalancanaClass",
    "SentenceKind",
    "Sex",
    "SkbComponent",
    "SkdSubtest",
    "StateOffice",
    "TalentComponent",
    "TemporaryDismissalReason",
    "TieBreak",
]
