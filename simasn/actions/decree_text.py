"""The words of a decree (SK) in the form of the Tata Naskah Dinas — kept apart from layout.

Menimbang states the facts and the legal ground in decree language, from a template per
action type; the system's own reasoning (who has authority, why a rule applied) stays in
the action's record and never enters the decree. The issuing office is named once, as
the registry records it on the decision date ("Wali Kota Bandung", never "Wali Kota Kota
Bandung"); the signer is the official in office on that date, by name.

Forms followed: PermenPANRB 80/2012 (Tata Naskah Dinas instansi pemerintah, pusat),
Permendagri 1/2023 (Tata Naskah Dinas di lingkungan Pemerintah Daerah) and the Keputusan
Presiden form (UU 12/2011 Lampiran II as applied to keputusan): heading, NOMOR, TENTANG,
"DENGAN RAHMAT TUHAN YANG MAHA ESA", the office followed by a comma, Menimbang, Mengingat,
MEMUTUSKAN, Menetapkan, the dicta KESATU..., the place and date, the signature block.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from simasn.actions.models import RECORDED_TYPES, ActionType, PersonnelAction
from simasn.law import dismissal_grounds
from simasn.law.rules._support import fmt_date_id

#: The subject of each decree, in the case used inside a sentence ("tentang Pemberhentian ...").
SUBJECT = {
    ActionType.APPOINTMENT: "Pengangkatan dalam Jabatan",
    ActionType.TRANSFER: "Pemindahan Pegawai Aparatur Sipil Negara",
    ActionType.TEMPORARY_DISMISSAL: "Pemberhentian Sementara Pegawai Aparatur Sipil Negara",
    ActionType.REACTIVATION: "Pengaktifan Kembali Pegawai Aparatur Sipil Negara",
    ActionType.DISMISSAL: "Pemberhentian Pegawai Aparatur Sipil Negara",
    ActionType.RETIREMENT: "Pemberhentian dengan Hormat karena Mencapai Batas Usia Pensiun",
    ActionType.CONTRACT_END: "Berakhirnya Perjanjian Kerja Pegawai Pemerintah dengan Perjanjian Kerja",
    ActionType.CANDIDACY_RESIGNATION: "Pemberhentian karena Pengunduran Diri sebagai Calon",
    ActionType.DISCIPLINE_PENALTY: "Penjatuhan Hukuman Disiplin",
    ActionType.CPNS_APPOINTMENT: "Pengangkatan Calon Pegawai Negeri Sipil",
    ActionType.PPPK_APPOINTMENT: "Pengangkatan Pegawai Pemerintah dengan Perjanjian Kerja",
}

#: The first word of the first dictum (KESATU) per type.
VERB = {
    ActionType.APPOINTMENT: "Mengangkat",
    ActionType.TRANSFER: "Memindahkan",
    ActionType.TEMPORARY_DISMISSAL: "Memberhentikan sementara",
    ActionType.REACTIVATION: "Mengaktifkan kembali",
    ActionType.DISMISSAL: "Memberhentikan",
    ActionType.RETIREMENT: "Memberhentikan dengan hormat",
    ActionType.CONTRACT_END: "Menyatakan berakhirnya perjanjian kerja",
    ActionType.CANDIDACY_RESIGNATION: "Memberhentikan",
    ActionType.DISCIPLINE_PENALTY: "Menjatuhkan hukuman disiplin",
    ActionType.CPNS_APPOINTMENT: "Mengangkat sebagai Calon Pegawai Negeri Sipil",
    ActionType.PPPK_APPOINTMENT: "Mengangkat sebagai Pegawai Pemerintah dengan Perjanjian Kerja",
}

_SUBJECT_PERSON = "Pegawai Aparatur Sipil Negara yang namanya tercantum dalam Diktum KESATU"

_TEMPORARY_REASON = {
    "PEJABAT_NEGARA": ("diangkat menjadi pejabat negara", "huruf a"),
    "KOMISIONER_LNS": ("diangkat menjadi komisioner atau anggota lembaga nonstruktural", "huruf b"),
    "CUTI_DILUAR_TANGGUNGAN_NEGARA": ("menjalani cuti di luar tanggungan negara", "huruf c"),
}
_ELECTION = {
    "PRESIDEN_WAPRES": "Presiden dan Wakil Presiden",
    "DPR": "anggota Dewan Perwakilan Rakyat",
    "DPD": "anggota Dewan Perwakilan Daerah",
    "DPRD": "anggota Dewan Perwakilan Rakyat Daerah",
    "GUBERNUR_WAGUB": "gubernur atau wakil gubernur",
    "BUPATI_WALIKOTA_WAKIL": "bupati/wali kota atau wakil bupati/wakil wali kota",
}


def _date(value: Any) -> str:
    if isinstance(value, dt.date):
        return fmt_date_id(value)
    try:
        return fmt_date_id(dt.date.fromisoformat(str(value)))
    except ValueError:
        return ""


def _position_name(action: PersonnelAction) -> str:
    position = action.position
    if position is None:
        return ""
    instansi = action.target_instansi if action.target_instansi_id else action.instansi
    return f"{position.name} pada {position.unit.name} {instansi}" if position.unit_id else position.name


def issuer_in_text(action: PersonnelAction) -> str:
    """The office as it is written inside a sentence: "Keputusan Presiden", "Keputusan Wali Kota Bandung"."""
    if action.decider == "PRESIDEN":
        return "Presiden"
    return action.decider_title or "Pejabat Pembina Kepegawaian"


def subject(action: PersonnelAction) -> str:
    """The decree's subject: the words the recording chapter gave (a discipline decision names
    its level and penalty), else the type's."""
    decree = (action.facts or {}).get("decree") or {}
    return str(decree.get("subject") or SUBJECT[ActionType(action.action_type)])


