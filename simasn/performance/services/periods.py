"""Periods: the annual period of an instansi and its periodic evaluations, as the law dates
them (rule ``performance.periods``: PP 30/2019 Pasal 1 angka 3; PermenPANRB 6/2022), opened
and closed by the operator."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError
from simasn.core.interfaces import Interface
from simasn.law import performance_periods
from simasn.law.enums import PeriodicScheme
from simasn.performance.models import PerformancePeriod, PeriodStatus, UnitRating


def evaluations(period: PerformancePeriod) -> list[dict]:
    """The periodic evaluations of the period (code, labels, start, end), then the annual one."""
    decision = performance_periods(year=period.year, scheme=period.scheme, on=period.start_date)
    annual = dict(decision.outcome["annual"], code="TAHUNAN")
    return [*decision.outcome["periodic"], annual]


def period_open(*, actor: Actor, interface: Interface, instansi_id: int, year: int,
                scheme: str = "") -> PerformancePeriod:
    Scope.of(actor).require(Resource.PERFORMANCE_PERIOD, Action.CREATE, instansi_id=instansi_id)
    if scheme and scheme not in set(PeriodicScheme):
        raise ApplicationError(_("Skema evaluasi periodik tidak dikenal."), fields={"scheme": [_("Tidak dikenal.")]})
    decision = performance_periods(year=year, scheme=scheme or None, on=dt.date(year, 1, 1))
    if decision.needs_legal_review or "annual" not in decision.outcome:
        raise ApplicationError(_("Periode kinerja tahun %(year)s tidak dapat ditentukan menurut aturan: "
                                 "perlu kajian hukum.") % {"year": year}, code="period_unknown",
                               fields={"year": [decision.explanation_id]})
    with transaction.atomic(durable=True):
        if PerformancePeriod.objects.filter(instansi_id=instansi_id, year=year).exists():
            raise ConflictError(_("Periode kinerja tahun %(year)s sudah ada.") % {"year": year},
                                fields={"year": [_("Sudah ada.")]})
        annual = decision.outcome["annual"]
        period = PerformancePeriod.objects.create(
            instansi_id=instansi_id, year=year, scheme=str(decision.outcome["scheme"]),
            start_date=annual["start"], end_date=annual["end"], created_by=actor, updated_by=actor)
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=period,
                     changes={"year": year, "scheme": period.scheme}, citations=decision.citations)
    return period


def period_close(*, actor: Actor, interface: Interface, period: PerformancePeriod) -> PerformancePeriod:
    """Close the year once every unit with annual ratings has been finalised."""
    Scope.of(actor).require(Resource.PERFORMANCE_PERIOD, Action.UPDATE, obj=period)
    with transaction.atomic(durable=True):
        period = PerformancePeriod.objects.select_for_update().get(pk=period.pk)
        if period.status == PeriodStatus.CLOSED:
            raise ConflictError(_("Periode ini sudah ditutup."))
        rated_units = set(period.plans.filter(ratings__evaluation="TAHUNAN").values_list("unit_id", flat=True))
        final_units = set(UnitRating.objects.filter(period=period, finalised_at__isnull=False)
                          .values_list("unit_id", flat=True))
        missing = rated_units - final_units
        if missing:
            raise ApplicationError(
                _("Periode belum dapat ditutup: %(n)d unit kerja belum memfinalkan penilaian tahunannya.")
                % {"n": len(missing)}, code="units_not_final")
        period.status = PeriodStatus.CLOSED
        period.closed_at = timezone.now()
        period.updated_by = actor
        period.save(update_fields=["status", "closed_at", "updated_by", "updated_at"])
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=period,
                     changes={"status": [PeriodStatus.OPEN, PeriodStatus.CLOSED]})
    return period
