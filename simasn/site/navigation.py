"""The navigation each role sees, from the same policy that guards the data."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.web.waiting import WaitingItem

#: The whole menu, in display order: (label, url name, resource the viewer must be able to
#: see, or None for every signed-in user). The policy table decides who sees an item; a new
#: chapter app adds its line here (apps do not touch the menu themselves).
NAV_ITEMS: tuple[tuple[Any, str, Resource | None], ...] = (
    (_("Beranda"), "site:dashboard", None),
    (_("Instansi"), "organization:instansi_list", Resource.INSTANSI),
    (_("Unit kerja"), "organization:unit_list", Resource.UNIT),
    (_("Pejabat"), "organization:official_list", Resource.OFFICIAL),
    (_("Jabatan"), "positions:list", Resource.POSITION),
    # "Pegawai" alone is one employee elsewhere (a record's field); the menu item is the list.
    (pgettext_lazy("menu", "Pegawai"), "personnel:list", Resource.EMPLOYEE),
    (_("Jejak audit"), "site:audit_list", Resource.AUDIT),
    (_("Tindakan"), "actions:list", Resource.ACTION),
    # National institutions read the projection without seeing actions.
    (_("Proyeksi pensiun"), "actions:projection", Resource.AGGREGATE),
    (_("Aturan hukum"), "lawdata:try", None),
    (_("Sinkronisasi rencana kerja"), "workplans:cycle_list", Resource.WORKPLAN),
    (_("Kiriman rencana kerja"), "workplans:coordination_list", Resource.WORKPLAN_COORDINATION),
    (_("Impor pegawai"), "bulk:list", Resource.EMPLOYEE_IMPORT),
    (_("Perencanaan kebutuhan"), "planning:plan_list", Resource.NEEDS_PLAN),
    (_("Portal seleksi ASN"), "procurement:portal", None),
    (_("Seleksi ASN"), "procurement:periods", Resource.SELECTION_PERIOD),
    (_("Lamaran masuk"), "procurement:verification", Resource.APPLICATION_VERIFICATION),
    (_("Sanggah"), "procurement:sanggah_list", Resource.SANGGAH),
    (_("Pengangkatan"), "procurement:appointments", Resource.PROCUREMENT_APPOINTMENT),
    (_("Rekonsiliasi pendaftaran"), "procurement:reconciliation", Resource.PROCUREMENT_RECONCILIATION),
    (_("Kinerja"), "performance:home", Resource.PERFORMANCE_PERIOD),
    (_("Pengembangan kompetensi"), "learning:list", Resource.LEARNING_RECORD),
    (_("Kepatuhan JP"), "learning:compliance", Resource.LEARNING_COMPLIANCE),
    (_("Rencana pengembangan"), "learning:plans", Resource.DEVELOPMENT_PLAN),
    (_("Manajemen talenta"), "talent:grid", Resource.TALENT_PROFILE),
    (_("Rencana suksesi"), "talent:succession", Resource.TALENT_SUCCESSION),
    (_("Mobilitas talenta"), "talent:mobility_list", Resource.TALENT_MOBILITY),
    (_("Prioritas talenta nasional"), "talent:priority_list", Resource.TALENT_PRIORITY),
    (_("Kesenjangan talenta"), "talent:gaps", Resource.TALENT_GAP),
    (_("Kasus disiplin"), "discipline:list", Resource.DISCIPLINE_CASE),
    (_("Upaya administratif"), "disputes:list", Resource.DISPUTE),
    (_("Penghargaan dan pengakuan"), "rewards:candidates", Resource.SATYALANCANA),
)


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    scope = Scope.of(user)
    items = []
    for label, url_name, resource in NAV_ITEMS:
        if resource is not None and not scope.can(resource, Action.VIEW):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "active": False, "key": url_name.replace(":", "-")})
    # Highlight only the most specific item whose URL the current page is under.
    matches = [item for item in items if item["url"] != "/" and request.path.startswith(item["url"])]
    if matches:
        max(matches, key=lambda item: len(item["url"]))["active"] = True
    if user.employee_id:
        items.insert(1, {"label": _("Data saya"), "url": reverse("personnel:me"), "active": False,
                         "key": "personnel-me"})
    return {"nav_items": items}


def waiting_counts(items: list[dict[str, Any]], waiting: list[WaitingItem]) -> dict[str, int]:
    """How much waiting work belongs under each menu item: a waiting item counts for the menu
    item whose address is the longest prefix of the item's own page; what belongs to no item
    counts for the dashboard (Beranda), which also carries the total."""
    counts: dict[str, int] = {}
    home = next((item for item in items if item["url"] == "/"), None)
    for work in waiting:
        path = urlsplit(work.url).path
        under = [item for item in items if item["url"] != "/" and path.startswith(item["url"])]
        if under:
            key = max(under, key=lambda item: len(item["url"]))["key"]
            counts[key] = counts.get(key, 0) + work.count
    if home is not None and waiting:
        counts[home["key"]] = sum(work.count for work in waiting)
    return counts
