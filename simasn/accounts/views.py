from __future__ import annotations

import io
from typing import cast

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from simasn.accounts import two_factor
from simasn.accounts.middleware import needs_verification
from simasn.accounts.models import ApiToken, User
from simasn.accounts.services import api_token_create, api_token_revoke
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface


class LoginForm(AuthenticationForm):
    # Django's Indonesian catalogue puts the field name into "Masukkan nama pengguna
    # %(username)s ...", which read "nama pengguna nama pengguna": our own sentence.
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": gettext_lazy("Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil."),
    }


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True
    authentication_form = LoginForm

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            # An enrolled second factor is always required, whatever the role.
            self.request.session["otp_required"] = True
            return redirect("accounts:verify")
        return response


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Kode verifikasi (6 digit)"), max_length=6, min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect("site:dashboard")
        two_factor.verification_failed(user=cast(User, request.user))
        form.add_error("token", _("Kode verifikasi salah atau kedaluwarsa."))
    return render(request, "accounts/verify.html", {"form": form, "title": _("Verifikasi dua langkah")})


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """First enrolment, or replacing the device of a session verified with the old one."""
    user = cast(User, request.user)
    verified = two_factor.session_verified(request)
    try:
        device = two_factor.enrolment_device(user=user, verified=verified)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("accounts:verify" if not verified else "site:dashboard")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            two_factor.enrolment_confirm(user=user, device=device, token=form.cleaned_data["token"],
                                         verified=verified)
        except ApplicationError as error:
            form.add_error("token", error.message)
        else:
            otp_login(request, device)
            messages.success(request, _("Verifikasi dua langkah aktif."))
            return redirect("site:dashboard")
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "title": _("Aktifkan verifikasi dua langkah"),
        "qr_svg": buffer.getvalue().decode(), "secret": two_factor.manual_key(device),
        "replacing": verified,
    })


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Nama sistem pemakai token"), max_length=100)
    password = forms.CharField(
        label=gettext_lazy("Kata sandi Anda (konfirmasi)"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Kata sandi salah."))
        return password


def _tokens_page(request: HttpRequest, form: ApiTokenForm, raw: str | None = None) -> HttpResponse:
    tokens = request.user.api_tokens.order_by("revoked_at", "-created_at")  # type: ignore[union-attr]
    return render(request, "accounts/api_tokens.html", {
        "form": form, "tokens": tokens, "raw": raw, "title": _("Token API"),
    })


def _refuse_unverified(request: HttpRequest) -> HttpResponse | None:
    # The middleware already keeps unverified sessions out; a user who enrolled a device
    # on their own must also have verified with it before handling tokens.
    if needs_verification(request) or (
        two_factor.has_confirmed_device(request.user) and not two_factor.session_verified(request)
    ):
        messages.error(request, _("Verifikasi dua langkah diperlukan untuk mengelola token API."))
        return redirect("accounts:verify")
    return None


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    refused = _refuse_unverified(request)
    if refused is not None:
        return refused
    form = ApiTokenForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        _token, raw = api_token_create(actor=user, interface=Interface.WEB, name=form.cleaned_data["name"])
        return _tokens_page(request, ApiTokenForm(user=user), raw)
    return _tokens_page(request, form)


@login_required
@require_POST
def api_token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    refused = _refuse_unverified(request)
    if refused is not None:
        return refused
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    api_token_revoke(actor=cast(User, request.user), interface=Interface.WEB, token=token)
    messages.success(request, _("Token %(name)s dicabut; sistem yang memakainya tidak dapat "
                                "lagi mengakses API.") % {"name": token.name})
    return redirect("accounts:api_tokens")
