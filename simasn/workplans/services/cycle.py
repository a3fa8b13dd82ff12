"""The synchronization cycle (Pasal 2, 3): participants from the registry, the agenda the
Minister sends (Pasal 5 ayat (1)), notifications and reminders of overdue drafts
(Pasal 5 ayat (4)).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.accounts.selectors import users_acting_for
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.law import parameters
from simasn.organization.models import NationalInstitution
from simasn.organization.selectors import sync_participants
from simasn.web.formatting import long_date
from simasn.workplans import pdf
from simasn.workplans.calendar import late_milestones
from simasn.workplans.models import (
    Activity,
    AgendaDispatch,
    Cycle,
    CycleParticipant,
    Draft,
    DraftProgram,
    EvaluationReport,
    Notification,
    ParticipantRole,
    PlanScope,
    PolicyDirection,
    PolicyIndicator,
    PolicyProgram,
    Stage,
)
from simasn.workplans.services._common import (
    _audit,
    _lock_cycle,
    _refuse,
    _require_stage,
    _store_pdf,
)

# --- Cycle (Pasal 2, 3) -------------------------------------------------------------

def participant_role(institution_code: str, on: dt.date) -> str:
    try:
        entries = parameters.value("workplan.participants", on)
    except parameters.ParameterError:
        return ParticipantRole.PESERTA
    for entry in entries:
        if entry.get("institution") == institution_code:
            return entry.get("role", ParticipantRole.PESERTA)
    return ParticipantRole.PESERTA


def first_budget_year(*, scope_kind: str, year_start: int, on: dt.date) -> int:
    """The budget year whose national planning stages the plan must precede (Pasal 3)."""
    return year_start if scope_kind == PlanScope.TAHUNAN else max(year_start, on.year + 1)


def cycle_create(*, actor: User, interface: Interface, title: str, scope_kind: str, year_start: int,
                 year_end: int, reference_date: dt.date, starts_on: dt.date, ends_on: dt.date,
                 policy: PolicyDirection, previous_cycle: Cycle | None = None,
                 revision_of: Cycle | None = None, revision_reason: str = "") -> Cycle:
    Scope.of(actor).require(Resource.WORKPLAN, Action.CREATE)
    if scope_kind == PlanScope.TAHUNAN and year_end != year_start:
        raise _refuse(_("Rencana tahunan mencakup satu tahun."), year_end=_("Samakan dengan tahun awal."))
    if year_end < year_start:
        raise _refuse(_("Tahun akhir tidak boleh sebelum tahun awal."), year_end=_("Tidak valid."))
    if ends_on < starts_on:
        raise _refuse(_("Jadwal selesai tidak boleh sebelum jadwal mulai."), ends_on=_("Tidak valid."))
    try:
        parameters.value("workplan.participants", reference_date)
    except parameters.ParameterError as exc:
        raise _refuse(_("Peraturan Menteri tentang sinkronisasi rencana kerja belum berlaku pada tanggal siklus "
                        "(berlaku sejak diundangkan, Pasal 10)."), reference_date=_("Tanggal di luar masa berlaku.")) from exc
    participants = list(sync_participants(on=reference_date))
    if not participants:
        raise _refuse(_("Tidak ada lembaga peserta sinkronisasi yang berlaku pada tanggal siklus."),
                      reference_date=_("Periksa registri lembaga nasional."))
    if not (policy.year_start <= year_start and year_end <= policy.year_end):
        raise _refuse(_("Periode siklus harus berada dalam periode Arah Kebijakan."), policy=_("Periode tidak sesuai."))
    # A medium-term plan spans several budget years: the first one it can still feed is
    # checked. An annual plan feeds exactly its own year.
    budget_year = first_budget_year(scope_kind=scope_kind, year_start=year_start, on=reference_date)
    late = late_milestones(year_start=budget_year, ends_on=ends_on, on=reference_date)
    with transaction.atomic():
        cycle = Cycle.objects.create(
            title=title, scope_kind=scope_kind, year_start=year_start, year_end=year_end,
            reference_date=reference_date, starts_on=starts_on, ends_on=ends_on, policy=policy,
            previous_cycle=previous_cycle, late_milestones=late, created_by=actor, updated_by=actor,
            revision_no=(revision_of.revision_no + 1) if revision_of else 0, revision_of=revision_of,
            revision_reason=revision_reason)
        for inst in participants:
            CycleParticipant.objects.create(cycle=cycle, institution=inst,
                                            role=participant_role(inst.code, reference_date))
        _audit(actor=actor, interface=interface, obj=cycle, action=AuditAction.CREATE,
               articles=("2 ayat (1)", "2 ayat (2)", "3"),
               changes={"participants": [p.code for p in participants], "late_milestones": late})
    return cycle


def users_of(institution: NationalInstitution) -> list[User]:
    return list(users_acting_for(institution_id=institution.pk, code=institution.code))


def _notify(users: list[User], *, title: str, body: str, url: str) -> None:
    for user in users:
        Notification.objects.create(user=user, title=title[:250], body=body, url=url)
    emails = sorted({u.email for u in users if u.email})
    if emails:
        transaction.on_commit(lambda: send_mail(title, f"{body}\n\n{url}", None, emails, fail_silently=True))


def notifications_mark_read(*, actor: User, interface: Interface) -> int:
    """The user has read their notifications (an explicit step, never a page view);
    returns how many were unread."""
    with transaction.atomic(durable=True):
        count = Notification.objects.filter(user=actor, read_at__isnull=True).update(read_at=timezone.now())
        if count:
            audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface,
                         object_type="workplans.notification", object_repr=actor.username,
                         changes={"read": count})
    return count


def _agenda_dates(cycle: Cycle, *, letter_date: dt.date, draft_deadline: dt.date) -> None:
    """An agenda cannot be sent with a deadline on or before its own date, nor after the
    cycle's schedule ends (Pasal 5 ayat (1), (4)): sending it notifies every participant."""
    problems: list[str] = []
    if draft_deadline <= letter_date:
        problems.append(_("Batas pengiriman rancangan harus sesudah tanggal surat agenda (%(d)s).")
                        % {"d": long_date(letter_date)})
    if draft_deadline > cycle.ends_on:
        problems.append(_("Batas pengiriman rancangan tidak boleh melewati jadwal selesai siklus (%(d)s).")
                        % {"d": long_date(cycle.ends_on)})
    if problems:
        raise ApplicationError(_("Periksa kembali isian yang ditandai."), code="invalid",
                               fields={"draft_deadline": problems})


