"""Rating by the rules: the predikat from the law's matrix (rule ``performance.predikat``;
a unit leader's by ``performance.leader_predikat``), overrides with the next-level
superior's approval, the organisation's rating of a unit and the finalisation of the unit's
annual ratings within the distribution limits it sets (PermenPANRB 6/2022 Lampiran), then
what the results feed (UU 20/2023 Pasal 44): development needs and the "tidak berkinerja"
cases (Pasal 52 ayat (3) huruf f) that a human decides."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError
from simasn.core.interfaces import Interface
from simasn.law import (
    check_distribution,
    decide_leader_predikat,
    decide_predikat,
    decide_tidak_berkinerja,
    organisation_ratings,
)
from simasn.law.grounds import Ground, cite
from simasn.performance import hierarchy
from simasn.performance.access import can_act_as_appraiser
from simasn.performance.models import (
    ANNUAL,
    EXPECTATION_CHOICES,
    ORGANISATION_RATING_CHOICES,
    PREDIKAT_CHOICES,
    CaseStatus,
    OverrideStatus,
    PerformancePeriod,
    PerformancePlan,
    PlanStatus,
    Rating,
    TidakBerkinerjaCase,
    UnitRating,
)
from simasn.performance.services._common import (
    actor_employee_id,
    require,
    require_editable,
    require_open,
)
from simasn.performance.services.periods import evaluations


def rating_set(*, actor: Actor, interface: Interface, plan: PerformancePlan, evaluation: str,
               work_result_rating: str, behaviour_rating: str,
               development_needs: list[str] | None = None) -> Rating:
    """The appraiser rates results and behaviour against expectations; the predikat is the
    law's. A unit leader's annual results are the unit's organisation rating."""
    require(can_act_as_appraiser(actor, plan))
    require_editable(plan)
    codes = [e["code"] for e in evaluations(plan.period)]
    if evaluation not in codes:
        raise ApplicationError(_("Periode evaluasi tidak dikenal."), fields={"evaluation": [_("Tidak dikenal.")]})
    valid = dict(EXPECTATION_CHOICES)
    if behaviour_rating not in valid or (work_result_rating not in valid and not plan.is_unit_leader):
        raise ApplicationError(_("Penilaian hasil kerja dan perilaku wajib dipilih."),
                               fields={"work_result_rating": [_("Wajib dipilih.")]})
    on = plan.end_date
    if plan.is_unit_leader and evaluation == ANNUAL:
        unit_rating = UnitRating.objects.filter(period=plan.period, unit_id=plan.unit_id).first()
        if unit_rating is None:
            raise ApplicationError(_("Predikat kinerja organisasi unit ini belum ditetapkan; hasil kerja pimpinan "
                                     "unit mengikuti predikat unitnya."), code="unit_rating_missing")
        decision = decide_leader_predikat(organisation_rating=unit_rating.rating, behaviour_rating=behaviour_rating,
                                          on=on)
        work_result_rating = str(decision.outcome["work_result_rating"])
    else:
        decision = decide_predikat(work_result_rating=work_result_rating, behaviour_rating=behaviour_rating, on=on)
    if decision.needs_legal_review or "predikat" not in decision.outcome:
        raise ApplicationError(decision.explanation_id, code="needs_legal_review")
    predikat = str(decision.outcome["predikat"])
    with transaction.atomic(durable=True):
        existing = Rating.objects.select_for_update().filter(plan=plan, evaluation=evaluation).first()
        if existing is not None and existing.is_final:
            raise ConflictError(_("Penilaian ini sudah final."))
        rating, _created = Rating.objects.update_or_create(plan=plan, evaluation=evaluation, defaults={
            "work_result_rating": work_result_rating, "behaviour_rating": behaviour_rating,
            "computed_predikat": predikat, "predikat": predikat, "citations": decision.citations,
            "override_predikat": "", "override_reason": "", "override_status": OverrideStatus.NONE,
            "override_decided_by": None, "rated_by_id": actor_employee_id(actor),
            "development_needs": [n.strip() for n in (development_needs or []) if n.strip()],
            "updated_by": actor, "created_by": actor})
        if evaluation == ANNUAL and plan.status != PlanStatus.RATED:
            plan.status = PlanStatus.RATED
            plan.save(update_fields=["status", "updated_at"])
        audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, obj=rating,
                     changes={"evaluation": evaluation, "work_result": work_result_rating,
                              "behaviour": behaviour_rating, "predikat": predikat},
                     citations=decision.citations)
    return rating


