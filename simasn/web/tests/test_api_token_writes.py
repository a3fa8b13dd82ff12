"""Systems write with a token; browsers write only with the CSRF token (issue 10 item 2).

Django's test Client skips CSRF checks unless told otherwise, which hid that every
token write was refused: these tests enforce CSRF, and one goes over real HTTP.
"""

from __future__ import annotations

from typing import Any

import pytest
import requests
from django.test import Client

from simasn.accounts.roles import Role
from simasn.accounts.services import api_token_create
from simasn.core.interfaces import Interface
from simasn.organization.models import Unit
from simasn.testing.factories import InstansiFactory, user_with_role

PASSWORD = "rahasia-uji-123"


def _operator_token() -> tuple[Any, str]:
    instansi = InstansiFactory()
    user = user_with_role(Role.OPERATOR, instansi=instansi)
    _token, raw = api_token_create(actor=user, interface=Interface.WEB, name="SIASN")
    return instansi, raw


@pytest.mark.django_db
def test_a_token_write_without_cookies_needs_no_csrf_token() -> None:
    instansi, raw = _operator_token()
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v1/units/", {"instansi": instansi.pk, "code": "BKPSDM", "name": "Bidang Mutasi"},
                           content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 201, response.content
    unit = Unit.objects.get(code="BKPSDM")
    patched = client.patch(f"/api/v1/units/{unit.pk}", {"name": "Bidang Mutasi dan Promosi"},
                           content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert patched.status_code == 200 and patched.json()["name"] == "Bidang Mutasi dan Promosi"


@pytest.mark.django_db
def test_a_session_write_without_the_csrf_token_is_refused_in_the_error_shape() -> None:
    instansi = InstansiFactory()
    user = user_with_role(Role.OPERATOR, instansi=instansi)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post("/api/v1/units/", {"instansi": instansi.pk, "code": "X1", "name": "Bagian"},
                           content_type="application/json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "csrf_failed"
    assert not Unit.objects.filter(code="X1").exists()
    # The same write with the CSRF token (as htmx sends it) goes through.
    client.get("/organisasi/unit/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    ok = client.post("/api/v1/units/", {"instansi": instansi.pk, "code": "X1", "name": "Bagian"},
                     content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert ok.status_code == 201, ok.content


@pytest.mark.django_db
def test_a_wrong_token_is_401_not_a_csrf_refusal() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v1/units/", {"instansi": 1, "code": "X", "name": "X"},
                           content_type="application/json", HTTP_AUTHORIZATION="Bearer sim_wrong")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


@pytest.mark.django_db(transaction=True)
def test_a_token_write_over_real_http(live_server: Any) -> None:
    instansi, raw = _operator_token()
    with requests.Session() as http:
        response = http.post(f"{live_server.url}/api/v1/units/",
                             json={"instansi": instansi.pk, "code": "HTTP1", "name": "Bidang Data"},
                             headers={"Authorization": f"Bearer {raw}"}, timeout=30)
        assert response.status_code == 201, response.text
        assert response.json()["code"] == "HTTP1"
        assert http.cookies.get_dict() == {}  # nothing session-like was needed or set
        # Without the token, the same request is a 401 in the error shape.
        anonymous = http.post(f"{live_server.url}/api/v1/units/",
                              json={"instansi": instansi.pk, "code": "HTTP2", "name": "Bidang"}, timeout=30)
        assert anonymous.status_code == 401 and anonymous.json()["error"]["code"] == "unauthenticated"
    assert list(Unit.objects.filter(code__startswith="HTTP").values_list("code", flat=True)) == ["HTTP1"]