def agenda_send(*, actor: User, interface: Interface, cycle: Cycle, letter_number: str, letter_date: dt.date,
                draft_deadline: dt.date, meeting_plan: str, body: str) -> AgendaDispatch:
    """The Minister sends the agenda to the heads of the participants (Pasal 5 ayat (1))."""
    Scope.of(actor).require(Resource.WORKPLAN_MEETING, Action.CREATE)
    _agenda_dates(cycle, letter_date=letter_date, draft_deadline=draft_deadline)
    with transaction.atomic(durable=True):
        cycle = _lock_cycle(cycle)
        _require_stage(cycle, Stage.PERSIAPAN)
        if not cycle.policy.is_published:
            raise _refuse(_("Arah Kebijakan harus ditetapkan Menteri sebelum agenda dikirim (Pasal 5 ayat (3))."))
        participants = list(cycle.participants.select_related("institution"))
        recipients = [p.institution for p in participants if p.role != ParticipantRole.KOORDINATOR]
        agenda = AgendaDispatch.objects.create(
            cycle=cycle, letter_number=letter_number, letter_date=letter_date, draft_deadline=draft_deadline,
            meeting_plan=meeting_plan, body=body, sent_at=timezone.now(), created_by=actor, updated_by=actor)
        agenda.recipients.set(recipients)
        data = pdf.render_pdf("workplans/pdf/agenda.html", {
            "agenda": agenda, "cycle": cycle, "recipients": recipients, "participants": participants,
            "sender": actor})
        agenda.pdf.name = _store_pdf("agenda", data)
        agenda.pdf_sha256 = pdf.sha256(data)
        agenda.save()
        for participant in participants:
            _draft_for(cycle, participant.institution, actor)
        cycle.stage, cycle.updated_by = Stage.PENYUSUNAN, actor
        cycle.save()
        url = reverse("workplans:cycle_detail", args=[cycle.pk])
        title = _("Agenda penyusunan rancangan Rencana Kerja: %(c)s") % {"c": cycle}
        notice = _("Nomor %(n)s tanggal %(d)s. Batas pengiriman rancangan: %(dl)s.") % {
            "n": letter_number, "d": long_date(letter_date), "dl": long_date(draft_deadline)}
        for participant in participants:
            _notify(users_of(participant.institution), title=title, body=notice, url=url)
        _audit(actor=actor, interface=interface, obj=agenda, action=AuditAction.DISPATCHED, articles=("5 ayat (1)",),
               transition="agenda_sent", changes={"recipients": [r.code for r in recipients],
                                                  "letter_number": letter_number, "pdf_sha256": agenda.pdf_sha256})
    return agenda


