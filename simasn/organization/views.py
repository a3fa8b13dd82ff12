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
from simasn.core.interfaces import Interface
from simasn.organization import selectors, services
from simasn.organization.forms import (
    InstansiFilterForm,
    InstansiForm,
    OfficialForm,
    SearchForm,
    UnitForm,
)
from simasn.web.pages import (
    archive_page,
    archived_column,
    create_page,
    list_page,
    model_data,
    own_instansi,
    require_page,
    update_page,
)


def _require(request: AuthenticatedRequest, resource: Resource, action: Action) -> None:
    require_page(request, resource, action)


@login_required
def instansi_list(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.INSTANSI, Action.VIEW)
    form = InstansiFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = selectors.instansi_list(viewer=request.user, q=data.get("q", ""), kind=data.get("kind", ""),
                                 include_archived=data.get("include_archived", False))
    columns = [
        (_("Kode"), lambda o: o.code), (_("Nama"), lambda o: o.name),
        (_("Jenis"), lambda o: o.get_kind_display()),
        (_("Pusat/Daerah"), lambda o: _("Pusat") if o.is_pusat else _("Daerah")),
        archived_column(),
    ]
    return list_page(request, queryset=qs, template="organization/instansi_list.html",
                     title=_("Instansi"), columns=columns, export_name="instansi", filter_form=form,
                     context={"can_create": Scope.of(request.user).can(Resource.INSTANSI, Action.CREATE)})


@login_required
def instansi_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    instansi = selectors.instansi_get(viewer=request.user, pk=pk)
    scope = Scope.of(request.user)
    return render(request, "organization/instansi_detail.html", {
        "title": instansi.name, "instansi": instansi,
        "units": selectors.unit_list(viewer=request.user, instansi_id=pk)[:200],
        "officials": selectors.official_list(viewer=request.user, instansi_id=pk, include_archived=True),
        "can_edit": scope.allows_object(Resource.INSTANSI, Action.UPDATE, instansi) and not instansi.is_archived,
        "can_archive": scope.allows_object(Resource.INSTANSI, Action.ARCHIVE, instansi) and not instansi.is_archived,
    })


@login_required
def instansi_create(request: AuthenticatedRequest) -> HttpResponse:
    return create_page(
        request, resource=Resource.INSTANSI, form=InstansiForm(request.POST or None), title=_("Tambah instansi"),
        create=services.instansi_create, fk_fields=("province",),
        success_url=lambda o: reverse("organization:instansi_detail", args=[o.pk]),
        success_message=_("Instansi disimpan."),
    )


