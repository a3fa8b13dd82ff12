"""A unit's leader and its calibration (issue 15 item 8): the leader — whoever holds the
unit's head position, as the registry's hierarchy derives it — opens the calibration of the
units they lead and sees the distribution against the limits, and only theirs; the
organisation rating and the finalisation stay with the PyB/PPK (PermenPANRB 6/2022
Lampiran: set by the official with authority)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from simasn.accounts.policy import Resource
from simasn.accounts.roles import Role
from simasn.accounts.scope import Scope
from simasn.core.errors import PermissionDeniedError
from simasn.performance import selectors, services, waiting
from simasn.performance.models import ANNUAL, PerformancePlan, UnitRating
from simasn.performance.tests.conftest import WEB, hold
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)

AS = "SESUAI_EKSPEKTASI"


def _rate_bidang(org: Any, period: Any) -> None:
    for employee in org.staff[:4]:
        services.rating_set(actor=org.user(org.kabid), interface=WEB,
                            plan=PerformancePlan.objects.get(period=period, employee=employee), evaluation=ANNUAL,
                            work_result_rating=AS, behaviour_rating=AS)


def _calibration(user: Any, period: Any, unit: Any) -> Any:
    client = Client()
    client.force_login(user)
    return client.get(reverse("performance:unit", args=[period.pk, unit.pk]))


def test_the_leader_opens_the_calibration_of_their_unit_and_sees_it_against_the_limits(org: Any,
                                                                                       period: Any) -> None:
    _rate_bidang(org, period)
    response = _calibration(org.user(org.kabid), period, org.bidang)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kalibrasi Bidang Mutasi" in page and org.staff[0].name in page
    # No organisation rating yet: the page says how the ratings so far fit each one's limits.
    assert "belum ditetapkan" in page and "Penilaian saat ini terhadap batas setiap predikat organisasi" in page
    assert "Baik paling banyak 70 %" in page  # four of four Baik would fail under "Baik"
    assert "ditetapkan oleh pejabat yang berwenang (PyB/PPK)" in page
    assert "Tetapkan" not in page and "Finalkan penilaian unit" not in page
    # Each of the leader's appraisees is rated from the list, and the form comes back here.
    rate = reverse("performance:rate", args=[PerformancePlan.objects.get(period=period, employee=org.staff[4]).pk])
    assert f'{rate}?evaluasi=TAHUNAN&amp;kembali=kalibrasi' in page
    own = reverse("performance:rate", args=[PerformancePlan.objects.get(period=period, employee=org.kabid).pk])
    assert own not in page  # the leader's own plan is their superior's to rate
    client = Client()
    client.force_login(org.user(org.kabid))
    done = client.post(f"{rate}?evaluasi=TAHUNAN&kembali=kalibrasi", {
        "evaluation": ANNUAL, "work_result_rating": AS, "behaviour_rating": AS})
    assert done.status_code == 302 and done.url == reverse("performance:unit", args=[period.pk, org.bidang.pk])
    services.unit_rating_set(actor=org.pyb, interface=WEB, period=period, unit_id=org.bidang.pk, rating="BAIK")
    page = _calibration(org.user(org.kabid), period, org.bidang).content.decode()
    assert "Distribusi melampaui batas" in page and "kelebihan" in page


def test_only_the_units_they_lead(org: Any, period: Any) -> None:
    kabid, kaban, staff = org.user(org.kabid), org.user(org.kaban), org.user(org.staff[0])
    assert _calibration(kaban, period, org.badan).status_code == 200
    assert _calibration(kabid, period, org.badan).status_code == 403  # the unit above: not theirs
    assert _calibration(kaban, period, org.bidang).status_code == 403  # the unit below has its own leader
    assert _calibration(staff, period, org.bidang).status_code == 403  # leads nothing
    # A unit head of another instansi does not even see the period.
    other = InstansiFactory(name="Kabupaten Lain", kind="KABUPATEN")
    unit = UnitFactory(instansi=other, name="Dinas Lain", code="DL")
    head_pos = PositionFactory(instansi=other, unit=unit, name="Kepala Dinas", kind="JPT_PRATAMA")
    head = EmployeeFactory(instansi=other, unit=unit, position=head_pos)
    hold(head, head_pos, period.start_date)
    assert _calibration(user_with_role(Role.PEGAWAI, employee=head), period, org.bidang).status_code == 404
    # The period page lists exactly the units the viewer leads.
    client = Client()
    client.force_login(kabid)
    page = client.get(reverse("performance:period", args=[period.pk])).content.decode()
    assert reverse("performance:unit", args=[period.pk, org.bidang.pk]) in page
    assert reverse("performance:unit", args=[period.pk, org.badan.pk]) not in page


def test_the_leader_sees_and_rates_the_official_decides(org: Any, period: Any) -> None:
    kabid = org.user(org.kabid)
    bidang = services.unit_rating_set(actor=org.pyb, interface=WEB, period=period, unit_id=org.bidang.pk,
                                      rating="BAIK")
    badan = services.unit_rating_set(actor=org.pyb, interface=WEB, period=period, unit_id=org.badan.pk,
                                     rating="BAIK")
    scope = Scope.of(kabid)
    assert set(scope.filter(UnitRating.objects.all(), Resource.PERFORMANCE_UNIT_RATING)) == {bidang}
    assert scope.allows_object(Resource.PERFORMANCE_UNIT_RATING, "view", bidang)
    assert not scope.allows_object(Resource.PERFORMANCE_UNIT_RATING, "view", badan)
    with pytest.raises(PermissionDeniedError):
        services.unit_rating_set(actor=kabid, interface=WEB, period=period, unit_id=org.bidang.pk, rating="ISTIMEWA")
    with pytest.raises(PermissionDeniedError):
        services.unit_finalise(actor=kabid, interface=WEB, unit_rating=bidang)
    assert UnitRating.objects.get(pk=bidang.pk).rating == "BAIK"


def test_the_api_check_reaches_only_the_led_unit(org: Any, period: Any) -> None:
    services.unit_rating_set(actor=org.pyb, interface=WEB, period=period, unit_id=org.bidang.pk, rating="BAIK")
    services.unit_rating_set(actor=org.pyb, interface=WEB, period=period, unit_id=org.badan.pk, rating="BAIK")
    client = Client()
    client.force_login(org.user(org.kabid))
    ok = client.get(f"/api/v1/performance/periods/{period.pk}/units/{org.bidang.pk}/check")
    assert ok.status_code == 200 and ok.json()["rating"] == "BAIK"
    refused = client.get(f"/api/v1/performance/periods/{period.pk}/units/{org.badan.pk}/check")
    assert refused.status_code == 404 and "error" in refused.json()


def test_the_calibration_waits_for_the_leader_in_the_rating_season(org: Any, period: Any) -> None:
    # The period is 2025 and still open: its last quarter has begun, the unit is not final.
    labels = {item.label: item for item in waiting.waiting_for(viewer=org.user(org.kabid))}
    item = labels["Kalibrasi unit yang Anda pimpin (penilaian tahunan)"]
    assert item.count == 1 and item.url == reverse("performance:unit", args=[period.pk, org.bidang.pk])
    staff_labels = {i.label for i in waiting.waiting_for(viewer=org.user(org.staff[0]))}
    assert "Kalibrasi unit yang Anda pimpin (penilaian tahunan)" not in staff_labels
    assert [c["unit_id"] for c in selectors.led_calibrations(viewer=org.user(org.kaban))] == [org.badan.pk]
