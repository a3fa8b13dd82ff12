from typing import TYPE_CHECKING, Literal

from ninja import Field, Router, Schema

from simasn.accounts.policy import Resource
from simasn.law.enums import FunctionalLevel, PositionKind
from simasn.positions import selectors, services
from simasn.web.api_crud import ArchivedOut, register_crud

router = Router(tags=["positions"])

if TYPE_CHECKING:
    # A Literal built at runtime is not a type mypy can read; to it the codes are strings.
    KindCode = str
    LevelCode = str
else:
    # django-ninja reads these at runtime and documents/validates the exact codes of the law.
    KindCode = Literal[tuple(k.value for k in PositionKind)]
    LevelCode = Literal[("", *(level.value for level in FunctionalLevel))]


class PositionOut(ArchivedOut):
    id: int
    instansi_id: int
    unit_id: int
    code: str
    name: str
    kind: str
    functional_family: str
    functional_level: str
    open_to_pppk: bool
    open_to_tni_polri: bool
    seats: int
    holder_count: int = 0
    is_active: bool


class PositionIn(Schema):
    instansi: int
    unit: int
    code: str = Field(..., min_length=1, max_length=40)
    name: str = Field(..., min_length=1, max_length=200)
    kind: KindCode
    functional_family: str = ""
    functional_level: LevelCode = ""
    open_to_pppk: bool = False
    open_to_tni_polri: bool = False
    seats: int = Field(1, ge=1, le=100000)


class PositionPatch(Schema):
    unit: int | None = None
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: KindCode | None = None
    functional_family: str | None = None
    functional_level: LevelCode | None = None
    open_to_pppk: bool | None = None
    open_to_tni_polri: bool | None = None
    seats: int | None = Field(None, ge=1, le=100000)
    is_active: bool | None = None


class PositionFilters(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(25, ge=1, le=200)
    q: str | None = None
    instansi_id: int | None = None
    unit_id: int | None = None
    kind: KindCode | None = None
    vacant: bool | None = None
    include_archived: bool = False


register_crud(
    router, path="/positions/", name="position", out=PositionOut, create_in=PositionIn,
    patch_in=PositionPatch, filters=PositionFilters, list_selector=selectors.position_list,
    get_selector=selectors.position_get, create=services.position_create,
    update=services.position_update, archive=services.position_archive,
    fk_fields=("instansi", "unit"), obj_kwarg="position", resource=Resource.POSITION,
)
