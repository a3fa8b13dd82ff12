"""API plumbing shared by every app: auth, the one error shape, pagination."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser
from ninja.security import APIKeyHeader, SessionAuth
from ninja.utils import check_csrf

from simasn.accounts import tokens
from simasn.accounts.middleware import needs_verification
from simasn.core.errors import ApplicationError, NotFoundError


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, list[str]]
    details: dict[str, Any]


class ErrorOut(Schema):
    """Every 4xx response of the API has this shape."""

    error: ErrorBody


class ObjectBodyParser(Parser):
    """Request bodies are JSON objects; anything else is refused, not silently ignored."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise ValueError("the request body must be a JSON object")
        return data


class TokenAuth(APIKeyHeader):
    """`Authorization: Bearer sim_...` for systems calling the API.

    Tried first, and needs no CSRF token: a browser never sends this header on its own,
    so a cross-site request cannot carry it.
    """

    param_name = "Authorization"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if not key or not key.startswith("Bearer "):
            return None
        # Valid tokens are cached in the shared cache (simasn/accounts/tokens.py);
        # revocation and deactivation drop them for every process.
        user = tokens.authenticate(key.removeprefix("Bearer ").strip())
        if user is None:
            return None
        request.user = user
        return user


class VerifiedSessionAuth(SessionAuth):
    """Browser session auth that honours the second factor, as the web pages do.

    Only a request that carries the session cookie is checked for CSRF; one without it
    is simply not authenticated by the session (so a token-only caller never meets a
    CSRF refusal), and a session write without the CSRF token is refused with 403.
    """

    def _get_key(self, request: HttpRequest) -> str | None:
        if self.param_name not in request.COOKIES:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise ApplicationError(
                _("Permintaan dengan sesi peramban memerlukan token CSRF."),
                code="csrf_failed", status=403,
            )
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if key is None:
            return None
        user = super().authenticate(request, key)
        if user is not None and needs_verification(request):
            return None
        return user


AUTH = [TokenAuth(), VerifiedSessionAuth()]


def _error(api: NinjaAPI, request: HttpRequest, err: ApplicationError) -> HttpResponse:
    return api.create_response(request, err.as_dict(), status=err.status)


def _field_name(loc: list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "form", "payload")]
    return ".".join(parts) or "__all__"


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ApplicationError)
    def application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
        return _error(api, request, exc)

    @api.exception_handler(NinjaValidationError)
    def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        fields: dict[str, list[str]] = {}
        for item in exc.errors:
            fields.setdefault(_field_name(list(item.get("loc", []))), []).append(str(item.get("msg")))
        return _error(
            api, request,
            ApplicationError(_("Data yang dikirim tidak valid."), code="validation", fields=fields),
        )

    @api.exception_handler(ValidationError)
    def django_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        fields = {k: [str(m) for m in v] for k, v in getattr(exc, "message_dict", {}).items()}
        message = "; ".join(str(m) for m in exc.messages)
        return _error(api, request, ApplicationError(message, code="validation", fields=fields))

    @api.exception_handler(AuthenticationError)
    def auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return _error(
            api, request,
            ApplicationError(_("Autentikasi diperlukan."), code="unauthenticated", status=401),
        )

    @api.exception_handler(PermissionDenied)
    def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return _error(
            api, request,
            ApplicationError(_("Anda tidak berwenang."), code="forbidden", status=403),
        )

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return _error(api, request, NotFoundError(_("Data tidak ditemukan.")))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
            return _error(api, request, ApplicationError(
                _("Isi permintaan harus berupa objek JSON yang sah."), code="malformed_body"))
        return _error(api, request, ApplicationError(str(exc), code="http", status=exc.status_code))


class PageMeta(Schema):
    page: int
    page_size: int
    total: int
    pages: int


def paginate(queryset: Any, *, page: int, page_size: int, max_page_size: int = 200) -> tuple[list, PageMeta]:
    """Offset pagination with an exact total (lists are always filtered by scope first)."""
    page_size = max(1, min(page_size, max_page_size))
    page = max(1, page)
    total = queryset.count()
    items = list(queryset[(page - 1) * page_size : page * page_size])
    pages = max(1, -(-total // page_size))
    return items, PageMeta(page=page, page_size=page_size, total=total, pages=pages)
