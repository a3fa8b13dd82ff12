"""Reads of upaya administratif, scoped by the policy table; the service-level figures."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError, PermissionDeniedError
from simasn.core.providers import provide
from simasn.disputes import legal
from simasn.disputes.models import OPEN_STATES, Dispute, DisputeState, Route


def dispute_list(*, viewer: User, q: str = "", state: str = "", route: str = "",
                 employee_id: int | None = None, instansi_id: int | None = None) -> QuerySet[Dispute]:
    qs = Scope.of(viewer).filter(Dispute.objects.select_related("employee", "instansi"), Resource.DISPUTE)
    if q:
        qs = qs.filter(Q(employee__name__icontains=q) | Q(employee__nip__startswith=q)
                       | Q(decision_number__icontains=q))
    if state == "OPEN":
        qs = qs.filter(state__in=OPEN_STATES)
    elif state:
        qs = qs.filter(state=state)
    if route:
        qs = qs.filter(route=route)
    if employee_id:
        qs = qs.filter(employee_id=employee_id)
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    return qs


def dispute_get(*, viewer: User, pk: int) -> Dispute:
    dispute = dispute_list(viewer=viewer).filter(pk=pk).first()
    if dispute is None:
        raise NotFoundError("Upaya administratif tidak ditemukan.")
    return dispute


def next_due(dispute: Dispute) -> dt.date | None:
    """The deadline the open dispute waits on: the PPK's answer, then the decision."""
    if dispute.route == Route.BANDING_ADMINISTRATIF and dispute.state == DisputeState.DIAJUKAN and dispute.answer_due:
        return dispute.answer_due
    return dispute.decide_due


def service_levels(*, viewer: User, today: dt.date) -> dict[str, Any]:
    """Open keberatan and banding, and open discipline cases, per instansi: how many, how many
    past their deadline, the nearest deadline in working days, how many were decided late,
    and how long the oldest discipline case has been open — the figures an oversight body
    asks for. Counted over the viewer's reach for CASE_SERVICE_LEVELS (one instansi, or
    every instansi and the national total); aggregates only, no names."""
    scope = Scope.of(viewer)
    level = scope.reach(Resource.CASE_SERVICE_LEVELS, Action.VIEW)
    if level == Reach.NATIONAL:
        instansi_ids: list[int] | None = None
    elif level == Reach.INSTANSI and scope.instansi_id is not None:
        instansi_ids = [scope.instansi_id]
    else:
        raise PermissionDeniedError(_("Anda tidak berwenang melihat tingkat layanan."))
    rows: dict[int, dict[str, Any]] = defaultdict(lambda: {
        "instansi_id": None, "instansi": "", "open_keberatan": 0, "open_banding": 0, "overdue": 0,
        "nearest_days": None, "decided": 0, "decided_late": 0, "inadmissible": 0,
        "discipline_to_examine": 0, "discipline_to_decide": 0, "ethics_open": 0,
        "discipline_oldest_days": None, "discipline_decided_this_year": 0})
    disputes = Dispute.objects.all() if instansi_ids is None else Dispute.objects.filter(instansi_id__in=instansi_ids)
    for d in disputes.values("instansi_id", "instansi__name", "route", "state", "answer_due", "decide_due",
                             "decided_late"):
        row = rows[d["instansi_id"]]
        row["instansi_id"], row["instansi"] = d["instansi_id"], d["instansi__name"]
        if d["state"] == DisputeState.DIPUTUS:
            row["decided"] += 1
            row["decided_late"] += int(d["decided_late"])
            continue
        if d["state"] == DisputeState.TIDAK_DITERIMA:
            row["inadmissible"] += 1
            continue
        row["open_keberatan" if d["route"] == Route.KEBERATAN else "open_banding"] += 1
        due: dt.date | None = d["decide_due"]
        if d["route"] == Route.BANDING_ADMINISTRATIF and d["state"] == DisputeState.DIAJUKAN and d["answer_due"]:
            due = d["answer_due"]
        if due is None:
            continue
        left = legal.working_days_left(today, due)
        if due < today:
            row["overdue"] += 1
        if left is not None and (row["nearest_days"] is None or left < row["nearest_days"]):
            row["nearest_days"] = left
    discipline = provide("discipline.service_levels", instansi_ids=instansi_ids, today=today, default=None)
    for inst, counts in (discipline or {}).items():
        row = rows[inst]
        row["instansi_id"], row["instansi"] = inst, counts["instansi"]
        row["discipline_to_examine"] = counts["to_examine"]
        row["discipline_to_decide"] = counts["to_decide"]
        row["ethics_open"] = counts["ethics_open"]
        row["discipline_oldest_days"] = counts["oldest_days"]
        row["discipline_decided_this_year"] = counts["decided_this_year"]
    table = sorted(rows.values(), key=lambda r: (
        -r["overdue"], -(r["open_keberatan"] + r["open_banding"] + r["discipline_to_examine"]
                         + r["discipline_to_decide"]), r["instansi"]))
    totals = {key: sum(r[key] for r in table) for key in
              ("open_keberatan", "open_banding", "overdue", "decided", "decided_late", "inadmissible",
               "discipline_to_examine", "discipline_to_decide", "ethics_open", "discipline_decided_this_year")}
    return {"rows": table, "totals": totals, "national": instansi_ids is None,
            "discipline_known": discipline is not None}
