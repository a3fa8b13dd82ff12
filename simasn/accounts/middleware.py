"""Require a verified second factor for the roles that need one."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

_EXEMPT_PREFIXES = ("/akun/", "/static/", "/i18n/", "/api/", "/favicon")


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()  # type: ignore[union-attr]
            and not request.path.startswith(_EXEMPT_PREFIXES)
            and (
                request.session.get("otp_required")
                or (settings.SIMASN_REQUIRE_2FA and getattr(user, "needs_two_factor", False))
            )
        ):
            from django_otp import devices_for_user

            if any(devices_for_user(user, confirmed=True)):
                return redirect("accounts:verify")
            return redirect("accounts:two_factor_setup")
        return self.get_response(request)
