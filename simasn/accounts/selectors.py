"""Reading the audit trail: who may read which audit events is an access question, so the
selector lives with the policy table and `Scope` (the events themselves are the kernel's)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from simasn.accounts.models import User
from simasn.accounts.policy import ROLE_INSTITUTION, Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.models import AuditEvent


def audit_list(*, viewer: User, q: str = "", action: str = "", object_type: str = "",
               object_id: str = "", subject_employee_id: int | None = None,
               since: dt.date | None = None, until: dt.date | None = None) -> QuerySet[AuditEvent]:
    qs = Scope.of(viewer).filter(AuditEvent.objects.all(), Resource.AUDIT, Action.VIEW)
    if since is not None:
        qs = qs.filter(occurred_at__date__gte=since)
    if until is not None:
        qs = qs.filter(occurred_at__date__lte=until)
    if q:
        qs = qs.filter(Q(object_repr__icontains=q) | Q(actor_label__icontains=q))
    if action:
        qs = qs.filter(action=action)
    if object_type:
        qs = qs.filter(object_type=object_type)
    if object_id:
        qs = qs.filter(object_id=str(object_id))
    if subject_employee_id is not None:
        qs = qs.filter(subject_employee_id=subject_employee_id)
    return qs


def users_acting_for(*, institution_id: int, code: str) -> QuerySet[User]:
    """Active users who act for a national institution: those whose account names it and the
    roles that stand for it (policy.ROLE_INSTITUTION) — whom a work-plan notice reaches."""
    roles = [role for role, role_code in ROLE_INSTITUTION.items() if role_code == code]
    return User.objects.filter(Q(institution_id=institution_id) | Q(role__in=roles), is_active=True)
