"""Legal categories of UU 20/2023 as enums.

These are the stable codes shared by the law package and the registry models.
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


# ----------------------------------------------------------------------- discipline


class DisciplineBreach(StrEnum):
    """The obligations (kewajiban) and prohibitions (larangan) of PP 94/2021 Pasal 3-5.

    ``PASAL_4_F`` (masuk kerja dan menaati jam kerja) is decided by days of absence;
    ``PASAL_5_N_1`` … ``PASAL_5_N_7`` are the seven ways of supporting a candidate in
    Pasal 5 huruf n; ``IZIN_PERKAWINAN_PERCERAIAN`` is the breach of the marriage and
    divorce permit rules (PP 10/1983 as amended), which PP 94/2021 punishes with a heavy
    penalty.
    """

    PASAL_3_A = "PASAL_3_A"
    PASAL_3_B = "PASAL_3_B"
    PASAL_3_C = "PASAL_3_C"
    PASAL_3_D = "PASAL_3_D"
    PASAL_3_E = "PASAL_3_E"
    PASAL_3_F = "PASAL_3_F"
    PASAL_3_G = "PASAL_3_G"
    PASAL_3_H = "PASAL_3_H"
    PASAL_4_A = "PASAL_4_A"
    PASAL_4_B = "PASAL_4_B"
    PASAL_4_C = "PASAL_4_C"
    PASAL_4_D = "PASAL_4_D"
    PASAL_4_E = "PASAL_4_E"
    PASAL_4_F = "PASAL_4_F"
    PASAL_4_G = "PASAL_4_G"
    PASAL_4_H = "PASAL_4_H"
    PASAL_4_I = "PASAL_4_I"
    PASAL_5_A = "PASAL_5_A"
    PASAL_5_B = "PASAL_5_B"
    PASAL_5_C = "PASAL_5_C"
    PASAL_5_D = "PASAL_5_D"
    PASAL_5_E = "PASAL_5_E"
    PASAL_5_F = "PASAL_5_F"
    PASAL_5_G = "PASAL_5_G"
    PASAL_5_H = "PASAL_5_H"
    PASAL_5_I = "PASAL_5_I"
    PASAL_5_J = "PASAL_5_J"
    PASAL_5_K = "PASAL_5_K"
    PASAL_5_L = "PASAL_5_L"
    PASAL_5_M = "PASAL_5_M"
    PASAL_5_N_1 = "PASAL_5_N_1"
    PASAL_5_N_2 = "PASAL_5_N_2"
    PASAL_5_N_3 = "PASAL_5_N_3"
    PASAL_5_N_4 = "PASAL_5_N_4"
    PASAL_5_N_5 = "PASAL_5_N_5"
    PASAL_5_N_6 = "PASAL_5_N_6"
    PASAL_5_N_7 = "PASAL_5_N_7"
    IZIN_PERKAWINAN_PERCERAIAN = "IZIN_PERKAWINAN_PERCERAIAN"


class BreachImpact(StrEnum):
    """Whom a breach harmed (berdampak negatif pada …), which PP 94/2021 Pasal 9-14 read."""

    UNIT_KERJA = "UNIT_KERJA"
    INSTANSI = "INSTANSI"
    NEGARA = "NEGARA"  # "negara dan/atau pemerintah"


class DisciplinePenalty(StrEnum):
    """Jenis hukuman disiplin — PP 94/2021 Pasal 8 ayat (2)-(4).

    The last three are the medium penalties imposed instead of the cut of the
    tunjangan kinerja while the transitional provision of PP 94/2021 applies.
    """

    TEGURAN_LISAN = "TEGURAN_LISAN"
    TEGURAN_TERTULIS = "TEGURAN_TERTULIS"
    PERNYATAAN_TIDAK_PUAS_TERTULIS = "PERNYATAAN_TIDAK_PUAS_TERTULIS"
    PEMOTONGAN_TUKIN_6_BULAN = "PEMOTONGAN_TUKIN_6_BULAN"
    PEMOTONGAN_TUKIN_9_BULAN = "PEMOTONGAN_TUKIN_9_BULAN"
    PEMOTONGAN_TUKIN_12_BULAN = "PEMOTONGAN_TUKIN_12_BULAN"
    PENURUNAN_JABATAN = "PENURUNAN_JABATAN"
    PEMBEBASAN_JABATAN = "PEMBEBASAN_JABATAN"
    PEMBERHENTIAN_DENGAN_HORMAT = "PEMBERHENTIAN_DENGAN_HORMAT"
    PENUNDAAN_KGB = "PENUNDAAN_KGB"
    PENUNDAAN_KENAIKAN_PANGKAT = "PENUNDAAN_KENAIKAN_PANGKAT"
    PENURUNAN_PANGKAT = "PENURUNAN_PANGKAT"


class DisciplineOfficial(StrEnum):
    """Pejabat yang Berwenang Menghukum — PP 94/2021 Pasal 16-23.

    "Pejabat lain yang setara" takes the member of the position it is equal to; the two
    FUNGSIONAL_* members are the functional officials a PPK designates where a unit has
    no administrator or pengawas.
    """

    PRESIDEN = "PRESIDEN"
    PPK = "PPK"
    KEPALA_PERWAKILAN = "KEPALA_PERWAKILAN"
    JPT_MADYA = "JPT_MADYA"
    JPT_PRATAMA = "JPT_PRATAMA"
    ADMINISTRATOR = "ADMINISTRATOR"
    PENGAWAS = "PENGAWAS"
    FUNGSIONAL_AHLI_MADYA_TERTENTU = "FUNGSIONAL_AHLI_MADYA_TERTENTU"
    FUNGSIONAL_AHLI_MUDA_TERTENTU = "FUNGSIONAL_AHLI_MUDA_TERTENTU"


# ------------------------------------------------------------------------- disputes


class DisputedDecision(StrEnum):
    """Kinds of personnel decision for the choice of administrative remedy (PP 79/2021)."""

    PEMBERHENTIAN_PNS = "PEMBERHENTIAN_PNS"
    PEMUTUSAN_HUBUNGAN_PERJANJIAN_KERJA_PPPK = "PEMUTUSAN_HUBUNGAN_PERJANJIAN_KERJA_PPPK"
    HUKUMAN_DISIPLIN = "HUKUMAN_DISIPLIN"
    LAINNYA = "LAINNYA"


class DecisionIssuer(StrEnum):
    """Who issued the contested decision: Keputusan PPK or Keputusan Pejabat (PP 79/2021
    Pasal 1 angka 1-2), or the President."""

    PRESIDEN = "PRESIDEN"
    PPK = "PPK"
    PEJABAT = "PEJABAT"


class DisputeStep(StrEnum):
    """The timed steps of upaya administratif (PP 79/2021)."""

    PENGAJUAN_KEBERATAN = "PENGAJUAN_KEBERATAN"
    KEPUTUSAN_KEBERATAN = "KEPUTUSAN_KEBERATAN"
    PENGAJUAN_BANDING = "PENGAJUAN_BANDING"
    TANGGAPAN_PPK = "TANGGAPAN_PPK"
    KEPUTUSAN_BPASN = "KEPUTUSAN_BPASN"


class DisputeOutcome(StrEnum):
    """What a decision on an administrative remedy may do to the contested decision."""

    MEMPERKUAT = "MEMPERKUAT"
    MEMPERINGAN = "MEMPERINGAN"
    MEMPERBERAT = "MEMPERBERAT"
    MENGUBAH = "MENGUBAH"
    MEMBATALKAN = "MEMBATALKAN"


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
