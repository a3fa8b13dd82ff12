"""Who was the PPK or PyB of an instansi on a date (UU 20/2023 Pasal 29, 30): the question a
decree of that date rests on — with successive, overlapping and archived official records."""

from __future__ import annotations

import datetime as dt

import pytest

from simasn.accounts.roles import Role
from simasn.core.interfaces import Interface
from simasn.organization import services
from simasn.organization.selectors import official_in_office, official_on
from simasn.testing.factories import InstansiFactory, OfficialFactory, user_with_role

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def instansi():
    return InstansiFactory(name="Pemerintah Kabupaten Uji")


def _on(instansi, day, role="PPK", **kwargs):
    return official_on(instansi_id=instansi.pk, role=role, on=day, **kwargs)


def test_successive_officials_each_answer_for_their_own_period(instansi):
    first = OfficialFactory(instansi=instansi, person_name="Bupati 2016-2021", valid_from=D(2016, 2, 17),
                            valid_until=D(2021, 2, 16))
    second = OfficialFactory(instansi=instansi, person_name="Bupati 2021-2026", valid_from=D(2021, 2, 26))
    assert _on(instansi, D(2016, 2, 16)) is None  # before anyone was recorded
    assert _on(instansi, D(2016, 2, 17)) == first  # first day counts
    assert _on(instansi, D(2021, 2, 16)) == first  # last day counts
    assert _on(instansi, D(2021, 2, 20)) is None  # the gap between two terms
    assert _on(instansi, D(2021, 2, 26)) == second
    assert _on(instansi, D(2031, 1, 1)) == second  # no end date: still in office


def test_roles_and_instansi_are_answered_separately(instansi):
    ppk = OfficialFactory(instansi=instansi, role="PPK", valid_from=D(2021, 1, 1))
    pyb = OfficialFactory(instansi=instansi, role="PYB", person_name="Sekretaris Daerah", valid_from=D(2022, 1, 1))
    elsewhere = OfficialFactory(role="PPK", valid_from=D(2020, 1, 1))
    assert _on(instansi, D(2021, 6, 1), role="PPK") == ppk
    assert _on(instansi, D(2021, 6, 1), role="PYB") is None
    assert _on(instansi, D(2022, 6, 1), role="PYB") == pyb
    assert official_on(instansi_id=elsewhere.instansi_id, role="PPK", on=D(2022, 6, 1)) == elsewhere


def test_overlapping_records_answer_with_the_latest_appointment(instansi):
    """A successor entered before the predecessor's end date was: the later appointment holds."""
    old = OfficialFactory(instansi=instansi, person_name="Bupati lama", valid_from=D(2016, 2, 17))
    acting = OfficialFactory(instansi=instansi, person_name="Penjabat Bupati", valid_from=D(2024, 9, 24),
                             valid_until=D(2025, 2, 19))
    new = OfficialFactory(instansi=instansi, person_name="Bupati baru", valid_from=D(2025, 2, 20))
    assert _on(instansi, D(2024, 9, 23)) == old
    assert _on(instansi, D(2024, 9, 24)) == acting
    assert _on(instansi, D(2025, 2, 20)) == new


def test_an_archived_official_still_answers_for_the_past_but_signs_nothing_new(instansi):
    admin = user_with_role(Role.ADMIN)
    signer = OfficialFactory(instansi=instansi, person_name="Bupati 2021-2026", valid_from=D(2021, 2, 26))
    services.official_archive(actor=admin, interface=Interface.WEB, official=signer,
                              reason="Masa jabatan berakhir; catatan dipindah ke arsip")
    assert _on(instansi, D(2023, 5, 1)) == signer  # a decree of 2023 keeps its signer
    assert _on(instansi, D(2023, 5, 1), include_archived=False) is None
    assert official_in_office(instansi_id=instansi.pk, role="PPK", on=D(2023, 5, 1)) is None


def test_a_corrected_record_wins_over_the_archived_mistake(instansi):
    admin = user_with_role(Role.ADMIN)
    mistake = OfficialFactory(instansi=instansi, person_name="Nama salah ketik", valid_from=D(2021, 2, 26))
    corrected = OfficialFactory(instansi=instansi, person_name="Nama yang benar", valid_from=D(2021, 2, 1))
    assert _on(instansi, D(2022, 1, 1)) == mistake  # the later appointment, until it is archived
    services.official_archive(actor=admin, interface=Interface.WEB, official=mistake, reason="salah ketik nama")
    assert _on(instansi, D(2022, 1, 1)) == corrected
    assert official_in_office(instansi_id=instansi.pk, role="PPK", on=D(2022, 1, 1)) == corrected
