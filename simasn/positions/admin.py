from django.contrib import admin

from simasn.accounts.policy import Resource
from simasn.positions import services
from simasn.positions.models import Position
from simasn.web.admin_support import ScopedAdmin


@admin.register(Position)
class PositionAdmin(ScopedAdmin):
    resource = Resource.POSITION
    create_service = staticmethod(services.position_create)
    update_service = staticmethod(services.position_update)
    delete_service = staticmethod(services.position_delete)
    service_object_kwarg = "position"
    list_display = ("code", "name", "kind", "functional_level", "instansi", "seats")
    list_filter = ("kind",)
    search_fields = ("code", "name")
    fields = ("instansi", "unit", "code", "name", "kind", "functional_family", "functional_level",
              "open_to_pppk", "open_to_tni_polri", "seats", "is_active")
