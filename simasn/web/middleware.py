"""Business refusals in web views become a friendly page, never a 500; NUL characters in
the query string are refused before any view runs."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from simasn.core.errors import ApplicationError


class ApplicationErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, ApplicationError) and not request.path.startswith("/api/"):
            return render(request, "web/error.html", {"error": exception}, status=exception.status)
        return None


class RefuseNulCharactersMiddleware:
    """A NUL character in the query string is refused with 400 before any view runs.

    PostgreSQL cannot store or compare text containing NUL, so such a search term turned
    into a server error (issue 10 item 4); nothing legitimate sends one. JSON bodies are
    checked by the API's parser, form fields by Django's own validator.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.GET
        if any("\x00" in key or any("\x00" in v for v in query.getlist(key)) for key in query):
            error = ApplicationError(_("Data tidak boleh memuat karakter NUL."), code="nul_character")
            if request.path.startswith("/api/"):
                return JsonResponse(error.as_dict(), status=400)
            return render(request, "web/error.html", {"error": error}, status=400)
        return self.get_response(request)
