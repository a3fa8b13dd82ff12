"""Who may act on which institution's part of a cycle.

The reach comes from the one policy table (simasn/accounts/policy.py). For roles that
act for one national institution, INSTANSI reach means "own institution": planners and
secretariat heads carry `User.institution`; the national roles below stand for their
institution by role.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.roles import Role
from simasn.accounts.scope import Scope
from simasn.core.errors import PermissionDeniedError
from simasn.organization.models import NationalInstitution

#: Roles that stand for one national institution without `User.institution` set.
ROLE_INSTITUTION = {
    Role.LAN: "LAN", Role.BKN: "BKN", Role.KASN: "KASN", Role.BAPPENAS: "BAPPENAS",
    Role.KEMENKEU: "KEMENKEU", Role.PRESIDEN: "PRESIDEN",
}


def institution_id_of(user: Any) -> int | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    if getattr(user, "institution_id", None):
        return int(user.institution_id)
    code = ROLE_INSTITUTION.get(user.role)
    if code is None:
        return None
    cache = getattr(user, "_wp_institution_cache", None)
    if cache is None:
        found = NationalInstitution.objects.filter(code=code).values_list("pk", flat=True).first()
        cache = (found,)
        user._wp_institution_cache = cache
    return cache[0]


def reach(user: Any, resource: Resource, action: Action = Action.VIEW) -> Reach:
    return Scope.of(user).reach(resource, action)


def allows(user: Any, resource: Resource, action: Action, *, institution_id: int | None) -> bool:
    level = reach(user, resource, action)
    if level == Reach.NATIONAL:
        return True
    if level >= Reach.INSTANSI:
        own = institution_id_of(user)
        return own is not None and own == institution_id
    return False


def require(user: Any, resource: Resource, action: Action, *, institution_id: int | None = None) -> None:
    if not allows(user, resource, action, institution_id=institution_id):
        raise PermissionDeniedError(
            _("Anda tidak berwenang melakukan tindakan ini pada data tersebut."),
            details={"resource": str(resource), "action": str(action)},
        )


def is_national(user: Any, resource: Resource, action: Action = Action.VIEW) -> bool:
    return reach(user, resource, action) == Reach.NATIONAL
