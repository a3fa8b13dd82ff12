"""The law pages: an officer tries a case and reads the decision with its articles."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from simasn.accounts.roles import Role
from simasn.lawdata.models import ParameterOverride
from simasn.testing.factories import user_with_role

pytestmark = pytest.mark.django_db


def _client(role: Role = Role.OPERATOR) -> Client:
    client = Client()
    client.force_login(user_with_role(role))
    return client


def test_the_page_offers_every_rule_and_the_facts_of_the_chosen_one() -> None:
    response = _client().get(reverse("lawdata:try") + "?rule=dismissal")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pemberhentian sementara" in html  # the rule picker
    assert 'name="facts-ground"' in html and 'name="facts-verdict_final"' in html
    assert "Alasan pemberhentian (Pasal 52 ayat (3))" in html


def test_the_page_renders_a_decision_with_articles_and_explanation() -> None:
    response = _client().post(
        reverse("lawdata:try"),
        {
            "rule": "retirement",
            "on": "2025-01-01",
            "facts-employee_type": "PNS",
            "facts-position_kind": "ADMINISTRATOR",
            "facts-birth_date": "1967-05-10",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "UU 20/2023 Pasal 55 huruf a angka 2" in html
    assert "pensiun terhitung mulai 1 Juni 2025" in html
    assert "TMT pensiun" in html and "2025-06-01" in html


def test_a_case_the_law_does_not_settle_says_so() -> None:
    response = _client().post(
        reverse("lawdata:try"),
        {
            "rule": "candidacy",
            "on": "2025-01-01",
            "facts-employee_type": "PNS",
            "facts-election": "DPRD",
        },
    )
    assert response.status_code == 200
    assert "Perlu telaah hukum" in response.content.decode()


def test_missing_facts_are_shown_on_the_form() -> None:
    response = _client().post(
        reverse("lawdata:try"),
        {
            "rule": "retirement",
            "on": "2025-01-01",
            "facts-employee_type": "PPPK",
            "facts-position_kind": "PELAKSANA",
            "facts-birth_date": "1970-01-01",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "contract_end_date is required" in html
    assert "Keputusan" not in html.split("</form>")[-1]


def test_list_of_words_for_merit_inputs() -> None:
    response = _client().post(
        reverse("lawdata:try"),
        {
            "rule": "merit_inputs",
            "on": "2025-01-01",
            "facts-attributes": "kinerja\nagama",
        },
    )
    assert response.status_code == 200
    assert "UU 20/2023 Penjelasan Pasal 2 huruf j" in response.content.decode()


def test_english_page() -> None:
    client = _client()
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("lawdata:try"),
        {
            "rule": "authority",
            "on": "2025-01-01",
            "facts-action": "APPOINT",
            "facts-position_kind": "JPT_MADYA",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = response.content.decode()
    assert "set by the President" in html
    assert "Legal basis" in html


def test_every_rule_is_named_in_the_pages_language() -> None:
    """Found in the browser walk (issue 12 item 14): the rules added after the first nine were
    listed by their Indonesian title on the English page ("Validasi NIK", "Masa sanggah ...")."""
    from simasn.law import RULES

    client = _client()
    indonesian = client.get(reverse("lawdata:try")).content.decode()
    client.cookies["django_language"] = "en"
    english = client.get(reverse("lawdata:try"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for spec in RULES.values():
        if spec.name in ("nip", "retirement", "dismissal", "temporary_dismissal", "return_from_state_office",
                         "candidacy", "authority", "position_filling", "merit_inputs"):
            continue  # titled by the catalogue (RULE_TITLES), checked by the catalogue test
        assert f">{escape(spec.title_en)}</option>" in english, spec.name
        assert f">{escape(spec.title_id)}</option>" in indonesian, spec.name
    assert ">Validasi NIK</option>" not in english


def test_parameter_pages() -> None:
    client = _client(Role.PEGAWAI)
    response = client.get(reverse("lawdata:parameter_list") + "?on=2025-01-01")
    assert response.status_code == 200
    assert "bup.position_kind" in response.content.decode()
    detail = client.get(reverse("lawdata:parameter_detail", args=["workplan.participants"]))
    assert detail.status_code == 200
    assert "Perpres 92/2024" in detail.content.decode()
    assert client.get(reverse("lawdata:parameter_detail", args=["nope"])).status_code == 404


def test_admin_adds_a_version_through_the_web_form() -> None:
    client = _client(Role.ADMIN)
    url = reverse("lawdata:parameter_version_add", args=["dismissal.min_prison_sentence_years"])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "valid_from": "2027-01-01",
            "value": "3",
            "regulation": "UU 1/2027",
            "article": "52",
            "last_verified_on": "2026-11-20",
            "reason": "Perubahan undang-undang.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ParameterOverride.objects.get().value == 3


def test_the_add_form_is_refused_to_operators() -> None:
    url = reverse("lawdata:parameter_version_add", args=["dismissal.min_prison_sentence_years"])
    assert _client(Role.OPERATOR).get(url).status_code == 403


def test_every_fact_of_every_rule_has_a_name_in_both_languages() -> None:
    """Found in the browser walk (issue 12 item 14): the facts of the rules added after the
    first nine were labelled by their code ("professor extension granted", "twk") in both
    languages."""
    from django.utils import translation

    from simasn.law import RULES
    from simasn.lawdata.forms import FACT_LABELS

    missing = {f"{spec.name}.{field}" for spec in RULES.values() for field in spec.facts_model.model_fields
               if field not in FACT_LABELS}
    assert missing == set()
    with translation.override("id"):
        indonesian = {name: str(label) for name, label in FACT_LABELS.items()}
    with translation.override("en"):
        untranslated = {name for name, label in FACT_LABELS.items()
                        if str(label) == indonesian[name] and name not in ("nip", "nik", "tmt_cpns", "tmt_pns")}
    assert untranslated == set()
    client = _client()
    page = client.get(reverse("lawdata:try") + "?rule=retirement").content.decode()
    assert "Perpanjangan BUP profesor telah ditetapkan" in page and "professor extension granted" not in page