def rating_override_request(*, actor: Actor, interface: Interface, rating: Rating, predikat: str,
                            reason: str) -> Rating:
    """The appraiser proposes a predikat other than the matrix's, with a reason; it applies
    only once the next-level superior approves."""
    plan = rating.plan
    require(can_act_as_appraiser(actor, plan))
    require_editable(plan)
    if rating.is_final:
        raise ConflictError(_("Penilaian ini sudah final."))
    if predikat not in dict(PREDIKAT_CHOICES) or predikat == rating.computed_predikat:
        raise ApplicationError(_("Pilih predikat yang berbeda dari hasil matriks."),
                               fields={"predikat": [_("Tidak valid.")]})
    if not (reason or "").strip():
        raise ApplicationError(_("Penyesuaian predikat memerlukan alasan."), fields={"reason": [_("Wajib diisi.")]})
    with transaction.atomic(durable=True):
        rating.override_predikat = predikat
        rating.override_reason = reason.strip()
        rating.override_status = OverrideStatus.PENDING
        rating.override_approver_id = override_approver_id(rating)
        rating.override_decided_by = None
        rating.updated_by = actor
        rating.save()
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=rating,
                     changes={"override": [rating.computed_predikat, predikat], "status": OverrideStatus.PENDING},
                     reason=rating.override_reason, citations=cite(Ground.PERFORMANCE_RATING))
    return rating


def override_approver_id(rating: Rating) -> int | None:
    """The appraiser's own superior on the plan's last day (None: the PPK's office decides);
    stored on the request, so the policy table's qualified grants reach the override."""
    return hierarchy.next_level_id(appraiser=rating.plan.appraiser, on=rating.plan.end_date)


def rating_override_decide(*, actor: Actor, interface: Interface, rating: Rating, approve: bool,
                           note: str = "") -> Rating:
    plan = rating.plan
    require_open(plan.period)
    if rating.override_status != OverrideStatus.PENDING:
        raise ConflictError(_("Tidak ada penyesuaian predikat yang menunggu persetujuan."))
    # The approver named on the request, or at the top of the register the PPK's office.
    scope = Scope.of(actor)
    require(scope.allows_object(Resource.PERFORMANCE_OVERRIDE, Action.UPDATE, rating)
            or scope.allows_object(Resource.PERFORMANCE_OVERRIDE_OFFICE, Action.UPDATE, rating))
    with transaction.atomic(durable=True):
        before = rating.predikat
        rating.override_status = OverrideStatus.APPROVED if approve else OverrideStatus.REJECTED
        rating.override_decided_by_id = actor_employee_id(actor)
        if approve:
            rating.predikat = rating.override_predikat
        rating.updated_by = actor
        rating.save()
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=rating,
                     changes={"override": rating.override_status, "predikat": [before, rating.predikat]},
                     reason=note, citations=cite(Ground.PERFORMANCE_RATING))
    return rating


def unit_rating_set(*, actor: Actor, interface: Interface, period: PerformancePeriod, unit_id: int,
                    rating: str) -> UnitRating:
    Scope.of(actor).require(Resource.PERFORMANCE_UNIT_RATING, Action.CREATE, instansi_id=period.instansi_id)
    require_open(period)
    if rating not in dict(ORGANISATION_RATING_CHOICES):
        raise ApplicationError(_("Predikat organisasi tidak dikenal."), fields={"rating": [_("Tidak dikenal.")]})
    with transaction.atomic(durable=True):
        row = UnitRating.objects.select_for_update().filter(period=period, unit_id=unit_id).first()
        if row is not None and row.finalised_at is not None:
            raise ConflictError(_("Penilaian unit ini sudah difinalkan."))
        row, _created = UnitRating.objects.update_or_create(
            period=period, unit_id=unit_id, defaults={"rating": rating, "updated_by": actor, "created_by": actor})
        audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, obj=row,
                     changes={"unit": unit_id, "rating": rating}, citations=cite(Ground.PERFORMANCE_DISTRIBUTION))
    return row


