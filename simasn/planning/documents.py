"""The penetapan kebutuhan as an official decision (Tata Naskah Dinas: kop, nomor, tentang,
menimbang, mengingat, memutuskan with diktum KESATU..., place and date, signature block,
tembusan, lampiran)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from simasn.core.storage import read_document, sha256, store_document
from simasn.law import evaluate
from simasn.law.rules._support import fmt_date_id
from simasn.planning.calculation import fiscal_year_start
from simasn.planning.models import FormasiProposal, NeedsPlan

ISSUER = "MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI REPUBLIK INDONESIA"
MINISTRY = "KEMENTERIAN PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI REPUBLIK INDONESIA"


def _rupiah(value: Any) -> str:
    return f"Rp{int(value):,}".replace(",", ".")


def decision_context(plan: NeedsPlan) -> dict[str, Any]:
    instansi = plan.instansi
    subject = (f"PENETAPAN KEBUTUHAN PEGAWAI APARATUR SIPIL NEGARA DI LINGKUNGAN {instansi.name.upper()} "
               f"TAHUN ANGGARAN {plan.fiscal_year}")
    rows = []
    total = approved_cost = 0
    for p in (FormasiProposal.objects.filter(line__plan=plan, approved_count__gt=0)
              .select_related("line__position", "line__position__unit")
              .order_by("line__position__name", "employee_type", "formasi_type")):
        rows.append({"position": p.line.position.name, "unit": p.line.position.unit.name if p.line.position.unit_id
                     else "", "employee_type": p.employee_type, "formasi_type": p.get_formasi_type_display(),
                     "count": p.approved_count, "entry_rank": p.entry_rank})
        total += p.approved_count or 0
        approved_cost += int(p.approved_annual_cost)
    funding = evaluate("rewards.funding_source", {"instansi_kind": instansi.kind}, fiscal_year_start(plan.fiscal_year))
    source = str(funding.outcome.get("funding_source") or "")
    policy = plan.policy
    return {
        "plan": plan, "instansi": instansi, "issuer": ISSUER, "ministry": MINISTRY, "subject": subject,
        "rows": rows, "total": total, "approved_cost": _rupiah(approved_cost),
        "ceiling": _rupiah(plan.budget_ceiling),
        "funding_source": source, "funding_citation": "; ".join(funding.citations),
        "policy_title": f"{policy.title} (versi {policy.version_no})",
        "submitted_on": fmt_date_id(timezone.localtime(plan.submitted_at).date()) if plan.submitted_at else "",
        "decision_date": fmt_date_id(plan.decision_date) if plan.decision_date else "",
        "tembusan": ["Presiden Republik Indonesia", "Kepala Badan Kepegawaian Negara", "Menteri Keuangan",
                     f"Pejabat Pembina Kepegawaian {instansi.name}"],
    }


def decision_pdf(plan: NeedsPlan) -> bytes:
    # Imported on first use: WeasyPrint takes ~0.5 s to import, paid only by PDF rendering.
    from weasyprint import HTML

    with translation.override("id"):
        html = render_to_string("planning/decision_pdf.html", decision_context(plan))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def decision_store(plan: NeedsPlan) -> tuple[str, str]:
    """Render the keputusan and store it write-once under its hash: (storage name, SHA-256)."""
    data = decision_pdf(plan)
    digest = sha256(data)
    name = store_document(f"planning/penetapan/{plan.fiscal_year}/{digest}.pdf", data)
    return name, digest


def decision_bytes(plan: NeedsPlan) -> bytes:
    """The stored keputusan, after checking its bytes against the recorded SHA-256."""
    return read_document(plan.decision_file, expected_sha256=plan.decision_sha256)
