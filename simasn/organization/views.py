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
    form_page,
    list_page,
    model_data,
    not_allowed_message,
)


def _require(request: AuthenticatedRequest, resource: Resource, action: Action) -> None:
    if not Scope.of(request.user).can(resource, action):
        raise PermissionDeniedError(not_allowed_message())


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
    _require(request, Resource.INSTANSI, Action.CREATE)
    return form_page(
        request, form=InstansiForm(request.POST or None), template="web/form.html",
        title=_("Tambah instansi"),
        submit=lambda d: services.instansi_create(actor=request.user, interface=Interface.WEB,
                                                  data=model_data(d, ("province",))),
        success_url=lambda o: reverse("organization:instansi_detail", args=[o.pk]),
        success_message=_("Instansi disimpan."),
    )


@login_required
def instansi_update(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    instansi = selectors.instansi_get(viewer=request.user, pk=pk)
    Scope.of(request.user).require(Resource.INSTANSI, Action.UPDATE, obj=instansi)
    return form_page(
        request, form=InstansiForm(request.POST or None, instance=instansi),
        template="web/form.html", title=_("Ubah instansi"),
        submit=lambda d: services.instansi_update(
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
    _require(request, Resource.UNIT, Action.CREATE)
    initial = {"instansi": request.user.instansi_id}  # type: ignore[union-attr]
    return form_page(
        request, form=UnitForm(request.POST or None, viewer=request.user, initial=initial),
        template="web/form.html", title=_("Tambah unit kerja"),
        submit=lambda d: services.unit_create(actor=request.user, interface=Interface.WEB,
                                              data=model_data(d, ("instansi", "parent"))),
        success_url=lambda o: reverse("organization:unit_list"),
        success_message=_("Unit kerja disimpan."),
    )


@login_required
def unit_update(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get(viewer=request.user, pk=pk)
    Scope.of(request.user).require(Resource.UNIT, Action.UPDATE, obj=unit)
    return form_page(
        request, form=UnitForm(request.POST or None, instance=unit, viewer=request.user),
        template="web/form.html", title=_("Ubah unit kerja"),
        submit=lambda d: services.unit_update(
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
    _require(request, Resource.OFFICIAL, Action.CREATE)
    initial = {"instansi": request.user.instansi_id}  # type: ignore[union-attr]
    return form_page(
        request, form=OfficialForm(request.POST or None, viewer=request.user, initial=initial),
        template="web/form.html", title=_("Tambah pejabat"),
        submit=lambda d: services.official_create(actor=request.user, interface=Interface.WEB,
                                                  data=model_data(d, ("instansi",))),
        success_url=lambda o: reverse("organization:official_list"),
        success_message=_("Pejabat disimpan."),
    )


@login_required
def official_update(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    official = selectors.official_get(viewer=request.user, pk=pk)
    Scope.of(request.user).require(Resource.OFFICIAL, Action.UPDATE, obj=official)
    return form_page(
        request, form=OfficialForm(request.POST or None, instance=official, viewer=request.user),
        template="web/form.html", title=_("Ubah pejabat"),
        submit=lambda d: services.official_update(
            actor=request.user, interface=Interface.WEB,
            official=selectors.official_get(viewer=request.user, pk=pk),
            data={k: v for k, v in d.items() if k not in ("instansi", "role")}),
        success_url=lambda o: reverse("organization:official_list"),
        success_message=_("Pejabat disimpan."),
    )


@login_required
def instansi_archive(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    instansi = selectors.instansi_get(viewer=request.user, pk=pk)
    Scope.of(request.user).require(Resource.INSTANSI, Action.ARCHIVE, obj=instansi)
    return archive_page(
        request, what=_("instansi"), name=instansi.name, back_url=reverse("organization:instansi_detail", args=[pk]),
        perform=lambda reason: services.instansi_archive(actor=request.user, interface=Interface.WEB,
                                                         instansi=instansi, reason=reason))


@login_required
def unit_archive(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get(viewer=request.user, pk=pk)
    Scope.of(request.user).require(Resource.UNIT, Action.ARCHIVE, obj=unit)
    return archive_page(
        request, what=_("unit kerja"), name=unit.name, back_url=reverse("organization:unit_list"),
        perform=lambda reason: services.unit_archive(actor=request.user, interface=Interface.WEB, unit=unit,
                                                     reason=reason))


@login_required
def official_archive(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    official = selectors.official_get(viewer=request.user, pk=pk)
    Scope.of(request.user).require(Resource.OFFICIAL, Action.ARCHIVE, obj=official)
    return archive_page(
        request, what=_("catatan pejabat"), name=official.person_name, back_url=reverse("organization:official_list"),
        perform=lambda reason: services.official_archive(actor=request.user, interface=Interface.WEB,
                                                         official=official, reason=reason))
