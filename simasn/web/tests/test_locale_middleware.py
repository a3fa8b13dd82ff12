"""The chosen language lives only as long as its request (found earlier: a request without a
chosen language could be answered in the previous request's language), and a streamed
export is written in the language of the request that asked for it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.test import Client, RequestFactory
from django.utils import translation
from django.utils.translation import gettext

from simasn.accounts.roles import Role
from simasn.testing.factories import EmployeeFactory, user_with_role
from simasn.web.locale_middleware import ChosenLanguageMiddleware


def _answer(_request: HttpRequest) -> HttpResponse:
    return HttpResponse(translation.get_language())


def test_the_language_is_restored_after_each_request() -> None:
    middleware = ChosenLanguageMiddleware(_answer)
    factory = RequestFactory()
    english = factory.get("/")
    english.COOKIES[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("id"):
        assert middleware(english).content == b"en"
        assert translation.get_language() == "id"  # not left at "en" for the thread's next work
        assert middleware(factory.get("/")).content == b"id"


def test_a_request_after_an_english_one_on_the_same_thread_is_indonesian() -> None:
    translation.deactivate()
    middleware = ChosenLanguageMiddleware(_answer)
    factory = RequestFactory()
    english = factory.get("/")
    english.COOKIES[settings.LANGUAGE_COOKIE_NAME] = "en"
    middleware(english)
    assert translation.get_language() == settings.LANGUAGE_CODE


def test_a_streamed_response_is_written_in_the_requests_language() -> None:
    # The generator runs only when the server iterates it, after the middleware returned.
    def lazy_stream(_request: HttpRequest) -> StreamingHttpResponse:
        return StreamingHttpResponse(gettext("Pegawai ASN") for _ in range(2))

    request = RequestFactory().get("/")
    request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = ChosenLanguageMiddleware(lazy_stream)(request)
    with translation.override("id"):
        body = b"".join(response.streaming_content).decode()
    assert body.startswith("Civil servant")  # translated while streaming, not in the thread's language


@pytest.mark.django_db
def test_an_english_csv_export_has_english_headers() -> None:
    employee = EmployeeFactory()
    client = Client()
    client.force_login(user_with_role(Role.OPERATOR, instansi=employee.instansi))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("id"):
        body = b"".join(client.get("/pegawai/?format=csv").streaming_content).decode("utf-8-sig")
    header = body.splitlines()[0]
    assert "Name" in header and "Nama" not in header


@pytest.mark.django_db
def test_every_page_names_a_favicon_and_the_ico_path_answers() -> None:
    client = Client()
    page = client.get("/akun/masuk/", follow=True).content.decode()
    assert 'rel="icon"' in page and "favicon.svg" in page
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("simasn/favicon.svg")
