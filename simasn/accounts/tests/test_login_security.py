"""Log-in lockout (django-axes) and two-factor login (TOTP) for the roles that need it."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from simasn.accounts.roles import Role
from simasn.core.models import AuditEvent
from simasn.testing.factories import InstansiFactory, user_with_role

pytestmark = pytest.mark.django_db
PASSWORD = "rahasia-uji-123"


def _login(client: Client, username: str, password: str):
    return client.post("/akun/masuk/", {"username": username, "password": password})


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_five_failures_lock_the_account_even_with_the_right_password() -> None:
    user = user_with_role(Role.OPERATOR, instansi=InstansiFactory())
    client = Client()
    for _ in range(4):
        assert _login(client, user.username, "salah").status_code == 200
    assert _login(client, user.username, "salah").status_code == 429  # the fifth failure locks
    locked = _login(client, user.username, PASSWORD)
    assert locked.status_code == 429 and "dikunci" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="login_failed").count() >= 5


def test_a_correct_login_is_audited() -> None:
    user = user_with_role(Role.PPK, instansi=InstansiFactory())
    response = _login(Client(), user.username, PASSWORD)
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="login", actor=user).exists()


@override_settings(SIMASN_REQUIRE_2FA=True)
def test_operator_must_enrol_a_second_factor_before_using_the_system() -> None:
    user = user_with_role(Role.OPERATOR, instansi=InstansiFactory())
    client = Client()
    _login(client, user.username, PASSWORD)
    assert client.get("/pegawai/").url == "/akun/dua-langkah/"
    # The session API is closed too until the second factor is verified.
    assert client.get("/api/v1/employees/").status_code == 401
    setup = client.get("/akun/dua-langkah/")
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post("/akun/dua-langkah/", {"token": "000000"}).status_code == 200
    response = client.post("/akun/dua-langkah/", {"token": _code(device)})
    assert response.status_code == 302
    assert client.get("/pegawai/").status_code == 200
    assert client.get("/api/v1/employees/").status_code == 200
    assert AuditEvent.objects.filter(action="2fa_enrolled", actor=user).exists()


@override_settings(SIMASN_REQUIRE_2FA=True)
def test_enrolled_user_is_asked_for_the_code_at_every_login() -> None:
    user = user_with_role(Role.BKN)
    device = TOTPDevice.objects.create(user=user, name="ponsel", confirmed=True)
    client = Client()
    assert _login(client, user.username, PASSWORD).url == "/akun/verifikasi/"
    assert client.get("/").url == "/akun/verifikasi/"
    wrong = client.post("/akun/verifikasi/", {"token": "123456"})
    assert "Kode verifikasi salah" in wrong.content.decode()
    assert client.post("/akun/verifikasi/", {"token": _code(device)}).status_code == 302
    assert client.get("/").status_code == 200


@override_settings(SIMASN_REQUIRE_2FA=True)
def test_employees_log_in_with_a_password_only() -> None:
    from simasn.testing.factories import EmployeeFactory

    employee = EmployeeFactory()
    user = user_with_role(Role.PEGAWAI, employee=employee)
    client = Client()
    _login(client, user.username, PASSWORD)
    assert client.get("/pegawai/saya/").status_code == 302
    assert client.get(f"/pegawai/{employee.pk}/").status_code == 200
