"""Reads of rewards, scoped by the policy table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import get_language

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError
from simasn.core.providers import provide
from simasn.personnel.models import Employee
from simasn.rewards import legal
from simasn.rewards.models import Award, SatyalancanaCandidate


def candidate_list(*, viewer: User, year: int, q: str = "", state: str = "",
                   klass: str = "") -> QuerySet[SatyalancanaCandidate]:
    qs = Scope.of(viewer).filter(SatyalancanaCandidate.objects.select_related("employee", "instansi"),
                                 Resource.SATYALANCANA).filter(year=year)
    if q:
        qs = qs.filter(Q(employee__name__icontains=q) | Q(employee__nip__startswith=q))
    if state:
        qs = qs.filter(state=state)
    if klass:
        qs = qs.filter(eligible_class=klass)
    return qs


def candidate_get(*, viewer: User, pk: int) -> SatyalancanaCandidate:
    found = Scope.of(viewer).filter(SatyalancanaCandidate.objects.select_related("employee", "instansi"),
                                    Resource.SATYALANCANA).filter(pk=pk).first()
    if found is None:
        raise NotFoundError("Calon tidak ditemukan.")
    return found


def award_list(*, viewer: User, employee_id: int | None = None) -> QuerySet[Award]:
    qs = Scope.of(viewer).filter(Award.objects.select_related("employee", "instansi"), Resource.REWARD)
    if employee_id:
        qs = qs.filter(employee_id=employee_id)
    return qs


def reward_record(*, viewer: User, employee_id: int, on: dt.date) -> dict[str, Any]:
    """An employee's reward record, structured by the components of Pasal 21 ayat (2)."""
    employee = Employee.objects.select_related("instansi", "position").filter(pk=employee_id).first()
    if employee is None or not Scope.of(viewer).allows_object(Resource.REWARD, Action.VIEW, employee):
        raise NotFoundError("Pegawai tidak ditemukan.")
    en = (get_language() or "id").startswith("en")
    awards = list(award_list(viewer=viewer, employee_id=employee_id))
    components = []
    for component in legal.components(on=on):
        mine = [a for a in awards if a.component == component["code"]]
        components.append({"code": component["code"], "label": component["label_en" if en else "label_id"],
                           "citation": component["citation"],
                           "forms": [f["label_en" if en else "label_id"] for f in component["forms"]],
                           "awards": mine})
    source, source_citations = legal.funding_source(employee.instansi.kind, on=on)
    record = provide("discipline.record", employee_ids=[employee.pk], on=on, default=None)
    candidacies = list(SatyalancanaCandidate.objects.filter(employee=employee).order_by("-year"))
    return {
        "employee": employee, "components": components, "funding_source": source,
        "funding_citations": source_citations,
        "salary": legal.basic_salary(employee_type=employee.employee_type, rank=employee.rank,
                                     tmt_cpns=employee.tmt_cpns, on=on),
        "discipline": None if record is None else record.get(employee.pk),
        "satyalancana": candidacies,
    }
