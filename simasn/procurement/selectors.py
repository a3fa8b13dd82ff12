"""Reads of the procurement chapter. Open vacancies are public (UU 20/2023 Pasal 37) and read
without an account; everything personal goes through the policy table and Scope."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError
from simasn.law import evaluate
from simasn.procurement.legal import period_on
from simasn.procurement.models import (
    Announcement,
    Applicant,
    Application,
    ApplicationDraft,
    Appointment,
    OutboxEvent,
    OutboxKind,
    Sanggah,
    SanggahStatus,
    SelectionPeriod,
    Stage,
    Vacancy,
)


def public_vacancy_list(*, q: str = "", instansi_id: int | None = None, region: str = "", education: str = "",
                        formasi_type: str = "", employee_type: str = "") -> QuerySet[Vacancy]:
    """Vacancies of periods whose registration is open: anyone may read them (Pasal 37)."""
    qs = (Vacancy.objects.filter(period__stage=Stage.OPEN)
          .select_related("period", "instansi", "position"))
    if q:
        qs = qs.filter(Q(position__name__icontains=q) | Q(instansi__name__icontains=q) | Q(education__icontains=q))
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    if region:
        qs = qs.filter(region=region)
    if education:
        qs = qs.filter(education__icontains=education)
    if formasi_type:
        qs = qs.filter(formasi_type=formasi_type)
    if employee_type:
        qs = qs.filter(period__employee_type=employee_type)
    return qs.order_by("instansi__name", "position__name", "id")


def public_vacancy_get(*, pk: int) -> Vacancy:
    vacancy = public_vacancy_list().filter(pk=pk).first()
    if vacancy is None:
        raise NotFoundError(_not_found())
    return vacancy


def public_regions() -> list[str]:
    return list(Vacancy.objects.filter(period__stage=Stage.OPEN).order_by("region")
                .values_list("region", flat=True).distinct())


def _not_found() -> str:
    return _("Lowongan tidak ditemukan atau pendaftarannya sudah ditutup.")


def period_list(*, viewer: User) -> QuerySet[SelectionPeriod]:
    if not Scope.of(viewer).can(Resource.SELECTION_PERIOD):
        return SelectionPeriod.objects.none()
    return SelectionPeriod.objects.annotate(vacancy_count=Count("vacancies", distinct=True)).order_by(
        "-fiscal_year", "name", "id")


def period_get(*, viewer: User, pk: int) -> SelectionPeriod:
    period = period_list(viewer=viewer).filter(pk=pk).first()
    if period is None:
        raise NotFoundError(_period_not_found())
    return period


def _period_not_found() -> str:
    return _("Periode seleksi tidak ditemukan.")


def vacancy_list(*, viewer: User, period_id: int | None = None, q: str = "") -> QuerySet[Vacancy]:
    qs = Scope.of(viewer).filter(Vacancy.objects.select_related("period", "instansi", "position"), Resource.VACANCY)
    if period_id:
        qs = qs.filter(period_id=period_id)
    if q:
        qs = qs.filter(Q(position__name__icontains=q) | Q(instansi__name__icontains=q))
    return qs.annotate(application_count=Count("applications")).order_by("instansi__name", "position__name", "id")


def vacancy_get(*, viewer: User, pk: int) -> Vacancy:
    vacancy = vacancy_list(viewer=viewer).filter(pk=pk).first()
    if vacancy is None:
        raise NotFoundError(_not_found())
    return vacancy


def applicant_of(*, viewer: User) -> Applicant | None:
    """The viewer's own applicant account (None for anyone else)."""
    return Applicant.objects.filter(user_id=viewer.pk).first() if viewer.is_authenticated else None


def draft_get(*, viewer: User, period_id: int) -> ApplicationDraft | None:
    qs = Scope.of(viewer).filter(ApplicationDraft.objects.select_related("vacancy"), Resource.APPLICATION)
    return qs.filter(period_id=period_id).first()


def application_list(*, viewer: User, period_id: int | None = None, vacancy_id: int | None = None, q: str = "",
                     verdict: str | None = None) -> QuerySet[Application]:
    qs = Scope.of(viewer).filter(
        Application.objects.select_related("applicant", "period", "vacancy__instansi", "vacancy__position"),
        Resource.APPLICATION)
    if period_id:
        qs = qs.filter(period_id=period_id)
    if vacancy_id:
        qs = qs.filter(vacancy_id=vacancy_id)
    if q:
        qs = qs.filter(Q(receipt_number__icontains=q) | Q(applicant__name__icontains=q))
    if verdict is not None:
        qs = qs.filter(admin_verdict=verdict)
    return qs.order_by("submitted_at", "id")


def verification_todo(*, viewer: User, q: str = "") -> QuerySet[Application]:
    """What the viewer can verify now: not yet verified, in a period at the verification stage
    (a period still open for registration is not verified yet; the count on the dashboard, the
    list behind it and the "next application" after a verdict are the same rows)."""
    return application_list(viewer=viewer, q=q, verdict="").filter(period__stage=Stage.VERIFICATION)


