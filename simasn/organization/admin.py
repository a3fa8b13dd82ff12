from django.contrib import admin

from simasn.accounts.policy import Resource
from simasn.organization import services
from simasn.organization.models import Instansi, NationalInstitution, Official, Unit
from simasn.web.admin_support import ARCHIVE_FIELDS, ARCHIVED_FILTER, ScopedAdmin


@admin.register(Instansi)
class InstansiAdmin(ScopedAdmin):
    resource = Resource.INSTANSI
    create_service = staticmethod(services.instansi_create)
    update_service = staticmethod(services.instansi_update)
    service_object_kwarg = "instansi"
    list_display = ("code", "name", "kind", "archived_at")
    list_filter = ("kind", ARCHIVED_FILTER)
    search_fields = ("code", "name")
    fields = ("code", "name", "kind", "province", "address", "valid_from", "valid_until", *ARCHIVE_FIELDS)
    readonly_fields = ARCHIVE_FIELDS


@admin.register(Unit)
class UnitAdmin(ScopedAdmin):
    resource = Resource.UNIT
    create_service = staticmethod(services.unit_create)
    update_service = staticmethod(services.unit_update)
    service_object_kwarg = "unit"
    list_display = ("code", "name", "instansi", "is_secretariat", "archived_at")
    list_filter = (ARCHIVED_FILTER,)
    search_fields = ("code", "name")
    fields = ("instansi", "parent", "code", "name", "is_secretariat", *ARCHIVE_FIELDS)
    readonly_fields = ARCHIVE_FIELDS


@admin.register(Official)
class OfficialAdmin(ScopedAdmin):
    resource = Resource.OFFICIAL
    create_service = staticmethod(services.official_create)
    update_service = staticmethod(services.official_update)
    service_object_kwarg = "official"
    list_display = ("instansi", "role", "person_name", "title", "valid_from", "valid_until", "archived_at")
    list_filter = ("role", ARCHIVED_FILTER)
    fields = ("instansi", "role", "person_name", "title", "valid_from", "valid_until", *ARCHIVE_FIELDS)
    readonly_fields = ARCHIVE_FIELDS


@admin.register(NationalInstitution)
class NationalInstitutionAdmin(ScopedAdmin):
    resource = Resource.INSTITUTION
    list_display = ("code", "short_name", "is_sync_participant", "valid_from", "valid_until")
