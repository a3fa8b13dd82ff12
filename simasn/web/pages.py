"""Thin-view helpers shared by the registry screens: search + pagination + export
lists, and forms whose submission goes to a service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.services import export_record
from simasn.web.exports import EXCEL_ID_DELIMITER, Column, csv_response, xlsx_response
from simasn.web.pagination import EstimatingPaginator


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def list_page(
    request: HttpRequest,
    *,
    queryset: Any,
    template: str,
    title: str,
    columns: list[Column],
    export_name: str,
    filter_form: forms.BaseForm | None = None,
    context: dict[str, Any] | None = None,
    export_object_type: str = "",
    estimate_count: bool = True,
) -> HttpResponseBase:
    """Render a searchable, paginated list; `?format=csv|xlsx` exports the same rows.
    Very large result sets show an estimated total (core/pagination.py) unless
    `estimate_count` is False — for queries the planner cannot estimate well."""
    fmt = request.GET.get("format")
    if fmt in {"csv", "xlsx"}:
        export_record(actor=request.user, interface=Interface.WEB, object_type=export_object_type or export_name,
                      instansi_id=getattr(request.user, "instansi_id", None),
                      extra={"format": fmt, "query": request.GET.urlencode()})
        rows = queryset.iterator(chunk_size=2000)
        if fmt == "csv":
            delimiter = EXCEL_ID_DELIMITER if request.GET.get("sep") == "semicolon" else ","
            return csv_response(export_name, columns, rows, delimiter=delimiter)
        return xlsx_response(export_name, columns, rows, title=title)
    paginator = (EstimatingPaginator if estimate_count else Paginator)(queryset, settings.SIMASN_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    ctx = {
        "title": title,
        "page_obj": page,
        "filter_form": filter_form,
        "querystring": query.urlencode(),
        **(context or {}),
    }
    if is_htmx(request):
        return render(request, template, {**ctx, "partial": True})
    return render(request, template, ctx)


def apply_errors(form: forms.BaseForm, error: ApplicationError) -> None:
    """Attach a service's field errors to the form's fields (or to the form)."""
    placed = False
    for name, msgs in error.fields.items():
        target = name if name in form.fields else None
        for msg in msgs:
            form.add_error(target, msg)
            placed = True
    if not placed:
        form.add_error(None, error.message)


def form_page(
    request: HttpRequest,
    *,
    form: forms.BaseForm,
    template: str,
    title: str,
    submit: Callable[[dict[str, Any]], Any],
    success_url: Callable[[Any], str],
    success_message: str,
    context: dict[str, Any] | None = None,
    base_template: str = "base.html",
) -> HttpResponse:
    """GET shows the form; a valid POST calls the service; a refusal shows its messages.
    `base_template` lets an app keep its own layout (extra CSS/JS) around the shared form."""
    form.label_suffix = ""
    if request.method == "POST" and form.is_valid():
        try:
            obj = submit(form.cleaned_data)
        except ApplicationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, success_message)
            return HttpResponseRedirect(success_url(obj))
    status = 400 if request.method == "POST" else 200
    return render(request, template, {"form": form, "title": title, "form_base": base_template,
                                      **(context or {})}, status=status)


def model_data(cleaned: dict[str, Any], fk_fields: tuple[str, ...] = ()) -> dict[str, Any]:
    """Form data to service data: foreign keys become `<name>_id`."""
    data: dict[str, Any] = {}
    for key, value in cleaned.items():
        if key in fk_fields:
            data[f"{key}_id"] = value.pk if value is not None else None
        else:
            data[key] = value
    return data


def not_allowed_message() -> str:
    return _("Anda tidak berwenang membuka halaman ini.")


def require_page(request: HttpRequest, resource: Resource, action: Action = Action.VIEW) -> Scope:
    """The viewer's Scope when the policy table lets them ``action`` on ``resource``;
    otherwise the page refuses with the one "not allowed" message."""
    scope = Scope.of(request.user)
    if not scope.can(resource, action):
        raise PermissionDeniedError(not_allowed_message())
    return scope


def run_service(request: HttpRequest, call: Callable[[], Any], ok: str, back: str) -> HttpResponseBase:
    """Run a service from a POST; a refusal becomes a message on the page it came from."""
    try:
        call()
    except ApplicationError as error:
        details = [m for msgs in error.fields.values() for m in msgs if m != error.message]
        messages.error(request, " ".join([error.message, *details]))
    else:
        messages.success(request, ok)
    return HttpResponseRedirect(back)


def form_errors_text(form: forms.BaseForm) -> str:
    """A bound form's errors as one line ("Label: message; ..."), for a message."""
    return "; ".join(f"{form.fields[k].label if k in form.fields else ''}: {' '.join(str(m) for m in v)}".strip(": ")
                     for k, v in form.errors.items())


