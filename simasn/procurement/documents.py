"""Documents of procurement: the applicant's receipt (PDF with a QR code to its check) and
the announcements (PDF, stored write-once under their SHA-256)."""

from __future__ import annotations

import io
from typing import Any

import qrcode
import qrcode.image.svg
from django.template.loader import render_to_string
from django.utils import timezone


def qr_svg(url: str) -> str:
    buffer = io.BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    return buffer.getvalue().decode()


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    # Imported on first use: WeasyPrint takes ~0.5 s to import, paid only by PDF rendering.
    from weasyprint import HTML

    return HTML(string=render_to_string(template, context)).write_pdf()


def receipt_pdf(*, application: Any, check_url: str, signature: str) -> bytes:
    """The receipt: what was submitted (each document by its name and hash), when, and how to
    check it — the QR code, the check address, and the number and code to type there."""
    from simasn.procurement.models import DocumentType

    labels = dict(DocumentType.choices)
    return render_pdf("procurement/receipt.pdf.html", {
        "application": application, "check_url": check_url, "qr": qr_svg(check_url), "signature": signature,
        "submitted": timezone.localtime(application.submitted_at),
        "documents": [{"label": str(labels.get(d["doc_type"], d["doc_type"])), "sha256": d["sha256"]}
                      for d in application.documents],
    })
