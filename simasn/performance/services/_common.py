"""What every performance service shares: the actor's employee record, refusals, dates."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.performance.models import PerformancePeriod, PerformancePlan, PeriodStatus, PlanStatus


def deny() -> PermissionDeniedError:
    return PermissionDeniedError(_("Anda tidak berwenang melakukan tindakan ini pada data tersebut."))


def require(ok: bool) -> None:
    if not ok:
        raise deny()


def actor_employee_id(actor: Actor) -> int | None:
    return getattr(actor, "employee_id", None)


def require_open(period: PerformancePeriod) -> None:
    if period.status != PeriodStatus.OPEN:
        raise ApplicationError(_("Periode kinerja %(year)s sudah ditutup.") % {"year": period.year},
                               code="period_closed")


def require_editable(plan: PerformancePlan) -> None:
    require_open(plan.period)
    if plan.status == PlanStatus.FINAL:
        raise ApplicationError(_("SKP ini sudah final dan tidak dapat diubah."), code="plan_final")


def today() -> dt.date:
    return timezone.localdate()
