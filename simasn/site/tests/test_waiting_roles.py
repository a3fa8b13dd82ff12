"""Issue 12 item 11: every demo role is told what waits for it (actions, work plans, imports)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from simasn.accounts.models import User
from simasn.actions import selectors as action_selectors
from simasn.site.waiting import waiting_for

pytestmark = pytest.mark.django_db


def _labels(username: str) -> dict[str, int]:
    return {item.label: item.count for item in waiting_for(viewer=User.objects.get(username=username))}


def test_each_demo_role_sees_its_own_waiting_work(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo", stdout=StringIO())
    # PyB: the retirement draft of the demo; PPK: the proposed retirement (the transfer to
    # Bogor waits for Bogor, not for Bandung's PPK); Bogor's PPK: that transfer; the
    # President's office: the JPT madya appointment.
    assert _labels("pyb.bandung")["Konsep tindakan kepegawaian yang menunggu usul Anda"] >= 1
    ppk = _labels("ppk.bandung")
    assert ppk["Usul tindakan kepegawaian yang menunggu keputusan Anda"] >= 1
    assert "Mutasi antarinstansi yang menunggu penerimaan instansi Anda" not in ppk
    assert _labels("ppk.bogor")["Mutasi antarinstansi yang menunggu penerimaan instansi Anda"] == 1
    assert _labels("presiden")["Usul tindakan kepegawaian yang menunggu keputusan Anda"] == 1
    # The operator: overdue retirements, urgent and first, as many as the worklist shows.
    operator = User.objects.get(username="operator.bandung")
    overdue = action_selectors.retirement_overdue(viewer=operator, on=timezone.localdate()).count()
    items = waiting_for(viewer=operator)
    if overdue:
        assert items[0].urgent and items[0].count == overdue
    # Nobody is shown another office's work.
    assert "Konsep tindakan kepegawaian yang menunggu usul Anda" not in _labels("operator.bandung")
    assert not any("tindakan kepegawaian" in label for label in _labels("pegawai.bandung"))
    # Work-plan roles get their own items (whatever the demo's stage), without errors.
    for username in ("perencana.bkn", "sekretariat.bkn", "menpan", "bappenas", "bkn", "admin"):
        if User.objects.filter(username=username).exists():
            waiting_for(viewer=User.objects.get(username=username))


def test_the_list_filter_shows_exactly_what_waits(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo", stdout=StringIO())
    client = Client()
    client.force_login(User.objects.get(username="ppk.bogor"))
    html = client.get("/tindakan/?menunggu=terima").content.decode()
    assert "Pemindahan (mutasi)" in html and "Kabupaten Bogor" in html
    dashboard = client.get("/").content.decode()
    assert "/tindakan/?menunggu=terima" in dashboard
