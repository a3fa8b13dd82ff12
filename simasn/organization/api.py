import datetime as dt
from typing import TYPE_CHECKING, Literal

from ninja import Field, Router, Schema

from simasn.accounts.policy import Resource
from simasn.law.enums import InstansiKind
from simasn.organization import selectors, services
from simasn.organization.models import OfficialRole
from simasn.web.api_crud import ArchivedOut, register_crud

router = Router(tags=["organization"])

if TYPE_CHECKING:
    # A Literal built at runtime is not a type mypy can read; to it the codes are strings.
    InstansiKindCode = str
    RoleCode = str
else:
    # django-ninja reads these at runtime and documents/validates the exact codes of the law.
    InstansiKindCode = Literal[tuple(k.value for k in InstansiKind)]
    RoleCode = Literal[tuple(OfficialRole.values)]


class PageParams(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(25, ge=1, le=200)
    q: str | None = None
    include_archived: bool = False


class InstansiOut(ArchivedOut):
    id: int
    code: str
    name: str
    kind: str
    is_pusat: bool
    province_id: int | None
    valid_from: dt.date
    valid_until: dt.date | None


class InstansiIn(Schema):
    code: str = Field(..., min_length=1, max_length=20)
    name: str = Field(..., min_length=1, max_length=200)
    kind: InstansiKindCode
    province: int | None = None
    address: str = ""
    valid_from: dt.date = dt.date(1945, 8, 17)
    valid_until: dt.date | None = None


class InstansiPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: InstansiKindCode | None = None
    province: int | None = None
    address: str | None = None
    valid_until: dt.date | None = None


class InstansiFilters(PageParams):
    kind: InstansiKindCode | None = None


register_crud(
    router, path="/agencies/", name="agency", out=InstansiOut, create_in=InstansiIn,
    patch_in=InstansiPatch, filters=InstansiFilters, list_selector=selectors.instansi_list,
    get_selector=selectors.instansi_get, create=services.instansi_create,
    update=services.instansi_update, archive=services.instansi_archive,
    fk_fields=("province",), obj_kwarg="instansi", resource=Resource.INSTANSI,
)


class UnitOut(ArchivedOut):
    id: int
    instansi_id: int
    parent_id: int | None
    code: str
    name: str
    is_secretariat: bool


class UnitIn(Schema):
    instansi: int
    parent: int | None = None
    code: str = Field(..., min_length=1, max_length=30)
    name: str = Field(..., min_length=1, max_length=200)
    is_secretariat: bool = False


class UnitPatch(Schema):
    parent: int | None = None
    code: str | None = Field(None, min_length=1, max_length=30)
    name: str | None = Field(None, min_length=1, max_length=200)
    is_secretariat: bool | None = None


class UnitFilters(PageParams):
    instansi_id: int | None = None


register_crud(
    router, path="/units/", name="unit", out=UnitOut, create_in=UnitIn, patch_in=UnitPatch,
    filters=UnitFilters, list_selector=selectors.unit_list, get_selector=selectors.unit_get,
    create=services.unit_create, update=services.unit_update, archive=services.unit_archive,
    fk_fields=("instansi", "parent"), obj_kwarg="unit", resource=Resource.UNIT,
)


class OfficialOut(ArchivedOut):
    id: int
    instansi_id: int
    role: str
    person_name: str
    title: str
    valid_from: dt.date
    valid_until: dt.date | None


class OfficialIn(Schema):
    instansi: int
    role: RoleCode
    person_name: str = Field(..., min_length=1, max_length=200)
    title: str = Field(..., min_length=1, max_length=200)
    valid_from: dt.date
    valid_until: dt.date | None = None


class OfficialPatch(Schema):
    person_name: str | None = Field(None, min_length=1, max_length=200)
    title: str | None = Field(None, min_length=1, max_length=200)
    valid_until: dt.date | None = None


class OfficialFilters(PageParams):
    instansi_id: int | None = None


register_crud(
    router, path="/officials/", name="official", out=OfficialOut, create_in=OfficialIn,
    patch_in=OfficialPatch, filters=OfficialFilters, list_selector=selectors.official_list,
    get_selector=selectors.official_get, create=services.official_create,
    update=services.official_update, archive=services.official_archive,
    fk_fields=("instansi",), obj_kwarg="official", resource=Resource.OFFICIAL,
)
