"""Issue 12 items 2 and 3: the register refuses invalid data in the form, the API and the
import alike, reporting every problem of a submission at once; the edit form never shows
the full NIK, which is edited in its own audited step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.test import Client

from simasn.accounts import tokens
from simasn.accounts.roles import Role
from simasn.accounts.services import api_token_create
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.personnel.masking import mask_nik
from simasn.personnel.models import Employee
from simasn.personnel.phone import phone_valid
from simasn.testing.factories import EmployeeFactory, user_with_role

pytestmark = pytest.mark.django_db

GOOD_NIK = "3273015705800001"  # Kota Bandung, woman born 17-05-1980 (the factory's record)


@pytest.fixture(autouse=True)
def _empty_token_cache() -> Iterator[None]:
    tokens.clear()
    yield
    tokens.clear()


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _form_data(employee: Employee, **over: str) -> dict[str, str]:
    data = {
        "instansi": str(employee.instansi_id), "employee_type": employee.employee_type, "nip": employee.nip,
        "name": employee.name, "birth_date": employee.birth_date.isoformat(), "sex": employee.sex,
        "religion": employee.religion, "marital_status": employee.marital_status, "rank": employee.rank,
        "tmt_cpns": employee.tmt_cpns.isoformat(), "tmt_pns": employee.tmt_pns.isoformat(),
        "birth_place": employee.birth_place, "email": "", "phone": "",
    }
    data.update(over)
    return data


def test_the_walk_through_edit_is_refused_with_every_problem_at_once() -> None:
    """TMT PNS before TMT CPNS and phone 'nomor saya' were saved ('Data pegawai disimpan')."""
    employee = EmployeeFactory()
    client = _client(user_with_role(Role.OPERATOR, instansi=employee.instansi))
    response = client.post(f"/pegawai/{employee.pk}/ubah/",
                           _form_data(employee, tmt_pns="2004-01-01", phone="nomor saya", email="bukan-email"))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) >= {"tmt_pns", "phone", "email"}  # the form's own error and the law's together
    assert "TMT PNS" in errors["tmt_pns"][0] and "sebelum TMT CPNS" in errors["tmt_pns"][0]
    employee.refresh_from_db()
    assert employee.tmt_pns == dt.date(2006, 3, 1) and employee.phone == ""


def test_a_malformed_nik_is_refused_in_the_form_with_the_laws_reason() -> None:
    employee = EmployeeFactory()
    user = user_with_role(Role.OPERATOR, instansi=employee.instansi)
    client = _client(user)
    client.post(f"/pegawai/{employee.pk}/ubah-data-pribadi/", {"open": "1"})
    response = client.post(f"/pegawai/{employee.pk}/ubah-data-pribadi/",
                           {"nik": "12345", "religion": "ISLAM", "marital_status": "KAWIN"})
    assert response.status_code == 400
    assert "16 angka" in " ".join(response.context["form"].errors["nik"])
    employee.refresh_from_db()
    assert employee.nik == GOOD_NIK


def test_a_nik_whose_birth_date_differs_needs_the_operators_check() -> None:
    employee = EmployeeFactory()
    client = _client(user_with_role(Role.OPERATOR, instansi=employee.instansi))
    other_day = "3273015805800001"  # day 18, the record says 17
    data = {"nik": other_day, "religion": "ISLAM", "marital_status": "KAWIN"}
    refused = client.post(f"/pegawai/{employee.pk}/ubah-data-pribadi/", data)
    assert refused.status_code == 400 and "berbeda dengan data" in " ".join(refused.context["form"].errors["nik"])
    accepted = client.post(f"/pegawai/{employee.pk}/ubah-data-pribadi/", {**data, "nik_checked": "on"})
    assert accepted.status_code == 302
    employee.refresh_from_db()
    assert employee.nik == other_day


def test_the_edit_form_shows_no_full_nik_and_the_sensitive_step_is_audited() -> None:
    employee = EmployeeFactory()
    client = _client(user_with_role(Role.OPERATOR, instansi=employee.instansi))
    edit = client.get(f"/pegawai/{employee.pk}/ubah/").content.decode()
    assert GOOD_NIK not in edit and 'name="nik"' not in edit and 'name="religion"' not in edit
    before = AuditEvent.objects.filter(action="view_sensitive").count()
    gate = client.get(f"/pegawai/{employee.pk}/ubah-data-pribadi/").content.decode()
    assert GOOD_NIK not in gate and mask_nik(GOOD_NIK) in gate
    assert AuditEvent.objects.filter(action="view_sensitive").count() == before
    opened = client.post(f"/pegawai/{employee.pk}/ubah-data-pribadi/", {"open": "1"}).content.decode()
    assert GOOD_NIK in opened
    assert AuditEvent.objects.filter(action="view_sensitive").count() == before + 1


def test_a_role_that_may_not_reveal_cannot_open_the_sensitive_edit() -> None:
    employee = EmployeeFactory()
    client = _client(user_with_role(Role.PYB, instansi=employee.instansi))
    assert client.post(f"/pegawai/{employee.pk}/ubah-data-pribadi/", {"open": "1"}).status_code in (403, 404)


def test_the_api_refuses_the_same_data_with_every_field_in_the_error_shape() -> None:
    employee = EmployeeFactory()
    user = user_with_role(Role.OPERATOR, instansi=employee.instansi)
    _token, raw = api_token_create(actor=user, interface=Interface.WEB, name="SIASN")
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")
    response = client.patch(f"/api/v1/employees/{employee.pk}", {
        "nik": "9973015705800001", "tmt_pns": "2004-01-01", "phone": "nomor saya"}, content_type="application/json")
    assert response.status_code in (400, 422)
    fields = response.json()["error"]["fields"]
    assert {"nik", "tmt_pns", "phone"} <= set(fields)
    employee.refresh_from_db()
    assert employee.nik == GOOD_NIK


def test_a_short_nik_is_masked_whole_never_as_an_invented_number() -> None:
    assert mask_nik("12345") == "•••••"
    assert mask_nik(GOOD_NIK) == "3273••••••••••01"


@pytest.mark.parametrize(("text", "valid"), [
    ("0812-3456-7890", True), ("+62 812 3456 7890", True), ("(022) 4230 111", True), ("+31 20 123 4567", True),
    ("nomor saya", False), ("0812", False), ("08123456789012345", False), ("", False),
])
def test_phone_numbers(text: str, valid: bool) -> None:
    assert phone_valid(text) is valid
