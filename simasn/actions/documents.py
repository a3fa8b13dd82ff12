"""The Surat Keputusan (SK) of a decided action: rendered with WeasyPrint in the usual
Indonesian official-letter layout and stored immutably (file + SHA-256).

The file is stored once in the write-once document storage (simasn.core.storage) as
sk/<year>/sk-<action>-<hash>.pdf — on local disk or an object store, never overwritten or
deleted; the database keeps its SHA-256 and size, and every download re-hashes the bytes
and refuses a file that no longer matches.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from simasn.actions.models import ActionDocument, ActionType, PersonnelAction
from simasn.core.errors import ApplicationError
from simasn.core.storage import read_document, sha256, store_document
from simasn.law.rules._support import fmt_date_id

#: Regulations cited by short name, with their full title for "Mengingat".
REGULATION_TITLES = [
    ("UU 20/2023", "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"),
    ("UU 5/2014", "Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara"),
    ("UU 14/2005", "Undang-Undang Nomor 14 Tahun 2005 tentang Guru dan Dosen"),
    ("PP 11/2017", "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil"),
    ("PP 17/2020", "Peraturan Pemerintah Nomor 17 Tahun 2020 tentang Perubahan atas PP 11/2017"),
    ("PP 49/2018", "Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen PPPK"),
    ("PP 79/2021", "Peraturan Pemerintah Nomor 79 Tahun 2021 tentang Upaya Administratif dan "
                   "Badan Pertimbangan ASN"),
    ("PP 94/2021", "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin PNS"),
]

SUBJECT = {
    ActionType.APPOINTMENT: "PENGANGKATAN DALAM JABATAN",
    ActionType.TRANSFER: "PEMINDAHAN PEGAWAI APARATUR SIPIL NEGARA",
    ActionType.TEMPORARY_DISMISSAL: "PEMBERHENTIAN SEMENTARA PEGAWAI APARATUR SIPIL NEGARA",
    ActionType.REACTIVATION: "PENGAKTIFAN KEMBALI PEGAWAI APARATUR SIPIL NEGARA",
    ActionType.DISMISSAL: "PEMBERHENTIAN PEGAWAI APARATUR SIPIL NEGARA",
    ActionType.RETIREMENT: "PEMBERHENTIAN DENGAN HORMAT KARENA MENCAPAI BATAS USIA PENSIUN",
    ActionType.CONTRACT_END: "BERAKHIRNYA PERJANJIAN KERJA PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA",
    ActionType.CANDIDACY_RESIGNATION: "PEMBERHENTIAN KARENA PENGUNDURAN DIRI SEBAGAI CALON",
}


def mengingat(citations: list[str]) -> list[dict[str, Any]]:
    """Group the decision's citations by regulation: one numbered item per regulation."""
    groups: dict[str, list[str]] = {}
    for citation in citations:
        match = re.match(r"^(.*?)\s+(Pasal|Penjelasan|Lampiran)\b(.*)$", citation)
        regulation, rest = (match.group(1), (match.group(2) + match.group(3)).strip()) if match \
            else (citation, "")
        groups.setdefault(regulation, [])
        if rest and rest not in groups[regulation]:
            groups[regulation].append(rest)
    items = []
    for regulation, articles in groups.items():
        title = next((t for short, t in REGULATION_TITLES if regulation.startswith(short)), regulation)
        items.append({"regulation": regulation, "title": title, "articles": articles})
    return items


def sk_context(action: PersonnelAction) -> dict[str, Any]:
    employee = action.employee
    subject = SUBJECT[ActionType(action.action_type)]
    issuer = (action.decider_title or "").upper()
    dismissal = (action.legal_outcome or {}).get("dismissal") or {}
    return {
        "action": action,
        "employee": employee,
        "instansi": action.instansi,
        "subject": subject,
        "issuer": issuer,
        "mengingat": mengingat(list(action.citations)),
        "tmt": fmt_date_id(action.tmt) if action.tmt else "",
        "sk_date": fmt_date_id(action.sk_date) if action.sk_date else "",
        "category": (dismissal.get("category") or "").replace("_", " ").lower(),
        "facts": action.facts,
        "city": _city(action),
        "menimbang": _lower_first(action.explanation_id),
        "tembusan": tembusan(action),
    }


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _city(action: PersonnelAction) -> str:
    """Where the SK is set: the instansi's address town, or its regional name."""
    if action.decider == "PRESIDEN":
        return "Jakarta"
    instansi = action.instansi
    if instansi.address:
        return instansi.address.split(",")[0].strip()
    for prefix in ("Pemerintah Provinsi ", "Pemerintah Kabupaten ", "Pemerintah Kota "):
        if instansi.name.startswith(prefix):
            return instansi.name.removeprefix(prefix)
    return "Jakarta"


def tembusan(action: PersonnelAction) -> list[str]:
    items = ["Kepala Badan Kepegawaian Negara"]
    if action.decider == "PRESIDEN":
        items.insert(0, "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi")
        items.append(f"Pejabat Pembina Kepegawaian {action.instansi.name}")
    elif action.proposer:
        items.append(f"Pejabat yang Berwenang {action.instansi.name}")
    if action.target_instansi_id and action.target_instansi_id != action.instansi_id:
        items.append(f"Pejabat Pembina Kepegawaian {action.target_instansi.name}")  # type: ignore[union-attr]
    if action.employee_id:
        items.append("Pegawai yang bersangkutan")
    return items


def sk_pdf(action: PersonnelAction) -> bytes:
    # Imported on first use: WeasyPrint takes ~0.5 s to import, paid only by PDF rendering.
    from weasyprint import HTML

    with translation.override("id"):
        html = render_to_string("actions/sk_pdf.html", sk_context(action))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def sk_store(*, action: PersonnelAction, actor: Any) -> ActionDocument:
    """Render and store the SK once; refuses when the action already has one."""
    if ActionDocument.objects.filter(action=action, kind="SK").exists():
        raise ApplicationError("SK tindakan ini sudah tersimpan dan tidak dapat diganti.",
                               code="document_exists")
    data = sk_pdf(action)
    digest = sha256(data)
    year = action.sk_date.year if action.sk_date else 0
    name = store_document(f"sk/{year}/sk-{action.pk}-{digest[:16]}.pdf", data)
    return ActionDocument.objects.create(
        action=action, kind="SK", file_name=name, sha256=digest, size=len(data),
        created_by=actor if getattr(actor, "pk", None) else None,
    )


def document_bytes(document: ActionDocument) -> bytes:
    """The stored bytes, after checking them against the recorded SHA-256."""
    return read_document(document.file_name, expected_sha256=document.sha256)
