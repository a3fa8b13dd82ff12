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
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from simasn.accounts.models import User
from simasn.accounts.services import api_token_create
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.interfaces import Interface


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

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
        form.add_error("token", _("Kode verifikasi salah atau kedaluwarsa."))
    return render(request, "accounts/verify.html", {"form": form, "title": _("Verifikasi dua langkah")})


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="SIMASN", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                user = cast(User, request.user)
                audit_record(actor=user, action=AuditAction.TWO_FACTOR_ENROLLED,
                             interface=Interface.WEB, obj=user, instansi_id=user.instansi_id)
            otp_login(request, device)
            messages.success(request, _("Verifikasi dua langkah aktif."))
            return redirect("site:dashboard")
        form.add_error("token", _("Kode verifikasi salah. Periksa jam pada ponsel Anda."))
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "title": _("Aktifkan verifikasi dua langkah"),
        "qr_svg": buffer.getvalue().decode(), "secret": device.key,
    })


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Nama sistem pemakai token"), max_length=100)


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    raw = None
    if request.method == "POST" and form.is_valid():
        _token, raw = api_token_create(actor=request.user, interface=Interface.WEB,  # type: ignore[arg-type]
                                       name=form.cleaned_data["name"])
        form = ApiTokenForm()
    tokens = request.user.api_tokens.order_by("-created_at")  # type: ignore[union-attr]
    return render(request, "accounts/api_tokens.html", {
        "form": form, "tokens": tokens, "raw": raw, "title": _("Token API"),
    })
