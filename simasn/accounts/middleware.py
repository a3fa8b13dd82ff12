"""Require a verified second factor for the roles that need one.

A session that has passed only the password reaches nothing but the few pages named in
`UNVERIFIED_ALLOWED` (by URL name, never by path prefix): every other page redirects to
verification (or to first enrolment when the user has no device yet), and every API
call answers 401 in the API's error shape. The enumeration test in
`simasn/accounts/tests/test_two_factor_urls.py` walks every URL pattern to keep it so.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from simasn.accounts.two_factor import has_confirmed_device
from simasn.core.errors import ApplicationError

#: The only views an unverified session may open. Enrolment is allowed only to a user
#: with no confirmed device (the view refuses the others, audited).
UNVERIFIED_ALLOWED = frozenset({
    "accounts:login",
    "accounts:logout",
    "accounts:verify",
    "accounts:two_factor_setup",
    "set_language",  # the language switch on the log-in and verification pages
})


def needs_verification(request: HttpRequest) -> bool:
    """True when this session's user must still pass the second factor."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    if getattr(user, "is_verified", lambda: False)():
        return False
    return bool(
        request.session.get("otp_required")
        or (settings.SIMASN_REQUIRE_2FA and getattr(user, "needs_two_factor", False))
    )


def _view_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def _is_api(path: str) -> bool:
    return path.startswith("/api/")


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not needs_verification(request):
            return self.get_response(request)
        if _is_api(request.path):
            # A bearer token does not depend on the session: the API authenticates it first
            # (simasn.web.api) and ignores the cookie. Without one, the session is refused.
            if request.headers.get("Authorization", "").startswith("Bearer "):
                return self.get_response(request)
            error = ApplicationError(
                _("Verifikasi dua langkah diperlukan."), code="two_factor_required", status=401)
            return JsonResponse(error.as_dict(), status=401)
        if _view_name(request.path_info) in UNVERIFIED_ALLOWED:
            return self.get_response(request)
        if has_confirmed_device(request.user):
            return redirect("accounts:verify")
        return redirect("accounts:two_factor_setup")
