"""Issue 12 item 14: a failed login says so in plain Indonesian (Django's catalogue read
"Masukkan nama pengguna nama pengguna ...")."""

from __future__ import annotations

import pytest
from django.test import Client

from simasn.accounts.roles import Role
from simasn.testing.factories import user_with_role

pytestmark = pytest.mark.django_db


def test_a_wrong_password_is_refused_in_plain_indonesian() -> None:
    user = user_with_role(Role.OPERATOR)
    page = Client().post("/akun/masuk/", {"username": user.username, "password": "salah-sekali"}).content.decode()
    assert "Nama pengguna atau kata sandi salah" in page
    assert "nama pengguna nama pengguna" not in page.lower()
