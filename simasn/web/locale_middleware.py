"""Indonesian by default; English only when the user chooses it.

Django's LocaleMiddleware follows the browser's Accept-Language, so a civil servant
on an English-language browser would get an English UI. SIMASN is an Indonesian
government system: it speaks Indonesian until the user picks another language with
the switcher (stored in the language cookie by Django's set_language view).

The language is active only while this request is answered: it is restored when the
response leaves (the thread serves the next request, a task or a test afterwards, and
must not inherit it), and re-activated around each chunk of a streamed response (a CSV
export is written after the view has returned).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import translation


def _in_language(content: Iterable[bytes], language: str) -> Iterator[bytes]:
    chunks = iter(content)
    while True:
        with translation.override(language):
            try:
                chunk = next(chunks)
            except StopIteration:
                return
        yield chunk


class ChosenLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        with translation.override(language):
            response = self.get_response(request)
        if (isinstance(response, StreamingHttpResponse) and not isinstance(response, FileResponse)
                and not response.is_async):
            response.streaming_content = _in_language(response.streaming_content, language)  # type: ignore[arg-type]
        response.headers.setdefault("Content-Language", language)
        return response