class Rows(list):
    """A computed list that list_page can page and export like a queryset."""

    def iterator(self, chunk_size: int = 2000) -> Rows:
        return self


def confirm_page(
    request: HttpRequest,
    *,
    title: str,
    question: str,
    perform: Callable[[str], Any],
    success_url: str,
    success_message: str,
    cancel_url: str,
    needs_reason: bool = True,
) -> HttpResponse:
    """Ask before an irreversible step; the POST carries an optional reason for the audit trail."""
    error = None
    if request.method == "POST":
        reason = request.POST.get("reason", "").strip()
        if needs_reason and not reason:
            error = _("Tuliskan alasannya; alasan dicatat di jejak audit.")
        else:
            try:
                perform(reason)
            except ApplicationError as refusal:
                error = refusal.message
            else:
                messages.success(request, success_message)
                return HttpResponseRedirect(success_url)
    return render(request, "web/confirm.html", {
        "title": title, "question": question, "error": error, "cancel_url": cancel_url,
        "needs_reason": needs_reason,
    }, status=400 if error else 200)


def archived_column() -> Column:
    """The export column of an archivable list: when the row was archived ("" while it is not)."""
    return _("Diarsipkan pada"), lambda o: timezone.localtime(o.archived_at).date() if o.archived_at else ""


def own_instansi(request: HttpRequest) -> dict[str, Any]:
    """A new record's initial instansi: the viewer's own."""
    return {"instansi": getattr(request.user, "instansi_id", None)}


def create_page(request: HttpRequest, *, resource: Resource, form: forms.BaseForm, title: str,
                create: Callable[..., Any], fk_fields: tuple[str, ...], success_url: Callable[[Any], str],
                success_message: str) -> HttpResponse:
    """A registry record's "add" page: allowed by the policy table; the cleaned form goes to
    the app's ``<entity>_create(actor=, interface=, data=)`` service."""
    require_page(request, resource, Action.CREATE)
    return form_page(
        request, form=form, template="web/form.html", title=title,
        submit=lambda d: create(actor=request.user, interface=Interface.WEB, data=model_data(d, fk_fields)),
        success_url=success_url, success_message=success_message,
    )


def update_page(request: HttpRequest, *, resource: Resource, obj: Any, form: forms.BaseForm, title: str,
                update: Callable[[dict[str, Any]], Any], success_url: Callable[[Any], str],
                success_message: str) -> HttpResponse:
    """A registry record's "edit" page: allowed by the policy table for this object;
    ``update(cleaned)`` calls the app's service."""
    Scope.of(request.user).require(resource, Action.UPDATE, obj=obj)
    return form_page(request, form=form, template="web/form.html", title=title, submit=update,
                     success_url=success_url, success_message=success_message)


def archived_filter() -> forms.BooleanField:
    """The list filter that adds archived rows (lists leave them out by default)."""
    return forms.BooleanField(label=gettext_lazy("Tampilkan juga yang diarsipkan"), required=False)


def archive_page(request: HttpRequest, *, what: str, name: str, perform: Callable[[str], Any],
                 back_url: str, resource: Resource | None = None, obj: Any = None) -> HttpResponse:
    """Confirm archiving `name` (a `what`: "unit kerja", ...) with a reason; `perform(reason)`
    calls the app's `<entity>_archive` service, whose refusal says why not. Given `resource`
    and `obj`, the policy table must allow archiving that object first."""
    if resource is not None:
        Scope.of(request.user).require(resource, Action.ARCHIVE, obj=obj)
    return confirm_page(
        request, title=_("Arsipkan %(what)s") % {"what": what},
        question=_("Arsipkan %(what)s %(name)s? Data yang diarsipkan tidak dihapus: riwayat dan keputusan "
                   "yang menyebutnya tetap utuh, tetapi ia tidak lagi muncul di daftar dan pilihan.")
        % {"what": what, "name": name},
        perform=perform, success_url=back_url, cancel_url=back_url,
        success_message=_("%(name)s diarsipkan.") % {"name": name},
    )


def limit_choices(form: forms.BaseForm, name: str, queryset: Any) -> None:
    """Offer only the rows the viewer may use in a foreign-key field."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset
