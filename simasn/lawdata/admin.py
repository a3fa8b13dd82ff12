from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from simasn.accounts.policy import Resource
from simasn.lawdata import services
from simasn.lawdata.models import ParameterOverride
from simasn.web.admin_support import ScopedAdmin


@admin.register(ParameterOverride)
class ParameterOverrideAdmin(ScopedAdmin):
    """Versions are added, never changed: a correction is a newer version."""

    resource = Resource.LAW_PARAMETER
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    create_service = staticmethod(services.parameter_override_create)
    list_display = (
        "name",
        "valid_from",
        "valid_until",
        "regulation",
        "article",
        "created_by",
        "created_at",
    )
    list_filter = ("name",)
    search_fields = ("name", "regulation", "reason")
    fields = services.FIELDS

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.fields if obj is not None else ()