def evaluations_available(*, cycle: Cycle, institution_id: int) -> Any:
    """Evaluation results of earlier plans this participant may build on (Pasal 5 ayat (2))."""
    qs = EvaluationReport.objects.filter(institution_id=institution_id, status=EvaluationReport.Status.SUBMITTED)
    qs = qs.exclude(cycle=cycle).filter(cycle__year_start__lte=cycle.year_start)
    return qs.select_related("cycle").order_by("-year", "-submitted_at")


def _draft_for(cycle: Cycle, institution: NationalInstitution, actor: User) -> Draft:
    draft, created = Draft.objects.get_or_create(
        cycle=cycle, institution=institution, kind=Draft.Kind.USULAN,
        defaults={"created_by": actor, "updated_by": actor})
    if not created:
        return draft
    preferred = evaluations_available(cycle=cycle, institution_id=institution.pk)
    if cycle.previous_cycle_id:
        preferred = preferred.filter(cycle_id=cycle.previous_cycle_id) or preferred
    draft.previous_evaluation = preferred.first()
    draft.save()
    if cycle.revision_of_id:
        # A revision starts from what was agreed last time (Pasal 8): only changes need work.
        source = Draft.objects.filter(cycle_id=cycle.revision_of_id, institution=institution,
                                      kind=Draft.Kind.SELARAS).first()
        if source is not None:
            _copy_draft(source, draft, cycle.policy)
    return draft


def _copy_draft(source: Draft, target: Draft, policy: PolicyDirection) -> None:
    programs = {p.code: p for p in PolicyProgram.objects.filter(policy=policy)}
    indicators = {(i.program.code, i.code): i for i in PolicyIndicator.objects.filter(program__policy=policy)
                  .select_related("program")}
    for program in source.programs.select_related("policy_program").prefetch_related("activities__indicator__program"):
        pp = programs.get(program.policy_program.code) if program.policy_program else None
        copy = DraftProgram.objects.create(draft=target, code=program.code, name=program.name, policy_program=pp)
        for act in program.activities.all():
            ind = indicators.get((act.indicator.program.code, act.indicator.code)) if act.indicator else None
            Activity.objects.create(program=copy, code=act.code, name=act.name, indicator=ind, output=act.output,
                                    target=act.target, target_unit=act.target_unit, budget=act.budget,
                                    unit_in_charge=act.unit_in_charge, origin=act)


def drafts_overdue_remind(*, on: dt.date) -> int:
    """Notify the users of every participant whose draft was not sent by the agenda's
    deadline; each user is reminded once per draft. Returns the reminders written."""
    written = 0
    drafts = Draft.objects.filter(kind=Draft.Kind.USULAN, status=Draft.Status.DRAFT, cycle__stage=Stage.PENYUSUNAN,
                                  cycle__agenda__draft_deadline__lt=on).select_related("cycle__agenda", "institution")
    for draft in drafts:
        url = reverse("workplans:draft_detail", args=[draft.pk])
        title = (_("Rancangan Rencana Kerja belum dikirim: %(c)s") % {"c": draft.cycle})[:250]
        with transaction.atomic():
            for user in users_of(draft.institution):
                if Notification.objects.filter(user=user, url=url, title=title).exists():
                    continue
                Notification.objects.create(user=user, title=title, url=url, body=_(
                    "Batas pengiriman %(d)s telah lewat (Pasal 5 ayat (4)).") % {
                        "d": long_date(draft.cycle.agenda.draft_deadline)})
                written += 1
    return written
