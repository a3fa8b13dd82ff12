"""An operator's register export carries no live formula, whatever a name holds (issue 10 item 5)."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from simasn.accounts.roles import Role
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role
from simasn.testing.spreadsheets import ATTACK, all_values, formula_cells

pytestmark = pytest.mark.django_db


def test_the_employee_list_exports_a_formula_name_as_text() -> None:
    instansi = InstansiFactory()
    EmployeeFactory(instansi=instansi, name=ATTACK)
    client = Client()
    client.force_login(user_with_role(Role.OPERATOR, instansi=instansi))
    xlsx = client.get("/pegawai/?format=xlsx").content
    assert formula_cells(xlsx) == []
    assert ATTACK in all_values(xlsx)
    text = b"".join(client.get("/pegawai/?format=csv").streaming_content).decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert "'" + ATTACK in cells and ATTACK not in cells
