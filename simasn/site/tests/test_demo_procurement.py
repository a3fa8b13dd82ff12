"""The procurement demo gives each role something to do on the day it is seeded (issue 14's
Done-when): a few hundred applicants over a few instansi, a period in every stage, applications
waiting for panitia.bandung, a sanggah the demo applicant can file today, and the SKD result
of the period past the SKD announced (signed PDF) for the applicant and the public."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.test import Client
from django.utils import timezone

from simasn.accounts.models import User
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
from simasn.site.demo import accounts, organization, positions, procurement
from simasn.site.demo_support import DEMO_APPLICANT_NIK, system_admin
from simasn.site.waiting import waiting_for

pytestmark = pytest.mark.django_db


def test_the_procurement_demo_has_work_for_every_role_on_the_day_it_is_seeded(settings, tmp_path):
    """One seed (it takes a while), three things the demo must offer."""
    settings.MEDIA_ROOT = tmp_path / "media"
    actor = system_admin()
    for module in (organization, positions, accounts, procurement):
        module.seed(actor=actor, stdout=StringIO())
    _a_few_hundred_applicants_over_a_few_instansi_and_every_stage()
    _panitia_bandung_has_applications_to_verify()
    _the_demo_applicant_can_file_a_sanggah_today()
    _the_period_past_the_skd_has_its_skd_result_announced()
    _every_period_stopped_where_its_stage_is_finished()


def _a_few_hundred_applicants_over_a_few_instansi_and_every_stage():
    assert Applicant.objects.count() >= 300
    applied = Application.objects.values_list("vacancy__instansi__code", flat=True).distinct()
    assert {"KOTA-BANDUNG", "KAB-BOGOR", "KAB-KUPANG"} <= set(applied)
    stages = set(SelectionPeriod.objects.values_list("stage", flat=True))
    assert {Stage.OPEN, Stage.VERIFICATION, Stage.SKB, Stage.FINAL, Stage.APPOINTMENT} <= stages
    # Every applicant applied somewhere (nobody is only a name in the list).
    assert not Applicant.objects.filter(applications__isnull=True).exists()


def _panitia_bandung_has_applications_to_verify():
    items = {i.label: i.count for i in waiting_for(viewer=User.objects.get(username="panitia.bandung"))}
    assert items["Lamaran yang menunggu verifikasi administrasi"] > 0
    client = Client()
    client.force_login(User.objects.get(username="panitia.bandung"))
    page = client.get("/pengadaan/verifikasi/?status=todo")
    assert page.status_code == 200 and "Kota Bandung" in page.content.decode()


def _the_demo_applicant_can_file_a_sanggah_today():
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


def _the_period_past_the_skd_has_its_skd_result_announced():
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


def _every_period_stopped_where_its_stage_is_finished():
    """The demo went through the same guard as BKN does: every period past verification moved
    on only once its instansi had finished; the periods left in a stage say what remains."""
    for period in SelectionPeriod.objects.exclude(stage__in=[Stage.OPEN, Stage.VERIFICATION]):
        earlier = period.announcements.values_list("kind", flat=True)
        assert AnnouncementKind.ADMINISTRASI in earlier and AnnouncementKind.SKD in earlier, period.name
    verifying = SelectionPeriod.objects.get(stage=Stage.VERIFICATION)
    codes = {b.code for b in period_blockers(verifying, on=timezone.localdate())}
    assert {"unverified", "not_announced", "sanggah_window_open"} <= codes
