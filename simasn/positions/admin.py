from django.contrib import admin

from simasn.accounts.policy import Resource
from simasn.positions import services
from simasn.positions.models import Position
from simasn.web.admin_support import ARCHIVE_FIELDS, ARCHIVED_FILTER, ScopedAdmin


@admin.register(Position)
class PositionAdmin(ScopedAdmin):
    resource = Resource.POSITION
    create_service = staticmethod(services.position_create)
    update_service = staticmethod(services.position_update)
    service_object_kwarg = "position"
    list_display = ("code", "name", "kind", "functional_level", "instansi", "seats", "archived_at")
    list_filter = ("kind", ARCHIVED_FILTER)
    search_fields = ("code", "name")
    fields = ("instansi", "unit", "code", "name", "kind", "functional_family", "functional_level",
              "open_to_pppk", "open_to_tni_polri", "seats", "is_active", *ARCHIVE_FIELDS)
    readonly_fields = ARCHIVE_FIELDS
