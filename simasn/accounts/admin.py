from typing import Any, cast

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_totp.models import TOTPDevice

from simasn.accounts.models import ApiToken, User
from simasn.accounts.services import api_token_revoke
from simasn.accounts.two_factor import two_factor_reset
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface


class ResetReasonForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Alasan (dicatat di jejak audit)"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 3}))


@admin.action(description=gettext_lazy("Setel ulang verifikasi dua langkah (ponsel hilang)"))
def reset_two_factor(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[User]) -> HttpResponse | None:
    """Removes the users' TOTP devices after the administrator gives a reason (audited);
    each user enrols a new device at the next log-in."""
    form = ResetReasonForm(request.POST if "reason" in request.POST else None)
    if form.is_valid():
        try:
            for user in queryset:
                count = two_factor_reset(actor=cast(User, request.user),  # the admin requires a staff login
                                         interface=Interface.ADMIN, user=user,
                                         reason=form.cleaned_data["reason"])
                modeladmin.message_user(request, _("%(user)s: %(count)d perangkat dihapus; pengguna "
                                                   "mendaftarkan perangkat baru saat masuk.")
                                        % {"user": user.username, "count": count}, messages.SUCCESS)
        except ApplicationError as error:
            modeladmin.message_user(request, error.message, messages.ERROR)
        return None
    return render(request, "accounts/admin_reset_two_factor.html", {
        **modeladmin.admin_site.each_context(request), "form": form, "users": queryset,
        "title": _("Setel ulang verifikasi dua langkah"),
        "action_checkbox_name": ACTION_CHECKBOX_NAME,
    })


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Only system administrators manage accounts (is_superuser)."""

    fieldsets = (*(BaseUserAdmin.fieldsets or ()), ("SIMASN", {"fields": ("role", "instansi", "institution", "employee")}))
    list_display = ("username", "first_name", "last_name", "role", "instansi", "is_active")
    list_filter = ("role", "is_active")
    raw_id_fields = ("employee",)
    actions = [reset_two_factor]


@admin.action(description=gettext_lazy("Cabut token terpilih"))
def revoke_tokens(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
    for token in queryset.filter(revoked_at__isnull=True):
        api_token_revoke(actor=request.user, interface=Interface.ADMIN, token=token)  # type: ignore[arg-type]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "key_hash", "created_at", "last_used_at", "revoked_at")
    actions = [revoke_tokens]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a token is created by its user (the raw key is shown once, to them)


def _unregister_device_admin() -> None:
    """django-otp's own device admin would show a secret and remove devices unaudited: a
    device is enrolled by its user and removed only through `reset_two_factor`."""
    if admin.site.is_registered(TOTPDevice):
        admin.site.unregister(TOTPDevice)


_unregister_device_admin()