@login_required
def instansi_update(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    instansi = selectors.instansi_get(viewer=request.user, pk=pk)
    return update_page(
        request, resource=Resource.INSTANSI, obj=instansi, title=_("Ubah instansi"),
        form=InstansiForm(request.POST or None, instance=instansi),
        update=lambda d: services.instansi_update(
            actor=request.user, interface=Interface.WEB, instansi=selectors.instansi_get(viewer=request.user, pk=pk),
            data=model_data(d, ("province",))),
        success_url=lambda o: reverse("organization:instansi_detail", args=[o.pk]),
        success_message=_("Instansi disimpan."),
    )


@login_required
def unit_list(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.UNIT, Action.VIEW)
    form = SearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = selectors.unit_list(viewer=request.user, q=data.get("q", ""),
                             include_archived=data.get("include_archived", False))
    columns = [
        (_("Instansi"), lambda o: o.instansi.name), (_("Kode"), lambda o: o.code),
        (_("Nama"), lambda o: o.name), (_("Unit induk"), lambda o: o.parent.name if o.parent else ""),
        archived_column(),
    ]
    scope = Scope.of(request.user)
    return list_page(request, queryset=qs, template="organization/unit_list.html",
                     title=_("Unit kerja"), columns=columns, export_name="unit-kerja", filter_form=form,
                     context={"can_create": scope.can(Resource.UNIT, Action.CREATE),
                              "can_archive": scope.can(Resource.UNIT, Action.ARCHIVE)})


@login_required
def unit_create(request: AuthenticatedRequest) -> HttpResponse:
    return create_page(
        request, resource=Resource.UNIT, title=_("Tambah unit kerja"),
        form=UnitForm(request.POST or None, viewer=request.user, initial=own_instansi(request)),
        create=services.unit_create, fk_fields=("instansi", "parent"),
        success_url=lambda o: reverse("organization:unit_list"),
        success_message=_("Unit kerja disimpan."),
    )


@login_required
def unit_update(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get(viewer=request.user, pk=pk)
    return update_page(
        request, resource=Resource.UNIT, obj=unit, title=_("Ubah unit kerja"),
        form=UnitForm(request.POST or None, instance=unit, viewer=request.user),
        update=lambda d: services.unit_update(
            actor=request.user, interface=Interface.WEB, unit=selectors.unit_get(viewer=request.user, pk=pk),
            data=model_data({k: v for k, v in d.items() if k != "instansi"}, ("parent",))),
        success_url=lambda o: reverse("organization:unit_list"),
        success_message=_("Unit kerja disimpan."),
    )


@login_required
def official_list(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.OFFICIAL, Action.VIEW)
    form = SearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = selectors.official_list(viewer=request.user, q=data.get("q", ""),
                                 include_archived=data.get("include_archived", False))
    columns = [
        (_("Instansi"), lambda o: o.instansi.name), (_("Peran"), lambda o: o.get_role_display()),
        (_("Nama"), lambda o: o.person_name), (_("Jabatan"), lambda o: o.title),
        (_("Sejak"), lambda o: o.valid_from), (_("Sampai"), lambda o: o.valid_until or ""),
        archived_column(),
    ]
    scope = Scope.of(request.user)
    return list_page(request, queryset=qs, template="organization/official_list.html",
                     title=_("Pejabat PPK dan PyB"), columns=columns, export_name="pejabat",
                     filter_form=form,
                     context={"can_create": scope.can(Resource.OFFICIAL, Action.CREATE),
                              "can_archive": scope.can(Resource.OFFICIAL, Action.ARCHIVE)})


@login_required
def official_create(request: AuthenticatedRequest) -> HttpResponse:
    return create_page(
        request, resource=Resource.OFFICIAL, title=_("Tambah pejabat"),
        form=OfficialForm(request.POST or None, viewer=request.user, initial=own_instansi(request)),
        create=services.official_create, fk_fields=("instansi",),
        success_url=lambda o: reverse("organization:official_list"),
        success_message=_("Pejabat disimpan."),
    )


@login_required
def official_update(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    official = selectors.official_get(viewer=request.user, pk=pk)
    return update_page(
        request, resource=Resource.OFFICIAL, obj=official, title=_("Ubah pejabat"),
        form=OfficialForm(request.POST or None, instance=official, viewer=request.user),
        update=lambda d: services.official_update(
            actor=request.user, interface=Interface.WEB,
            official=selectors.official_get(viewer=request.user, pk=pk),
            data={k: v for k, v in d.items() if k not in ("instansi", "role")}),
        success_url=lambda o: reverse("organization:official_list"),
        success_message=_("Pejabat disimpan."),
    )


@login_required
def instansi_archive(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    instansi = selectors.instansi_get(viewer=request.user, pk=pk)
    return archive_page(
        request, resource=Resource.INSTANSI, obj=instansi, what=_("instansi"), name=instansi.name, back_url=reverse("organization:instansi_detail", args=[pk]),
        perform=lambda reason: services.instansi_archive(actor=request.user, interface=Interface.WEB,
                                                         instansi=instansi, reason=reason))


@login_required
def unit_archive(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get(viewer=request.user, pk=pk)
    return archive_page(
        request, resource=Resource.UNIT, obj=unit, what=_("unit kerja"), name=unit.name, back_url=reverse("organization:unit_list"),
        perform=lambda reason: services.unit_archive(actor=request.user, interface=Interface.WEB, unit=unit,
                                                     reason=reason))


@login_required
def official_archive(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    official = selectors.official_get(viewer=request.user, pk=pk)
    return archive_page(
        request, resource=Resource.OFFICIAL, obj=official, what=_("catatan pejabat"), name=official.person_name, back_url=reverse("organization:official_list"),
        perform=lambda reason: services.official_archive(actor=request.user, interface=Interface.WEB,
                                                         official=official, reason=reason))
