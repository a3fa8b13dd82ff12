"""Issue 12 item 8: no step of the procedure is sent with its dates out of order — an agenda
whose deadline is on or before its own date notifies nobody and changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from simasn.core.errors import ApplicationError
from simasn.workplans import services
from simasn.workplans.models import Notification, Stage
from simasn.workplans.tests.conftest import W, make_policy
from simasn.workplans.tests.test_services_cycle import new_cycle

pytestmark = pytest.mark.django_db


def test_an_agenda_with_its_deadline_before_its_date_is_refused(users: Any) -> None:
    cycle = new_cycle(users, make_policy(users.minister, 2025, 2029), on=dt.date(2025, 9, 1), year=2027)
    with pytest.raises(ApplicationError) as error:
        services.agenda_send(actor=users.minister, interface=W, cycle=cycle, letter_number="B/1",
                             letter_date=dt.date(2025, 9, 10), draft_deadline=dt.date(2025, 9, 5),
                             meeting_plan="", body="x")
    assert "sesudah tanggal surat agenda" in " ".join(error.value.fields["draft_deadline"])
    cycle.refresh_from_db()
    assert cycle.stage == Stage.PERSIAPAN and not Notification.objects.exists()


def test_the_deadline_cannot_pass_the_end_of_the_cycles_schedule(users: Any) -> None:
    cycle = new_cycle(users, make_policy(users.minister, 2025, 2029), on=dt.date(2025, 9, 1), year=2027)
    with pytest.raises(ApplicationError) as error:
        services.agenda_send(actor=users.minister, interface=W, cycle=cycle, letter_number="B/1",
                             letter_date=dt.date(2025, 9, 1), draft_deadline=cycle.ends_on + dt.timedelta(days=1),
                             meeting_plan="", body="x")
    assert "jadwal selesai" in " ".join(error.value.fields["draft_deadline"])


def test_the_agenda_form_shows_the_refusal_on_the_deadline_field(users: Any) -> None:
    cycle = new_cycle(users, make_policy(users.minister, 2025, 2029), on=dt.date(2025, 9, 1), year=2027)
    client = Client()
    client.force_login(users.minister)
    from django.urls import reverse

    response = client.post(reverse("workplans:agenda_send", args=[cycle.pk]), {
        "letter_number": "B/1", "letter_date": "2025-09-10", "draft_deadline": "2025-09-05", "body": "x"})
    assert response.status_code == 400
    assert "sesudah tanggal surat agenda" in response.content.decode()
    cycle.refresh_from_db()
    assert cycle.stage == Stage.PERSIAPAN


def test_a_signer_is_named_in_indonesian_words_not_an_english_dn() -> None:
    from simasn.workplans.pdf import signer_name

    subject = {"country_name": "ID", "organization_name": "Badan Kepegawaian Negara", "common_name": "Sekretaris BKN"}
    assert signer_name(subject) == "Sekretaris BKN — Badan Kepegawaian Negara (ID)"
    assert "Common Name" not in signer_name(subject)


def test_the_berita_acara_shows_no_raw_signature_field_names() -> None:
    from django.template.loader import get_template

    source = get_template("workplans/pdf/berita_acara.html").template.source
    assert "TTD_{{" not in source
