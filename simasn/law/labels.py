"""The law's own names of the categories the personnel-action forms ask for, in Indonesian
(the wording of the article) and English — so a form never shows a code ("Ma Hakim").

Each table is keyed by the enum of ``simasn.law.enums`` and cites where the name comes from.
``choices(enum, lang)`` gives form choices in the user's language.
"""

from __future__ import annotations

from enum import StrEnum

from simasn.law.enums import (
    DetentionStatus,
    DisciplineLevel,
    Election,
    SentenceKind,
    StateOffice,
    TemporaryDismissalReason,
)

#: UU 20/2023 Pasal 58 huruf a-n (and the hakim ad hoc it excludes, huruf e).
STATE_OFFICE = {
    StateOffice.PRESIDEN_WAPRES: ("Presiden dan Wakil Presiden (Pasal 58 huruf a)",
                                  "President and Vice President (Art. 58(a))"),
    StateOffice.MPR: ("Ketua, wakil ketua, dan anggota Majelis Permusyawaratan Rakyat (huruf b)",
                      "Chair, deputy chair or member of the People's Consultative Assembly (b)"),
    StateOffice.DPR: ("Ketua, wakil ketua, dan anggota Dewan Perwakilan Rakyat (huruf c)",
                      "Chair, deputy chair or member of the House of Representatives (c)"),
    StateOffice.DPD: ("Ketua, wakil ketua, dan anggota Dewan Perwakilan Daerah (huruf d)",
                      "Chair, deputy chair or member of the Regional Representative Council (d)"),
    StateOffice.MA_HAKIM: ("Ketua, wakil ketua, ketua muda, dan hakim agung Mahkamah Agung, serta hakim pada "
                           "semua badan peradilan kecuali hakim ad hoc (huruf e)",
                           "Chief, deputy or junior chief justice, justice of the Supreme Court, or judge of any "
                           "court except an ad hoc judge (e)"),
    StateOffice.MK: ("Ketua, wakil ketua, dan anggota Mahkamah Konstitusi (huruf f)",
                     "Chief, deputy chief or justice of the Constitutional Court (f)"),
    StateOffice.BPK: ("Ketua, wakil ketua, dan anggota Badan Pemeriksa Keuangan (huruf g)",
                      "Chair, deputy chair or member of the Audit Board (g)"),
    StateOffice.KY: ("Ketua, wakil ketua, dan anggota Komisi Yudisial (huruf h)",
                     "Chair, deputy chair or member of the Judicial Commission (h)"),
    StateOffice.KPK: ("Ketua dan wakil ketua Komisi Pemberantasan Korupsi (huruf i)",
                      "Chair or deputy chair of the Corruption Eradication Commission (i)"),
    StateOffice.MENTERI: ("Menteri dan jabatan setingkat menteri (huruf j)",
                          "Minister or an office of ministerial rank (j)"),
    StateOffice.DUBES: ("Kepala perwakilan Republik Indonesia di luar negeri yang berkedudukan sebagai duta "
                        "besar luar biasa dan berkuasa penuh (huruf k)",
                        "Head of an Indonesian mission abroad as ambassador extraordinary and plenipotentiary (k)"),
    StateOffice.GUBERNUR: ("Gubernur dan wakil gubernur (huruf l)", "Governor or deputy governor (l)"),
    StateOffice.BUPATI_WALIKOTA: ("Bupati/wali kota dan wakil bupati/wakil wali kota (huruf m)",
                                  "Regent/mayor or deputy regent/deputy mayor (m)"),
    StateOffice.LAINNYA: ("Pejabat negara lainnya yang ditentukan oleh undang-undang (huruf n)",
                          "Another state office set by an Undang-Undang (n)"),
    StateOffice.HAKIM_AD_HOC: ("Hakim ad hoc (bukan pejabat negara, Pasal 58 huruf e)",
                               "Ad hoc judge (not a state office, Art. 58(e))"),
}

