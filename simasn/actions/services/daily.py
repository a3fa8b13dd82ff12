"""The daily job that flags retirements past their TMT with no decision — it never retires anyone."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from simasn.actions.models import RetirementOverdueFlag
from simasn.actions.selectors import overdue_filter
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.interfaces import Interface
from simasn.law.grounds import Ground, cite
from simasn.personnel.models import Employee
from simasn.web.formatting import short_date


def retirement_overdue_flag(*, on: dt.date) -> list[int]:
    """The daily job: flag every employee past the TMT pensiun with no decision — never retire.

    UU 20/2023 Pasal 52 ayat (3) huruf c makes reaching the BUP a ground for dismissal, but
    the dismissal is still a decision of the official with authority (Pasal 29): the system
    records that it is late (one flag and one audit event per employee and TMT pensiun,
    idempotent, catching up missed days) and leaves the status alone. Returns the new flags.
    """
    new: list[int] = []
    late = overdue_filter(Employee.objects.all(), on).order_by("id")
    for employee in late.iterator(chunk_size=2000):
        tmt = dt.date(employee.tmt_index // 12, employee.tmt_index % 12 + 1, 1)  # type: ignore[attr-defined]
        with transaction.atomic(durable=True):
            flag, created = RetirementOverdueFlag.objects.get_or_create(
                employee_id=employee.pk, tmt_pensiun=tmt,
                defaults={"instansi_id": employee.instansi_id, "flagged_on": on})
            if not created:
                continue
            audit_record(
                actor=None, action=AuditAction.FLAGGED, interface=Interface.SYSTEM, obj=employee,
                reason=_("Melewati TMT pensiun %(tmt)s tanpa keputusan pemberhentian.")
                % {"tmt": short_date(tmt)},
                citations=cite(Ground.RETIREMENT_OVERDUE),
                extra={"tmt_pensiun": tmt.isoformat(), "flag": flag.pk},
            )
        new.append(flag.pk)
    return new
