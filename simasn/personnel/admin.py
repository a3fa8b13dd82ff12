from django.contrib import admin

from simasn.accounts.policy import Resource
from simasn.personnel import services
from simasn.personnel.models import Employee
from simasn.web.admin_support import ScopedAdmin


@admin.register(Employee)
class EmployeeAdmin(ScopedAdmin):
    """Sensitive fields are not shown here: opening them is the audited reveal on the
    employee page. Employees are never deleted (they leave through an action)."""

    resource = Resource.EMPLOYEE
    create_service = staticmethod(services.employee_create)
    update_service = staticmethod(services.employee_update)
    service_object_kwarg = "employee"
    list_display = ("nip", "name", "employee_type", "instansi", "status")
    list_filter = ("employee_type", "status")
    search_fields = ("nip", "name")
    fields = ("instansi", "unit", "position", "employee_type", "nip", "front_title", "name", "back_title",
              "birth_date", "birth_place", "sex", "education_level", "education_major", "rank",
              "tmt_cpns", "tmt_pns", "contract_start", "contract_end", "email", "phone")