def unit_annual_ratings(period: PerformancePeriod, unit_id: int) -> list[Rating]:
    """The annual ratings counted in a unit's distribution: plans whose segment ends with the
    period in that unit (an employee who moved out is counted in the unit they end in), the
    unit leader excluded — their predikat follows the unit's rating (whether the leader is
    counted is open: perlu kajian hukum, docs/law.md)."""
    return list(Rating.objects.filter(plan__period=period, plan__unit_id=unit_id, plan__end_date=period.end_date,
                                      plan__is_unit_leader=False, evaluation=ANNUAL).select_related("plan"))


def unit_unrated(period: PerformancePeriod, unit_id: int, *, leaders: bool = True) -> int:
    """Plans ending in the unit without an annual rating (`leaders=False`: those counted in
    the distribution only)."""
    plans = PerformancePlan.objects.filter(period=period, unit_id=unit_id, end_date=period.end_date)
    if not leaders:
        plans = plans.filter(is_unit_leader=False)
    return plans.exclude(ratings__evaluation=ANNUAL).count()


def unit_counts(period: PerformancePeriod, unit_id: int) -> dict[str, int]:
    """The unit's annual predikat counts: the same rows as unit_annual_ratings, counted by
    the database (a unit of thousands)."""
    return dict(Rating.objects.filter(plan__period=period, plan__unit_id=unit_id, plan__end_date=period.end_date,
                                      plan__is_unit_leader=False, evaluation=ANNUAL)
                .values_list("predikat").annotate(n=Count("pk")).order_by())


def unit_check(period: PerformancePeriod, unit_id: int, organisation_rating: str,  # type: ignore[no-untyped-def]
               counts: dict[str, int] | None = None):
    if counts is None:
        counts = unit_counts(period, unit_id)
    return check_distribution(counts, organisation_rating, period.end_date)


def unit_fits(period: PerformancePeriod, counts: dict[str, int]) -> list[dict]:
    """For each organisation rating the law lists: would these counts fit its limits, and
    which limits fail (rule ``performance.distribution``)? Nothing before any rating."""
    if not counts:
        return []
    found = []
    for rating in organisation_ratings(period.end_date):
        check = check_distribution(counts, rating["code"], period.end_date)
        found.append({"code": rating["code"], "label": rating["label_id"], "ok": check.ok,
                      "failures": [{"id": f.message_id, "en": f.message_en} for f in check.failures]})
    return found


