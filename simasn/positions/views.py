from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.positions import selectors, services
from simasn.positions.forms import PositionFilterForm, PositionForm
from simasn.web.pages import (
    archive_page,
    archived_column,
    create_page,
    list_page,
    model_data,
    not_allowed_message,
    own_instansi,
    update_page,
)


@login_required
def position_list(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = Scope.of(request.user)
    if not scope.can(Resource.POSITION):
        raise PermissionDeniedError(not_allowed_message())
    form = PositionFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    vacant = {"1": True, "0": False}.get(data.get("vacant", ""))
    qs = selectors.position_list(viewer=request.user, q=data.get("q", ""), kind=data.get("kind", ""),
                                 vacant=vacant, include_archived=data.get("include_archived", False))
    columns = [
        (_("Instansi"), lambda o: o.instansi.name), (_("Unit kerja"), lambda o: o.unit.name),
        (_("Kode"), lambda o: o.code), (_("Nama jabatan"), lambda o: o.name),
        (_("Jenis"), lambda o: o.get_kind_display()), (_("Jenjang"), lambda o: o.get_functional_level_display()),
        (_("Formasi"), lambda o: o.seats), (_("Terisi"), lambda o: o.holder_count), archived_column(),
    ]
    return list_page(request, queryset=qs, template="positions/list.html", title=_("Jabatan"),
                     columns=columns, export_name="jabatan", filter_form=form,
                     context={"can_create": scope.can(Resource.POSITION, Action.CREATE)})


@login_required
def position_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    position = selectors.position_get(viewer=request.user, pk=pk)
    scope = Scope.of(request.user)
    return render(request, "positions/detail.html", {
        "title": position.name, "position": position,
        "can_edit": scope.allows_object(Resource.POSITION, Action.UPDATE, position) and not position.is_archived,
        "can_archive": scope.allows_object(Resource.POSITION, Action.ARCHIVE, position) and not position.is_archived,
    })


@login_required
def position_create(request: AuthenticatedRequest) -> HttpResponse:
    return create_page(
        request, resource=Resource.POSITION, title=_("Tambah jabatan"),
        form=PositionForm(request.POST or None, viewer=request.user, initial=own_instansi(request)),
        create=services.position_create, fk_fields=("instansi", "unit"),
        success_url=lambda o: reverse("positions:detail", args=[o.pk]),
        success_message=_("Jabatan disimpan."),
    )


@login_required
def position_update(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    position = selectors.position_get(viewer=request.user, pk=pk)
    return update_page(
        request, resource=Resource.POSITION, obj=position, title=_("Ubah jabatan"),
        form=PositionForm(request.POST or None, instance=position, viewer=request.user),
        update=lambda d: services.position_update(
            actor=request.user, interface=Interface.WEB,
            position=selectors.position_get(viewer=request.user, pk=pk),
            data=model_data({k: v for k, v in d.items() if k != "instansi"}, ("unit",))),
        success_url=lambda o: reverse("positions:detail", args=[o.pk]),
        success_message=_("Jabatan disimpan."),
    )


@login_required
def position_archive(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    position = selectors.position_get(viewer=request.user, pk=pk)
    return archive_page(
        request, resource=Resource.POSITION, obj=position, what=_("jabatan"), name=position.name, back_url=reverse("positions:detail", args=[pk]),
        perform=lambda reason: services.position_archive(actor=request.user, interface=Interface.WEB,
                                                         position=position, reason=reason))
