from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from simasn.accounts.roles import Role
from simasn.core.interfaces import Interface
from simasn.learning.services import learning_record_create
from simasn.testing.factories import EmployeeFactory, InstansiFactory, pppk, user_with_role


@pytest.fixture
def instansi() -> Any:
    return InstansiFactory()


@pytest.fixture
def operator(instansi: Any) -> Any:
    return user_with_role(Role.OPERATOR, instansi=instansi)


@pytest.fixture
def pns(instansi: Any) -> Any:
    return EmployeeFactory(instansi=instansi)


@pytest.fixture
def make_pppk(instansi: Any) -> Any:
    def make(**kwargs: Any) -> Any:
        return pppk(instansi=instansi, **kwargs)
    return make


def add(actor: Any, employee: Any, *, jp: str, on: dt.date, assigned: bool = True, form: str = "COACHING") -> Any:
    """A record of exactly `jp` JP ending on `on` (coaching: certified JP, no conversion)."""
    return learning_record_create(actor=actor, interface=Interface.API, employee_id=employee.pk, form=form,
                                  title="Kegiatan", start_date=on, end_date=on, jp=Decimal(jp),
                                  assigned=assigned, assignment_reference="ST-1" if assigned else "")
