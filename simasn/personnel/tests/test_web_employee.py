"""The employee pages: masking, the audited reveal, own record, retirement from the law."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client

from simasn.accounts.roles import Role
from simasn.core.models import AuditEvent
from simasn.testing.factories import EmployeeFactory, PositionFactory, UnitFactory, user_with_role

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_list_and_export_mask_sensitive_data() -> None:
    employee = EmployeeFactory(nik="3273015705800001", religion="BUDDHA", home_address="Jl. Rahasia 9")
    client = _client(user_with_role(Role.OPERATOR, instansi=employee.instansi))
    page = client.get("/pegawai/").content.decode()
    assert employee.name in page and "3273015705800001" not in page
    export = b"".join(client.get("/pegawai/?format=csv").streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(export)))
    assert rows[0][0] == "NIP" and rows[1][0] == employee.nip
    assert "3273015705800001" not in export and "BUDDHA" not in export and "Rahasia" not in export
    assert "3273" in export  # the masked NIK keeps its region prefix
    assert AuditEvent.objects.filter(action="export").count() == 1


def test_detail_page_hides_sensitive_data_until_revealed() -> None:
    employee = EmployeeFactory(nik="3273015705800001", religion="HINDU")
    client = _client(user_with_role(Role.OPERATOR, instansi=employee.instansi))
    page = client.get(f"/pegawai/{employee.pk}/").content.decode()
    assert "3273015705800001" not in page and "Hindu" not in page
    revealed = client.post(f"/pegawai/{employee.pk}/data-pribadi/").content.decode()
    assert "3273015705800001" in revealed and "Hindu" in revealed
    assert AuditEvent.objects.filter(action="view_sensitive", subject_employee_id=employee.pk).exists()


def test_detail_shows_the_retirement_date_from_the_law() -> None:
    unit = UnitFactory()
    position = PositionFactory(unit=unit, kind="ADMINISTRATOR")
    employee = EmployeeFactory(instansi=unit.instansi, position=position, birth_date=dt.date(1967, 5, 10))
    page = _client(user_with_role(Role.PPK, instansi=unit.instansi)).get(f"/pegawai/{employee.pk}/").content.decode()
    assert "BUP 58 tahun" in page and "1 Juni 2025" in page and "Pasal 55" in page


def test_employee_sees_own_record_and_its_audit_history_but_no_one_else() -> None:
    employee = EmployeeFactory()
    colleague = EmployeeFactory(instansi=employee.instansi)
    user = user_with_role(Role.PEGAWAI, employee=employee)
    operator = user_with_role(Role.OPERATOR, instansi=employee.instansi)
    operator_client = _client(operator)
    operator_client.post(f"/pegawai/{employee.pk}/data-pribadi/")
    client = _client(user)
    assert client.get("/pegawai/saya/").status_code == 302
    own = client.get(f"/pegawai/{employee.pk}/").content.decode()
    assert employee.name in own and "Data pribadi dibuka" in own and operator.username in own
    assert client.get(f"/pegawai/{colleague.pk}/").status_code == 404
    assert colleague.name not in client.get("/pegawai/").content.decode()
