from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from simasn.accounts import selectors as access_selectors
from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.personnel import law_bridge, selectors, services
from simasn.personnel.forms import EmployeeFilterForm, EmployeeForm, EmployeeSensitiveForm
from simasn.personnel.masking import mask_nik
from simasn.web.pages import (
    apply_errors,
    create_page,
    list_page,
    model_data,
    not_allowed_message,
    own_instansi,
    update_page,
)

FKS = ("instansi", "unit", "position")


@login_required
def employee_list(request: AuthenticatedRequest) -> HttpResponseBase:
    scope = Scope.of(request.user)
    if not scope.can(Resource.EMPLOYEE):
        raise PermissionDeniedError(not_allowed_message())
    form = EmployeeFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = selectors.employee_list(viewer=request.user, q=data.get("q", ""),
                                 employee_type=data.get("employee_type", ""), status=data.get("status", ""))
    columns = [
        (_("NIP"), lambda e: e.nip), (_("Nama"), lambda e: e.full_name),
        (_("Jenis"), lambda e: e.employee_type), (_("NIK"), lambda e: mask_nik(e.nik)),
        (_("Instansi"), lambda e: e.instansi.name), (_("Jabatan"), lambda e: e.position.name if e.position else ""),
        (_("Golongan"), lambda e: e.rank), (_("Status"), lambda e: e.get_status_display()),
        # The export carries the register's working data too (not only the eight list columns).
        (_("Unit kerja"), lambda e: e.unit.name if e.unit else ""),
        (_("Jenis kelamin"), lambda e: e.get_sex_display()), (_("Tanggal lahir"), lambda e: e.birth_date),
        (_("TMT CPNS"), lambda e: e.tmt_cpns), (_("TMT PNS"), lambda e: e.tmt_pns),
        (_("Awal perjanjian kerja"), lambda e: e.contract_start),
        (_("Akhir perjanjian kerja"), lambda e: e.contract_end),
        (_("Pendidikan"), lambda e: e.get_education_level_display()),
    ]
    return list_page(request, queryset=qs, template="personnel/list.html", title=_("Pegawai ASN"),
                     columns=columns, export_name="pegawai", filter_form=form,
                     export_object_type="personnel.employee",
                     context={"can_create": scope.can(Resource.EMPLOYEE, Action.CREATE)})


def _detail(request: AuthenticatedRequest, employee_pk: int) -> HttpResponse:
    employee = selectors.employee_get(viewer=request.user, pk=employee_pk)
    scope = Scope.of(request.user)
    today = timezone.localdate()
    retirement = law_bridge.retirement_decision(employee, on=today)
    audit = access_selectors.audit_list(viewer=request.user, subject_employee_id=employee.pk)[:50]
    return render(request, "personnel/detail.html", {
        "title": employee.full_name, "employee": employee, "nik_masked": mask_nik(employee.nik),
        "retirement": retirement,
        "history": selectors.position_history_list(viewer=request.user, employee=employee),
        "can_edit": scope.allows_object(Resource.EMPLOYEE, Action.UPDATE, employee),
        "can_reveal": selectors.employee_can_reveal(viewer=request.user, employee=employee),
        "audit_events": audit,
    })


@login_required
def employee_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _detail(request, pk)


@login_required
def my_record(request: AuthenticatedRequest) -> HttpResponse:
    employee_id = request.user.employee_id  # type: ignore[union-attr]
    if not employee_id:
        raise NotFoundError(_("Akun Anda tidak terhubung dengan data pegawai."))
    return redirect("personnel:detail", pk=employee_id)


@login_required
@require_POST
def employee_reveal(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employee = selectors.employee_get(viewer=request.user, pk=pk)
    values = services.employee_sensitive_reveal(actor=request.user, interface=Interface.WEB, employee=employee)
    return render(request, "personnel/_sensitive.html", {"values": values, "employee": employee})


@login_required
def employee_create(request: AuthenticatedRequest) -> HttpResponse:
    return create_page(
        request, resource=Resource.EMPLOYEE, title=_("Tambah pegawai"),
        form=EmployeeForm(request.POST or None, viewer=request.user, initial=own_instansi(request)),
        create=services.employee_create, fk_fields=FKS,
        success_url=lambda o: reverse("personnel:detail", args=[o.pk]),
        success_message=_("Data pegawai disimpan."),
    )


@login_required
def employee_update(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employee = selectors.employee_get(viewer=request.user, pk=pk)
    form = EmployeeForm(request.POST or None, instance=employee, viewer=request.user)
    locked = {name for name, field in form.fields.items() if field.disabled}
    return update_page(
        request, resource=Resource.EMPLOYEE, obj=employee, form=form, title=_("Ubah data pegawai"),
        update=lambda d: services.employee_update(
            actor=request.user, interface=Interface.WEB,
            employee=selectors.employee_get(viewer=request.user, pk=pk),
            data=model_data({k: v for k, v in d.items() if k not in locked}, FKS)),
        success_url=lambda o: reverse("personnel:detail", args=[o.pk]),
        success_message=_("Data pegawai disimpan."),
    )


@login_required
def employee_sensitive_update(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Edit the sensitive personal data in a step of its own: the form opens only through
    the audited reveal (a POST), so the edit page never shows a full NIK unrecorded."""
    employee = selectors.employee_get(viewer=request.user, pk=pk)
    scope = Scope.of(request.user)
    scope.require(Resource.EMPLOYEE, Action.UPDATE, obj=employee)
    scope.require(Resource.EMPLOYEE_SENSITIVE, Action.VIEW, obj=employee)
    context = {"title": _("Ubah data pribadi"), "employee": employee, "nik_masked": mask_nik(employee.nik)}
    if request.method != "POST":
        return render(request, "personnel/sensitive_edit.html", {**context, "opened": False})
    if request.POST.get("open"):
        services.employee_sensitive_reveal(actor=request.user, interface=Interface.WEB, employee=employee)
        form = EmployeeSensitiveForm(instance=employee)
        return render(request, "personnel/sensitive_edit.html", {**context, "opened": True, "form": form})
    form = EmployeeSensitiveForm(request.POST, instance=selectors.employee_get(viewer=request.user, pk=pk))
    form.label_suffix = ""
    if form.is_valid():
        try:
            services.employee_update(actor=request.user, interface=Interface.WEB, employee=employee,
                                     data=dict(form.cleaned_data))
        except ApplicationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Data pribadi pegawai disimpan."))
            return redirect("personnel:detail", pk=employee.pk)
    return render(request, "personnel/sensitive_edit.html", {**context, "opened": True, "form": form}, status=400)
