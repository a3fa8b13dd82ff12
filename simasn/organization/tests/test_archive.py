"""History is archived, not deleted: a reason, a date and who did it; lists hide archived
rows unless asked; an archive that would break something current is refused, saying why
in Indonesian; nothing in the registry can be deleted through the app."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from simasn.accounts.roles import Role
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.law.enums import EmployeeStatus
from simasn.organization import selectors, services
from simasn.organization.forms import UnitForm
from simasn.organization.models import Instansi, Official, Unit
from simasn.positions import services as position_services
from simasn.positions.forms import PositionForm
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    OfficialFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db
W = Interface.WEB


def _operator(instansi: Instansi):
    return user_with_role(Role.OPERATOR, instansi=instansi)


def test_archiving_a_unit_asks_for_a_reason_records_it_and_hides_the_unit() -> None:
    unit = UnitFactory(name="Bagian Lama")
    client = Client()
    operator = _operator(unit.instansi)
    client.force_login(operator)
    page = client.get(f"/organisasi/unit/{unit.pk}/arsipkan/")
    assert page.status_code == 200 and "Bagian Lama" in page.content.decode()
    assert Unit.objects.get(pk=unit.pk).archived_at is None  # looking is not archiving
    refused = client.post(f"/organisasi/unit/{unit.pk}/arsipkan/", {"reason": ""})
    assert refused.status_code == 400 and "alasan" in refused.content.decode().lower()
    done = client.post(f"/organisasi/unit/{unit.pk}/arsipkan/", {"reason": "Unit digabung ke Sekretariat"})
    assert done.status_code == 302
    unit.refresh_from_db()
    assert unit.archived_at is not None and unit.archived_by == operator
    assert unit.archive_reason == "Unit digabung ke Sekretariat"
    event = AuditEvent.objects.get(action=AuditAction.ARCHIVE, object_type="organization.unit")
    assert event.reason == "Unit digabung ke Sekretariat" and event.instansi_id == unit.instansi_id
    # Hidden from the list and from choices, shown with the archive filter, still reachable by id.
    listed = client.get("/organisasi/unit/").content.decode()
    assert "<td>Bagian Lama" not in listed
    archived = client.get("/organisasi/unit/?include_archived=on").content.decode()
    assert "<td>Bagian Lama" in archived and "diarsipkan" in archived
    assert list(selectors.unit_list(viewer=operator)) == []
    assert selectors.unit_get(viewer=operator, pk=unit.pk) == unit
    assert unit not in UnitForm(viewer=operator).fields["parent"].queryset
    assert unit not in PositionForm(viewer=operator).fields["unit"].queryset
    with pytest.raises(ConflictError):  # once is enough
        services.unit_archive(actor=operator, interface=W, unit=unit, reason="lagi")


def test_a_unit_in_use_is_not_archived_and_the_refusal_says_why() -> None:
    unit = UnitFactory()
    position = PositionFactory(unit=unit)
    EmployeeFactory(instansi=unit.instansi, unit=unit, position=position)
    UnitFactory(instansi=unit.instansi, parent=unit)
    operator = _operator(unit.instansi)
    client = Client()
    client.force_login(operator)
    response = client.post(f"/organisasi/unit/{unit.pk}/arsipkan/", {"reason": "coba"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "1 unit bawahan" in page and "1 jabatan" in page and "1 pegawai yang sedang bertugas" in page
    unit.refresh_from_db()
    assert unit.archived_at is None
    assert not AuditEvent.objects.filter(action=AuditAction.ARCHIVE).exists()


def test_an_instansi_with_units_or_people_in_service_stays() -> None:
    instansi = InstansiFactory()
    unit = UnitFactory(instansi=instansi)
    employee = EmployeeFactory(instansi=instansi)
    admin = user_with_role(Role.ADMIN)
    with pytest.raises(ApplicationError) as refused:
        services.instansi_archive(actor=admin, interface=W, instansi=instansi, reason="dimekarkan")
    assert refused.value.code == "in_use" and len(refused.value.details["reasons"]) == 2
    services.unit_archive(actor=admin, interface=W, unit=unit, reason="dibubarkan")
    employee.status = EmployeeStatus.PENSIUN.value
    employee.save()
    archived = services.instansi_archive(actor=admin, interface=W, instansi=instansi, reason="dimekarkan")
    assert archived.archived_at is not None
    assert instansi not in selectors.instansi_list(viewer=admin)
    assert instansi in selectors.instansi_list(viewer=admin, include_archived=True)


def test_a_held_position_is_not_archived_until_its_holder_has_left() -> None:
    position = PositionFactory()
    holder = EmployeeFactory(instansi=position.instansi, unit=position.unit, position=position)
    operator = _operator(position.instansi)
    with pytest.raises(ApplicationError) as refused:
        position_services.position_archive(actor=operator, interface=W, position=position, reason="dihapus")
    assert "pegawai yang sedang bertugas" in refused.value.message
    holder.status = EmployeeStatus.BERHENTI.value
    holder.save()
    archived = position_services.position_archive(actor=operator, interface=W, position=position,
                                                  reason="Jabatan dihapus oleh penyederhanaan birokrasi")
    assert archived.archived_at is not None


def test_nothing_in_the_registry_can_be_deleted_through_the_api_or_the_admin() -> None:
    official = OfficialFactory()
    admin = user_with_role(Role.ADMIN)
    client = Client()
    client.force_login(admin)
    assert client.delete(f"/api/v1/officials/{official.pk}").status_code == 405
    assert client.get(f"/admin/organization/official/{official.pk}/delete/").status_code == 403
    changelist = client.get("/admin/organization/official/").content.decode()
    assert "delete_selected" not in changelist
    response = client.post(f"/api/v1/officials/{official.pk}/archive", {"reason": "salah input"},
                           content_type="application/json")
    assert response.status_code == 200
    body = response.json()
    assert body["archive_reason"] == "salah input" and body["archived_at"]
    assert Official.objects.filter(pk=official.pk).exists()
    listed = client.get("/api/v1/officials/").json()
    assert official.pk not in [o["id"] for o in listed["items"]]
    with_archived = client.get("/api/v1/officials/?include_archived=true").json()
    assert official.pk in [o["id"] for o in with_archived["items"]]
    refused = client.post(f"/api/v1/officials/{official.pk}/archive", {"reason": ""},
                          content_type="application/json")
    assert refused.status_code in (400, 422)


def test_the_only_ppk_cannot_be_archived_while_actions_wait_for_a_decision() -> None:
    from simasn.actions.models import ActionState, PersonnelAction

    instansi = InstansiFactory()
    ppk = OfficialFactory(instansi=instansi, role="PPK", valid_from=dt.date(2020, 1, 1))
    admin = user_with_role(Role.ADMIN)
    action = PersonnelAction.objects.create(action_type="APPOINTMENT", instansi=instansi, state=ActionState.PROPOSED)
    with pytest.raises(ApplicationError) as refused:
        services.official_archive(actor=admin, interface=W, official=ppk, reason="salah input")
    assert "menunggu penetapan" in refused.value.message
    successor = OfficialFactory(instansi=instansi, role="PPK", person_name="Penjabat Bupati",
                                valid_from=dt.date(2026, 1, 1))
    assert successor.pk
    services.official_archive(actor=admin, interface=W, official=ppk, reason="salah input")
    action.state = ActionState.WITHDRAWN
    action.save()
