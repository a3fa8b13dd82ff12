"""Two announcements published at the same moment take consecutive numbers (real PostgreSQL,
real concurrent connections): the number is counted under a locked sequence row in the
publish transaction, not by counting rows before the write."""

from __future__ import annotations

import datetime as dt

import pytest

from simasn.core.errors import ConflictError
from simasn.core.interfaces import Interface
from simasn.procurement.models import Announcement, AnnouncementKind, Stage
from simasn.procurement.services import announcements, portal
from simasn.testing.concurrency import race, require_postgres

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _require_postgres() -> None:
    require_postgres()


def _period(world, name):
    return portal.period_create(actor=world.bkn, interface=Interface.CLI, name=name, fiscal_year=2024,
                                employee_type="PNS", opens_on=dt.date(2024, 8, 20), closes_on=dt.date(2024, 9, 10),
                                stage=Stage.VERIFICATION)


def _publish(world, period):
    return lambda: announcements.announcement_publish(
        actor=world.panitia, interface=Interface.WEB, period_id=period.pk, instansi_id=world.bandung.pk,
        kind=AnnouncementKind.ADMINISTRASI, on=dt.date(2024, 9, 19))


def test_two_periods_of_one_year_announced_at_once_take_consecutive_numbers(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    first, second = _period(world, "Seleksi CPNS 2024 tahap I"), _period(world, "Seleksi CPNS 2024 tahap II")
    results = race([_publish(world, first), _publish(world, second)])
    assert all(isinstance(r, Announcement) for r in results), results
    assert sorted(r.number for r in results) == ["001/PANSEL-ADM/KOTA-BDG/2024", "002/PANSEL-ADM/KOTA-BDG/2024"]
    # Each PDF prints its own number (it is made under the same lock).
    for announcement in Announcement.objects.all():
        assert f"NOMOR {announcement.number}" in announcement.text
    # The next one continues the sequence.
    third = _publish(world, _period(world, "Seleksi CPNS 2024 tahap III"))()
    assert third.number == "003/PANSEL-ADM/KOTA-BDG/2024"


def test_the_same_result_published_twice_at_once_is_announced_once(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    period = _period(world, "Seleksi CPNS 2024")
    results = race([_publish(world, period), _publish(world, period)])
    published = [r for r in results if isinstance(r, Announcement)]
    refused = [r for r in results if isinstance(r, ConflictError)]
    assert len(published) == 1 and len(refused) == 1, results
    assert refused[0].code == "duplicate"
    assert Announcement.objects.get().number == "001/PANSEL-ADM/KOTA-BDG/2024"
    # The refused publish gave its number back: the next announcement of the year is 002.
    assert _publish(world, _period(world, "Seleksi CPNS 2024 tahap II"))().number == "002/PANSEL-ADM/KOTA-BDG/2024"