def menimbang(action: PersonnelAction) -> list[str]:
    """The considerations, each beginning "bahwa", the last one leading to the decision."""
    kind = ActionType(action.action_type)
    recorded = (action.facts or {}).get("decree") or {}
    if kind in RECORDED_TYPES and recorded.get("menimbang"):
        # A decision recorded from another chapter: its considerations as that chapter wrote them.
        return [str(c) for c in recorded["menimbang"]]
    # A type without its own template (CANDIDACY_RESIGNATION) takes the candidacy one.
    clauses = _CLAUSES.get(kind, _candidacy_clauses)(action, action.legal_outcome or {}, action.facts or {})
    clauses.append(
        f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {_refer_to(len(clauses))}, perlu "
        f"menetapkan Keputusan {issuer_in_text(action)} tentang {SUBJECT[kind]};")
    return clauses


def _refer_to(count: int) -> str:
    """"huruf a", "huruf a dan huruf b", "huruf a, huruf b dan huruf c": the clauses above."""
    letters = "abcdefghij"
    refer = " dan ".join(f"huruf {letters[i]}" for i in range(count))
    return refer.replace(" dan huruf", ", huruf", count - 2) if count > 2 else refer


def _appointment_clauses(action: PersonnelAction, outcome: dict[str, Any], facts: dict[str, Any]) -> list[str]:
    return [
        f"bahwa untuk kelancaran pelaksanaan tugas dan fungsi, jabatan {_position_name(action)} "
        "perlu diisi oleh pegawai yang memenuhi syarat;",
        f"bahwa {_SUBJECT_PERSON} dipandang cakap dan memenuhi persyaratan untuk diangkat dalam "
        "jabatan tersebut berdasarkan kualifikasi, kompetensi, dan kinerja sesuai dengan Sistem Merit;",
    ]


def _transfer_clauses(action: PersonnelAction, outcome: dict[str, Any], facts: dict[str, Any]) -> list[str]:
    clauses = [
        "bahwa dalam rangka pembinaan karier dan pemenuhan kebutuhan jabatan, perlu memindahkan "
        f"{_SUBJECT_PERSON} ke jabatan {_position_name(action)};",
    ]
    if action.is_between_instansi:
        clauses.append(
            f"bahwa pemindahan antarinstansi tersebut telah disetujui oleh Pejabat Pembina Kepegawaian "
            f"{action.target_instansi};")
    return clauses


def _temporary_dismissal_clauses(action: PersonnelAction, outcome: dict[str, Any],
                                 facts: dict[str, Any]) -> list[str]:
    reason = facts.get("reason")
    if reason == "DITAHAN":
        status = "tersangka" if facts.get("detention_status") == "TERSANGKA" else "terdakwa"
        return [
            f"bahwa {_SUBJECT_PERSON} ditahan karena menjadi {status} tindak pidana;",
            "bahwa berdasarkan ketentuan Pasal 53 ayat (2) Undang-Undang Nomor 20 Tahun 2023 tentang "
            "Aparatur Sipil Negara, Pegawai ASN yang ditahan karena menjadi tersangka atau terdakwa "
            "tindak pidana diberhentikan sementara;",
        ]
    words, huruf = _TEMPORARY_REASON.get(str(reason), ("memenuhi alasan pemberhentian sementara", ""))
    return [
        f"bahwa {_SUBJECT_PERSON} {words};",
        "bahwa berdasarkan ketentuan Pasal 53 ayat (1)" + (f" {huruf}" if huruf else "")
        + " Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara, PNS yang "
        f"{words} diberhentikan sementara;",
    ]


def _reactivation_clauses(action: PersonnelAction, outcome: dict[str, Any], facts: dict[str, Any]) -> list[str]:
    return [
        f"bahwa alasan pemberhentian sementara {_SUBJECT_PERSON} telah berakhir;",
        "bahwa berdasarkan ketentuan Pasal 53 ayat (3) Undang-Undang Nomor 20 Tahun 2023 tentang "
        "Aparatur Sipil Negara, PNS yang diberhentikan sementara diaktifkan kembali;",
    ]


def _dismissal_menimbang(action: PersonnelAction, outcome: dict[str, Any], facts: dict[str, Any]) -> list[str]:
    return _dismissal_clauses(action, outcome.get("dismissal") or {}, facts)


