"""Django admin that obeys the same scope and writes through the same services.

The admin is for administrators and operators who prefer it; it never bypasses the
policy table: querysets come through `Scope.filter`, permissions through
`Scope.can/allows_object`, and saves call the app's service so the audit trail is the
same as from the web UI and the API.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest

from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface

#: For an ArchivableModel's admin: when, by whom and why (read-only), and a list filter.
ARCHIVE_FIELDS = ("archived_at", "archived_by", "archive_reason")
ARCHIVED_FILTER = ("archived_at", admin.EmptyFieldListFilter)


class ScopedAdmin(admin.ModelAdmin):
    """Nothing is deleted through the admin: reference data is archived with a reason in the
    web UI or the API (simasn.core.archiving); archived rows show with their reason here."""

    resource: Resource
    create_service: Callable[..., Any] | None = None
    update_service: Callable[..., Any] | None = None
    service_object_kwarg: str = "obj"

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        return Scope.of(request.user).filter(super().get_queryset(request), self.resource)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return Scope.of(request.user).can(self.resource, Action.VIEW)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        scope = Scope.of(request.user)
        if obj is None:
            return scope.can(self.resource, Action.VIEW)
        return scope.allows_object(self.resource, Action.VIEW, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self.create_service is not None and Scope.of(request.user).can(self.resource, Action.CREATE)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if self.update_service is None:
            return False
        scope = Scope.of(request.user)
        if obj is None:
            return scope.can(self.resource, Action.UPDATE)
        return scope.allows_object(self.resource, Action.UPDATE, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # no delete page and no "delete selected" action, for any role

    def _data(self, form: Any) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name in form.changed_data if form.instance.pk else form.cleaned_data:
            value = form.cleaned_data.get(name)
            field = form.instance._meta.get_field(name)
            if isinstance(field, models.ForeignKey):
                data[f"{name}_id"] = value.pk if value is not None else None
            else:
                data[name] = value
        return data

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        try:
            if change:
                fresh = type(obj).objects.get(pk=obj.pk)
                saved = self.update_service(  # type: ignore[misc]
                    actor=request.user, interface=Interface.ADMIN, data=self._data(form),
                    **{self.service_object_kwarg: fresh},
                )
            else:
                saved = self.create_service(  # type: ignore[misc]
                    actor=request.user, interface=Interface.ADMIN, data=self._data(form)
                )
            obj.pk = saved.pk
        except ApplicationError as error:
            messages.error(request, error.message)
            raise PermissionDenied(error.message) from error


class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("occurred_at", "actor_label", "action", "interface", "object_type", "object_repr")
    list_filter = ("action", "interface")
    search_fields = ("object_repr", "actor_label")

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        return Scope.of(request.user).filter(super().get_queryset(request), Resource.AUDIT)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return Scope.of(request.user).can(Resource.AUDIT)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return Scope.of(request.user).can(Resource.AUDIT)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
