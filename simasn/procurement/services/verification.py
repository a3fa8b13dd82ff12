"""Administrative verification by the instansi, announcements, and sanggah (issue 14 item 6).

Per document: memenuhi syarat (MS) / tidak memenuhi syarat (TMS) with a reason; the result
is announced by the instansi (an announcement in Tata Naskah Dinas form, stored write-once);
an applicant found TMS may file one sanggah within the law's window
(``selection.sanggah_deadline``), which the instansi answers before the re-announcement
deadline; the re-announcement is version 2 of the announcement.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.law import evaluate
from simasn.law.grounds import Ground, cite
from simasn.procurement.models import (
    Announcement,
    AnnouncementKind,
    Application,
    DocumentType,
    DocumentVerdict,
    Sanggah,
    SanggahStatus,
    Stage,
    Verdict,
)
from simasn.web.formatting import short_date

CITE_VERIFY = cite(Ground.PROCUREMENT_ADMINISTRATIVE)[0]


def _application_for_update(application_id: int) -> Application:
    application = (Application.objects.select_for_update(of=("self",)).select_related("period", "vacancy__instansi", "applicant")
                   .filter(pk=application_id).first())
    if application is None:
        raise NotFoundError(_("Lamaran tidak ditemukan."))
    return application


def application_verify(*, actor: User, interface: Interface, application_id: int,
                       verdicts: dict[str, tuple[str, str]]) -> Application:
    """Record the verdict on every document of an application and its result: MS when every
    document is MS, otherwise TMS with the reasons of the documents found wanting."""
    with transaction.atomic(durable=True):
        application = _application_for_update(application_id)
        Scope.of(actor).require(Resource.APPLICATION_VERIFICATION, Action.UPDATE, obj=application)
        if application.period.stage != Stage.VERIFICATION:
            raise ConflictError(_("Verifikasi hanya dapat dilakukan pada tahap verifikasi administrasi."),
                                code="wrong_stage")
        if Announcement.objects.filter(period=application.period, instansi_id=application.vacancy.instansi_id,
                                       kind=AnnouncementKind.ADMINISTRASI).exists():
            raise ConflictError(_("Hasil administrasi instansi ini sudah diumumkan; perubahan hanya melalui "
                                  "jawaban sanggah."), code="announced")
        submitted = [d["doc_type"] for d in application.documents]
        errors: dict[str, list[str]] = {}
        for doc_type in submitted:
            verdict, reason = verdicts.get(doc_type, ("", ""))
            if verdict not in Verdict.values:
                errors[doc_type] = [_("Pilih MS atau TMS.")]
            elif verdict == Verdict.TMS and not reason.strip():
                errors[doc_type] = [_("Tuliskan alasan tidak memenuhi syarat.")]
        if errors:
            raise ApplicationError(_("Setiap dokumen perlu hasil verifikasi; TMS perlu alasan."), code="validation",
                                   fields=errors)
        now = timezone.now()
        labels = dict(DocumentType.choices)
        reasons = []
        for doc_type in submitted:
            verdict, reason = verdicts[doc_type]
            DocumentVerdict.objects.update_or_create(
                application=application, doc_type=doc_type,
                defaults={"verdict": verdict, "reason": reason.strip(), "decided_by": actor, "decided_at": now})
            if verdict == Verdict.TMS:
                reasons.append(f"{labels.get(doc_type, doc_type)}: {reason.strip()}")
        before = application.admin_verdict
        application.admin_verdict = Verdict.TMS if reasons else Verdict.MS
        application.admin_reason = "; ".join(reasons)
        application.save(update_fields=["admin_verdict", "admin_reason"])
        audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, obj=application,
                     changes={"admin_verdict": {"before": before, "after": application.admin_verdict},
                              "documents": {k: v[0] for k, v in verdicts.items() if k in submitted}},
                     reason=application.admin_reason, citations=[CITE_VERIFY])
    return application


def sanggah_target(application: Application) -> Announcement | None:
    """The announcement an applicant's sanggah is about now: the final result once it is
    announced for the vacancy's instansi, else the administrative result (each first version;
    the re-announcement answers the sanggah and is not contested again)."""
    announced = Announcement.objects.filter(period_id=application.period_id, instansi_id=application.vacancy.instansi_id,
                                            version=1)
    return (announced.filter(kind=AnnouncementKind.FINAL).first()
            or announced.filter(kind=AnnouncementKind.ADMINISTRASI).first())


def contestable(application: Application, announcement: Announcement) -> bool:
    """Administrative result: found TMS. Final result: took part in the SKB and not selected
    (ranked lower, or shown "needs legal review")."""
    if announcement.kind == AnnouncementKind.FINAL:
        return bool(application.proceeds_skb) and not application.selected
    return application.admin_verdict == Verdict.TMS


def sanggah_file(*, actor: User, interface: Interface, application_id: int, reason: str,
                 on: dt.date | None = None) -> Sanggah:
    """An applicant objects to the announced result, within the window the law sets."""
    filed_on = on or timezone.localdate()
    if not reason.strip():
        raise ApplicationError(_("Tuliskan alasan sanggah."), code="validation", fields={"reason": [_("Wajib diisi.")]})
    with transaction.atomic(durable=True):
        application = _application_for_update(application_id)
        Scope.of(actor).require(Resource.SANGGAH, Action.CREATE, owner_id=application.applicant.user_id)
        announcement = sanggah_target(application)
        if announcement is None:
            raise ConflictError(_("Hasil seleksi administrasi belum diumumkan."), code="not_announced")
        if not contestable(application, announcement):
            raise ConflictError(_("Sanggah diajukan terhadap hasil tidak memenuhi syarat atau tidak lulus."),
                                code="nothing_to_contest")
        # One sanggah per applicant and announced result (the final result opens its own window).
        already = Sanggah.objects.filter(application=application, announcement__kind=announcement.kind).count()
        decision = evaluate("selection.sanggah_deadline", {"announced_on": announcement.announced_on.isoformat(),
                                                           "filed_on": filed_on.isoformat(),
                                                           "sanggah_already_filed": already},
                            announcement.announced_on)
        if decision.needs_legal_review:
            raise ConflictError(_("Masa sanggah untuk tanggal ini belum ada dalam data hukum (perlu kajian hukum)."),
                                code="needs_legal_review")
        if not decision.outcome["admissible"]:
            messages = {"LATE": _("Masa sanggah sudah berakhir pada %(d)s."),
                        "BEFORE_ANNOUNCEMENT": _("Masa sanggah belum dibuka."),
                        "ALREADY_FILED": _("Anda sudah mengajukan sanggah.")}
            raise ConflictError(messages[decision.outcome["refusal"]]
                                % {"d": short_date(decision.outcome["window_ends_on"])},
                                code=str(decision.outcome["refusal"]).lower())
        sanggah = Sanggah.objects.create(application=application, announcement=announcement, filed_on=filed_on,
                                         reason=reason.strip(), answer_due_on=decision.outcome["reannouncement_due_on"],
                                         created_by=actor, updated_by=actor)
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=sanggah,
                     object_repr=f"Sanggah {application.receipt_number}",
                     changes={"after": {"filed_on": filed_on, "answer_due_on": sanggah.answer_due_on}},
                     citations=list(decision.citations))
    return sanggah


def sanggah_answer(*, actor: User, interface: Interface, sanggah_id: int, accepted: bool, answer: str,
                   on: dt.date | None = None) -> Sanggah:
    """The instansi answers. An accepted sanggah on the administrative result turns it into MS
    for the re-announcement; on the final result the panitia corrects the scores (SKB import)
    and ranks again before the re-announcement (the answer says what was corrected)."""
    if not answer.strip():
        raise ApplicationError(_("Tuliskan jawaban sanggah."), code="validation", fields={"answer": [_("Wajib diisi.")]})
    with transaction.atomic(durable=True):
        sanggah = (Sanggah.objects.select_for_update(of=("self",)).select_related("announcement", "application")
                   .filter(pk=sanggah_id).first())
        if sanggah is None:
            raise NotFoundError(_("Sanggah tidak ditemukan."))
        Scope.of(actor).require(Resource.SANGGAH, Action.UPDATE, instansi_id=sanggah.announcement.instansi_id)
        if sanggah.status != SanggahStatus.FILED:
            raise ConflictError(_("Sanggah ini sudah dijawab."), code="answered")
        sanggah.status = SanggahStatus.ACCEPTED if accepted else SanggahStatus.REJECTED
        sanggah.answer = answer.strip()
        sanggah.answered_on = on or timezone.localdate()
        sanggah.updated_by = actor
        sanggah.save(update_fields=["status", "answer", "answered_on", "updated_by", "updated_at"])
        application = Application.objects.select_for_update().get(pk=sanggah.application_id)
        if accepted and sanggah.announcement.kind == AnnouncementKind.ADMINISTRASI:
            application.admin_verdict = Verdict.MS
            application.admin_reason = _("Sanggah diterima: %(a)s") % {"a": sanggah.answer}
            application.save(update_fields=["admin_verdict", "admin_reason"])
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=sanggah,
                     object_repr=f"Sanggah {application.receipt_number}",
                     changes={"status": {"before": SanggahStatus.FILED, "after": sanggah.status}},
                     reason=sanggah.answer, extra={"late": sanggah.answered_on > sanggah.answer_due_on})
    return sanggah
