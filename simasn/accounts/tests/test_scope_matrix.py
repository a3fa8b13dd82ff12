"""The scope matrix: every role × own/other instansi × view/create/update/archive on
every registry resource, through the web UI, the API and the admin — and nothing in the
registry is ever physically deleted, by anyone, through any interface.

The expected outcomes below are written out from MISSION.md "Users and their jobs"
(not derived from the policy table), and each outcome is judged by its effect: the
object shows up (view), or the database row appears, changes or disappears.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from simasn.accounts.roles import Role
from simasn.organization.models import Instansi, Official, Unit
from simasn.personnel.models import Employee
from simasn.positions.models import Position
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    OfficialFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)
from simasn.testing.nip import pns_nip

pytestmark = pytest.mark.django_db

# Allowed operations ("V" view, "C" create, "U" update, "A" archive) on (own instansi,
# other instansi). For PEGAWAI, "own" employee means their own record.
FULL = ("VCUA", "VCUA")
READ_ALL = ("V", "V")
READ_OWN = ("V", "")
NONE = ("", "")
EXPECTED: dict[Role, dict[str, tuple[str, str]]] = {
    Role.ADMIN: {"instansi": FULL, "unit": FULL, "official": FULL, "position": FULL, "employee": ("VCU", "VCU")},
    Role.BKN: {"instansi": ("VCU", "VCU"), "unit": READ_ALL, "official": READ_ALL, "position": READ_ALL,
               "employee": ("VU", "VU")},
    Role.OPERATOR: {"instansi": READ_OWN, "unit": ("VCUA", ""), "official": ("VCUA", ""),
                    "position": ("VCUA", ""), "employee": ("VCU", "")},
    Role.PPK: {r: READ_OWN for r in ("instansi", "unit", "official", "position", "employee")},
    Role.PYB: {r: READ_OWN for r in ("instansi", "unit", "official", "position", "employee")},
    Role.PEGAWAI: {"instansi": READ_OWN, "unit": NONE, "official": NONE, "position": NONE, "employee": READ_OWN},
    Role.PRESIDEN: {r: READ_ALL for r in ("instansi", "unit", "official", "position", "employee")},
    **{
        role: {"instansi": READ_ALL, "unit": READ_ALL, "official": READ_ALL, "position": READ_ALL, "employee": NONE}
        for role in (Role.KEMENPANRB, Role.LAN, Role.KASN)
    },
    **{
        role: {r: NONE for r in ("instansi", "unit", "official", "position", "employee")}
        for role in (Role.BAPPENAS, Role.KEMENKEU, Role.PERENCANA, Role.KEPALA_SEKRETARIAT)
    },
}

#: Roles that may open the Django admin at all (record keepers); it is scoped like the rest.
ADMIN_USERS = {Role.ADMIN, Role.BKN, Role.OPERATOR}

WEB_ARCHIVE = {"instansi": "organization:instansi_archive", "unit": "organization:unit_archive",
               "official": "organization:official_archive", "position": "positions:archive"}

RESOURCES = ["instansi", "unit", "official", "position", "employee"]
OPS = "VCUA"
SIDES = ["own", "other"]
INTERFACES = ["web", "api", "admin"]


@dataclass
class World:
    own: Instansi
    other: Instansi
    objects: dict[tuple[str, str], Any]
    user: Any


def _world(role: Role) -> World:
    own, other = InstansiFactory(code="OWN", name="Kota Sendiri"), InstansiFactory(code="OTH", name="Kab Lain")
    objects: dict[tuple[str, str], Any] = {}
    for side, instansi in (("own", own), ("other", other)):
        unit = UnitFactory(instansi=instansi, name=f"Unit {side}")
        objects[(side, "instansi")] = instansi
        objects[(side, "unit")] = unit
        objects[(side, "official")] = OfficialFactory(instansi=instansi, person_name=f"Pejabat {side}")
        objects[(side, "position")] = PositionFactory(unit=unit, name=f"Jabatan {side}")
        objects[(side, "employee")] = EmployeeFactory(instansi=instansi, unit=unit, name=f"Pegawai {side}")
    employee = objects[("own", "employee")] if role == Role.PEGAWAI else None
    instansi = own if role in (Role.OPERATOR, Role.PPK, Role.PYB, Role.PEGAWAI) else None
    user = user_with_role(role, instansi=instansi, employee=employee)
    return World(own=own, other=other, objects=objects, user=user)


def _marker(resource: str, obj: Any) -> str:
    return obj.person_name if resource == "official" else obj.name


def _create_payload(resource: str, instansi: Instansi, unit: Unit) -> dict[str, Any]:
    return {
        "instansi": {"code": "BARU", "name": "Instansi Baru", "kind": "KOTA", "valid_from": "2020-01-01"},
        "unit": {"instansi": instansi.pk, "code": "UBARU", "name": "Unit Baru"},
        "official": {"instansi": instansi.pk, "role": "PYB", "person_name": "Pejabat Baru", "title": "Sekda",
                     "valid_from": "2024-01-01"},
        "position": {"instansi": instansi.pk, "unit": unit.pk, "code": "JBARU", "name": "Jabatan Baru",
                     "kind": "PELAKSANA", "seats": 1, "is_active": True},
        "employee": {"instansi": instansi.pk, "employee_type": "PNS", "name": "Pegawai Baru", "sex": "L",
                     "nip": pns_nip(dt.date(1990, 2, 3), dt.date(2015, 3, 1), "L", 7),
                     "birth_date": "1990-02-03", "tmt_cpns": "2015-03-01", "rank": "III/a"},
    }[resource]


def _created(resource: str) -> bool:
    return {
        "instansi": lambda: Instansi.objects.filter(code="BARU").exists(),
        "unit": lambda: Unit.objects.filter(code="UBARU").exists(),
        "official": lambda: Official.objects.filter(person_name="Pejabat Baru").exists(),
        "position": lambda: Position.objects.filter(code="JBARU").exists(),
        "employee": lambda: Employee.objects.filter(name="Pegawai Baru").exists(),
    }[resource]()


NAME_FIELD = {"instansi": "name", "unit": "name", "official": "person_name", "position": "name", "employee": "name"}
MODEL = {"instansi": Instansi, "unit": Unit, "official": Official, "position": Position, "employee": Employee}
API_PATH = {"instansi": "agencies", "unit": "units", "official": "officials", "position": "positions",
            "employee": "employees"}
ADMIN_PATH = {"instansi": "organization/instansi", "unit": "organization/unit", "official": "organization/official",
              "position": "positions/position", "employee": "personnel/employee"}


def _web_view(client: Client, resource: str, obj: Any) -> bool:
    urls = {
        "instansi": reverse("organization:instansi_detail", args=[obj.pk]),
        "unit": reverse("organization:unit_list"),
        "official": reverse("organization:official_list"),
        "position": reverse("positions:detail", args=[obj.pk]),
        "employee": reverse("personnel:detail", args=[obj.pk]),
    }
    response = client.get(urls[resource])
    assert response.status_code in (200, 403, 404), response.status_code
    return response.status_code == 200 and _marker(resource, obj) in response.content.decode()


def _web_create(client: Client, resource: str, payload: dict[str, Any]) -> None:
    urls = {"instansi": "organization:instansi_create", "unit": "organization:unit_create",
            "official": "organization:official_create", "position": "positions:create",
            "employee": "personnel:create"}
    response = client.post(reverse(urls[resource]), payload)
    assert response.status_code in (302, 400, 403, 404), response.status_code


def _edit_url(resource: str, obj: Any) -> str:
    names = {"instansi": "organization:instansi_update", "unit": "organization:unit_update",
             "official": "organization:official_update", "position": "positions:update",
             "employee": "personnel:update"}
    return reverse(names[resource], args=[obj.pk])


def _form_data(resource: str, obj: Any) -> dict[str, Any]:
    from django.forms.models import model_to_dict

    data = {k: v for k, v in model_to_dict(obj).items() if v is not None}
    for key, value in list(data.items()):
        if isinstance(value, dt.date):
            data[key] = value.isoformat()
        if isinstance(value, bool) and not value:
            data.pop(key)
    return data


def _web_update(client: Client, resource: str, obj: Any) -> None:
    data = {**_form_data(resource, obj), NAME_FIELD[resource]: "Nama Diubah"}
    response = client.post(_edit_url(resource, obj), data)
    assert response.status_code in (302, 400, 403, 404), response.status_code


def _api_view(client: Client, resource: str, obj: Any) -> bool:
    response = client.get(f"/api/v1/{API_PATH[resource]}/{obj.pk}")
    assert response.status_code in (200, 401, 403, 404), response.status_code
    return response.status_code == 200 and _marker(resource, obj) in response.content.decode()


def _api_create(client: Client, resource: str, payload: dict[str, Any]) -> None:
    response = client.post(f"/api/v1/{API_PATH[resource]}/", payload, content_type="application/json")
    assert response.status_code in (201, 400, 401, 403, 404), (response.status_code, response.content)


def _api_update(client: Client, resource: str, obj: Any) -> None:
    response = client.patch(f"/api/v1/{API_PATH[resource]}/{obj.pk}", {NAME_FIELD[resource]: "Nama Diubah"},
                            content_type="application/json")
    assert response.status_code in (200, 400, 401, 403, 404), (response.status_code, response.content)


def _api_archive(client: Client, resource: str, obj: Any) -> None:
    response = client.post(f"/api/v1/{API_PATH[resource]}/{obj.pk}/archive", {"reason": "uji"},
                           content_type="application/json")
    assert response.status_code in (200, 400, 401, 403, 404, 405), (response.status_code, response.content)
    deleted = client.delete(f"/api/v1/{API_PATH[resource]}/{obj.pk}")  # there is no DELETE at all
    assert deleted.status_code in (401, 403, 404, 405), (deleted.status_code, deleted.content)


def _admin_view(client: Client, resource: str, obj: Any) -> bool:
    response = client.get(f"/admin/{ADMIN_PATH[resource]}/{obj.pk}/change/")
    return response.status_code == 200 and _marker(resource, obj) in response.content.decode()


def _admin_create(client: Client, resource: str, payload: dict[str, Any]) -> None:
    response = client.post(f"/admin/{ADMIN_PATH[resource]}/add/", payload)
    assert response.status_code in (200, 302, 403), response.status_code


def _admin_update(client: Client, resource: str, obj: Any) -> None:
    data = {**_form_data(resource, obj), NAME_FIELD[resource]: "Nama Diubah"}
    response = client.post(f"/admin/{ADMIN_PATH[resource]}/{obj.pk}/change/", data)
    assert response.status_code in (200, 302, 403), response.status_code


def _admin_delete(client: Client, resource: str, obj: Any) -> None:
    response = client.post(f"/admin/{ADMIN_PATH[resource]}/{obj.pk}/delete/", {"post": "yes"})
    assert response.status_code in (200, 302, 403, 404), response.status_code


def _archivable(resource: str, world: World, side: str) -> Any:
    """A fresh object with nothing depending on it, so a refusal can only come from scope."""
    instansi = world.own if side == "own" else world.other
    if resource == "instansi":
        return InstansiFactory(code=f"ARS{side}", name=f"Arsip {side}")
    if resource == "unit":
        return UnitFactory(instansi=instansi, name=f"Unit arsip {side}")
    if resource == "official":
        return OfficialFactory(instansi=instansi, person_name=f"Pejabat arsip {side}")
    if resource == "position":
        return PositionFactory(unit=world.objects[(side, "unit")], name=f"Jabatan arsip {side}")
    return world.objects[(side, "employee")]


CASES = [
    pytest.param(role, resource, side, interface, id=f"{role.value}-{resource}-{side}-{interface}")
    for role, resource, side, interface in itertools.product(EXPECTED, RESOURCES, SIDES, INTERFACES)
]


@pytest.mark.parametrize(("role", "resource", "side", "interface"), CASES)
def test_scope_matrix(role: Role, resource: str, side: str, interface: str) -> None:
    world = _world(role)
    expected = EXPECTED[role][resource][0 if side == "own" else 1]
    client = Client()
    client.force_login(world.user)
    target = world.objects[(side, resource)]
    instansi = world.own if side == "own" else world.other
    unit = world.objects[(side, "unit")]
    observed = ""

    # View
    view = {"web": _web_view, "api": _api_view, "admin": _admin_view}[interface]
    if view(client, resource, target):
        observed += "V"

    # Create (in the side's instansi)
    payload = _create_payload(resource, instansi, unit)
    {"web": _web_create, "api": _api_create, "admin": _admin_create}[interface](client, resource, payload)
    if _created(resource):
        observed += "C"

    # Update the side's object
    {"web": _web_update, "api": _api_update, "admin": _admin_update}[interface](client, resource, target)
    model = MODEL[resource]
    if model.objects.filter(pk=target.pk, **{NAME_FIELD[resource]: "Nama Diubah"}).exists():
        observed += "U"

    # Archive (web: a confirmation with a reason; API: POST .../archive with a reason). The
    # admin archives nothing and deletes nothing; employees are neither archived nor deleted
    # (a person leaves the service through a personnel action).
    victim = _archivable(resource, world, side)
    if interface == "web" and resource in WEB_ARCHIVE:
        response = client.post(reverse(WEB_ARCHIVE[resource], args=[victim.pk]), {"reason": "uji"})
        assert response.status_code in (302, 400, 403, 404), response.status_code
    elif interface == "api":
        _api_archive(client, resource, victim)
    elif interface == "admin":
        _admin_delete(client, resource, victim)
    assert model.objects.filter(pk=victim.pk).exists(), "a registry row was physically deleted"
    if getattr(model.objects.get(pk=victim.pk), "archived_at", None) is not None:
        observed += "A"

    if interface == "admin":
        expected = expected.replace("A", "")
    if interface == "admin" and role not in ADMIN_USERS:
        expected = ""  # officials, employees and national readers do not use the admin
    assert observed == expected, f"{role} on {side} {resource} via {interface}: got {observed!r}"
