from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _

from simasn.accounts import selectors as access_selectors
from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import PermissionDeniedError
from simasn.personnel.models import EMPLOYEE_TYPE_CHOICES, STATUS_CHOICES
from simasn.site import selectors
from simasn.site.audit_display import AuditFilterForm, change_text
from simasn.site.navigation import navigation, waiting_counts
from simasn.site.waiting import waiting_for
from simasn.web.formatting import date_time
from simasn.web.pages import list_page, not_allowed_message


@login_required
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    scope = Scope.of(request.user)
    cards = selectors.dashboard_counts(viewer=request.user)
    composition = []
    if scope.can(Resource.EMPLOYEE) or scope.can(Resource.AGGREGATE):
        type_labels, status_labels = dict(EMPLOYEE_TYPE_CHOICES), dict(STATUS_CHOICES)
        composition = [
            {**row, "type_label": type_labels.get(row["employee_type"], row["employee_type"]),
             "status_label": status_labels.get(row["status"], row["status"])}
            for row in selectors.workforce_composition(viewer=request.user).values("employee_type", "status")
            .annotate(total=Count("id")).order_by("employee_type", "status")
        ]
    return render(request, "site/dashboard.html", {
        "title": _("Beranda"), "cards": cards, "composition": composition,
        "waiting": waiting_for(viewer=request.user),
        "can_audit": scope.can(Resource.AUDIT, Action.VIEW),
    })


@login_required
def nav_counts(request: AuthenticatedRequest) -> HttpResponse:
    """The menu's counts of waiting work, fetched by htmx after the page has loaded (so no page
    pays for every app's waiting list): out-of-band swaps into each menu item's badge."""
    items = navigation(request)["nav_items"]
    counts = waiting_counts(items, waiting_for(viewer=request.user))
    return render(request, "site/nav_counts.html", {"counts": [
        {"key": item["key"], "count": counts[item["key"]]} for item in items if counts.get(item["key"])
    ]})


@login_required
def audit_list(request: AuthenticatedRequest) -> HttpResponseBase:
    if not Scope.of(request.user).can(Resource.AUDIT, Action.VIEW):
        raise PermissionDeniedError(not_allowed_message())
    form = AuditFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = access_selectors.audit_list(viewer=request.user, q=data.get("q", ""), action=data.get("action", ""),
                                     since=data.get("since"), until=data.get("until"))
    columns = [
        (_("Waktu"), lambda e: date_time(e.occurred_at)),
        (_("Pelaku"), lambda e: e.actor_label),
        (_("Aksi"), lambda e: e.get_action_display()),
        (_("Antarmuka"), lambda e: e.get_interface_display()),
        (_("Objek"), lambda e: e.object_repr),
        (_("Perubahan"), change_text),
        (_("Alasan"), lambda e: e.reason),
    ]
    return list_page(request, queryset=qs, template="site/audit_list.html", title=_("Jejak audit"),
                     columns=columns, export_name="jejak-audit", filter_form=form, export_object_type="core.auditevent")
