"""The viewer's scope: the one mechanism that filters reads and guards writes.

Every model that holds scoped data declares `scope_instansi_field` (the lookup to its
instansi id) and, for personal data, `scope_self_field` (the lookup to the employee
id) or, for a person who is not (yet) an employee — an applicant on the procurement
portal — `scope_owner_field` (the lookup to the user id who owns the row): SELF reach
then means "rows this user owns". Selectors call `Scope.filter`, services call `Scope.require`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import models
from django.utils.translation import gettext as _

from simasn.accounts.policy import Action, Reach, Resource, reach
from simasn.core.errors import PermissionDeniedError

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class Scope:
    user_id: int | None
    role: str
    instansi_id: int | None
    employee_id: int | None
    institution_id: int | None = None

    @classmethod
    def of(cls, user: Any) -> Scope:
        if user is None or not getattr(user, "is_authenticated", False):
            return cls(user_id=None, role="", instansi_id=None, employee_id=None)
        return cls(
            user_id=user.pk,
            role=user.role,
            instansi_id=user.instansi_id,
            employee_id=user.employee_id,
            institution_id=getattr(user, "institution_id", None),
        )

    def reach(self, resource: Resource, action: Action) -> Reach:
        return reach(self.role, resource, action)

    def can(self, resource: Resource, action: Action = Action.VIEW) -> bool:
        """True when the role has this permission anywhere at all."""
        return self.reach(resource, action) > Reach.NONE

    def allows(
        self,
        resource: Resource,
        action: Action,
        *,
        instansi_id: int | None = None,
        employee_id: int | None = None,
        owner_id: int | None = None,
    ) -> bool:
        level = self.reach(resource, action)
        if level == Reach.NATIONAL:
            return True
        if level == Reach.INSTANSI:
            return self.instansi_id is not None and instansi_id == self.instansi_id
        if level == Reach.SELF:
            if owner_id is not None:
                return self.user_id is not None and owner_id == self.user_id
            return self.employee_id is not None and employee_id == self.employee_id
        return False

    def allows_object(self, resource: Resource, action: Action, obj: models.Model) -> bool:
        return self.allows(
            resource,
            action,
            instansi_id=_value(obj, getattr(obj, "scope_instansi_field", None)),
            employee_id=_value(obj, getattr(obj, "scope_self_field", None)),
            owner_id=_value(obj, getattr(obj, "scope_owner_field", None)),
        )

    def require(
        self,
        resource: Resource,
        action: Action,
        *,
        obj: models.Model | None = None,
        instansi_id: int | None = None,
        employee_id: int | None = None,
        owner_id: int | None = None,
    ) -> None:
        ok = (
            self.allows_object(resource, action, obj)
            if obj is not None
            else self.allows(resource, action, instansi_id=instansi_id, employee_id=employee_id,
                             owner_id=owner_id)
        )
        if not ok:
            raise PermissionDeniedError(
                _("Anda tidak berwenang melakukan tindakan ini pada data tersebut."),
                details={"resource": str(resource), "action": str(action)},
            )

    def filter(
        self, queryset: models.QuerySet[M], resource: Resource, action: Action = Action.VIEW
    ) -> models.QuerySet[M]:
        model = queryset.model
        level = self.reach(resource, action)
        if level == Reach.NATIONAL:
            return queryset
        if level == Reach.INSTANSI and self.instansi_id is not None:
            field = getattr(model, "scope_instansi_field", None)
            if field:
                return queryset.filter(**{field: self.instansi_id})
        owner_field = getattr(model, "scope_owner_field", None)
        if level == Reach.SELF and owner_field and self.user_id is not None:
            return queryset.filter(**{owner_field: self.user_id})
        if level == Reach.SELF and self.employee_id is not None:
            field = getattr(model, "scope_self_field", None)
            if field:
                return queryset.filter(**{field: self.employee_id})
        return queryset.none()


def _value(obj: models.Model, lookup: str | None) -> int | None:
    if not lookup:
        return None
    value: Any = obj
    for part in lookup.split("__"):
        if value is None:
            return None
        value = getattr(value, part, None)
    return value
