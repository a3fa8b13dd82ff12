"""The planning screens: each role's pages, refusals as messages, confirmation before the
irreversible steps, the decision document's text and the national view with its export."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation
from pypdf import PdfReader

from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.law.rules._support import fmt_date_id
from simasn.planning import services
from simasn.planning.models import NeedsPlan
from simasn.planning.tests.conftest import YEAR, World, new_plan

WEB = Interface.WEB


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _reviewed(world: World) -> NeedsPlan:
    """A plan proposed by the PPK and reviewed by KemenPANRB: ready for its decision."""
    plan = new_plan(world)
    line = services.line_add(actor=world.operator, interface=WEB, plan=plan, position_id=world.position.pk,
                             workload_hours=Decimal("6250"), job_family="guru")
    proposal = services.proposal_set(actor=world.operator, interface=WEB, line=line, employee_type="PNS",
                                     formasi_type="UMUM", proposed_count=3, entry_rank="III/a")
    services.plan_submit(actor=world.ppk, interface=WEB, plan=plan)
    assert proposal is not None
    services.proposal_review(actor=world.menpan, interface=WEB, proposal=proposal, approved_count=3)
    return plan


def _decided(world: World) -> NeedsPlan:
    plan = _reviewed(world)
    return services.plan_decide(actor=world.menpan, interface=WEB, plan=plan, decision_number="B/77/M.SM.01.00/2026",
                                decision_date=timezone.localdate(), signer="Rini Widyantini")


def test_operator_builds_the_plan_through_the_screens(world: World) -> None:
    op = _client(world.operator)
    assert op.get("/perencanaan/rencana/").status_code == 200
    response = op.post("/perencanaan/rencana/buat/", {"fiscal_year": YEAR, "budget_ceiling": "1000000000"})
    plan = NeedsPlan.objects.get(instansi=world.instansi)
    assert response.status_code == 302 and response["Location"] == f"/perencanaan/rencana/{plan.pk}/"
    op.post(f"/perencanaan/rencana/{plan.pk}/", {"op": "line", "line-position": world.position.pk,
                                                 "line-workload_hours": "6250", "line-job_family": "guru"})
    line = plan.lines.get()
    refused = op.post(f"/perencanaan/rencana/{plan.pk}/", {
        "op": "proposal", "proposal-line": line.pk, "proposal-employee_type": "PNS",
        "proposal-formasi_type": "UMUM", "proposal-proposed_count": line.gap + 5, "proposal-entry_rank": "III/a"},
        follow=True)
    assert "melebihi kekurangannya" in refused.content.decode()
    op.post(f"/perencanaan/rencana/{plan.pk}/", {
        "op": "proposal", "proposal-line": line.pk, "proposal-employee_type": "PNS",
        "proposal-formasi_type": "UMUM", "proposal-proposed_count": 2, "proposal-entry_rank": "III/a"})
    page = op.get(f"/perencanaan/rencana/{plan.pk}/").content.decode()
    assert "Kekurangan" in page and "Pengelola Layanan Sekolah" in page and "UU 20/2023 Pasal 32 ayat (3)" in page
    # The operator drafts; only the PPK proposes.
    assert op.get(f"/perencanaan/rencana/{plan.pk}/usulkan/").status_code == 403


def test_ppk_confirms_before_proposing(world: World) -> None:
    plan = new_plan(world)
    line = services.line_add(actor=world.operator, interface=WEB, plan=plan, position_id=world.position.pk,
                             workload_hours=Decimal("6250"), job_family="guru")
    services.proposal_set(actor=world.operator, interface=WEB, line=line, employee_type="PNS",
                          formasi_type="UMUM", proposed_count=1, entry_rank="III/a")
    ppk = _client(world.ppk)
    ask = ppk.get(f"/perencanaan/rencana/{plan.pk}/usulkan/")
    assert ask.status_code == 200 and "tidak dapat diubah" in ask.content.decode()
    assert NeedsPlan.objects.get(pk=plan.pk).status == NeedsPlan.Status.DRAFT
    ppk.post(f"/perencanaan/rencana/{plan.pk}/usulkan/")
    assert NeedsPlan.objects.get(pk=plan.pk).status == NeedsPlan.Status.SUBMITTED


def test_decision_document_follows_tata_naskah_dinas(world: World) -> None:
    plan = _decided(world)
    text = _client(world.operator).get(f"/perencanaan/rencana/{plan.pk}/keputusan/").content.decode()
    for part in (
        "KEPUTUSAN MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI REPUBLIK INDONESIA",
        "NOMOR B/77/M.SM.01.00/2026",
        f"PENETAPAN KEBUTUHAN PEGAWAI APARATUR SIPIL NEGARA DI LINGKUNGAN PEMERINTAH KOTA UJI TAHUN ANGGARAN {YEAR}",
        "Menimbang", "Mengingat", "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara (Pasal 32 dan Pasal 35)",
        "MEMUTUSKAN:", "KESATU", f"tahun anggaran {YEAR} sebanyak 3 formasi", "KEDUA", "KETIGA", "dibebankan pada APBD",
        "Ditetapkan di Jakarta", f"pada tanggal {fmt_date_id(timezone.localdate())}", "Rini Widyantini", "Tembusan:",
        "Kepala Badan Kepegawaian Negara", "LAMPIRAN", "Pengelola Layanan Sekolah",
    ):
        assert part in text, part


def test_national_view_and_its_export(world: World) -> None:
    _decided(world)
    menpan = _client(world.menpan)
    page = menpan.get(f"/perencanaan/nasional/?fiscal_year={YEAR}")
    body = page.content.decode()
    assert page.status_code == 200 and 'data-chart="family-chart"' in body and "Guru" in body
    csv = b"".join(menpan.get(f"/perencanaan/nasional/?fiscal_year={YEAR}&format=csv").streaming_content).decode()
    assert "Rumpun jabatan" in csv and "Guru" in csv
    # Instansi roles have no national view.
    assert _client(world.operator).get("/perencanaan/nasional/").status_code == 403


def test_policy_pages_and_publish_confirmation(world: World) -> None:
    menpan = _client(world.menpan)
    menpan.post("/perencanaan/kebijakan/buat/", {"fiscal_year": YEAR + 1, "title": "Kebijakan 2028",
                                                 "basis": "RPJMN", "pns_share_percent": 50})
    draft = world.policy.__class__.objects.get(fiscal_year=YEAR + 1)
    refused = menpan.post(f"/perencanaan/kebijakan/{draft.pk}/tetapkan/")
    assert refused.status_code == 400 and "rumpun jabatan prioritas" in refused.content.decode()
    menpan.post(f"/perencanaan/kebijakan/{draft.pk}/", {"op": "priority", "priority-job_family": "guru",
                                                        "priority-name": "Guru", "priority-target": 5})
    assert menpan.get(f"/perencanaan/kebijakan/{draft.pk}/tetapkan/").status_code == 200
    menpan.post(f"/perencanaan/kebijakan/{draft.pk}/tetapkan/")
    draft.refresh_from_db()
    assert draft.is_published
    listing = _client(world.operator).get("/perencanaan/kebijakan/?format=xlsx")
    assert listing.status_code == 200


def test_the_keputusan_is_stored_write_once_and_downloads_checked(world: World) -> None:
    plan = _decided(world)
    assert plan.decision_file.startswith(f"planning/penetapan/{YEAR}/") and len(plan.decision_sha256) == 64
    response = _client(world.ppk).get(f"/perencanaan/rencana/{plan.pk}/keputusan.pdf")
    data = response.content
    assert response.status_code == 200 and data.startswith(b"%PDF")
    assert hashlib.sha256(data).hexdigest() == plan.decision_sha256 == response["X-Content-SHA256"]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "NOMOR B/77/M.SM.01.00/2026" in text and "MEMUTUSKAN" in text and "Rini Widyantini" in text
    # Another instansi cannot fetch it.
    assert _client(world.other_operator).get(f"/perencanaan/rencana/{plan.pk}/keputusan.pdf").status_code == 404


def test_the_screens_speak_english_when_chosen(world: World, settings: Any) -> None:
    plan = _decided(world)
    client = _client(world.menpan)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(f"/perencanaan/rencana/{plan.pk}/").content.decode()
    assert "ASN needs plan" in body and "Workload need" in body and "Kebutuhan ABK" not in body
    assert "Needs planning" in client.get("/perencanaan/nasional/").content.decode()
    translation.activate("id")  # the middleware left English active in this thread


def test_a_decision_dated_before_the_proposal_names_the_proposal_date_the_tables_way(world: World) -> None:
    """Found in the browser walk (issue 12 item 13): the refusal wrote the date 30-12-2026."""
    plan = _reviewed(world)
    submitted = timezone.localtime(NeedsPlan.objects.get(pk=plan.pk).submitted_at).date()
    with pytest.raises(ApplicationError) as refused:
        services.plan_decide(actor=world.menpan, interface=WEB, plan=plan, decision_number="B/78/2026",
                             decision_date=submitted - dt.timedelta(days=1), signer="Rini Widyantini")
    assert submitted.strftime("%d/%m/%Y") in refused.value.message
