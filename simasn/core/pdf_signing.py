"""PAdES signatures of SIMASN's PDF documents and their verification (pyHanko), shared by the
work-plan berita acara and the SK of personnel actions.

pyHanko runs with ``asyncio.run``; inside a running event loop (an ASGI server, Playwright's
sync API in tests) signing and validation run in a worker thread instead.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509

from simasn.core import pki

T = TypeVar("T")


def _outside_event_loop(work: Callable[[], T]) -> T:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def sign_pdf(data: bytes, *, field_name: str, files: pki.SignerFiles, reason: str,
             location: str = "Jakarta") -> bytes:
    """Append one PAdES signature (an incremental update keeps earlier signatures valid)."""
    # Imported on first use: pyHanko takes ~0.5 s to import, paid only by signing/verifying.
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = signers.SimpleSigner.load(
        str(files.key), str(files.cert), ca_chain_files=(str(files.ca_cert),))
    if signer is None:
        raise RuntimeError("signer key could not be loaded")
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, reason=reason, location=location, md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    pdf_signer = signers.PdfSigner(meta, signer=signer)
    return _outside_event_loop(lambda: pdf_signer.sign_pdf(writer).getvalue())


@dataclass(frozen=True)
class SignatureCheck:
    field: str
    signer: str
    signed_at: Any
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_document: bool
    summary: str

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.trusted


def signer_name(subject: dict[str, Any]) -> str:
    """The certificate's subject as a reader of the berita acara says it ("Nama — Lembaga
    (ID)"), not pyHanko's English "Common Name: ..., Organization: ..."."""
    name, organization = subject.get("common_name", ""), subject.get("organization_name", "")
    country = subject.get("country_name", "")
    text = " — ".join(dict.fromkeys(part for part in (name, organization) if part))
    return f"{text} ({country})" if country else text


def verify_pdf(data: bytes) -> list[SignatureCheck]:
    """Check every embedded signature against the SIMASN CA (no network fetching).

    pyHanko runs its validation with ``asyncio.run``; inside a running event loop (an
    ASGI server, Playwright's sync API in tests) it is run in a worker thread instead.
    """
    return _outside_event_loop(lambda: _verify(data))


def _verify(data: bytes) -> list[SignatureCheck]:
    # Imported on first use: pyHanko takes ~0.5 s to import, paid only by signing/verifying.
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    _key, ca_path = pki.ensure_ca()
    _type, _headers, der = pem.unarmor(ca_path.read_bytes())
    context = ValidationContext(trust_roots=[asn1_x509.Certificate.load(der)], allow_fetching=False)
    reader = PdfFileReader(io.BytesIO(data))
    results = []
    for embedded in reader.embedded_signatures:
        status = validate_pdf_signature(embedded, context)
        cert = embedded.signer_cert
        results.append(SignatureCheck(
            field=embedded.field_name,
            signer=signer_name(cert.subject.native) if cert is not None else "",
            signed_at=embedded.self_reported_timestamp,
            intact=bool(status.intact), valid=bool(status.valid), trusted=bool(status.trusted),
            covers_whole_document=embedded.coverage.name == "ENTIRE_FILE",
            summary=status.summary(),
        ))
    return results
