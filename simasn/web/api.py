"""API plumbing shared by every app: auth, the one error shape, pagination."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import bad_request, page_not_found, server_error
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser
from ninja.security import APIKeyHeader, SessionAuth
from ninja.utils import check_csrf

from simasn.accounts import tokens
from simasn.accounts.middleware import needs_verification
from simasn.core.errors import ApplicationError, NotFoundError
from simasn.law.parameters import ParameterGapError


class DecisionOut(Schema):
    """A decision of the law package, as the API answers it (POST /law/evaluate, an
    employee's retirement, any endpoint that returns a rule's answer)."""

    rule: str
    on: dt.date
    outcome: dict[str, Any]
    citations: list[str]
    explanation_id: str
    explanation_en: str
    needs_legal_review: bool
    review_reason: str | None
    parameters_used: list[dict[str, Any]]


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, list[str]]
    details: dict[str, Any]


class ErrorOut(Schema):
    """Every 4xx response of the API has this shape."""

    error: ErrorBody


JSON_TYPES = ("application/json",)


def _has_nul(value: Any) -> bool:
    """A NUL character anywhere in a text, key or nested value (PostgreSQL refuses it
    in text columns; nothing legitimate sends one)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def _nul_refused() -> ApplicationError:
    return ApplicationError(_("Data tidak boleh memuat karakter NUL."), code="nul_character")


class ObjectBodyParser(Parser):
    """Request bodies are JSON objects sent as application/json; anything else is refused
    (415 for another content type), not silently parsed or ignored. No NUL characters."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        content_type = (request.content_type or "").lower()
        if content_type not in JSON_TYPES and not content_type.endswith("+json"):
            raise ApplicationError(
                _("Isi permintaan harus dikirim sebagai application/json."),
                code="unsupported_media_type", status=415,
                details={"content_type": content_type},
            )
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise ValueError("the request body must be a JSON object")
        if _has_nul(data):
            raise _nul_refused()
        return data

    def parse_querydict(self, data: Any, list_fields: list[str], request: HttpRequest) -> dict[str, Any]:
        parsed = super().parse_querydict(data, list_fields, request)
        if _has_nul(parsed) or any(_has_nul(k) for k in parsed):
            raise _nul_refused()
        return parsed


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

    @api.exception_handler(ParameterGapError)
    def law_not_in_force(request: HttpRequest, exc: ParameterGapError) -> HttpResponse:
        return _error(api, request, ApplicationError(
            _("Hukum belum berlaku pada tanggal itu."), code="law_not_in_force",
            details={"reason": str(exc)}))

    @api.exception_handler(RequestDataTooBig)
    def too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return _error(api, request, ApplicationError(
            _("Isi permintaan terlalu besar."), code="payload_too_large", status=413,
            details={"max_bytes": settings.DATA_UPLOAD_MAX_MEMORY_SIZE}))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc.__cause__, ApplicationError):  # refused by ObjectBodyParser
            return _error(api, request, exc.__cause__)
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
    """Offset pagination with an exact total (lists are always filtered by scope first).

    A page past the last one is empty without asking the database: an offset of
    10**20 rows is no error of the caller's worth a query (nor a 'bigint out of range')."""
    page_size = max(1, min(page_size, max_page_size))
    page = max(1, page)
    total = queryset.count()
    offset = (page - 1) * page_size
    items = list(queryset[offset : offset + page_size]) if offset < total else []
    pages = max(1, -(-total // page_size))
    return items, PageMeta(page=page, page_size=page_size, total=total, pages=pages)


# Django's own error pages for the paths the API router never reaches (no such URL, a
# body too large before the API parses it, a crash): under /api/ they answer in the one
# error shape, elsewhere Django's pages. Set as handler404/400/500 in config/urls.py.
def _api_path(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def handler404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _api_path(request):
        error = NotFoundError(_("Alamat API ini tidak ada."), code="no_such_endpoint")
        return JsonResponse(error.as_dict(), status=404)
    return page_not_found(request, exception or Http404())


def handler400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _api_path(request):
        if isinstance(exception, RequestDataTooBig):
            error = ApplicationError(_("Isi permintaan terlalu besar."), code="payload_too_large", status=413)
        else:
            error = ApplicationError(_("Permintaan tidak dapat diproses."), code="bad_request")
        return JsonResponse(error.as_dict(), status=error.status)
    return bad_request(request, exception or Exception())


def handler500(request: HttpRequest) -> HttpResponse:
    if _api_path(request):
        error = ApplicationError(_("Terjadi kesalahan pada server; kejadian ini telah dicatat."),
                                 code="server_error", status=500)
        return JsonResponse(error.as_dict(), status=500)
    return server_error(request)
