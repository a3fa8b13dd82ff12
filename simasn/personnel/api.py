import datetime as dt
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from django.utils import timezone
from ninja import Field, Router, Schema

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Resource
from simasn.core.interfaces import Interface
from simasn.law.enums import EmployeeStatus, EmployeeType, Sex
from simasn.personnel import law_bridge, selectors, services
from simasn.personnel.masking import mask_nik
from simasn.web.api import DecisionOut
from simasn.web.api_crud import ERRORS, register_crud

router = Router(tags=["employees"])

if TYPE_CHECKING:
    # A Literal built at runtime is not a type mypy can read; to it the codes are strings.
    TypeCode = str
    SexCode = str
    StatusCode = str
else:
    # django-ninja reads these at runtime and documents/validates the exact codes of the law.
    TypeCode = Literal[tuple(t.value for t in EmployeeType)]
    SexCode = Literal[tuple(s.value for s in Sex)]
    StatusCode = Literal[tuple(s.value for s in EmployeeStatus)]


class EmployeeOut(Schema):
    """Employee as lists and exports see it: sensitive data masked."""

    id: int
    instansi_id: int
    unit_id: int | None
    position_id: int | None
    employee_type: str
    nip: str
    nik_masked: str
    name: str
    full_name: str
    birth_date: dt.date
    sex: str
    rank: str
    education_level: str
    tmt_cpns: dt.date | None
    contract_start: dt.date | None
    contract_end: dt.date | None
    status: str

    @staticmethod
    def resolve_nik_masked(obj: Any) -> str:
        return mask_nik(obj.nik)


#: The columns EmployeeOut reads (nik for nik_masked; the titles for full_name). The API list
#: selects only these: the matches of a search are sorted before the page is cut, and wide
#: rows make that sort dearer (bench/api.py). A missing column would cost a query per row;
#: simasn/personnel/tests/test_api_employee.py counts them.
EMPLOYEE_OUT_COLUMNS = (
    "id", "instansi_id", "unit_id", "position_id", "employee_type", "nip", "nik", "front_title",
    "name", "back_title", "birth_date", "sex", "rank", "education_level", "tmt_cpns",
    "contract_start", "contract_end", "status",
)


def _employee_list(**filters: Any):
    # No joins either: EmployeeOut needs only the employee row (simasn/personnel/selectors.py).
    return selectors.employee_list(related=False, **filters).only(*EMPLOYEE_OUT_COLUMNS)


class EmployeeIn(Schema):
    instansi: int
    unit: int | None = None
    position: int | None = None
    employee_type: TypeCode
    nip: str = Field(..., pattern=r"^\d{18}$")
    nik: str = Field("", pattern=r"^(\d{16})?$")
    front_title: str = ""
    name: str = Field(..., min_length=1, max_length=200)
    back_title: str = ""
    birth_date: dt.date
    birth_place: str = ""
    sex: SexCode
    religion: str = ""
    marital_status: str = ""
    disability: str = ""
    home_address: str = ""
    education_level: str = ""
    education_major: str = ""
    rank: str = ""
    tmt_cpns: dt.date | None = None
    tmt_pns: dt.date | None = None
    contract_start: dt.date | None = None
    contract_end: dt.date | None = None
    email: str = ""
    phone: str = ""
    nik_checked: bool = Field(False, description="The NIK's birth date or sex differs from the record and the "
                                                 "population documents were checked (a NIK never changes).")


class EmployeePatch(Schema):
    unit: int | None = None
    position: int | None = None
    nik: str | None = Field(None, pattern=r"^(\d{16})?$")
    front_title: str | None = None
    name: str | None = Field(None, min_length=1, max_length=200)
    back_title: str | None = None
    birth_place: str | None = None
    religion: str | None = None
    marital_status: str | None = None
    disability: str | None = None
    home_address: str | None = None
    education_level: str | None = None
    education_major: str | None = None
    rank: str | None = None
    tmt_pns: dt.date | None = None
    contract_end: dt.date | None = None
    email: str | None = None
    phone: str | None = None
    nik_checked: bool | None = None


class EmployeeFilters(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(25, ge=1, le=200)
    q: str | None = None
    instansi_id: int | None = None
    unit_id: int | None = None
    employee_type: TypeCode | None = None
    status: StatusCode | None = None
    position_kind: str | None = None


register_crud(
    router, path="/employees/", name="employee", out=EmployeeOut, create_in=EmployeeIn,
    patch_in=EmployeePatch, filters=EmployeeFilters, list_selector=_employee_list,
    get_selector=partial(selectors.employee_get, related=False), create=services.employee_create,
    update=services.employee_update,
    fk_fields=("instansi", "unit", "position"), obj_kwarg="employee", resource=Resource.EMPLOYEE,
)


class SensitiveOut(Schema):
    nik: str
    religion: str
    marital_status: str
    disability: str
    home_address: str


@router.get("/employees/{int:pk}/sensitive-data", response={200: SensitiveOut, **ERRORS},
            operation_id="employee_sensitive", summary="Open sensitive personal data (audited)")
def employee_sensitive(request: AuthenticatedRequest, pk: int):
    employee = selectors.employee_get(viewer=request.user, pk=pk)
    return services.employee_sensitive_reveal(actor=request.user, interface=Interface.API, employee=employee)


@router.get("/employees/{int:pk}/retirement", response={200: DecisionOut, **ERRORS},
            operation_id="employee_retirement", summary="Retirement age and date (law package)")
def employee_retirement(request: AuthenticatedRequest, pk: int, on: dt.date | None = None):
    employee = selectors.employee_get(viewer=request.user, pk=pk)
    decision = law_bridge.retirement_decision(employee, on=on or timezone.localdate())
    return decision.to_dict()