def _retirement_clauses(action: PersonnelAction, outcome: dict[str, Any], facts: dict[str, Any]) -> list[str]:
    retirement = outcome.get("retirement") or {}
    age = retirement.get("retirement_age")
    reached = _date(retirement.get("bup_reached_on"))
    return [
        f"bahwa {_SUBJECT_PERSON} telah mencapai batas usia pensiun {age} tahun"
        + (f" pada tanggal {reached}" if reached else "") + ";",
        "bahwa berdasarkan ketentuan Pasal 52 ayat (3) huruf c dan Pasal 55 Undang-Undang Nomor 20 "
        "Tahun 2023 tentang Aparatur Sipil Negara, PNS yang telah mencapai batas usia pensiun "
        "diberhentikan dengan hormat dan diberikan hak pensiun sesuai dengan ketentuan peraturan "
        "perundang-undangan;",
    ]


def _contract_end_clauses(action: PersonnelAction, outcome: dict[str, Any], facts: dict[str, Any]) -> list[str]:
    retirement = outcome.get("retirement") or {}
    ends = _date(retirement.get("service_ends_on"))
    return [
        f"bahwa masa perjanjian kerja {_SUBJECT_PERSON} berakhir"
        + (f" pada tanggal {ends}" if ends else "") + ";",
        "bahwa berdasarkan ketentuan Pasal 52 ayat (3) huruf c Undang-Undang Nomor 20 Tahun 2023 "
        "tentang Aparatur Sipil Negara, Pegawai ASN diberhentikan karena berakhirnya masa "
        "perjanjian kerja;",
    ]


def _candidacy_clauses(action: PersonnelAction, outcome: dict[str, Any], facts: dict[str, Any]) -> list[str]:
    election = _ELECTION.get(str(facts.get("election")), "pejabat yang dipilih")
    set_on = _date(facts.get("candidate_set_on"))
    return [
        f"bahwa {_SUBJECT_PERSON} telah ditetapkan sebagai calon {election}"
        + (f" pada tanggal {set_on}" if set_on else "")
        + " dan telah menyatakan pengunduran diri secara tertulis;",
        "bahwa berdasarkan ketentuan Pasal 56 dan Pasal 59 ayat (3) Undang-Undang Nomor 20 Tahun 2023 "
        "tentang Aparatur Sipil Negara, Pegawai ASN yang mencalonkan diri wajib menyatakan "
        "pengunduran diri secara tertulis sejak ditetapkan sebagai calon;",
    ]


#: Menimbang's template per action type: (action, legal outcome, facts) -> the clauses before
#: the last one.
_CLAUSES: dict[ActionType, Callable[[PersonnelAction, dict[str, Any], dict[str, Any]], list[str]]] = {
    ActionType.APPOINTMENT: _appointment_clauses,
    ActionType.TRANSFER: _transfer_clauses,
    ActionType.TEMPORARY_DISMISSAL: _temporary_dismissal_clauses,
    ActionType.REACTIVATION: _reactivation_clauses,
    ActionType.DISMISSAL: _dismissal_menimbang,
    ActionType.RETIREMENT: _retirement_clauses,
    ActionType.CONTRACT_END: _contract_end_clauses,
    ActionType.CANDIDACY_RESIGNATION: _candidacy_clauses,
}


def _dismissal_clauses(action: PersonnelAction, dismissal: dict[str, Any], facts: dict[str, Any]) -> list[str]:
    if facts.get("own_request"):
        return [
            f"bahwa {_SUBJECT_PERSON} telah mengajukan permohonan berhenti atas permintaan sendiri;",
            "bahwa berdasarkan ketentuan Pasal 52 ayat (1) huruf a dan ayat (2) Undang-Undang Nomor 20 Tahun "
            "2023 tentang Aparatur Sipil Negara, Pegawai ASN yang mengundurkan diri diberhentikan atas "
            "permintaan sendiri;",
        ]
    ground = str(dismissal.get("ground") or facts.get("ground") or "")
    label = ""
    if ground:
        on = action.sk_date or timezone.localdate()
        label = next((g["label_id"] for g in dismissal_grounds(on) if g["code"] == ground), "")
    dishonourable = dismissal.get("category") == "TIDAK_DENGAN_HORMAT"
    category = "tidak dengan hormat" if dishonourable else "dengan hormat"
    clauses = [f"bahwa {_SUBJECT_PERSON} " + (f"{label.rstrip(';. ')};" if label else
                                             "memenuhi alasan pemberhentian tidak atas permintaan sendiri;")]
    if facts.get("verdict_number"):
        verdict_date = _date(facts.get("verdict_date"))
        clauses[0] = clauses[0][:-1] + (
            f", sebagaimana putusan pengadilan Nomor {facts['verdict_number']}"
            + (f" tanggal {verdict_date}" if verdict_date else "") + " yang telah berkekuatan hukum tetap;")
    clauses.append(
        "bahwa berdasarkan ketentuan Pasal 52 ayat (3)" + (f" huruf {ground}" if ground else "")
        + (" dan ayat (4)" if dishonourable else "")
        + " Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara, Pegawai ASN "
        f"tersebut diberhentikan {category};")
    return clauses
