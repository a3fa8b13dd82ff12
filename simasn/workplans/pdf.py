"""PDF documents of the procedure: letters and the berita acara (WeasyPrint), their
PAdES signatures and verification (pyHanko)."""

from __future__ import annotations

import hashlib
from typing import Any

from django.template.loader import render_to_string

# Signing and verification are shared with the SK of personnel actions (simasn.core).
from simasn.core.pdf_signing import SignatureCheck, sign_pdf, signer_name, verify_pdf

__all__ = ["SignatureCheck", "render_pdf", "sha256", "sign_pdf", "signer_name", "verify_pdf"]


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    # Imported on first use: WeasyPrint takes ~0.5 s to import, paid only by PDF rendering.
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html).write_pdf()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
