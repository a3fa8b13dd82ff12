"""The calibration page of a large unit: the counts cover the whole unit, the list of people
is paged and can be narrowed to one predikat (those a failing limit is about) or the unrated."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from simasn.performance import services
from simasn.performance.models import ANNUAL, PerformancePlan
from simasn.performance.tests.conftest import WEB
from simasn.performance.views import periods


def test_the_list_is_narrowed_to_one_predikat_and_paged(org: Any, period: Any, monkeypatch: Any) -> None:
    services.unit_rating_set(actor=org.pyb, interface=WEB, period=period, unit_id=org.bidang.pk, rating="BAIK")
    above, as_expected = "DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI"
    for i, employee in enumerate(org.staff[:4]):
        services.rating_set(actor=org.user(org.kabid), interface=WEB,
                            plan=PerformancePlan.objects.get(period=period, employee=employee), evaluation=ANNUAL,
                            work_result_rating=above if i == 0 else as_expected,
                            behaviour_rating=above if i == 0 else as_expected)
    client = Client()
    client.force_login(org.pyb)
    url = reverse("performance:unit", args=[period.pk, org.bidang.pk])
    page = client.get(url + "?predikat=SANGAT_BAIK").content.decode()
    assert org.staff[0].name in page and org.staff[1].name not in page
    assert "Baik paling banyak 70 %" in page  # the check still counts the whole unit
    unrated = client.get(url + "?predikat=BELUM").content.decode()
    assert org.staff[4].name in unrated and org.staff[0].name not in unrated
    monkeypatch.setattr(periods, "CALIBRATION_PAGE_SIZE", 2)
    first = client.get(url).content.decode()
    assert "Halaman 1 dari 3" in first and "page=2" in first
    assert client.get(url + "?predikat=nonsense&page=999").status_code == 200


def test_a_refused_finalisation_stays_in_the_units_history(org: Any, period: Any) -> None:
    from simasn.core.errors import ApplicationError
    from simasn.core.models import AuditEvent

    unit_rating = services.unit_rating_set(actor=org.pyb, interface=WEB, period=period, unit_id=org.bidang.pk,
                                           rating="BAIK")
    for employee in [*org.staff, org.kabid]:
        services.rating_set(actor=org.pyb, interface=WEB, plan=PerformancePlan.objects.get(period=period,
                                                                                           employee=employee),
                            evaluation=ANNUAL, work_result_rating="" if employee == org.kabid else "SESUAI_EKSPEKTASI",
                            behaviour_rating="SESUAI_EKSPEKTASI")
    with pytest.raises(ApplicationError):
        services.unit_finalise(actor=org.pyb, interface=WEB, unit_rating=unit_rating)
    event = AuditEvent.objects.get(action="refused", object_type="performance.unitrating")
    assert "kelebihan 2 orang" in event.reason
    client = Client()
    client.force_login(org.ppk)
    page = client.get(reverse("performance:unit", args=[period.pk, org.bidang.pk])).content.decode()
    assert "Finalisasi yang ditolak" in page and "Baik paling banyak 70 %: kelebihan 2 orang" in page
