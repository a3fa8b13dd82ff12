"""The second factor cannot be bypassed (issue 10 item 1), and its events are audited."""

from __future__ import annotations

import base64
import re

import pytest
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from simasn.accounts.models import ApiToken, User
from simasn.accounts.roles import Role
from simasn.accounts.two_factor import two_factor_reset
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role

pytestmark = pytest.mark.django_db
PASSWORD = "rahasia-uji-123"


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _enrolled_operator() -> tuple[User, TOTPDevice]:
    user = user_with_role(Role.OPERATOR, instansi=InstansiFactory())
    return user, TOTPDevice.objects.create(user=user, name="ponsel", confirmed=True)


def _login(user: User) -> Client:
    client = Client()
    response = client.post("/akun/masuk/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def _verified(user: User, device: TOTPDevice) -> Client:
    client = _login(user)
    assert client.post("/akun/verifikasi/", {"token": _code(device)}).status_code == 302
    return client


@override_settings(SIMASN_REQUIRE_2FA=True)
def test_a_password_alone_cannot_enrol_a_new_device_for_an_enrolled_user() -> None:
    user, device = _enrolled_operator()
    client = _login(user)
    response = client.get("/akun/dua-langkah/")
    assert response.status_code == 302 and response["Location"] == "/akun/verifikasi/"
    attempt = client.post("/akun/dua-langkah/", {"token": "123456"})
    assert attempt["Location"] == "/akun/verifikasi/"
    assert list(TOTPDevice.objects.filter(user=user)) == [device]  # no fresh secret handed out
    assert AuditEvent.objects.filter(action="2fa_refused", actor=user).count() == 2
    assert client.get("/pegawai/")["Location"] == "/akun/verifikasi/"


@override_settings(SIMASN_REQUIRE_2FA=False)
def test_the_enrolment_page_refuses_an_unverified_session_even_when_2fa_is_optional() -> None:
    user, _device = _enrolled_operator()
    client = _login(user)  # the log-in asks for the code anyway: the user has a device
    assert client.get("/akun/dua-langkah/")["Location"] == "/akun/verifikasi/"
    assert TOTPDevice.objects.filter(user=user).count() == 1


@override_settings(SIMASN_REQUIRE_2FA=True)
def test_a_verified_session_replaces_its_device_with_a_code_from_the_new_one() -> None:
    user, old = _enrolled_operator()
    client = _verified(user, old)
    page = client.get("/akun/dua-langkah/")
    assert page.status_code == 200
    new = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post("/akun/dua-langkah/", {"token": "000000"}).status_code == 200
    assert client.post("/akun/dua-langkah/", {"token": _code(new)}).status_code == 302
    assert list(TOTPDevice.objects.filter(user=user).values_list("pk", "confirmed")) == [(new.pk, True)]
    event = AuditEvent.objects.get(action="2fa_enrolled", actor=user)
    assert event.extra == {"replaced_devices": 1}
    assert AuditEvent.objects.filter(action="2fa_failed", actor=user).count() == 1


@override_settings(SIMASN_REQUIRE_2FA=True)
def test_the_manual_key_is_base32_as_authenticator_apps_take_it() -> None:
    user = user_with_role(Role.BKN)
    client = _login(user)
    html = client.get("/akun/dua-langkah/").content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    key = re.search(r"<code>([^<]+)</code>", html)
    assert key is not None
    assert re.fullmatch(r"[A-Z2-7]+", key.group(1))
    padded = key.group(1) + "=" * (-len(key.group(1)) % 8)
    assert base64.b32decode(padded) == device.bin_key
    assert device.key not in html  # never the hex form


@override_settings(SIMASN_REQUIRE_2FA=True)
def test_wrong_codes_at_log_in_are_audited() -> None:
    user, _device = _enrolled_operator()
    client = _login(user)
    response = client.post("/akun/verifikasi/", {"token": "000000"})
    assert "Kode verifikasi salah" in response.content.decode()
    assert AuditEvent.objects.filter(action="2fa_failed", actor=user).count() == 1


@override_settings(SIMASN_REQUIRE_2FA=True)
def test_an_unverified_session_cannot_create_a_token_nor_read_sensitive_data() -> None:
    user, _device = _enrolled_operator()
    employee = EmployeeFactory(instansi=user.instansi)
    client = _login(user)
    assert client.get("/akun/token-api/")["Location"] == "/akun/verifikasi/"
    client.post("/akun/token-api/", {"name": "curi", "password": PASSWORD})
    assert not ApiToken.objects.exists()
    response = client.get(f"/api/v1/employees/{employee.pk}/sensitive-data")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "two_factor_required"


@override_settings(SIMASN_REQUIRE_2FA=True)
def test_creating_a_token_needs_the_password_again() -> None:
    user, device = _enrolled_operator()
    client = _verified(user, device)
    wrong = client.post("/akun/token-api/", {"name": "SIASN", "password": "salah"})
    assert wrong.status_code == 200 and "Kata sandi salah" in wrong.content.decode()
    assert not ApiToken.objects.exists()
    created = client.post("/akun/token-api/", {"name": "SIASN", "password": PASSWORD})
    assert created.status_code == 200
    token = ApiToken.objects.get(user=user)
    raw = re.search(r"<code>(sim_[^<]+)</code>", created.content.decode())
    assert raw is not None and token.prefix == raw.group(1)[:8]
    assert AuditEvent.objects.filter(action="token_created", actor=user).count() == 1


@override_settings(SIMASN_REQUIRE_2FA=False)
def test_a_user_with_a_device_must_verify_before_handling_tokens_even_when_2fa_is_optional() -> None:
    user = user_with_role(Role.PEGAWAI, employee=EmployeeFactory())
    TOTPDevice.objects.create(user=user, name="ponsel", confirmed=True)
    client = _login(user)
    client.post("/akun/token-api/", {"name": "x", "password": PASSWORD})
    assert not ApiToken.objects.exists()


def test_a_token_is_revoked_from_the_web_page_and_refused_at_once() -> None:
    user = user_with_role(Role.BKN)
    client = _login(user)
    client.post("/akun/token-api/", {"name": "SIASN", "password": PASSWORD})
    token = ApiToken.objects.get(user=user)
    page = client.get("/akun/token-api/").content.decode()
    assert f"/akun/token-api/{token.pk}/cabut/" in page
    assert client.get(f"/akun/token-api/{token.pk}/cabut/").status_code == 405  # POST only
    response = client.post(f"/akun/token-api/{token.pk}/cabut/", follow=True)
    assert "dicabut" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    event = AuditEvent.objects.get(action="token_revoked")
    assert event.actor == user and event.extra == {"prefix": token.prefix}


def test_nobody_revokes_another_users_token_from_the_web() -> None:
    owner = user_with_role(Role.BKN)
    _login(owner).post("/akun/token-api/", {"name": "SIASN", "password": PASSWORD})
    token = ApiToken.objects.get(user=owner)
    other = _login(user_with_role(Role.BKN))
    assert other.post(f"/akun/token-api/{token.pk}/cabut/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_an_administrator_resets_a_lost_device_with_a_reason() -> None:
    user, _device = _enrolled_operator()
    admin = user_with_role(Role.ADMIN)
    with pytest.raises(ApplicationError):
        two_factor_reset(actor=admin, interface=Interface.ADMIN, user=user, reason=" ")
    assert two_factor_reset(actor=admin, interface=Interface.ADMIN, user=user,
                            reason="Ponsel hilang; identitas diperiksa tatap muka") == 1
    assert not TOTPDevice.objects.filter(user=user).exists()
    event = AuditEvent.objects.get(action="2fa_reset")
    assert event.actor == admin and "Ponsel hilang" in event.reason
    assert event.instansi_id == user.instansi_id


def test_only_an_administrator_resets_a_device() -> None:
    user, _device = _enrolled_operator()
    colleague = user_with_role(Role.OPERATOR, instansi=user.instansi)
    with pytest.raises(PermissionDeniedError):
        two_factor_reset(actor=colleague, interface=Interface.WEB, user=user, reason="hilang")
    assert TOTPDevice.objects.filter(user=user).count() == 1


@override_settings(SIMASN_REQUIRE_2FA=True)
def test_the_reset_is_an_admin_action_asking_for_a_reason() -> None:
    user, _device = _enrolled_operator()
    admin = user_with_role(Role.ADMIN)
    admin_device = TOTPDevice.objects.create(user=admin, name="ponsel", confirmed=True)
    client = _verified(admin, admin_device)
    data = {"action": "reset_two_factor", "_selected_action": [user.pk]}
    form = client.post("/admin/accounts/user/", data)
    assert form.status_code == 200 and "Alasan" in form.content.decode()
    assert TOTPDevice.objects.filter(user=user).exists()
    done = client.post("/admin/accounts/user/", {**data, "reason": "Ponsel hilang"})
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert AuditEvent.objects.filter(action="2fa_reset", actor=admin, interface="admin").exists()
    # The user enrols again at the next log-in.
    assert _login(user).get("/pegawai/")["Location"] == "/akun/dua-langkah/"
