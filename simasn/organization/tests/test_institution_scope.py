"""Who keeps and who reads the national institutions (KemenPANRB, BKN, LAN, KASN and the
recipients of the work-plan synchronization). Written out from MISSION.md "Users and their
jobs": the administrator keeps the reference data; the national institutions and the
recipients of the synchronized plans read it; an instansi's roles and an employee have no
use for it. Judged by effect: the row is written or not, the list shows it or not."""

from __future__ import annotations

import datetime as dt

import pytest

from simasn.accounts.roles import Role
from simasn.core.errors import PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.organization import selectors, services
from simasn.organization.models import NationalInstitution
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role

pytestmark = pytest.mark.django_db

DATA = {"name": "Lembaga Administrasi Negara", "short_name": "LAN", "functions": "Pengembangan kompetensi",
        "is_sync_participant": True, "valid_from": dt.date(1957, 8, 6), "legal_basis": "UU 20/2023 Pasal 26"}

#: role -> (writes, reads)
EXPECTED = {
    Role.ADMIN: (True, True),
    Role.BKN: (False, True),
    Role.KEMENPANRB: (False, True),
    Role.BAPPENAS: (False, True),
    Role.KEMENKEU: (False, True),
    Role.OPERATOR: (False, False),
    Role.PPK: (False, False),
    Role.PEGAWAI: (False, False),
}


def _user(role: Role):  # type: ignore[no-untyped-def]
    if role in (Role.OPERATOR, Role.PPK):
        return user_with_role(role, instansi=InstansiFactory())
    if role == Role.PEGAWAI:
        return user_with_role(role, employee=EmployeeFactory())
    return user_with_role(role)


def _writes(user) -> bool:  # type: ignore[no-untyped-def]
    try:
        services.institution_upsert(actor=user, interface=Interface.WEB, code="LANX", data=DATA)
    except PermissionDeniedError:
        return False
    return NationalInstitution.objects.filter(code="LANX").exists()


@pytest.mark.parametrize("role", list(EXPECTED), ids=lambda r: r.value)
def test_only_an_administrator_writes_national_institutions(role: Role) -> None:
    writes, _reads = EXPECTED[role]
    assert _writes(_user(role)) is writes
    if not writes:  # an existing row is not changed either
        services.institution_upsert(actor=user_with_role(Role.ADMIN), interface=Interface.WEB, code="LANX",
                                    data=DATA)
        with pytest.raises(PermissionDeniedError):
            services.institution_upsert(actor=_user(role), interface=Interface.WEB, code="LANX",
                                        data={**DATA, "name": "Diubah"})
        assert NationalInstitution.objects.get(code="LANX").name == DATA["name"]


@pytest.mark.parametrize("role", list(EXPECTED), ids=lambda r: r.value)
def test_national_institutions_are_read_by_the_roles_that_need_them(role: Role) -> None:
    services.institution_upsert(actor=user_with_role(Role.ADMIN), interface=Interface.WEB, code="LANX", data=DATA)
    _writes, reads = EXPECTED[role]
    listed = selectors.institution_list(viewer=_user(role)).filter(code="LANX").exists()
    assert listed is reads, f"{role} reads the national institutions: {listed}"