def application_get(*, viewer: User, pk: int) -> Application:
    application = application_list(viewer=viewer).filter(pk=pk).first()
    if application is None:
        raise NotFoundError(_("Lamaran tidak ditemukan."))
    return application


def application_by_receipt(*, receipt_number: str) -> Application | None:
    """For the public receipt check: whether a receipt number exists (the signature is
    checked by the caller; nothing personal is returned beyond what the receipt shows)."""
    return Application.objects.select_related("vacancy__instansi", "vacancy__position", "period").filter(
        receipt_number=receipt_number).first()


def announcement_list(*, period_id: int | None = None, instansi_id: int | None = None) -> QuerySet[Announcement]:
    """Announcements are public, like the vacancies they close (Pasal 37)."""
    qs = Announcement.objects.select_related("period", "instansi")
    if period_id:
        qs = qs.filter(period_id=period_id)
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    return qs.order_by("-announced_on", "-id")


def sanggah_list(*, viewer: User, open_only: bool = False) -> QuerySet[Sanggah]:
    qs = Scope.of(viewer).filter(
        Sanggah.objects.select_related("application__applicant", "application__vacancy__position",
                                       "announcement__instansi"), Resource.SANGGAH)
    if open_only:
        qs = qs.filter(status=SanggahStatus.FILED)
    return qs.order_by("answer_due_on", "id")


def appointment_list(*, viewer: User) -> QuerySet[Appointment]:
    return Scope.of(viewer).filter(
        Appointment.objects.select_related("application__applicant", "employee", "application__vacancy__position"),
        Resource.PROCUREMENT_APPOINTMENT).order_by("-id")


#: The events every submit leaves for the worker (simasn.procurement.services.registration).
AFTER_SUBMIT = (OutboxKind.IDENTITY, OutboxKind.EMETERAI, OutboxKind.EMAIL)


def reconciliation(*, viewer: User, period_id: int | None = None) -> dict[str, Any]:
    """Receipts issued = submissions stored = outbox events done (BKN's check of the portal)."""
    Scope.of(viewer).require(Resource.PROCUREMENT_RECONCILIATION, Action.VIEW)
    apps = Application.objects.all()
    events = OutboxEvent.objects.filter(application__isnull=False)
    if period_id:
        apps = apps.filter(period_id=period_id)
        events = events.filter(application__period_id=period_id)
    stored = apps.count()
    receipts = apps.exclude(receipt_number="").count()
    by_kind = {row["kind"]: row for row in events.values("kind").annotate(
        total=Count("id"), done=Count("id", filter=Q(done_at__isnull=False)))}
    pending = events.filter(done_at__isnull=True).count()
    complete = len(by_kind) == len(AFTER_SUBMIT) or stored == 0
    return {"stored": stored, "receipts": receipts, "events": by_kind, "pending": pending,
            "balanced": stored == receipts and complete and pending == 0
            and all(row["total"] == stored == row["done"] for row in by_kind.values())}


def unfilled_formasi(*, viewer: User, period: SelectionPeriod) -> list[dict[str, Any]]:
    """Each vacancy the viewer sees with seats left unfilled after the final ranking, with the
    law's ``selection.optimisation`` answer ("needs legal review" while its conditions are not
    confirmed) and the candidates it lists — the viewer's own instansi's SKB participants not
    selected — for a human decision. Empty before the final stage."""
    if period.stage not in (Stage.FINAL, Stage.APPOINTMENT, Stage.CLOSED):
        return []
    apps = list(application_list(viewer=viewer, period_id=period.pk).filter(proceeds_skb=True))
    if not apps:
        return []
    by_pk = {a.pk: a for a in apps}
    rows = []
    for vacancy in Scope.of(viewer).filter(Vacancy.objects.filter(period=period).select_related("position", "instansi"),
                                           Resource.SELECTION_RESULT):
        mine = [a for a in apps if a.vacancy_id == vacancy.pk]
        if all(a.selected is None for a in mine):
            continue  # not ranked yet (the stage moved on before the panitia ranked): nothing is unfilled
        filled = sum(1 for a in mine if a.selected)
        if filled >= vacancy.seats:
            continue
        candidates = [{"id": str(a.pk), "final_score": str(a.final_score) if a.final_score is not None else None,
                       "skd_passed": bool(a.skd_passed), "took_skb": True, "selected": bool(a.selected),
                       "position": a.vacancy.position.name}
                      for a in apps if a.vacancy.instansi_id == vacancy.instansi_id]
        decision = evaluate("selection.optimisation", {"position": vacancy.position.name, "seats": vacancy.seats,
                                                       "filled": filled, "candidates": candidates},
                            period_on(fiscal_year=period.fiscal_year, opens_on=period.opens_on))
        rows.append({"vacancy": vacancy, "filled": filled, "decision": decision,
                     "candidates": [by_pk[int(pk)] for pk in decision.outcome.get("candidates", [])]})
    return rows
