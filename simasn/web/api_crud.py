"""Build scoped, paginated endpoints for a registry resource: list, get, create, update and
archive. There is no DELETE: reference data is archived with a reason (simasn.core.archiving).

Annotations here are evaluated at definition time on purpose (no `from __future__
import annotations`): django-ninja reads them to build the OpenAPI schema.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.web.api import ErrorOut, PageMeta, paginate

ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 413: ErrorOut,
          415: ErrorOut, 422: ErrorOut}


def _page_schema(name: str, out: type[Schema]) -> type[Schema]:
    return type(f"{name}Page", (Schema,), {"__annotations__": {"meta": PageMeta, "items": list[out]}})  # type: ignore[valid-type]


class ArchivedOut(Schema):
    """Fields every archivable resource shows (null / "" while it is not archived)."""

    archived_at: datetime | None
    archive_reason: str


class ArchiveIn(Schema):
    reason: str = Field(..., min_length=1, max_length=2000, description="Why (kept in the audit trail).")


def _to_data(payload: Schema, fk_fields: tuple[str, ...], *, partial: bool) -> dict[str, Any]:
    raw = payload.model_dump(exclude_unset=partial)
    return {f"{k}_id" if k in fk_fields else k: v for k, v in raw.items()}


def register_crud(
    router: Router,
    *,
    path: str,
    name: str,
    out: type[Schema],
    create_in: type[Schema],
    patch_in: type[Schema],
    filters: type[Schema],
    list_selector: Callable[..., Any],
    get_selector: Callable[..., Any],
    create: Callable[..., Any] | None,
    update: Callable[..., Any] | None,
    archive: Callable[..., Any] | None = None,
    fk_fields: tuple[str, ...] = (),
    obj_kwarg: str,
    resource: Resource,
) -> None:
    page_schema = _page_schema(name, out)

    @router.get(path, response={200: page_schema, **ERRORS}, operation_id=f"{name}_list",
                summary=f"List {name} (scoped, paginated)")
    def list_items(request: HttpRequest, params: Query[filters]):  # type: ignore[valid-type]
        if not Scope.of(request.user).can(resource, Action.VIEW):
            raise PermissionDeniedError(_("Anda tidak berwenang melihat data ini."))
        data = params.model_dump(exclude_none=True)  # type: ignore[attr-defined]
        page, page_size = data.pop("page", 1), data.pop("page_size", 25)
        items, meta = paginate(list_selector(viewer=request.user, **data), page=page, page_size=page_size)
        return {"meta": meta, "items": items}

    @router.get(f"{path}{{int:pk}}", response={200: out, **ERRORS}, operation_id=f"{name}_get")
    def get_item(request: HttpRequest, pk: int):
        return get_selector(viewer=request.user, pk=pk)

    if create is not None:
        @router.post(path, response={201: out, **ERRORS}, operation_id=f"{name}_create")
        def create_item(request: HttpRequest, payload: create_in):  # type: ignore[valid-type]
            obj = create(actor=request.user, interface=Interface.API,
                         data=_to_data(payload, fk_fields, partial=False))
            return Status(201, get_selector(viewer=request.user, pk=obj.pk))

    if update is not None:
        @router.patch(f"{path}{{int:pk}}", response={200: out, **ERRORS}, operation_id=f"{name}_update")
        def update_item(request: HttpRequest, pk: int, payload: patch_in):  # type: ignore[valid-type]
            obj = get_selector(viewer=request.user, pk=pk)
            update(actor=request.user, interface=Interface.API,
                   data=_to_data(payload, fk_fields, partial=True), **{obj_kwarg: obj})
            return get_selector(viewer=request.user, pk=pk)

    if archive is not None:
        @router.post(f"{path}{{int:pk}}/archive", response={200: out, **ERRORS}, operation_id=f"{name}_archive",
                     summary=f"Archive {name} with a reason (refused while still in use; never deleted)")
        def archive_item(request: HttpRequest, pk: int, payload: ArchiveIn):
            obj = get_selector(viewer=request.user, pk=pk)
            archive(actor=request.user, interface=Interface.API, reason=payload.reason, **{obj_kwarg: obj})
            return get_selector(viewer=request.user, pk=pk)
