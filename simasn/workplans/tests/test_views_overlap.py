"""The analysis a meeting works from (issue 13 item 5), the marks, the model and glossary
screens — over the web, with CSRF enforced on every write."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from simasn.workplans.models import (
    Activity,
    DetectorModel,
    Draft,
    GlossaryEntryVersion,
    LabelledPair,
)
from simasn.workplans.tests.test_services_overlap import _meeting

pytestmark = pytest.mark.django_db



def _client(user: Any) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _post(client: Client, url: str, data: dict[str, Any]) -> Any:
    client.get(reverse("workplans:cycle_list"))  # sets the CSRF cookie
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def test_analysis_shows_words_reasons_groups_and_units(users: Any, django_capture_on_commit_callbacks: Any) -> None:
    meeting = _meeting(users, django_capture_on_commit_callbacks)
    page = _client(users.minister).get(reverse("workplans:analysis", args=[meeting.cycle.pk]) + "?jenis=USULAN")
    html = page.content.decode()
    assert page.status_code == 200
    # The talent-policy pair of KemenPANRB and BKN, grouped under their common programme.
    assert ("P1 Manajemen talenta ASN" in html and "kemungkinan sama" in html) or "mirip" in html
    assert "<mark>" in html and "model deteksi versi 0" in html
    assert "Alasan" in html
    # Targets are added per unit, never across units; activities whose unit is not their
    # indicator's are listed (here every activity is in "dokumen", indicators in persen/kasus).
    assert 'id="target-per-satuan"' in html and "dokumen" in html
    assert "Satuan kegiatan berbeda dengan satuan indikatornya" in html
    assert "kegiatan bersatuan lain: dokumen" in html


def test_indonesian_number_format_and_percent_never_summed(users: Any, django_capture_on_commit_callbacks: Any) -> None:
    meeting = _meeting(users, django_capture_on_commit_callbacks)
    acts = Activity.objects.filter(program__draft__cycle=meeting.cycle, program__draft__kind=Draft.Kind.USULAN)
    acts.filter(code="K1").update(target_unit="persen", target="12.5")
    acts.filter(code="B1").update(target_unit="persen", target="40")
    acts.filter(code="L1").update(target_unit="orang", target="1250")
    html = _client(users.minister).get(reverse("workplans:analysis", args=[meeting.cycle.pk])).content.decode()
    table = html.split('id="target-per-satuan"')[1].split("</table>")[0]
    assert "12,5" in table and "1.250" in table  # decimal comma, dot grouping
    persen_row = table.split("persen")[1].split("</tr>")[0]
    assert "tidak dijumlahkan" in persen_row and "52,5" not in persen_row
    indicator_table = html.split('id="cakupan-indikator"')[1].split("</table>")[0]
    assert "12,5" in indicator_table and "52,5" not in indicator_table  # two rates shown, not added


def test_participant_marks_a_pair_not_an_overlap(users: Any, django_capture_on_commit_callbacks: Any) -> None:
    meeting = _meeting(users, django_capture_on_commit_callbacks)
    pair = meeting.overlaps.first()
    planner = users.planner[pair.activity_b.program.draft.institution.code]
    url = reverse("workplans:pair_mark", args=[meeting.cycle.pk])
    response = _post(_client(planner), url, {"activity_a": pair.activity_a.pk, "activity_b": pair.activity_b.pk,
                                             "is_overlap": "0", "jenis": "USULAN"})
    assert response.status_code == 302 and "#tumpang-tindih" in response["Location"]
    assert LabelledPair.objects.get().is_overlap is False
    html = _client(users.minister).get(reverse("workplans:analysis", args=[meeting.cycle.pk]) + "?jenis=USULAN")
    assert "ditandai bukan tumpang tindih oleh" in html.content.decode()
    # Without the token the write is refused.
    bare = Client(enforce_csrf_checks=True)
    bare.force_login(planner)
    assert bare.post(url, {"activity_a": 1, "activity_b": 2, "is_overlap": "1"}).status_code == 403


def test_meeting_page_shows_words_not_scores(users: Any, django_capture_on_commit_callbacks: Any) -> None:
    meeting = _meeting(users, django_capture_on_commit_callbacks)
    html = _client(users.minister).get(reverse("workplans:meeting", args=[meeting.cycle.pk])).content.decode()
    assert "wp-band" in html and "<mark>" in html
    assert "kemiripan 0," not in html and "kemiripan 1," not in html


@pytest.mark.usefixtures("quick_training")
def test_retrain_from_the_detector_page(users: Any, django_capture_on_commit_callbacks: Any) -> None:
    url = reverse("workplans:detector")
    assert _client(users.planner["BKN"]).get(url).status_code == 200
    assert _post(_client(users.planner["BKN"]), url, {"note": "x"}).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(_client(users.minister), url, {"note": "Renja 2027"})
    assert response.status_code == 302
    assert DetectorModel.objects.get().note == "Renja 2027"
    page = _client(users.minister).get(url).content.decode()
    assert 'id="model-berlaku"' in page and ">1<" in page.split('id="model-berlaku"')[1].split("</tr>")[0]


def test_glossary_screens(users: Any) -> None:
    client = _client(users.minister)
    page = client.get(reverse("workplans:glossary") + "?q=pka").content.decode()
    assert "Pelatihan Kepemimpinan Administrator" in page and "(teks belum dibaca)" in page
    response = _post(client, reverse("workplans:glossary_add"), {
        "entry_key": "sijab", "kind": "abbreviation", "terms": "SIJAB", "means": "sistem informasi jabatan",
        "strength": "strict", "source_title": "PermenPANRB 1/2020", "reason": "Dipakai perencana"})
    assert response.status_code == 302
    assert GlossaryEntryVersion.objects.get().data["terms"] == ["SIJAB"]
    refused = _post(client, reverse("workplans:glossary_add"), {
        "entry_key": "c-satu", "kind": "contrast", "members": "satu", "dimension": "x", "strength": "strict",
        "source_title": "PermenPANRB", "reason": "uji"})
    assert refused.status_code == 400 and GlossaryEntryVersion.objects.count() == 1
    assert _client(users.planner["LAN"]).get(reverse("workplans:glossary_add")).status_code == 403


def test_the_analysis_in_english(users: Any, django_capture_on_commit_callbacks: Any, settings: Any) -> None:
    meeting = _meeting(users, django_capture_on_commit_callbacks)
    client = _client(users.minister)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    try:
        html = client.get(reverse("workplans:analysis", args=[meeting.cycle.pk]) + "?jenis=USULAN").content.decode()
    finally:
        translation.activate(settings.LANGUAGE_CODE)  # the middleware leaves the thread in English
    assert "Found by detection model version 0" in html and "Target totals per unit" in html
    assert ("likely the same" in html or "similar" in html) and "kemungkinan sama" not in html
    assert "Reason" in html
