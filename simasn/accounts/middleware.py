"""Require a verified second factor for the roles that need one."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django_otp import devices_for_user

_EXEMPT_PREFIXES = ("/akun/", "/static/", "/i18n/", "/api/", "/favicon")


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


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(_EXEMPT_PREFIXES) and needs_verification(request):
            if any(devices_for_user(request.user, confirmed=True)):
                return redirect("accounts:verify")
            return redirect("accounts:two_factor_setup")
        return self.get_response(request)
