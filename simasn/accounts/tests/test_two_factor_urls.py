"""Every URL of the project, opened by a session that has passed only the password.

Walks the whole URL resolver (web pages, the admin, the API), builds a concrete URL for
each pattern and asserts that an unverified session of a role that needs the second
factor gets only the few allow-listed pages; everything else redirects it to
verification (or to first enrolment), and the API answers 401 in its error shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from django_otp.plugins.otp_totp.models import TOTPDevice

from simasn.accounts.middleware import UNVERIFIED_ALLOWED
from simasn.accounts.models import ApiToken
from simasn.accounts.roles import Role
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role

pytestmark = pytest.mark.django_db
PASSWORD = "rahasia-uji-123"

_SAMPLE = {"int": "1", "str": "x", "slug": "x", "path": "1",
           "uuid": "00000000-0000-0000-0000-000000000001"}


def _route(pattern: RoutePattern) -> str:
    converters = pattern.converters

    def fill(match: re.Match[str]) -> str:
        converter = converters[match.group("name")]
        kind = type(converter).__name__.removesuffix("Converter").lower()
        return _SAMPLE.get(kind, "1")

    return re.sub(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>", fill, str(pattern._route))


def _regex(pattern: RegexPattern) -> str:
    text = pattern._regex

    def group(match: re.Match[str]) -> str:
        body = match.group("body")
        if "|" in body:
            return body.split("|")[0]
        return "1"

    text = re.sub(r"\(\?P<\w+>(?P<body>[^)]*)\)", group, text)
    return text.replace("^", "").replace("$", "").replace(r"\Z", "").replace("\\", "")


def _piece(pattern: RoutePattern | RegexPattern) -> str:
    return _route(pattern) if isinstance(pattern, RoutePattern) else _regex(pattern)


def all_urls(resolver: URLResolver | None = None, prefix: str = "/",
             namespaces: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """(concrete URL, view name) for every pattern of the project."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        piece = prefix + _piece(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from all_urls(entry, piece, (*namespaces, entry.namespace) if entry.namespace else namespaces)
        elif isinstance(entry, URLPattern):
            yield piece, ":".join((*namespaces, str(entry.name)))


def _password_only_session(*, enrolled: bool) -> Client:
    user = user_with_role(Role.OPERATOR, instansi=InstansiFactory())
    if enrolled:
        TOTPDevice.objects.create(user=user, name="ponsel", confirmed=True)
    client = Client()
    client.post("/akun/masuk/", {"username": user.username, "password": PASSWORD})
    assert "_auth_user_id" in client.session
    return client


def test_the_walk_reaches_every_part_of_the_project() -> None:
    urls = [url for url, _name in all_urls()]
    assert len(urls) > 150
    for prefix in ("/admin/", "/api/v1/", "/akun/", "/pegawai/", "/sinkronisasi/", "/impor/", "/hukum/"):
        assert any(u.startswith(prefix) for u in urls), prefix
    assert "/api/v1/employees/1/sensitive-data" in urls
    assert "/akun/token-api/" in urls


@pytest.mark.parametrize("enrolled", [True, False], ids=["device", "no-device"])
@override_settings(SIMASN_REQUIRE_2FA=True)
def test_an_unverified_session_reaches_only_the_allow_listed_pages(enrolled: bool) -> None:
    EmployeeFactory()  # so that pk=1-style lookups have something to find or miss
    client = _password_only_session(enrolled=enrolled)
    target = "/akun/verifikasi/" if enrolled else "/akun/dua-langkah/"
    answered: set[str] = set()
    for url, name in all_urls():
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if url.startswith("/api/"):
                assert response.status_code in (401, 403), (method, url, response.status_code)
                assert response.json()["error"]["code"] in ("two_factor_required", "unauthenticated")
                continue
            if name in UNVERIFIED_ALLOWED:
                answered.add(name)
                continue
            assert response.status_code == 302, (method, url, response.status_code)
            assert response["Location"] == target, (method, url, response["Location"])
        # Logging out ends the session: start a new one for the rest of the walk.
        if name == "accounts:logout":
            client = _password_only_session(enrolled=enrolled)
    assert answered == set(UNVERIFIED_ALLOWED)
    assert not ApiToken.objects.exists()


@override_settings(SIMASN_REQUIRE_2FA=True)
def test_a_bearer_token_is_not_refused_because_of_an_unverified_session_cookie() -> None:
    from simasn.accounts.services import api_token_create
    from simasn.core.interfaces import Interface

    client = _password_only_session(enrolled=True)
    system = user_with_role(Role.BKN)
    _token, raw = api_token_create(actor=system, interface=Interface.WEB, name="SIASN")
    assert client.get("/api/v1/employees/").status_code == 401
    assert client.get("/api/v1/employees/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
