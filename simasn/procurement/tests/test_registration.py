"""Registration that never loses or doubles a submission (issue 14 item 5)."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from simasn.core.errors import ApplicationError, ConflictError
from simasn.core.interfaces import Interface
from simasn.procurement import selectors
from simasn.procurement.models import Applicant, Application, IdentityStatus, OutboxEvent, Stage
from simasn.procurement.services import outbox, portal, registration
from simasn.procurement.tests.conftest import NIK_BUDI, NIK_SITI, PDF


def test_one_account_per_nik(world, register):
    register()
    with pytest.raises(ConflictError) as refused:
        register(name="Budi S.")
    assert refused.value.code == "duplicate_nik"
    assert Applicant.objects.filter(nik=NIK_BUDI).count() == 1


def test_the_database_itself_refuses_a_second_account_for_a_nik(world, register):
    first = register()
    with pytest.raises(IntegrityError), transaction.atomic():
        Applicant.objects.create(user=world.bkn, nik=first.nik, name="Kembar", birth_date=first.birth_date,
                                 sex="L", email="x@contoh.id")


def test_a_malformed_nik_is_refused_with_the_rules_reason(world, register):
    with pytest.raises(ApplicationError) as refused:
        register(nik="9973011203990002")
    assert refused.value.code == "invalid_nik" and refused.value.fields["nik"]


def test_submit_twice_with_the_same_key_gives_the_same_receipt(world, ready_applicant):
    user = ready_applicant.user
    first, created = registration.application_submit(actor=user, interface=Interface.WEB, period_id=world.period.pk,
                                                     idempotency_key="k-0000000001")
    assert created
    # The client timed out after the server committed and retries with the same key.
    again, created_again = registration.application_submit(actor=user, interface=Interface.API,
                                                           period_id=world.period.pk, idempotency_key="k-0000000001")
    assert not created_again and again.pk == first.pk and again.receipt_number == first.receipt_number
    # A new attempt (new key) in the same period still gets the one application.
    other, created_other = registration.application_submit(actor=user, interface=Interface.WEB,
                                                           period_id=world.period.pk, idempotency_key="k-0000000002")
    assert not created_other and other.receipt_number == first.receipt_number
    assert Application.objects.filter(applicant=ready_applicant).count() == 1
    assert sorted(OutboxEvent.objects.filter(application=first).values_list("kind", flat=True)) == \
        ["EMAIL", "EMETERAI", "IDENTITY"]


def test_the_database_refuses_a_second_application_in_a_period(world, ready_applicant):
    first, _ = registration.application_submit(actor=ready_applicant.user, interface=Interface.WEB,
                                               period_id=world.period.pk, idempotency_key="k-0000000003")
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(applicant=ready_applicant, period=world.period, vacancy=world.vacancy,
                                   receipt_number="X-1", idempotency_key="other-key-1", submitted_at=first.submitted_at)


def test_a_submit_needs_the_required_documents(world, register):
    applicant = register()
    registration.draft_save(actor=applicant.user, interface=Interface.WEB, period_id=world.period.pk,
                            vacancy_id=world.vacancy.pk, data={"education_level": "S1"})
    with pytest.raises(ApplicationError) as refused:
        registration.application_submit(actor=applicant.user, interface=Interface.WEB, period_id=world.period.pk,
                                         idempotency_key="k-0000000004")
    assert refused.value.code == "documents_missing"
    assert not Application.objects.exists()


def test_uploads_are_checked_by_content_and_size(world, register):
    user = register().user
    with pytest.raises(ApplicationError) as wrong:
        registration.document_upload(actor=user, interface=Interface.WEB, period_id=world.period.pk, doc_type="KTP",
                                     content=b"=HYPERLINK(\"x\")", original_name="ktp.pdf")
    assert wrong.value.code == "wrong_type"
    with pytest.raises(ApplicationError) as big:
        registration.document_upload(actor=user, interface=Interface.WEB, period_id=world.period.pk,
                                     doc_type="PAS_FOTO", content=b"\xff\xd8\xff" + b"0" * 600_000)
    assert big.value.code == "too_large"


def test_same_bytes_are_stored_once_by_hash(world, register):
    user = register().user
    a = registration.document_upload(actor=user, interface=Interface.WEB, period_id=world.period.pk, doc_type="KTP",
                                     content=PDF)
    b = registration.document_upload(actor=user, interface=Interface.WEB, period_id=world.period.pk, doc_type="IJAZAH",
                                     content=PDF)
    assert a.file_name == b.file_name == f"procurement/documents/{a.sha256}.pdf"


def test_no_submit_after_registration_closes(world, ready_applicant):
    with pytest.raises(ConflictError) as closed:
        registration.application_submit(actor=ready_applicant.user, interface=Interface.WEB, period_id=world.period.pk,
                                         idempotency_key="k-0000000005", on=world.period.closes_on + dt.timedelta(days=1))
    assert closed.value.code == "registration_closed"


def test_identity_service_down_delays_the_check_and_refuses_nothing(world, register, settings):
    settings.SIMASN_DUKCAPIL_FAKE_MODE = "down"
    applicant = register()
    registration.draft_save(actor=applicant.user, interface=Interface.WEB, period_id=world.period.pk,
                            vacancy_id=world.vacancy.pk, data={"education_level": "S1"})
    for doc in ("KTP", "IJAZAH"):
        registration.document_upload(actor=applicant.user, interface=Interface.WEB, period_id=world.period.pk,
                                     doc_type=doc, content=PDF + doc.encode())
    _application, created = registration.application_submit(actor=applicant.user, interface=Interface.WEB,
                                                           period_id=world.period.pk, idempotency_key="k-down-00001")
    assert created
    result = outbox.outbox_drain()
    assert result["failed"] == 2  # the registration's check and the submit's re-check
    applicant.refresh_from_db()
    assert applicant.identity_status == IdentityStatus.PENDING
    recon = selectors.reconciliation(viewer=world.bkn)
    assert recon["stored"] == recon["receipts"] == 1 and recon["pending"] == 1 and not recon["balanced"]
    settings.SIMASN_DUKCAPIL_FAKE_MODE = "ok"
    assert outbox.outbox_drain() == {"done": 0, "failed": 0}  # not asked again before the next try
    outbox.outbox_drain(now=timezone.now() + outbox.FIRST_RETRY)
    applicant.refresh_from_db()
    assert applicant.identity_status == IdentityStatus.VERIFIED
    recon = selectors.reconciliation(viewer=world.bkn)
    assert recon["pending"] == 0 and recon["balanced"]


def test_a_wrong_registry_answer_marks_the_applicant_for_the_verifier(world, register, settings):
    settings.SIMASN_DUKCAPIL_FAKE_MODE = "wrong"
    applicant = register(nik=NIK_SITI, birth=dt.date(1980, 5, 17), sex="P", name="Siti Aminah")
    outbox.outbox_drain()
    applicant.refresh_from_db()
    assert applicant.identity_status == IdentityStatus.MISMATCH


def test_applicants_see_only_their_own_application(world, ready_applicant, register):
    application, _ = registration.application_submit(actor=ready_applicant.user, interface=Interface.WEB,
                                                     period_id=world.period.pk, idempotency_key="k-0000000006")
    other = register(nik=NIK_SITI, birth=dt.date(1980, 5, 17), sex="P", name="Siti Aminah")
    client = Client()
    client.force_login(other.user)
    assert client.get(f"/pengadaan/lamaran/{application.pk}/").status_code == 404
    assert selectors.application_list(viewer=other.user).count() == 0
    # The panitia of the vacancy's instansi sees it; the other instansi's does not.
    assert selectors.application_list(viewer=world.panitia).count() == 1
    assert selectors.application_list(viewer=world.panitia_kupang).count() == 0


def test_the_receipt_check_tells_a_genuine_receipt_from_a_forged_one(world, ready_applicant):
    application, _ = registration.application_submit(actor=ready_applicant.user, interface=Interface.WEB,
                                                     period_id=world.period.pk, idempotency_key="k-0000000007")
    signature = registration.receipt_signature(application)
    client = Client()
    ok = client.get("/pengadaan/tanda-terima/periksa/", {"nomor": application.receipt_number, "tanda": signature})
    assert "Tanda terima ini asli." in ok.content.decode()
    forged = client.get("/pengadaan/tanda-terima/periksa/", {"nomor": application.receipt_number, "tanda": "x" + signature})
    assert "tidak dikenal" in forged.content.decode()


def test_the_web_flow_from_form_to_receipt(world, register):
    applicant = register()
    client = Client()
    client.force_login(applicant.user)
    url = f"/pengadaan/lowongan/{world.vacancy.pk}/lamar/"
    assert client.get(url).status_code == 200
    saved = client.post(url, {"education_level": "S1", "ipk": "3,45"}, HTTP_HX_REQUEST="true")  # the Indonesian comma
    assert saved.status_code == 200 and "Konsep tersimpan" in saved.content.decode()
    from simasn.procurement.models import ApplicationDraft

    assert str(ApplicationDraft.objects.get(applicant=applicant).data["ipk"]) in ("3.45", "3,45")
    for doc in ("KTP", "IJAZAH"):
        from django.core.files.uploadedfile import SimpleUploadedFile

        response = client.post(url + "dokumen/", {"doc_type": doc, "file": SimpleUploadedFile(f"{doc}.pdf", PDF + doc.encode())})
        assert response.status_code == 302, response.content.decode()[:500]
    sent = client.post(url + "kirim/", {"idempotency_key": "web-key-000001"})
    assert sent.status_code == 302
    receipt = client.get(sent["Location"]).content.decode()
    application = Application.objects.get(applicant=applicant)
    assert application.receipt_number in receipt and "<svg" in receipt
    # Posting the same form again (a double click, a reload) shows the same receipt.
    again = client.post(url + "kirim/", {"idempotency_key": "web-key-000001"})
    assert again["Location"] == sent["Location"]
    assert Application.objects.count() == 1


def test_the_receipt_pdf_names_the_application(world, ready_applicant):
    application, _ = registration.application_submit(actor=ready_applicant.user, interface=Interface.WEB,
                                                     period_id=world.period.pk, idempotency_key="k-0000000008")
    client = Client()
    client.force_login(ready_applicant.user)
    response = client.get(f"/pengadaan/lamaran/{application.pk}/tanda-terima.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    # It reads as a receipt: documents by their names, and the number and code to check it with.
    text = " ".join(pypdf.PdfReader(io.BytesIO(response.content)).pages[0].extract_text().split())
    assert "TANDA TERIMA LAMARAN" in text and "Ijazah" in text and "IJAZAH (" not in text
    signature = registration.receipt_signature(application)
    assert f"Kode tanda tangan : {signature}" in text and application.receipt_number in text
    check = client.get("/pengadaan/tanda-terima/periksa/", {"nomor": application.receipt_number, "tanda": signature})
    assert "Tanda terima ini asli." in check.content.decode()


def test_registration_is_closed_outside_the_open_stage(world, register):
    applicant = register()
    portal.period_advance(actor=world.bkn, interface=Interface.WEB, period_id=world.period.pk,
                          to_stage=Stage.VERIFICATION)
    with pytest.raises(ConflictError):
        registration.draft_save(actor=applicant.user, interface=Interface.WEB, period_id=world.period.pk,
                                vacancy_id=world.vacancy.pk, data={})


def test_one_submit_costs_a_fixed_number_of_queries(world, ready_applicant, monkeypatch):
    """The submit's own statements (issue 14, registration burst): applicant, existing application,
    period, draft with its vacancy, documents, the insert, its read-back, the outbox rows and the
    audit event — no read repeated per submit. The drain it triggers runs after the commit and is
    counted separately (the worker's cost, not the submit's)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from simasn.lawdata.overrides import database_overrides

    database_overrides()  # the process keeps the law's overrides in memory between requests
    drains: list[bool] = []
    monkeypatch.setattr(registration, "_drain_after_commit", lambda: drains.append(True))
    bound: list[str] = []  # PostgreSQL: the batch's statements on a bound-parameter psycopg cursor
    if connection.vendor == "postgresql":
        import psycopg

        real_execute = psycopg.Cursor.execute

        def counting_execute(self, query, *args, **kwargs):  # type: ignore[no-untyped-def]
            if type(self) is psycopg.Cursor:
                bound.append(str(query))
            return real_execute(self, query, *args, **kwargs)

        monkeypatch.setattr(psycopg.Cursor, "execute", counting_execute)
    with CaptureQueriesContext(connection) as queries:
        _application, created = registration.application_submit(
            actor=ready_applicant.user, interface=Interface.API, period_id=world.period.pk,
            idempotency_key="k-count-000001")
    assert created and drains == [True]
    statements = bound + [q["sql"] for q in queries.captured_queries
                          if not q["sql"].startswith(("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT"))]
    # PostgreSQL: one read for the whole batch (applicant, period, stored application, draft,
    # vacancy, documents), the insert with its outbox rows, the audit events
    # (simasn.procurement.services.registration._write_batch_postgresql).
    assert len(statements) == (3 if connection.vendor == "postgresql" else 9), statements
    assert not any("procurement_vacancy" in s and s.startswith("SELECT") and "FROM \"procurement_vacancy\"" in s
                   for s in statements)
