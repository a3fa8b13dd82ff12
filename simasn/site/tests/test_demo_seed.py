"""`make demo` seeds the demo data: every app's demo step runs, running it twice adds nothing,
every demo role is told what waits for it (issue 12 item 11), and the procurement demo gives
each role something to do on the day it is seeded (issue 14's Done-when).

The whole demo is seeded **once for this module** (a seed takes a minute): the module's tests
run on one worker, each inside its own savepoint of the transaction that holds the seed, and
that transaction is rolled back after the last of them, so no other test sees the demo.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

from simasn.accounts.models import User
from simasn.actions import selectors as action_selectors
from simasn.actions.models import PersonnelAction, RetirementSummaryRefresh
from simasn.learning.selectors import development_team_plans
from simasn.performance.models import WorkResult
from simasn.performance.selectors import led_calibrations
from simasn.personnel.models import Employee
from simasn.procurement.models import (
    AnnouncementKind,
    Applicant,
    Application,
    Sanggah,
    SelectionPeriod,
    Stage,
    Verdict,
)
from simasn.procurement.readiness import period_blockers
from simasn.site.demo_support import DEMO_APPLICANT_NIK
from simasn.site.waiting import waiting_for
from simasn.talent.models import NationalPriority
from simasn.talent.selectors import succession_plans

pytestmark = [pytest.mark.long, pytest.mark.django_db, pytest.mark.xdist_group("demo-seed")]


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("demo")


@pytest.fixture(scope="module")
def _seeded(django_db_setup: None, django_db_blocker: Any, demo_files: Path) -> Iterator[None]:
    files = {"MEDIA_ROOT": demo_files / "media", "SIMASN_PKI_DIR": demo_files / "pki"}
    # Marked as Django's TestCase marks its own class-wide transaction, so that the services'
    # durable blocks (transaction.atomic(durable=True)) run inside it as they do in any test.
    outer = transaction.atomic()
    outer._from_testcase = True  # type: ignore[attr-defined]
    with django_db_blocker.unblock(), override_settings(**files), outer:
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _demo(_seeded: None, _files_under_tmp_path: None, settings: Any, demo_files: Path) -> None:
    """Every test reads the files (signed PDFs, signing keys) the seed wrote."""
    settings.MEDIA_ROOT = demo_files / "media"
    settings.SIMASN_PKI_DIR = demo_files / "pki"


def test_the_demo_seed_gives_working_logins_and_data():
    assert User.objects.get(username="operator.bandung").check_password("simasn-demo-2026")
    assert Employee.objects.count() > 100 and PersonnelAction.objects.exists()
    refresh = RetirementSummaryRefresh.objects.get()
    assert refresh.employees > 0  # the national projection page has its summary from the start
    # Issue 16's "done when": the PPK finds a vacant critical JPT with successors ready now (and
    # more talent in boxes 7-9 to nominate), a national priority exists, a superior reads the
    # development plans of the team they appraise.
    plans = succession_plans(viewer=User.objects.get(username="ppk.bandung"))
    vacant = [p for p in plans if p.vacant and p.critical.position.kind.startswith("JPT")]
    assert vacant and vacant[0].ready_now >= 2
    assert NationalPriority.objects.exists()
    assert development_team_plans(viewer=User.objects.get(username="atasan.bandung")).exists()
    # Performance (issue 15): an instansi with a period and a work plan takes an SKP goal from
    # one of its programmes; the demo superior leads a unit whose calibration waits for them.
    assert WorkResult.objects.filter(plan__period__instansi__code="BKN").exclude(organisation_programme="").exists()
    atasan = User.objects.get(username="atasan.bandung")
    assert [c["year"] for c in led_calibrations(viewer=atasan)] == [2026]


def test_seeding_again_adds_nothing():
    counts = (User.objects.count(), Employee.objects.count(), PersonnelAction.objects.count(),
              Applicant.objects.count(), Application.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (User.objects.count(), Employee.objects.count(), PersonnelAction.objects.count(),
            Applicant.objects.count(), Application.objects.count()) == counts
    assert RetirementSummaryRefresh.objects.count() == 1


# What waits for each role (issue 12 item 11: actions, work plans, imports).

def _labels(username: str) -> dict[str, int]:
    return {item.label: item.count for item in waiting_for(viewer=User.objects.get(username=username))}


def test_each_demo_role_sees_its_own_waiting_work():
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


def test_the_list_filter_shows_exactly_what_waits():
    client = Client()
    client.force_login(User.objects.get(username="ppk.bogor"))
    html = client.get("/tindakan/?menunggu=terima").content.decode()
    assert "Pemindahan (mutasi)" in html and "Kabupaten Bogor" in html
    dashboard = client.get("/").content.decode()
    assert "/tindakan/?menunggu=terima" in dashboard


# Procurement (issue 14's Done-when): a few hundred applicants over a few instansi, a period
# in every stage, applications waiting for panitia.bandung, a sanggah the demo applicant can
# file today, and the SKD result of the period past the SKD announced (signed PDF) for the
# applicant and the public.

def test_a_few_hundred_applicants_over_a_few_instansi_and_every_stage():
    assert Applicant.objects.count() >= 300
    applied = Application.objects.values_list("vacancy__instansi__code", flat=True).distinct()
    assert {"KOTA-BANDUNG", "KAB-BOGOR", "KAB-KUPANG"} <= set(applied)
    stages = set(SelectionPeriod.objects.values_list("stage", flat=True))
    assert {Stage.OPEN, Stage.VERIFICATION, Stage.SKB, Stage.FINAL, Stage.APPOINTMENT} <= stages
    # Every applicant applied somewhere (nobody is only a name in the list).
    assert not Applicant.objects.filter(applications__isnull=True).exists()


def test_panitia_bandung_has_applications_to_verify():
    items = {i.label: i.count for i in waiting_for(viewer=User.objects.get(username="panitia.bandung"))}
    assert items["Lamaran yang menunggu verifikasi administrasi"] > 0
    client = Client()
    client.force_login(User.objects.get(username="panitia.bandung"))
    page = client.get("/pengadaan/verifikasi/?status=todo")
    assert page.status_code == 200 and "Kota Bandung" in page.content.decode()


def test_the_demo_applicant_can_file_a_sanggah_today():
    """Found TMS at Bogor, whose result was announced yesterday: the window is open today."""
    app = Application.objects.get(applicant__nik=DEMO_APPLICANT_NIK, period__stage=Stage.VERIFICATION)
    assert app.admin_verdict == Verdict.TMS and app.vacancy.instansi.code == "KAB-BOGOR"
    announced = app.period.announcements.get(instansi=app.vacancy.instansi, kind="ADMINISTRASI")
    assert announced.announced_on == timezone.localdate() - dt.timedelta(days=1)
    # The demo applicant also has results to see (MS, with SKD scores) in a later-stage period.
    assert Application.objects.filter(applicant__nik=DEMO_APPLICANT_NIK, admin_verdict=Verdict.MS,
                                      twk__isnull=False).exists()
    client = Client(enforce_csrf_checks=False)
    client.force_login(User.objects.get(username=DEMO_APPLICANT_NIK))
    response = client.post(f"/pengadaan/lamaran/{app.pk}/sanggah/",
                           {"reason": "Ijazah saya sudah dilegalisasi; salinan legalisasi terlampir."})
    assert response.status_code in (302, 303)
    sanggah = Sanggah.objects.get(application=app)
    assert sanggah.filed_on == timezone.localdate()
    # Bogor's panitia sees it waiting for an answer.
    items = {i.label: i.count for i in waiting_for(viewer=User.objects.get(username="panitia.bogor"))}
    assert items["Sanggah yang menunggu jawaban"] == 1


def test_the_period_past_the_skd_has_its_skd_result_announced():
    """Each instansi of the SKB-stage period announced its SKD result (signed like the others);
    the demo applicant finds it on his application and anyone in the public list."""
    period = SelectionPeriod.objects.get(stage=Stage.SKB)
    skd = period.announcements.filter(kind=AnnouncementKind.SKD)
    applied = set(Application.objects.filter(period=period).values_list("vacancy__instansi_id", flat=True))
    assert set(skd.values_list("instansi_id", flat=True)) == applied
    public = Client()
    listing = public.get("/pengadaan/pengumuman/", {"q": "PANSEL-SKD"}).content.decode()
    for announcement in skd:
        assert announcement.number in listing and announcement.sha256
        check = public.get(f"/pengadaan/pengumuman/{announcement.pk}/periksa/")
        assert check.status_code == 200 and check.context["genuine"], announcement.number
    app = Application.objects.get(applicant__nik=DEMO_APPLICANT_NIK, period=period)
    assert app.proceeds_skb is not None and app.twk is not None
    client = Client()
    client.force_login(User.objects.get(username=DEMO_APPLICANT_NIK))
    page = client.get(f"/pengadaan/lamaran/{app.pk}/").content.decode()
    mine = skd.get(instansi_id=app.vacancy.instansi_id)
    assert mine.number in page
    assert f'href="/pengadaan/pengumuman/{mine.pk}.pdf"' in page
    # His list tells his three applications to the same post apart by their selection.
    assert period.name in client.get("/pengadaan/lamaran-saya/").content.decode()


def test_every_period_stopped_where_its_stage_is_finished():
    """The demo went through the same guard as BKN does: every period past verification moved
    on only once its instansi had finished; the periods left in a stage say what remains."""
    for period in SelectionPeriod.objects.exclude(stage__in=[Stage.OPEN, Stage.VERIFICATION]):
        earlier = period.announcements.values_list("kind", flat=True)
        assert AnnouncementKind.ADMINISTRASI in earlier and AnnouncementKind.SKD in earlier, period.name
    verifying = SelectionPeriod.objects.get(stage=Stage.VERIFICATION)
    codes = {b.code for b in period_blockers(verifying, on=timezone.localdate())}
    assert {"unverified", "not_announced", "sanggah_window_open"} <= codes
