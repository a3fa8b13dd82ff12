"""Demo registry: national institutions, about 14 instansi with units and officials."""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.accounts.models import User
from simasn.core.interfaces import Interface
from simasn.law import parameters
from simasn.law.enums import InstansiKind as K
from simasn.organization import services
from simasn.organization.models import Instansi, NationalInstitution, Official, Unit

#: code, name, kind, province code, NIK region, units
INSTANSI: list[tuple[str, str, K, str | None, str]] = [
    ("KEMENPANRB", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", K.KEMENTERIAN, None, "317101"),
    ("BKN", "Badan Kepegawaian Negara", K.LPNK, None, "317102"),
    ("LAN", "Lembaga Administrasi Negara", K.LPNK, None, "317103"),
    ("KEMENKEU", "Kementerian Keuangan", K.KEMENTERIAN, None, "317104"),
    ("BAPPENAS", "Kementerian Perencanaan Pembangunan Nasional/Bappenas", K.KEMENTERIAN, None, "317105"),
    ("KEMENDIKDASMEN", "Kementerian Pendidikan Dasar dan Menengah", K.KEMENTERIAN, None, "317106"),
    ("SETJEN-MPR", "Sekretariat Jenderal Majelis Permusyawaratan Rakyat", K.KESEKRETARIATAN_LEMBAGA_NEGARA, None, "317107"),
    ("SET-KASN", "Sekretariat Komisi Aparatur Sipil Negara", K.KESEKRETARIATAN_LNS, None, "317108"),
    ("PROV-JABAR", "Pemerintah Provinsi Jawa Barat", K.PROVINSI, None, "327301"),
    ("KOTA-BANDUNG", "Pemerintah Kota Bandung", K.KOTA, "PROV-JABAR", "327302"),
    ("KAB-BOGOR", "Pemerintah Kabupaten Bogor", K.KABUPATEN, "PROV-JABAR", "320101"),
    ("PROV-NTT", "Pemerintah Provinsi Nusa Tenggara Timur", K.PROVINSI, None, "537101"),
    ("KAB-KUPANG", "Pemerintah Kabupaten Kupang", K.KABUPATEN, "PROV-NTT", "530101"),
    ("KAB-SLEMAN", "Pemerintah Kabupaten Sleman", K.KABUPATEN, None, "340401"),
]

PUSAT_UNITS = [
    ("SETJEN", "Sekretariat Jenderal", True),
    ("BIRO-SDM", "Biro Sumber Daya Manusia", False),
    ("DEP-1", "Deputi Bidang Kebijakan", False),
    ("DEP-2", "Deputi Bidang Pelayanan", False),
]
DAERAH_UNITS = [
    ("SETDA", "Sekretariat Daerah", True),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", False),
    ("DISDIK", "Dinas Pendidikan", False),
    ("DINKES", "Dinas Kesehatan", False),
]

PPK_TITLE = {
    K.KEMENTERIAN: "Menteri", K.LPNK: "Kepala", K.KESEKRETARIATAN_LEMBAGA_NEGARA: "Sekretaris Jenderal",
    K.KESEKRETARIATAN_LNS: "Kepala Sekretariat", K.PROVINSI: "Gubernur", K.KABUPATEN: "Bupati", K.KOTA: "Wali Kota",
}
PPK_NAMES = [
    "Dr. Rini Widyantini, S.H., MPM.", "Prof. Dr. Zudan Arif Fakrulloh, S.H., M.H.",
    "Dr. Muhammad Taufiq, DEA", "Sri Mulyani Indrawati, S.E., M.Sc., Ph.D.",
    "Dr. Ir. Rachmat Pambudy, M.S.", "Prof. Dr. Abdul Mu'ti, M.Ed.", "Dr. Siti Fauziah, S.E., M.M.",
    "Agus Pramusinto, M.D.M., Ph.D.", "Dedi Mulyadi, S.H., M.M.", "Muhammad Farhan",
    "Rudy Susmanto, S.Si.", "Emanuel Melkiades Laka Lena, S.Si., Apt.", "Yosef Lede, S.H.",
    "Harda Kiswaya, S.E., M.Si.",
]


#: The word of an instansi's name that its head's title does not repeat (Tata Naskah Dinas:
#: "WALI KOTA BANDUNG", "MENTERI PENDAYAGUNAAN ...", never "WALI KOTA KOTA BANDUNG").
_NAME_PREFIXES = ("Pemerintah Provinsi ", "Pemerintah Kabupaten ", "Pemerintah Kota ", "Kementerian ",
                  "Sekretariat Jenderal ", "Sekretariat ")


def office_name(kind: K, name: str) -> str:
    """The instansi's name as it follows a title: "Kota Bandung" → "Bandung" after "Wali Kota"."""
    for prefix in _NAME_PREFIXES:
        if name.startswith(prefix):
            return name.removeprefix(prefix)
    return name


def ppk_title(kind: K, name: str) -> str:
    """The PPK's title of office, the office named once: "Wali Kota Bandung", "Kepala Badan ..."."""
    return f"{PPK_TITLE[kind]} {office_name(kind, name)}"


def seed(*, actor: User, stdout: Any) -> None:
    by_code: dict[str, Instansi] = {}
    for index, (code, name, kind, province, _region) in enumerate(INSTANSI):
        obj = Instansi.objects.filter(code=code).first()
        if obj is None:
            obj = services.instansi_create(actor=actor, interface=Interface.CLI, data={
                "code": code, "name": name, "kind": kind.value,
                "province_id": by_code[province].pk if province else None,
                "address": "Jakarta" if kind.is_pusat else "",
            })
        by_code[code] = obj
        units = PUSAT_UNITS if kind.is_pusat else DAERAH_UNITS
        parent = None
        for unit_code, unit_name, is_secretariat in units:
            unit = Unit.objects.filter(instansi=obj, code=unit_code).first()
            if unit is None:
                unit = services.unit_create(actor=actor, interface=Interface.CLI, data={
                    "instansi_id": obj.pk, "code": unit_code, "name": unit_name,
                    "is_secretariat": is_secretariat,
                    "parent_id": parent.pk if parent and not is_secretariat else None,
                })
            if is_secretariat:
                parent = unit
        if not Official.objects.filter(instansi=obj).exists():
            services.official_create(actor=actor, interface=Interface.CLI, data={
                "instansi_id": obj.pk, "role": "PPK", "person_name": PPK_NAMES[index],
                "title": ppk_title(kind, name), "valid_from": dt.date(2024, 10, 21) if kind.is_pusat else dt.date(2025, 2, 20),
            })
            secretary = "Sekretaris Jenderal" if kind.is_pusat else "Sekretaris Daerah"
            services.official_create(actor=actor, interface=Interface.CLI, data={
                "instansi_id": obj.pk, "role": "PYB", "person_name": f"Drs. Bambang Suryadi, M.Si. ({code})",
                "title": f"{secretary} {name.removeprefix('Pemerintah ')}", "valid_from": dt.date(2023, 1, 2),
            })
    _seed_institutions(actor=actor, by_code=by_code)


def _participation_end(code: str) -> dt.date | None:
    """The last day an institution takes part in work-plan synchronization, read from the
    law parameter (the registry never carries its own copy of that date)."""
    versions = parameters.history("workplan.participants")
    with_code = [v for v in versions if any(item["institution"] == code for item in v.value)]
    if not with_code or with_code[-1] is versions[-1]:
        return None
    return with_code[-1].end


def _seed_institutions(*, actor: User, by_code: dict[str, Instansi]) -> None:
    rows = [
        ("KEMENPANRB", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "KemenPANRB",
         "Kebijakan nasional manajemen ASN; mengoordinasikan sinkronisasi rencana kerja", True,
         dt.date(1959, 7, 10), None, "UU 20/2023 Pasal 26; PermenRK Pasal 2 ayat (1)"),
        ("BKN", "Badan Kepegawaian Negara", "BKN", "Penyelenggaraan teknis manajemen ASN dan data ASN nasional",
         True, dt.date(1948, 5, 30), None, "UU 20/2023 Pasal 26; PermenRK Pasal 2 ayat (1)"),
        ("LAN", "Lembaga Administrasi Negara", "LAN", "Pengembangan kompetensi dan pembelajaran ASN", True,
         dt.date(1957, 8, 6), None, "UU 20/2023 Pasal 26; PermenRK Pasal 2 ayat (1)"),
        ("KASN", "Komisi Aparatur Sipil Negara", "KASN", "Pengawasan sistem merit (sampai fungsinya dialihkan)",
         True, dt.date(2014, 1, 15), _participation_end("KASN"),
         "UU 20/2023 Pasal 70 ayat (3); PermenRK Pasal 2 ayat (1); tanggal pengalihan: perlu kajian hukum"),
        ("BAPPENAS", "Kementerian Perencanaan Pembangunan Nasional/Bappenas", "Bappenas",
         "Menerima hasil sinkronisasi rencana kerja (PermenRK Pasal 7)", False, dt.date(1963, 1, 1), None,
         "PermenRK Pasal 7"),
        ("KEMENKEU", "Kementerian Keuangan", "Kemenkeu", "Menerima hasil sinkronisasi rencana kerja (PermenRK Pasal 7)",
         False, dt.date(1945, 8, 19), None, "PermenRK Pasal 7"),
        ("PRESIDEN", "Kantor Presiden Republik Indonesia", "Presiden",
         "Menetapkan pengangkatan, pemindahan, pemberhentian JPT utama, JPT madya, fungsional keahlian utama",
         False, dt.date(1945, 8, 18), None, "UU 20/2023 Pasal 29 ayat (1)"),
    ]
    for code, name, short, functions, participant, start, end, basis in rows:
        data = {
            "name": name, "short_name": short, "functions": functions, "is_sync_participant": participant,
            "valid_from": start, "valid_until": end, "legal_basis": basis,
            "instansi_id": by_code[code].pk if code in by_code else None,
        }
        if not NationalInstitution.objects.filter(code=code).exists():
            services.institution_upsert(actor=actor, interface=Interface.CLI, code=code, data=data)
