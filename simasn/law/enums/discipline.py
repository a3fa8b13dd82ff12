"""Legal categories of discipline (PP 94/2021) and of administrative remedies (PP 79/2021)."""

from __future__ import annotations

from enum import StrEnum

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
