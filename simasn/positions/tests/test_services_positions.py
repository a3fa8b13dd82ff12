"""The Jabatan catalogue (UU 20/2023 Pasal 13, 14, 18, 19): what a position may be, who may
write it, and that it is archived — never deleted — once nobody holds it."""

from __future__ import annotations

import pytest

from simasn.accounts.roles import Role
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.law.enums import EmployeeStatus
from simasn.positions import services
from simasn.positions.models import Position
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db
W = Interface.WEB


def _data(unit, **over):
    return {"instansi_id": unit.instansi_id, "unit_id": unit.pk, "code": "JF-01", "name": "Analis Kebijakan Ahli Muda",
            "kind": "FUNGSIONAL", "functional_family": "ANALIS_KEBIJAKAN", "functional_level": "AHLI_MUDA",
            "seats": 2, **over}


def test_an_operator_creates_a_position_in_a_unit_of_their_instansi_with_the_legal_basis_cited():
    unit = UnitFactory()
    operator = user_with_role(Role.OPERATOR, instansi=unit.instansi)
    position = services.position_create(actor=operator, interface=W, data=_data(unit))
    assert (position.kind, position.functional_level, position.seats) == ("FUNGSIONAL", "AHLI_MUDA", 2)
    event = AuditEvent.objects.get(action=AuditAction.CREATE, object_type="positions.position")
    assert "UU 20/2023 Pasal 18" in event.citations and event.instansi_id == unit.instansi_id


def test_the_instansi_follows_the_unit_when_only_the_unit_is_given():
    unit = UnitFactory()
    admin = user_with_role(Role.ADMIN)
    position = services.position_create(actor=admin, interface=W, data=_data(unit, instansi_id=None))
    assert position.instansi_id == unit.instansi_id


@pytest.mark.parametrize(("over", "field"), [
    ({"kind": "FUNGSIONAL", "functional_level": ""}, "functional_level"),  # a functional post has a level
    ({"kind": "PELAKSANA", "functional_level": "AHLI_MUDA"}, "functional_level"),  # only functional ones do
    ({"open_to_tni_polri": True}, "open_to_tni_polri"),  # Pasal 19 ayat (3): Instansi Pusat only
])
def test_a_position_the_law_does_not_allow_is_refused_on_its_field(over, field):
    unit = UnitFactory()  # a kabupaten: an Instansi Daerah
    operator = user_with_role(Role.OPERATOR, instansi=unit.instansi)
    with pytest.raises(ApplicationError) as refused:
        services.position_create(actor=operator, interface=W, data=_data(unit, **over))
    assert field in refused.value.fields
    assert not Position.objects.exists()


def test_tni_polri_may_fill_a_position_at_an_instansi_pusat():
    unit = UnitFactory(instansi=InstansiFactory(kind="KEMENTERIAN"))
    admin = user_with_role(Role.ADMIN)
    position = services.position_create(actor=admin, interface=W, data=_data(unit, open_to_tni_polri=True))
    assert position.open_to_tni_polri


def test_a_unit_of_another_instansi_is_refused():
    unit, elsewhere = UnitFactory(), UnitFactory()
    admin = user_with_role(Role.ADMIN)
    with pytest.raises(ApplicationError) as refused:
        services.position_create(actor=admin, interface=W, data=_data(unit, unit_id=elsewhere.pk))
    assert "unit" in refused.value.fields


def test_an_update_never_moves_a_position_to_another_instansi_and_is_audited():
    position = PositionFactory(seats=1)
    operator = user_with_role(Role.OPERATOR, instansi=position.instansi)
    other = InstansiFactory()
    updated = services.position_update(actor=operator, interface=W, position=position,
                                       data={"seats": 3, "instansi_id": other.pk})
    assert (updated.seats, updated.instansi_id) == (3, position.instansi_id)
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_type="positions.position")
    assert event.changes["seats"] == {"before": 1, "after": 3}


def test_operators_write_only_their_own_instansi_and_officials_only_read():
    position = PositionFactory()
    stranger = user_with_role(Role.OPERATOR, instansi=InstansiFactory())
    ppk = user_with_role(Role.PPK, instansi=position.instansi)
    for actor in (stranger, ppk):
        with pytest.raises(PermissionDeniedError):
            services.position_update(actor=actor, interface=W, position=position, data={"seats": 9})
        with pytest.raises(PermissionDeniedError):
            services.position_archive(actor=actor, interface=W, position=position, reason="x")


def test_a_position_is_archived_once_its_holder_left_and_keeps_its_history():
    position = PositionFactory()
    holder = EmployeeFactory(instansi=position.instansi, unit=position.unit, position=position)
    operator = user_with_role(Role.OPERATOR, instansi=position.instansi)
    with pytest.raises(ApplicationError) as refused:
        services.position_archive(actor=operator, interface=W, position=position, reason="dihapus")
    assert refused.value.code == "in_use"
    holder.status = EmployeeStatus.PENSIUN.value
    holder.save()
    archived = services.position_archive(actor=operator, interface=W, position=position, reason="penyederhanaan")
    assert archived.archived_at is not None and archived.archive_reason == "penyederhanaan"
    holder.refresh_from_db()
    assert holder.position_id == position.pk  # the retired holder's record still names it
    event = AuditEvent.objects.get(action=AuditAction.ARCHIVE, object_type="positions.position")
    assert event.reason == "penyederhanaan" and "UU 20/2023 Pasal 13" in event.citations
