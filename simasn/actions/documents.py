"""The Surat Keputusan (SK) of a decided action: rendered with WeasyPrint in the usual
Indonesian official-letter layout and stored immutably (file + SHA-256).

The file is stored once in the write-once document storage (simasn.core.storage) as
sk/<year>/sk-<action>-<hash>.pdf — on local disk or an object store, never overwritten or
deleted; the database keeps its SHA-256 and size, and every download re-hashes the bytes
and refuses a file that no longer matches.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from simasn.accounts.actors import Actor
from simasn.actions import decree_text
from simasn.actions.models import ActionDocument, ActionType, PersonnelAction
from simasn.core import pki
from simasn.core.errors import ApplicationError
from simasn.core.pdf_signing import sign_pdf
from simasn.core.storage import read_document, sha256, store_document
from simasn.law.grounds import regulation_title
from simasn.law.rules._support import fmt_date_id

#: Instansi daerah: their decrees follow Permendagri 1/2023 (heading by the office of the head).
DAERAH_KINDS = ("PROVINSI", "KABUPATEN", "KOTA")
EMPLOYEE_TYPE_NAMES = {"PNS": "Pegawai Negeri Sipil", "PPPK": "Pegawai Pemerintah dengan Perjanjian Kerja"}

#: The dicta of a decree, in order (KESATU is the decision itself).
ORDINALS = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH")


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
        title = regulation_title(regulation)
        items.append({"regulation": regulation, "title": title, "articles": articles})
    return items


def sk_context(action: PersonnelAction, *, verification_code: str = "") -> dict[str, Any]:
    """Everything the decree template needs; the words come from simasn.actions.decree_text."""
    employee = action.employee
    kind = ActionType(action.action_type)
    recorded = (action.facts or {}).get("decree") or {}
    instansi = action.instansi
    issuer = ("Presiden Republik Indonesia" if action.decider == "PRESIDEN"
              else action.decider_title or "Pejabat Pembina Kepegawaian").upper()
    dismissal = (action.legal_outcome or {}).get("dismissal") or {}
    category = ""
    if kind == ActionType.DISMISSAL:
        category = "tidak dengan hormat" if dismissal.get("category") == "TIDAK_DENGAN_HORMAT" else "dengan hormat"
    is_daerah = action.decider != "PRESIDEN" and instansi.kind in DAERAH_KINDS
    province = ""
    if is_daerah and instansi.province_id:
        province = instansi.province.name.removeprefix("Pemerintah ").upper()  # type: ignore[union-attr]
    signer = action.decider_name or ""
    # The President and the regional heads sign with the name in capitals (Keppres form;
    # Permendagri 1/2023); other officials as the registry writes it.
    if action.decider == "PRESIDEN" or is_daerah:
        signer = signer.upper()
    return {
        "action": action,
        "employee": employee,
        "employee_type": EMPLOYEE_TYPE_NAMES.get(employee.employee_type, employee.employee_type) if employee else "",
        "instansi": instansi,
        "subject": decree_text.subject(action),
        "subject_upper": decree_text.subject(action).upper(),
        "verb": str(recorded.get("verb") or decree_text.VERB[kind]),
        # Dicta after KESATU written by the recording chapter (when it takes effect, the remedy).
        "dicta": list(zip(ORDINALS[1:], [str(d) for d in recorded.get("dicta") or []], strict=False)),
        "closing_dictum": ORDINALS[1 + len(recorded.get("dicta") or [])] if recorded.get("dicta") else "",
        "issuer": issuer,
        "is_daerah": is_daerah,
        "province": province,
        "signer_name": signer,
        "mengingat": mengingat(list(action.citations)),
        "tmt": fmt_date_id(action.tmt) if action.tmt else "",
        "sk_date": fmt_date_id(action.sk_date) if action.sk_date else "",
        "category": category,
        "facts": action.facts,
        "city": _city(action),
        "menimbang": decree_text.menimbang(action),
        "tembusan": tembusan(action),
        "verification_code": verification_code,
        "verify_line": verify_line(verification_code),
    }


def verification_url(code: str) -> str:
    return f"{settings.SIMASN_PUBLIC_URL.rstrip('/')}{reverse('actions:verify', args=[code])}"


def verify_line(code: str) -> str:
    """The line on every page: where anyone checks the decree (its hash cannot be in itself)."""
    if not code:
        return ""
    return (f"Keputusan ini ditetapkan secara elektronik melalui SIMASN. Periksa keasliannya di "
            f"{verification_url(code)} (kode {code}).")


def _city(action: PersonnelAction) -> str:
    """Where the SK is set: Jakarta for the President, else the instansi's seat."""
    return "Jakarta" if action.decider == "PRESIDEN" else action.instansi.seat_town


def new_verification_code() -> str:
    """A code that cannot be guessed from the SK number (the public page shows no personal data)."""
    return secrets.token_hex(8).upper()


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


def sk_pdf(action: PersonnelAction, *, verification_code: str = "") -> bytes:
    # Imported on first use: WeasyPrint takes ~0.5 s to import, paid only by PDF rendering.
    from weasyprint import HTML

    with translation.override("id"):
        html = render_to_string("actions/sk_pdf.html", sk_context(action, verification_code=verification_code))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def sign_sk(action: PersonnelAction, data: bytes, *, actor: Actor) -> bytes:
    """The deciding official's PAdES signature on the decree (as on the berita acara): the key
    of the user who decides, its certificate naming the official and the office from the
    registry on the decision date. The stored SHA-256 is of the signed bytes."""
    files = pki.ensure_signer(user_id=getattr(actor, "pk", None) or 0,
                              common_name=action.decider_name or str(actor),
                              organization=("Presiden Republik Indonesia" if action.decider == "PRESIDEN"
                                            else action.decider_title or action.instansi.name))
    return sign_pdf(data, field_name="TTD_PEJABAT", files=files,
                    reason=f"Penetapan keputusan {action.sk_number}", location=_city(action) or "Jakarta")


def sk_store(*, action: PersonnelAction, actor: Actor) -> ActionDocument:
    """Render and store the SK once; refuses when the action already has one."""
    if ActionDocument.objects.filter(action=action, kind="SK").exists():
        raise ApplicationError("SK tindakan ini sudah tersimpan dan tidak dapat diganti.",
                               code="document_exists")
    code = new_verification_code()
    data = sign_sk(action, sk_pdf(action, verification_code=code), actor=actor)
    digest = sha256(data)
    year = action.sk_date.year if action.sk_date else 0
    name = store_document(f"sk/{year}/sk-{action.pk}-{digest[:16]}.pdf", data)
    return ActionDocument.objects.create(
        action=action, kind="SK", file_name=name, sha256=digest, size=len(data), verification_code=code,
        created_by=actor if getattr(actor, "pk", None) else None,
    )


def document_bytes(document: ActionDocument) -> bytes:
    """The stored bytes, after checking them against the recorded SHA-256."""
    return read_document(document.file_name, expected_sha256=document.sha256)
