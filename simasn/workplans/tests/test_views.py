"""Every screen renders for the roles that use it, and hides what others may not see."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from simasn.workplans import services
from simasn.workplans.models import Draft
from simasn.workplans.tests.conftest import W, make_policy
from simasn.workplans.tests.test_services_cycle import new_cycle, run_to_sealed

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def sealed(users: Any, django_capture_on_commit_callbacks: Any) -> Any:
    policy = make_policy(users.minister, 2025, 2029)
    cycle = new_cycle(users, policy, on=dt.date(2025, 9, 1), year=2027)
    run_to_sealed(users, cycle, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.coordination_send(actor=users.minister, interface=W, cycle=cycle, letter_number="B/7/2025",
                                   letter_date=dt.date(2025, 11, 1), to_bappenas=True, to_kemenkeu=False)
    return cycle


def test_minister_sees_every_screen(users: Any, sealed: Any) -> None:
    c = client_for(users.minister)
    pk = sealed.pk
    draft = Draft.objects.filter(cycle=sealed, kind=Draft.Kind.SELARAS).first()
    for name, args in [("cycle_list", []), ("cycle_create", []), ("policy_list", []), ("policy_detail", [sealed.policy_id]),
                       ("cycle_detail", [pk]), ("analysis", [pk]), ("meeting", [pk]), ("berita_acara_verify", [pk]),
                       ("monitoring", [pk]), ("diff", [pk]), ("revise", [pk]), ("draft_detail", [draft.pk]),
                       ("coordination_list", []), ("notifications", []), ("verify_upload", [])]:
        response = c.get(reverse(f"workplans:{name}", args=args))
        assert response.status_code == 200, name
    verify = c.get(reverse("workplans:berita_acara_verify", args=[pk])).content.decode()
    assert verify.count("TTD_") == 3 and "TIDAK" not in verify
    assert c.get(reverse("workplans:analysis", args=[pk]) + "?format=xlsx").status_code == 200
    assert c.get(reverse("workplans:draft_xlsx", args=[draft.pk])).status_code == 200
    assert c.get(reverse("workplans:berita_acara_pdf", args=[pk]))["Content-Type"] == "application/pdf"


def test_recipient_reads_only_what_was_sent(users: Any, sealed: Any) -> None:
    bappenas, kemenkeu = client_for(users.bappenas), client_for(users.kemenkeu)
    item = sealed.coordinations.first()
    assert bappenas.get(reverse("workplans:coordination_detail", args=[item.pk])).status_code == 200
    assert bappenas.get(reverse("workplans:berita_acara_pdf", args=[sealed.pk])).status_code == 200
    assert bappenas.get(reverse("workplans:cycle_detail", args=[sealed.pk])).status_code in (403, 404)
    assert kemenkeu.get(reverse("workplans:coordination_detail", args=[item.pk])).status_code == 404
    assert kemenkeu.get(reverse("workplans:berita_acara_pdf", args=[sealed.pk])).status_code == 404


def test_secretary_verifies_uploaded_copy(users: Any, sealed: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    c = client_for(users.secretary["LAN"])
    data = sealed.berita_acara.pdf.open("rb").read()
    page = c.post(reverse("workplans:verify_upload"),
                  {"file": SimpleUploadedFile("ba.pdf", data, content_type="application/pdf")}).content.decode()
    assert sealed.berita_acara.number in page
    page = c.post(reverse("workplans:verify_upload"),
                  {"file": SimpleUploadedFile("ba.pdf", data + b"%tamper", content_type="application/pdf")}).content.decode()
    assert sealed.berita_acara.number not in page


def test_notifications_are_marked_read_only_by_an_explicit_post(users: Any) -> None:
    from simasn.core.audit_actions import AuditAction
    from simasn.core.models import AuditEvent
    from simasn.workplans.models import Notification

    planner = users.planner["BKN"]
    for title in ("Agenda", "Surat koordinasi"):
        Notification.objects.create(user=planner, title=title, body="", url="/")
    other = Notification.objects.create(user=users.planner["LAN"], title="Agenda", body="", url="/")
    c = client_for(planner)
    page = c.get(reverse("workplans:notifications")).content.decode()
    assert "Tandai semua sudah dibaca" in page
    assert Notification.objects.filter(user=planner, read_at__isnull=True).count() == 2  # a GET changes nothing
    assert c.get(reverse("workplans:notifications_read")).status_code == 405
    response = c.post(reverse("workplans:notifications_read"))
    assert response.status_code == 302
    assert not Notification.objects.filter(user=planner, read_at__isnull=True).exists()
    other.refresh_from_db()
    assert other.read_at is None  # only one's own
    event = AuditEvent.objects.get(object_type="workplans.notification")
    assert (event.action, event.actor_id, event.changes) == (AuditAction.UPDATE, planner.pk, {"read": 2})
    assert "Tandai semua sudah dibaca" not in c.get(reverse("workplans:notifications")).content.decode()