def unit_finalise(*, actor: Actor, interface: Interface, unit_rating: UnitRating) -> UnitRating:
    """Finalise a unit's annual ratings: every plan rated, no override waiting, and the
    distribution within the limits of the unit's organisation rating."""
    period = unit_rating.period
    Scope.of(actor).require(Resource.PERFORMANCE_UNIT_RATING, Action.UPDATE, instansi_id=period.instansi_id)
    require_open(period)
    if unit_rating.finalised_at is not None:
        raise ConflictError(_("Penilaian unit ini sudah difinalkan."))
    unrated = unit_unrated(period, unit_rating.unit_id)
    if unrated:
        raise ApplicationError(_("%(n)d pegawai di unit ini belum dinilai tahunan.") % {"n": unrated},
                               code="unrated")
    ratings = unit_annual_ratings(period, unit_rating.unit_id)
    if any(r.override_status == OverrideStatus.PENDING for r in ratings):
        raise ApplicationError(_("Masih ada penyesuaian predikat yang menunggu persetujuan."), code="override_pending")
    check = unit_check(period, unit_rating.unit_id, unit_rating.rating)
    if not check.ok:
        messages = [f.message_id for f in check.failures]
        # The refusal is part of the unit's history (refused, then calibrated): audited.
        with transaction.atomic(durable=True):
            audit_record(actor=actor, action=AuditAction.REFUSED, interface=interface, obj=unit_rating,
                         changes={"finalised": False, "check": check.to_dict()}, reason=" ".join(messages),
                         citations=[check.citation])
        raise ApplicationError(
            _("Penilaian unit tidak dapat difinalkan: distribusi predikat melampaui batas. ") + " ".join(messages),
            code="distribution_limit", details={"failures": [f.code for f in check.failures],
                                                "people": {f.code: f.people for f in check.failures}})
    with transaction.atomic(durable=True):
        leader_plans = PerformancePlan.objects.filter(period=period, unit_id=unit_rating.unit_id,
                                                      end_date=period.end_date, is_unit_leader=True)
        all_ids = [r.pk for r in ratings] + list(
            Rating.objects.filter(plan__in=leader_plans, evaluation=ANNUAL).values_list("pk", flat=True))
        Rating.objects.filter(pk__in=all_ids).update(is_final=True, updated_at=timezone.now())
        PerformancePlan.objects.filter(ratings__pk__in=all_ids).update(status=PlanStatus.FINAL)
        unit_rating.finalised_at = timezone.now()
        unit_rating.last_check = check.to_dict()
        unit_rating.updated_by = actor
        unit_rating.save()
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=unit_rating,
                     changes={"finalised": True, "check": check.to_dict()}, citations=[check.citation])
        for rating in Rating.objects.filter(pk__in=all_ids).select_related("plan__employee"):
            _open_case_if_needed(actor=actor, interface=interface, rating=rating)
    return unit_rating


def _open_case_if_needed(*, actor: Actor, interface: Interface, rating: Rating) -> None:
    """Pasal 44 ayat (2), 52 ayat (3) huruf f: a history that meets a reading of "tidak
    berkinerja" becomes a case for the PPK's decision — never an automatic dismissal."""
    employee = rating.plan.employee
    year = rating.plan.period.year
    history = {year: rating.predikat}
    for r in Rating.objects.filter(plan__employee=employee, evaluation=ANNUAL, is_final=True,
                                   plan__period__year__lt=year).select_related("plan__period").order_by(
                                       "plan__period__year", "plan__end_date"):
        history[r.plan.period.year] = r.predikat  # the last segment of a year stands for it
    decision = decide_tidak_berkinerja(employee_type=employee.employee_type, annual_ratings=sorted(history.items()),
                                       on=rating.plan.period.end_date)
    if not decision.outcome.get("candidate"):
        return
    case, created = TidakBerkinerjaCase.objects.get_or_create(
        employee=employee, year=year,
        defaults={"instansi_id": rating.plan.instansi_id, "decision": decision.to_dict(), "created_by": actor,
                  "updated_by": actor})
    if created:
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=case,
                     changes={"readings_met": decision.outcome.get("readings_met")},
                     reason=_("Perlu keputusan pejabat: perlu kajian hukum"), citations=decision.citations)


def case_decide(*, actor: Actor, interface: Interface, case: TidakBerkinerjaCase, forward: bool, note: str,
                action_reference: str = "") -> TidakBerkinerjaCase:
    """The PPK's office decides a case: forwarded to the personnel-action workflow (a
    dismissal or non-extension drafted there) or closed without action — with a reason."""
    Scope.of(actor).require(Resource.PERFORMANCE_CASE, Action.UPDATE, obj=case)
    if case.status != CaseStatus.OPEN:
        raise ConflictError(_("Kasus ini sudah diputuskan."))
    if not (note or "").strip():
        raise ApplicationError(_("Alasan keputusan wajib diisi."), fields={"note": [_("Wajib diisi.")]})
    with transaction.atomic(durable=True):
        case.status = CaseStatus.FORWARDED if forward else CaseStatus.CLOSED
        case.note = note.strip()
        case.action_reference = (action_reference or "").strip()[:50]
        case.updated_by = actor
        case.save()
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=case,
                     changes={"status": [CaseStatus.OPEN, case.status]}, reason=case.note,
                     citations=cite(Ground.PERFORMANCE_NOT_PERFORMING))
    return case