#: UU 20/2023 Pasal 53 ayat (1) huruf a-c and ayat (2).
TEMPORARY_DISMISSAL_REASON = {
    TemporaryDismissalReason.PEJABAT_NEGARA: ("Diangkat menjadi pejabat negara (Pasal 53 ayat (1) huruf a)",
                                              "Appointed to a state office (Art. 53(1)(a))"),
    TemporaryDismissalReason.KOMISIONER_LNS: ("Diangkat menjadi komisioner atau anggota lembaga nonstruktural "
                                              "(huruf b)", "Appointed commissioner or member of a non-structural "
                                              "institution (b)"),
    TemporaryDismissalReason.CUTI_DILUAR_TANGGUNGAN_NEGARA: ("Menjalani cuti di luar tanggungan negara (huruf c)",
                                                             "On unpaid leave (c)"),
    TemporaryDismissalReason.DITAHAN: ("Ditahan karena menjadi tersangka atau terdakwa tindak pidana "
                                       "(Pasal 53 ayat (2))",
                                       "Detained as a suspect or defendant (Art. 53(2))"),
}

#: UU 20/2023 Pasal 53 ayat (2).
DETENTION_STATUS = {
    DetentionStatus.TERSANGKA: ("Tersangka", "Suspect"),
    DetentionStatus.TERDAKWA: ("Terdakwa", "Defendant"),
}

#: UU 20/2023 Pasal 52 ayat (3) huruf h-i.
SENTENCE_KIND = {
    SentenceKind.PENJARA: ("Pidana penjara", "Imprisonment"),
    SentenceKind.KURUNGAN: ("Pidana kurungan", "Confinement (kurungan)"),
}

#: PP 94/2021 (tingkat hukuman disiplin); only the heavy level is a ground (Pasal 52(3)(g)).
DISCIPLINE_LEVEL = {
    DisciplineLevel.RINGAN: ("Hukuman disiplin ringan", "Light disciplinary penalty"),
    DisciplineLevel.SEDANG: ("Hukuman disiplin sedang", "Medium disciplinary penalty"),
    DisciplineLevel.BERAT: ("Hukuman disiplin berat", "Heavy disciplinary penalty"),
}

#: UU 20/2023 Pasal 56, 59 ayat (3); elections the law does not name (DPRD, kepala desa) too.
ELECTION = {
    Election.PRESIDEN_WAPRES: ("Presiden dan Wakil Presiden", "President and Vice President"),
    Election.DPR: ("Anggota Dewan Perwakilan Rakyat", "Member of the House of Representatives"),
    Election.DPD: ("Anggota Dewan Perwakilan Daerah", "Member of the Regional Representative Council"),
    Election.DPRD: ("Anggota Dewan Perwakilan Rakyat Daerah", "Member of a regional legislature (DPRD)"),
    Election.GUBERNUR_WAGUB: ("Gubernur dan wakil gubernur", "Governor and deputy governor"),
    Election.BUPATI_WALIKOTA_WAKIL: ("Bupati/wali kota dan wakil bupati/wakil wali kota",
                                     "Regent/mayor and deputy"),
    Election.KEPALA_DESA: ("Kepala desa", "Village head"),
}

TABLES: dict[type[StrEnum], dict] = {  # type: ignore[type-arg]
    StateOffice: STATE_OFFICE, TemporaryDismissalReason: TEMPORARY_DISMISSAL_REASON,
    DetentionStatus: DETENTION_STATUS, SentenceKind: SENTENCE_KIND, DisciplineLevel: DISCIPLINE_LEVEL,
    Election: ELECTION,
}


def label(member: StrEnum, lang: str = "id") -> str:
    id_, en = TABLES[type(member)][member]
    return str(en if lang.startswith("en") else id_)


def choices(enum: type[StrEnum], lang: str = "id") -> list[tuple[str, str]]:
    """Form choices ``(code, name in the language)`` in the law's order."""
    return [(member.value, label(member, lang)) for member in enum]
