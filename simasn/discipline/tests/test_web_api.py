"""The pages, the documents (Tata Naskah Dinas) and the API of a discipline case."""

from __future__ import annotations

import json

from django.test import Client

from simasn.accounts.services import api_token_create
from simasn.core.interfaces import Interface
from simasn.discipline import legal, services
from simasn.discipline.models import CaseState, DisciplineCase
from simasn.discipline.tests.conftest import DECIDED, EXAMINED, RECEIVED, REPORTED

WEB = Interface.WEB


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _decided(world, absent_days=3, penalty="TEGURAN_LISAN"):
    case = services.case_report(actor=world.operator, interface=WEB, employee_id=world.employee.pk,
                                breach="PASAL_4_F", reported_on=REPORTED, report="Tidak masuk kerja 3 hari.")
    case = services.case_examine(actor=world.operator, interface=WEB, case=case, examined_on=EXAMINED,
                                 examiner_name="Drs. Bambang", examiner_title="Kepala Bagian Umum",
                                 statement="Mengakui.", findings="Terbukti tidak masuk kerja.",
                                 absent_days=absent_days)
    official = legal.authority_for(case, penalty=penalty, on=DECIDED).outcome["officials"][0]
    return services.case_decide(actor=world.ppk, interface=WEB, case=case, penalty=penalty,
                                authority_official=official, decider_name="Muhammad Farhan",
                                decider_title="Wali Kota Uji", decided_on=DECIDED, decision_received_on=RECEIVED)


def test_report_examine_and_decide_through_the_pages(world):
    op = _client(world.operator)
    assert op.get("/disiplin/lapor/").status_code == 200
    response = op.post("/disiplin/lapor/", {"employee": world.employee.pk, "kind": "DISIPLIN",
                                            "breach": "PASAL_4_F", "reported_on": REPORTED.isoformat(),
                                            "report": "Tidak masuk kerja."})
    assert response.status_code == 302, response.content.decode()[:1500]
    case = DisciplineCase.objects.get()
    # Missing absence days: the form shows the law's question, nothing is written.
    bad = op.post(f"/disiplin/{case.pk}/periksa/", {"examined_on": EXAMINED.isoformat(), "examiner_name": "A",
                                                   "examiner_title": "B", "findings": "C"})
    assert bad.status_code == 400
    assert "belum lengkap" in bad.content.decode()
    ok = op.post(f"/disiplin/{case.pk}/periksa/", {"examined_on": EXAMINED.isoformat(), "examiner_name": "A",
                                                  "examiner_title": "B", "findings": "C", "absent_days": 5})
    assert ok.status_code == 302
    case.refresh_from_db()
    assert case.level == "RINGAN"
    ppk = _client(world.ppk)
    page = ppk.get(f"/disiplin/{case.pk}/putus/")
    assert page.status_code == 200 and "Wali Kota Uji" in page.content.decode()
    official = legal.authority_for(case, penalty="TEGURAN_TERTULIS", on=DECIDED).outcome["officials"][0]
    done = ppk.post(f"/disiplin/{case.pk}/putus/", {"penalty": "TEGURAN_TERTULIS", "authority_official": official,
                                                   "decider_name": "Muhammad Farhan", "decider_title": "Wali Kota Uji",
                                                   "decided_on": DECIDED.isoformat()})
    assert done.status_code == 302, done.content.decode()[:1500]
    case.refresh_from_db()
    assert case.state == CaseState.DIPUTUS and case.decision_received_on is None
    assert ppk.post(f"/disiplin/{case.pk}/terima/", {"received_on": RECEIVED.isoformat()}).status_code == 302
    case.refresh_from_db()
    assert case.effective_date is not None


def test_the_berita_acara_and_the_decision_read_as_official_documents(world):
    case = _decided(world)
    client = _client(world.pegawai)  # the employee reads their own documents
    bap = client.get(f"/disiplin/{case.pk}/berita-acara/").content.decode()
    assert "BERITA ACARA PEMERIKSAAN" in bap
    assert "telah melakukan pemeriksaan terhadap:" in bap
    assert world.employee.nip in bap and "Drs. Bambang" in bap
    assert "PP 94/2021 Pasal 4 huruf f" in bap
    assert "Demikian berita acara pemeriksaan ini dibuat untuk dapat dipergunakan sebagaimana mestinya." in bap
    decision = client.get(f"/disiplin/{case.pk}/keputusan/").content.decode()
    assert f"NOMOR {case.decision_number}" in decision
    assert "PENJATUHAN HUKUMAN DISIPLIN TINGKAT RINGAN BERUPA TEGURAN LISAN" in decision
    assert "Menimbang" in decision and "Mengingat" in decision and "MEMUTUSKAN:" in decision
    assert "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil" in decision
    assert "Menjatuhkan hukuman disiplin tingkat ringan berupa teguran lisan kepada:" in decision
    assert "keberatan" in decision  # the remedy, to whom and by when
    assert "Muhammad Farhan" in decision
    # The case page shows how and by when to contest it.
    detail = client.get(f"/disiplin/{case.pk}/").content.decode()
    assert 'id="remedy"' in detail and "Batas pengajuan" in detail
    assert _client(world.other_pegawai).get(f"/disiplin/{case.pk}/keputusan/").status_code == 404


def test_list_search_and_exports(world):
    _decided(world)
    client = _client(world.ppk)
    page = client.get("/disiplin/?q=Asep").content.decode()
    assert "Asep Sunandar" in page
    assert "Asep" not in client.get("/disiplin/?q=Zzz").content.decode().split("<tbody")[-1]
    csv = b"".join(client.get("/disiplin/?format=csv").streaming_content).decode()
    assert world.employee.nip in csv
    assert client.get("/disiplin/?format=xlsx").status_code == 200
    assert _client(world.other_ppk).get("/disiplin/").content.decode().count(world.employee.nip) == 0


def test_api_report_and_decide_with_a_token(world):
    _token, raw = api_token_create(actor=world.operator, interface=WEB, name="SIASN")
    client = Client(enforce_csrf_checks=True)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    created = client.post("/api/v1/discipline/cases", {"employee_id": world.employee.pk, "breach": "PASAL_4_F",
                                                       "reported_on": REPORTED.isoformat(), "report": "Alpa."},
                          content_type="application/json", **auth)
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    bad = client.post(f"/api/v1/discipline/cases/{pk}/examine", {"examined_on": EXAMINED.isoformat(),
                                                                 "examiner_name": "A", "findings": "B"},
                      content_type="application/json", **auth)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "validation"
    examined = client.post(f"/api/v1/discipline/cases/{pk}/examine",
                           {"examined_on": EXAMINED.isoformat(), "examiner_name": "A", "findings": "B",
                            "absent_days": 30}, content_type="application/json", **auth)
    assert examined.status_code == 200 and examined.json()["level"] == "BERAT"
    # The operator cannot decide: the PPK does.
    refused = client.post(f"/api/v1/discipline/cases/{pk}/decide",
                          json.dumps({"penalty": "PEMBERHENTIAN_DENGAN_HORMAT", "authority_official": "PPK",
                                      "decided_on": DECIDED.isoformat()}),
                          content_type="application/json", **auth)
    assert refused.status_code == 403
    _t, ppk_raw = api_token_create(actor=world.ppk, interface=WEB, name="PPK")
    listing = client.get("/api/v1/discipline/cases", HTTP_AUTHORIZATION=f"Bearer {ppk_raw}")
    assert listing.status_code == 200 and listing.json()["meta"]["total"] == 1
