"""Scope of the later procurement steps, own vs other instansi, judged by effect: the
announcement (a selection result) is published or not, the sanggah is filed and answered or
refused, the appointment gets past the permission check or not, the reconciliation opens or not.

Written out from MISSION.md "Users and their jobs" (UU 20/2023 Pasal 36-38): the applicant
files a sanggah on their own application; the selection committee (panitia) of the vacancy's
instansi announces and answers; the other instansi's committee does neither; BKN checks the
portal's reconciliation, an instansi's operator and the committee do not.
"""

from __future__ import annotations

import datetime as dt

import pytest

from simasn.accounts.roles import Role
from simasn.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.procurement import selectors
from simasn.procurement.models import Announcement, AnnouncementKind, SanggahStatus
from simasn.procurement.services import announcements, appointment, verification
from simasn.testing.factories import user_with_role

from .conftest import NIK_SITI
from .test_verification import _tms, submitted  # noqa: F401  (the fixture)

W = Interface.WEB


def _publish(world, actor, on):
    return announcements.announcement_publish(actor=actor, interface=W, period_id=world.period.pk,
                                              instansi_id=world.bandung.pk, kind=AnnouncementKind.ADMINISTRASI,
                                              on=on)


def test_the_vacancys_committee_announces_and_answers_the_sanggah_the_other_does_not(world, submitted,  # noqa: F811
                                                                                   register):
    _tms(world, submitted)
    with pytest.raises(PermissionDeniedError):
        _publish(world, world.panitia_kupang, dt.date(2024, 9, 19))
    assert not Announcement.objects.filter(instansi=world.bandung).exists()
    _publish(world, world.panitia, dt.date(2024, 9, 19))
    # Another applicant files no sanggah on this application; its own applicant does.
    stranger = register(nik=NIK_SITI, birth=dt.date(1980, 5, 17), sex="P", name="Siti Aminah")
    with pytest.raises((PermissionDeniedError, NotFoundError)):
        verification.sanggah_file(actor=stranger.user, interface=W, application_id=submitted.pk,
                                  reason="Bukan lamaran saya", on=dt.date(2024, 9, 20))
    sanggah = verification.sanggah_file(actor=submitted.applicant.user, interface=W, application_id=submitted.pk,
                                        reason="Ijazah sudah dilegalisasi", on=dt.date(2024, 9, 20))
    # The other instansi's committee neither sees nor answers it.
    assert sanggah not in selectors.sanggah_list(viewer=world.panitia_kupang)
    assert sanggah in selectors.sanggah_list(viewer=world.panitia)
    with pytest.raises((PermissionDeniedError, NotFoundError)):
        verification.sanggah_answer(actor=world.panitia_kupang, interface=W, sanggah_id=sanggah.pk, accepted=True,
                                    answer="Diterima", on=dt.date(2024, 9, 21))
    sanggah.refresh_from_db()
    assert sanggah.status == SanggahStatus.FILED
    answered = verification.sanggah_answer(actor=world.panitia, interface=W, sanggah_id=sanggah.pk, accepted=True,
                                           answer="Legalisasi diterima", on=dt.date(2024, 9, 21))
    assert answered.status == SanggahStatus.ACCEPTED


def _past_permission(call) -> bool:  # type: ignore[no-untyped-def]
    try:
        call()
    except PermissionDeniedError:
        return False
    except ApplicationError:
        return True  # refused by the selection's state (not final yet), not by scope
    return True


@pytest.mark.parametrize(("role", "side", "allowed"), [
    (Role.OPERATOR, "own", True), (Role.OPERATOR, "other", False),
    (Role.PANITIA_SELEKSI, "other", False), (Role.PELAMAR, "own", False),
])
def test_only_the_vacancys_instansi_appoints(world, submitted, role, side, allowed):  # noqa: F811
    if role == Role.PELAMAR:
        actor = submitted.applicant.user
    else:
        actor = user_with_role(role, instansi=world.bandung if side == "own" else world.kupang)
    made = _past_permission(lambda: appointment.appointment_make(actor=actor, interface=W,
                                                                 application_id=submitted.pk,
                                                                 tmt=dt.date(2025, 3, 1)))
    assert made is allowed
    assert not selectors.appointment_list(viewer=actor).exists()


@pytest.mark.parametrize(("role", "allowed"), [
    (Role.BKN, True), (Role.ADMIN, True), (Role.OPERATOR, False), (Role.PANITIA_SELEKSI, False),
    (Role.KEMENPANRB, False),
])
def test_only_bkn_reads_the_portal_reconciliation(world, submitted, role, allowed):  # noqa: F811
    actor = user_with_role(role, instansi=world.bandung) if role in (Role.OPERATOR, Role.PANITIA_SELEKSI) \
        else user_with_role(role)
    try:
        stored = selectors.reconciliation(viewer=actor)["stored"]
    except PermissionDeniedError:
        stored = None
    assert (stored == 1) is allowed
