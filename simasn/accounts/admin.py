from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from simasn.accounts.models import ApiToken, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Only system administrators manage accounts (is_superuser)."""

    fieldsets = (*(BaseUserAdmin.fieldsets or ()), ("SIMASN", {"fields": ("role", "instansi", "institution", "employee")}))
    list_display = ("username", "first_name", "last_name", "role", "instansi", "is_active")
    list_filter = ("role", "is_active")
    raw_id_fields = ("employee",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "key_hash", "created_at", "last_used_at")
