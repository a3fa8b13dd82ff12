"""The viewer's scope: the one mechanism that filters reads and guards writes.

Every model that holds scoped data declares `scope_instansi_field` (the lookup to its
instansi id, or a tuple of lookups when a row belongs to several instansi — a transfer
belongs to the drafting and the receiving one) or `scope_institution_field` (the lookup
to a national institution id: a work-plan cycle's parts) and, for personal data,
`scope_self_field` (the lookup to the employee id) or, for a person who is not (yet) an
employee — an applicant on the procurement portal — `scope_owner_field` (the lookup to
the user id who owns the row): SELF reach then means "rows this user owns". A grant the
policy table qualifies (`policy.QUALIFIED`) reaches exactly the rows the model's
`scope_qualifiers[qualifier]` names. Selectors call `Scope.filter`, services call
`Scope.require` (`allows` / `allows_object` answer the same question without raising).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _

from simasn.accounts.policy import (
    ROLE_INSTITUTION,
    Action,
    Own,
    Reach,
    Resource,
    qualifier,
    reach,
)
from simasn.core.errors import PermissionDeniedError

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class Scope:
    user_id: int | None
    role: str
    instansi_id: int | None
    employee_id: int | None
    institution_id: int | None = None
    user: Any = field(default=None, repr=False, compare=False)

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
            user=user,
        )

    def reach(self, resource: Resource, action: Action) -> Reach:
        return reach(self.role, resource, action)

    def own_institution_id(self) -> int | None:
        """The national institution the user acts for: `User.institution`, or for the roles
        that stand for one (policy.ROLE_INSTITUTION) that institution, read once per user."""
        if self.institution_id is not None:
            return self.institution_id
        code = ROLE_INSTITUTION.get(self.role)  # type: ignore[call-overload]
        if code is None or self.user is None:
            return None
        cached = getattr(self.user, "_scope_institution", None)
        if cached is None:
            from simasn.accounts.models import User  # accounts.models imports nothing of scope

            institution = User._meta.get_field("institution").related_model
            assert institution is not None and not isinstance(institution, str)
            cached = (institution._default_manager.filter(code=code).values_list("pk", flat=True).first(),)
            self.user._scope_institution = cached
        return cached[0]

    def _own(self, placeholder: Own) -> int | None:
        return {Own.INSTANSI: self.instansi_id, Own.EMPLOYEE: self.employee_id}.get(placeholder) \
            if placeholder != Own.INSTITUTION else self.own_institution_id()

    def _qualified_rows(self, model: type[models.Model], resource: Resource) -> dict[str, Any] | None:
        """The lookups of a qualified grant with the viewer's ids filled in; None when the
        model does not know the qualifier or the viewer has no such id (no rows)."""
        name = qualifier(self.role, resource)
        assert name is not None
        lookups = getattr(model, "scope_qualifiers", {}).get(name)
        if lookups is None:
            return None
        resolved = {}
        for lookup, value in lookups.items():
            if isinstance(value, Own):
                value = self._own(value)
                if value is None:
                    return None
            resolved[lookup] = value
        return resolved

    def is_qualified(self, resource: Resource) -> bool:
        """True when the role's grant on `resource` reaches some rows only (policy.QUALIFIED)."""
        return qualifier(self.role, resource) is not None

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
        institution_id: int | None = None,
    ) -> bool:
        """The grant without an object: a qualified grant needs the row (allows_object)."""
        level = self.reach(resource, action)
        if level > Reach.NONE and self.is_qualified(resource):
            return False
        if level == Reach.NATIONAL:
            return True
        if level == Reach.INSTANSI:
            if institution_id is not None:
                own = self.own_institution_id()
                return own is not None and institution_id == own
            return self.instansi_id is not None and instansi_id == self.instansi_id
        if level == Reach.SELF:
            if owner_id is not None:
                return self.user_id is not None and owner_id == self.user_id
            return self.employee_id is not None and employee_id == self.employee_id
        return False

    def allows_object(self, resource: Resource, action: Action, obj: models.Model) -> bool:
        level = self.reach(resource, action)
        if level == Reach.NONE:
            return False
        if self.is_qualified(resource):
            rows = self._qualified_rows(type(obj), resource)
            return rows is not None and _matches(obj, rows)
        if level == Reach.INSTANSI:
            instansi = [_value(obj, f) for f in _fields(obj, "scope_instansi_field")]
            if self.instansi_id is not None and self.instansi_id in instansi:
                return True
            institutions = [_value(obj, f) for f in _fields(obj, "scope_institution_field")]
            own = self.own_institution_id() if institutions else None
            return own is not None and own in institutions
        return self.allows(
            resource,
            action,
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
        institution_id: int | None = None,
    ) -> None:
        ok = (
            self.allows_object(resource, action, obj)
            if obj is not None
            else self.allows(resource, action, instansi_id=instansi_id, employee_id=employee_id,
                             owner_id=owner_id, institution_id=institution_id)
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
        if level == Reach.NONE:
            return queryset.none()
        if self.is_qualified(resource):
            rows = self._qualified_rows(model, resource)
            return queryset.none() if rows is None else _filter(queryset, Q(**rows))
        if level == Reach.NATIONAL:
            return queryset
        if level == Reach.INSTANSI:
            own = Q(pk__in=[])
            if self.instansi_id is not None:
                for lookup in _fields(model, "scope_instansi_field"):
                    own |= Q(**{lookup: self.instansi_id})
            institution_fields = _fields(model, "scope_institution_field")
            institution_id = self.own_institution_id() if institution_fields else None
            if institution_id is not None:
                for lookup in institution_fields:
                    own |= Q(**{lookup: institution_id})
            return _filter(queryset, own)
        owner_field = getattr(model, "scope_owner_field", None)
        if level == Reach.SELF and owner_field and self.user_id is not None:
            return queryset.filter(**{owner_field: self.user_id})
        if level == Reach.SELF and self.employee_id is not None:
            field = getattr(model, "scope_self_field", None)
            if field:
                return queryset.filter(**{field: self.employee_id})
        return queryset.none()


def _fields(model: Any, attribute: str) -> tuple[str, ...]:
    value = getattr(model, attribute, None)
    if not value:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _multivalued(model: type[models.Model], lookup: str) -> bool:
    """True when the lookup crosses a to-many relation (a row could then match twice)."""
    opts = model._meta
    for part in lookup.split("__"):
        try:
            found = opts.get_field(part)
        except FieldDoesNotExist:  # a transform or "pk": no more relations to cross
            return False
        if found.one_to_many or found.many_to_many:
            return True
        if found.related_model is None or isinstance(found.related_model, str):
            return False
        opts = found.related_model._meta
    return False


def _filter(queryset: models.QuerySet[M], condition: Q) -> models.QuerySet[M]:
    """Filter by `condition`; through a to-many relation as `pk IN (...)`, so that a row is
    listed once and the queryset keeps its shape (no DISTINCT)."""
    model = queryset.model
    lookups = [child[0] for child in _children(condition)]
    if any(_multivalued(model, lookup) for lookup in lookups):
        inner = model._default_manager.using(queryset.db).filter(condition).values("pk")
        return queryset.filter(pk__in=inner)
    return queryset.filter(condition)


def _children(condition: Q) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for child in condition.children:
        if isinstance(child, Q):
            found += _children(child)
        else:
            found.append(tuple(child))  # type: ignore[arg-type]  # a (lookup, value) pair
    return found


def _matches(obj: models.Model, rows: dict[str, Any]) -> bool:
    model = type(obj)
    if any(_multivalued(model, lookup) for lookup in rows):
        return model._default_manager.filter(Q(pk=obj.pk) & Q(**rows)).exists()
    return all(_value(obj, lookup) == value for lookup, value in rows.items())


def _value(obj: models.Model, lookup: str | None) -> int | None:
    if not lookup:
        return None
    value: Any = obj
    for part in lookup.split("__"):
        if value is None:
            return None
        value = getattr(value, part, None)
    return value
