"""factory_boy factories for the registry, shared by every app's tests.

Objects are plain model rows (fast); tests that exercise a write path call the real
services. `user_with_role` makes a user with exactly the role and scope a test needs.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import factory

from simasn.accounts.models import User
from simasn.accounts.roles import STAFF_ROLES, Role
from simasn.law.enums import EmployeeType, InstansiKind, PositionKind
from simasn.organization.models import Instansi, NationalInstitution, Official, Unit
from simasn.personnel.models import Employee
from simasn.positions.models import Position
from simasn.testing.nip import pns_nip, pppk_nip

_sequence = itertools.count(1)


class InstansiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instansi

    code = factory.Sequence(lambda n: f"I{n:04d}")
    name = factory.Sequence(lambda n: f"Pemerintah Kabupaten Uji {n}")
    kind = InstansiKind.KABUPATEN.value


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    instansi = factory.SubFactory(InstansiFactory)
    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"Bagian Uji {n}")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    unit = factory.SubFactory(UnitFactory)
    instansi = factory.SelfAttribute("unit.instansi")
    code = factory.Sequence(lambda n: f"J{n:05d}")
    name = factory.Sequence(lambda n: f"Analis Uji {n}")
    kind = PositionKind.PELAKSANA.value
    open_to_pppk = True


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    instansi = factory.SubFactory(InstansiFactory)
    role = "PPK"
    person_name = "Dr. H. Ahmad Fauzi, M.Si."
    title = "Bupati"
    valid_from = dt.date(2021, 2, 26)


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NationalInstitution
        django_get_or_create = ("code",)

    code = "BKN"
    name = "Badan Kepegawaian Negara"
    short_name = "BKN"
    valid_from = dt.date(1948, 5, 30)
    is_sync_participant = True


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    class Params:
        seq = factory.LazyFunction(lambda: next(_sequence))

    instansi = factory.SubFactory(InstansiFactory)
    unit = None
    position = None
    employee_type = EmployeeType.PNS.value
    name = factory.Sequence(lambda n: f"Siti Aminah {n}")
    birth_date = dt.date(1980, 5, 17)
    birth_place = "Bandung"
    sex = "P"
    nik = "3273015705800001"
    religion = "ISLAM"
    marital_status = "KAWIN"
    home_address = "Jl. Merdeka No. 1, Bandung"
    rank = "III/a"
    tmt_cpns = dt.date(2005, 3, 1)
    tmt_pns = dt.date(2006, 3, 1)
    contract_start = None

    @factory.lazy_attribute
    def nip(self: Any) -> str:  # `self` is factory-boy's resolver of the declared attributes
        if self.employee_type == EmployeeType.PPPK.value:
            return pppk_nip(self.birth_date, self.contract_start, self.sex, self.seq)
        return pns_nip(self.birth_date, self.tmt_cpns, self.sex, self.seq)


def pppk(**kwargs: Any) -> Any:
    defaults: dict[str, Any] = {
        "employee_type": EmployeeType.PPPK.value, "tmt_cpns": None, "tmt_pns": None,
        "contract_start": dt.date(2022, 4, 1), "contract_end": dt.date(2027, 3, 31), "rank": "IX",
    }
    return EmployeeFactory(**{**defaults, **kwargs})


def user_with_role(
    role: Role | str,
    *,
    instansi: Instansi | None = None,
    employee: Employee | None = None,
    institution: NationalInstitution | None = None,
    username: str | None = None,
) -> User:
    user = User.objects.create_user(
        username=username or f"{str(role).lower()}_{next(_sequence)}",
        password="rahasia-uji-123",
        role=str(role),
        instansi=instansi or (employee.instansi if employee else None),
        employee=employee,
        institution=institution,
        is_staff=str(role) in STAFF_ROLES,
        is_superuser=str(role) == Role.ADMIN,
    )
    return user
