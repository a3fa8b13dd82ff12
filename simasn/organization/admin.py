from django.contrib import admin

from simasn.accounts.policy import Resource
from simasn.organization import services
from simasn.organization.models import Instansi, NationalInstitution, Official, Unit
from simasn.web.admin_support import ScopedAdmin


@admin.register(Instansi)
class InstansiAdmin(ScopedAdmin):
    resource = Resource.INSTANSI
    create_service = staticmethod(services.instansi_create)
    update_service = staticmethod(services.instansi_update)
    delete_service = staticmethod(services.instansi_delete)
    service_object_kwarg = "instansi"
    list_display = ("code", "name", "kind")
    list_filter = ("kind",)
    search_fields = ("code", "name")
    fields = ("code", "name", "kind", "province", "address", "valid_from", "valid_until")


@admin.register(Unit)
class UnitAdmin(ScopedAdmin):
    resource = Resource.UNIT
    create_service = staticmethod(services.unit_create)
    update_service = staticmethod(services.unit_update)
    delete_service = staticmethod(services.unit_delete)
    service_object_kwarg = "unit"
    list_display = ("code", "name", "instansi", "is_secretariat")
    search_fields = ("code", "name")
    fields = ("instansi", "parent", "code", "name", "is_secretariat")


@admin.register(Official)
class OfficialAdmin(ScopedAdmin):
    resource = Resource.OFFICIAL
    create_service = staticmethod(services.official_create)
    update_service = staticmethod(services.official_update)
    delete_service = staticmethod(services.official_delete)
    service_object_kwarg = "official"
    list_display = ("instansi", "role", "person_name", "title", "valid_from", "valid_until")
    fields = ("instansi", "role", "person_name", "title", "valid_from", "valid_until")


@admin.register(NationalInstitution)
class NationalInstitutionAdmin(ScopedAdmin):
    resource = Resource.INSTITUTION
    list_display = ("code", "short_name", "is_sync_participant", "valid_from", "valid_until")
