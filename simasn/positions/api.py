from typing import Literal

from ninja import Field, Router, Schema

from simasn.accounts.policy import Resource
from simasn.positions import selectors, services
from simasn.web.api_crud import ArchivedOut, register_crud

router = Router(tags=["positions"])

KindCode = Literal["JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS", "FUNGSIONAL", "PELAKSANA"]
LevelCode = Literal[
    "", "PEMULA", "TERAMPIL", "MAHIR", "PENYELIA", "AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA"
]


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
