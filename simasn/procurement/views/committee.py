"""The instansi's selection committee and BKN: verification, sanggah, results, announcements,
appointment, and the portal's reconciliation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F, Q
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.pdf_signing import verify_pdf
from simasn.core.storage import read_document, working_storage
from simasn.procurement import readiness, selectors
from simasn.procurement.forms import SearchForm
from simasn.procurement.models import (
    Announcement,
    AnnouncementKind,
    DocumentType,
    ResultImport,
    Stage,
    Verdict,
)
from simasn.procurement.services import announcements, appointment, selection, verification
from simasn.procurement.services.announcements import STAGE_OF
from simasn.web.exports import Column
from simasn.web.formatting import short_date
from simasn.web.pages import confirm_page, list_page, not_allowed_message
from simasn.web.pages import require_page as _require


class VerificationFilter(SearchForm):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[
        ("", "—"), ("todo", gettext_lazy("Belum diverifikasi")), ("MS", "MS"), ("TMS", "TMS")])


@login_required
def verification_list(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.APPLICATION_VERIFICATION)
    form = VerificationFilter(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    status = data.get("status", "")
    qs = (selectors.verification_todo(viewer=request.user, q=data.get("q", "")) if status == "todo"
          else selectors.application_list(viewer=request.user, q=data.get("q", ""), verdict=status or None))
    columns: list[Column] = [
        (_("Nomor tanda terima"), lambda a: a.receipt_number), (_("Nama"), lambda a: a.applicant.name),
        (_("Jabatan"), lambda a: a.vacancy.position.name), (_("Instansi"), lambda a: a.vacancy.instansi.name),
        (_("Identitas"), lambda a: a.applicant.get_identity_status_display()),
        (_("Hasil administrasi"), lambda a: a.admin_verdict), (_("Alasan"), lambda a: a.admin_reason),
        (_("SKD"), lambda a: "" if a.twk is None else a.twk + a.tiu + a.tkp),
        (_("Nilai akhir"), lambda a: a.final_score or ""), (_("Lulus"), lambda a: "Ya" if a.selected else ""),
    ]
    return list_page(request, queryset=qs, template="procurement/verification_list.html", title=_("Lamaran masuk"),
                     columns=columns, export_name="lamaran", filter_form=form, estimate_count=False,
                     export_object_type="procurement.application")


@login_required
def verify(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = selectors.application_get(viewer=request.user, pk=pk)
    scope = _require(request, Resource.APPLICATION_VERIFICATION)
    labels = dict(DocumentType.choices)
    existing = {v.doc_type: v for v in application.verdicts.all()}
    error: ApplicationError | None = None
    if request.method == "POST":
        given = {d["doc_type"]: (request.POST.get(f"verdict_{d['doc_type']}", ""),
                                 request.POST.get(f"reason_{d['doc_type']}", "")) for d in application.documents}
        try:
            verification.application_verify(actor=request.user, interface=Interface.WEB, application_id=application.pk,
                                            verdicts=given)
        except ApplicationError as refusal:
            error = refusal
        else:
            messages.success(request, _("Hasil verifikasi %(n)s disimpan.") % {"n": application.receipt_number})
            following = selectors.verification_todo(viewer=request.user).exclude(pk=application.pk).first()
            target = reverse("procurement:verify", args=[following.pk]) if following else reverse("procurement:verification")
            return HttpResponseRedirect(target)
    docs = [{"code": d["doc_type"], "label": labels.get(d["doc_type"], d["doc_type"]), "sha256": d["sha256"],
             "size": d["size"], "verdict": existing.get(d["doc_type"]),
             "posted": request.POST.get(f"verdict_{d['doc_type']}", ""),
             "reason": request.POST.get(f"reason_{d['doc_type']}", existing[d["doc_type"]].reason
                                        if d["doc_type"] in existing else ""),
             "errors": error.fields.get(d["doc_type"], []) if error else []} for d in application.documents]
    return render(request, "procurement/verify.html", {
        "title": _("Verifikasi %(n)s") % {"n": application.receipt_number}, "application": application, "docs": docs,
        "error": error.message if error else "", "verdicts": Verdict.choices,
        "can_verify": scope.allows_object(Resource.APPLICATION_VERIFICATION, Action.UPDATE, application),
    }, status=400 if error else 200)


@login_required
def document_download(request: AuthenticatedRequest, pk: int, sha: str) -> HttpResponseBase:
    """A submitted document, for the applicant and those who may see the application."""
    application = selectors.application_get(viewer=request.user, pk=pk)
    found = next((d for d in application.documents if d["sha256"] == sha), None)
    if found is None:
        raise NotFoundError(_("Dokumen tidak ditemukan."))
    data = read_document(found["file_name"], expected_sha256=sha)
    response = HttpResponse(data, content_type=found["content_type"])
    response["Content-Disposition"] = f'inline; filename="{found["doc_type"].lower()}-{application.receipt_number}"'
    return response


def announcement_list(request: HttpRequest) -> HttpResponseBase:
    """Announcements are public, like the vacancies."""
    form = SearchForm(request.GET or None)
    q = form.cleaned_data.get("q", "") if form.is_valid() else ""
    qs = selectors.announcement_list()
    if q:
        # Found by the instansi or by the number printed at the foot of the announcement.
        qs = qs.filter(Q(instansi__name__icontains=q) | Q(number__icontains=q))
    columns: list[Column] = [
        (_("Nomor"), lambda a: a.number), (_("Tanggal"), lambda a: short_date(a.announced_on)),
        (_("Instansi"), lambda a: a.instansi.name), (_("Seleksi"), lambda a: a.period.name),
        (_("Jenis"), lambda a: a.get_kind_display()), (_("Versi"), lambda a: a.version), (_("SHA-256"), lambda a: a.sha256),
    ]
    return list_page(request, queryset=qs, template="procurement/announcement_list.html", title=_("Pengumuman seleksi"),
                     columns=columns, export_name="pengumuman-seleksi", filter_form=form, estimate_count=False,
                     export_object_type="procurement.announcement")


def announcement_pdf(request: HttpRequest, pk: int) -> HttpResponseBase:
    announcement = selectors.announcement_list().filter(pk=pk).first()
    if announcement is None or not announcement.document:
        raise NotFoundError(_("Pengumuman tidak ditemukan."))
    data = read_document(announcement.document.name or "", expected_sha256=announcement.sha256)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="pengumuman-{announcement.pk}.pdf"'
    return response


def announcement_check(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: is the stored announcement the one published (SHA-256) and is its signature
    intact and issued by the SIMASN CA? Anyone holding a copy compares its SHA-256 too."""
    announcement = selectors.announcement_list().filter(pk=pk).first()
    if announcement is None or not announcement.document:
        raise NotFoundError(_("Pengumuman tidak ditemukan."))
    data = read_document(announcement.document.name or "", expected_sha256=announcement.sha256)
    checks = [{"signer": c.signer, "signed_at": c.signed_at, "intact": c.intact, "valid": c.valid,
               "trusted": c.trusted, "covers_whole_document": c.covers_whole_document, "ok": c.ok}
              for c in verify_pdf(data)]
    return render(request, "procurement/announcement_check.html", {
        "title": _("Periksa pengumuman %(n)s") % {"n": announcement.number}, "announcement": announcement,
        "checks": checks, "genuine": bool(checks) and all(c["ok"] and c["covers_whole_document"] for c in checks)})


@login_required
def announcement_publish(request: AuthenticatedRequest, pk: int, kind: str) -> HttpResponse:
    _require(request, Resource.SELECTION_RESULT, Action.CREATE)
    period = selectors.period_get(viewer=request.user, pk=pk)
    instansi_id = request.user.instansi_id
    if instansi_id is None or kind not in AnnouncementKind.values:
        raise PermissionDeniedError(not_allowed_message())
    back = reverse("procurement:period", args=[period.pk])

    def perform(_reason: str) -> Announcement:
        return announcements.announcement_publish(actor=request.user, interface=Interface.WEB, period_id=period.pk,
                                                  instansi_id=instansi_id, kind=kind)

    return confirm_page(request, title=_("Terbitkan pengumuman"), needs_reason=False,
                        question=_("Terbitkan pengumuman %(k)s %(p)s? Pengumuman disimpan permanen dan tampil di "
                                   "portal; tidak dapat ditarik.") % {"k": AnnouncementKind(kind).label, "p": period.name},
                        perform=perform, success_url=reverse("procurement:announcements"), cancel_url=back,
                        success_message=_("Pengumuman diterbitkan."))


@login_required
@require_POST
def sanggah_file(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = selectors.application_get(viewer=request.user, pk=pk)
    try:
        verification.sanggah_file(actor=request.user, interface=Interface.WEB, application_id=application.pk,
                                  reason=request.POST.get("reason", ""))
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Sanggah Anda diterima dan akan dijawab oleh instansi."))
    return HttpResponseRedirect(reverse("procurement:application", args=[application.pk]))


@login_required
def sanggah_list(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.SANGGAH)
    form = SearchForm(request.GET or None)
    qs = selectors.sanggah_list(viewer=request.user)
    q = form.cleaned_data.get("q", "") if form.is_valid() else ""
    if q:
        qs = qs.filter(application__receipt_number__icontains=q)
    columns: list[Column] = [
        (_("Nomor tanda terima"), lambda s: s.application.receipt_number),
        (_("Nama"), lambda s: s.application.applicant.name), (_("Diajukan"), lambda s: s.filed_on.isoformat()),
        (_("Batas jawaban"), lambda s: s.answer_due_on.isoformat()), (_("Status"), lambda s: s.get_status_display()),
        (_("Alasan"), lambda s: s.reason), (_("Jawaban"), lambda s: s.answer),
    ]
    return list_page(request, queryset=qs, template="procurement/sanggah_list.html", title=_("Sanggah"),
                     columns=columns, export_name="sanggah", filter_form=form, estimate_count=False,
                     export_object_type="procurement.sanggah",
                     context={"today": timezone.localdate(),
                              "can_answer": Scope.of(request.user).can(Resource.SANGGAH, Action.UPDATE)})


@login_required
def sanggah_answer(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require(request, Resource.SANGGAH, Action.UPDATE)
    sanggah = selectors.sanggah_list(viewer=request.user).filter(pk=pk).first()
    if sanggah is None:
        raise NotFoundError(_("Sanggah tidak ditemukan."))
    error = ""
    if request.method == "POST":
        try:
            verification.sanggah_answer(actor=request.user, interface=Interface.WEB, sanggah_id=sanggah.pk,
                                        accepted=request.POST.get("accepted") == "1", answer=request.POST.get("answer", ""))
        except ApplicationError as refusal:
            error = refusal.message
        else:
            messages.success(request, _("Jawaban sanggah disimpan."))
            return HttpResponseRedirect(reverse("procurement:sanggah_list"))
    return render(request, "procurement/sanggah_answer.html", {"title": _("Jawab sanggah"), "sanggah": sanggah,
                                                                "error": error}, status=400 if error else 200)


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis hasil"), choices=[("SKD", "SKD"), ("SKB", "SKB")])
    file = forms.FileField(label=_("Berkas ekspor CAT (CSV atau XLSX)"))


@login_required
def results(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Import CAT results, rank, and see the result of the viewer's instansi (or all, for BKN)."""
    scope = _require(request, Resource.SELECTION_RESULT)
    period = selectors.period_get(viewer=request.user, pk=pk)
    instansi_id = None if scope.reach(Resource.SELECTION_RESULT, Action.UPDATE) == Reach.NATIONAL else request.user.instansi_id
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        action = request.POST.get("action", "import")
        try:
            if action == "skd_rank":
                outcome: Any = selection.skd_rank(actor=request.user, interface=Interface.WEB, period_id=period.pk,
                                                  instansi_id=instansi_id)
                messages.success(request, _("Peringkat SKD: %(p)s lulus nilai ambang batas, %(s)s peserta SKB.")
                                 % {"p": outcome["passed"], "s": outcome["proceed"]})
            elif action == "final_rank":
                outcome = selection.final_rank(actor=request.user, interface=Interface.WEB, period_id=period.pk,
                                               instansi_id=instansi_id)
                messages.success(request, _("Peringkat akhir: %(s)s lulus, %(r)s perlu kajian hukum.")
                                 % {"s": outcome["selected"], "r": outcome["needs_review"]})
            elif form.is_valid():
                handle = form.cleaned_data["file"]
                job = selection.results_import(actor=request.user, interface=Interface.WEB, period_id=period.pk,
                                               kind=form.cleaned_data["kind"], content=handle.read(),
                                               filename=handle.name or "")
                messages.success(request, _("%(ok)s baris diimpor, %(bad)s ditolak.")
                                 % {"ok": job.rows_ok, "bad": job.rows_rejected})
            else:
                raise ApplicationError(_("Pilih berkas."), code="validation")
        except ApplicationError as error:
            messages.error(request, error.message)
        return HttpResponseRedirect(reverse("procurement:results", args=[period.pk]))
    apps = selectors.application_list(viewer=request.user, period_id=period.pk).filter(admin_verdict=Verdict.MS)
    imports = ResultImport.objects.filter(period=period)
    if instansi_id is not None:
        imports = imports.filter(instansi_id=instansi_id)
    return render(request, "procurement/results.html", {
        "title": _("Hasil seleksi — %(p)s") % {"p": period.name}, "period": period, "form": form,
        # Ranked first on every database (SQLite puts NULLs first, PostgreSQL last).
        "applications": apps.order_by("vacancy__position__name", F("final_rank").asc(nulls_last=True),
                                      F("skd_rank").asc(nulls_last=True), "receipt_number")[:500],
        "imports": imports.order_by("-id")[:10], "can_write": scope.can(Resource.SELECTION_RESULT, Action.CREATE),
        "can_appoint": scope.can(Resource.PROCUREMENT_APPOINTMENT, Action.CREATE),
        "can_announce": scope.can(Resource.SELECTION_RESULT, Action.CREATE) and request.user.instansi_id is not None,
        "unfilled": selectors.unfilled_formasi(viewer=request.user, period=period),
        # What this stage still needs (the viewer's instansi, or all for BKN), and only the steps
        # the stage allows (the others were refused with "wrong stage" after the click).
        "blockers": readiness.blockers_for(request.user, period, on=timezone.localdate()),
        "announce_kinds": [k for k in AnnouncementKind if period.stage in STAGE_OF[k]],
        "can_skd_rank": period.stage in (Stage.SKD, Stage.SKB), "can_final_rank": period.stage == Stage.FINAL,
    })


@login_required
def reject_report(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    _require(request, Resource.SELECTION_RESULT)
    job = Scope.of(request.user).filter(ResultImport.objects.all(), Resource.SELECTION_RESULT).filter(pk=pk).first()
    if job is None or not job.reject_name:
        raise NotFoundError(_("Laporan penolakan tidak ditemukan."))
    return FileResponse(working_storage().open(job.reject_name, "rb"), as_attachment=True,
                        filename=f"penolakan-impor-{job.pk}.csv")


class AppointForm(forms.Form):
    tmt = forms.DateField(label=_("TMT"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    contract_end = forms.DateField(label=_("Akhir perjanjian kerja (PPPK)"), required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


@login_required
def appoint(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require(request, Resource.PROCUREMENT_APPOINTMENT, Action.CREATE)
    application = selectors.application_get(viewer=request.user, pk=pk)
    form = AppointForm(request.POST or None, initial={"tmt": appointment.appointment_tmt_default()})
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            made = appointment.appointment_make(actor=request.user, interface=Interface.WEB, application_id=application.pk,
                                                tmt=form.cleaned_data["tmt"],
                                                contract_end=form.cleaned_data.get("contract_end"))
        except ApplicationError as refusal:
            error = refusal.message
        else:
            messages.success(request, _("%(n)s diangkat dengan NIP %(nip)s.") % {"n": application.applicant.name,
                                                                                  "nip": made.nip})
            return HttpResponseRedirect(reverse("procurement:appointments"))
    return render(request, "procurement/appoint.html", {"title": _("Pengangkatan"), "application": application,
                                                         "form": form, "error": error}, status=400 if error else 200)


@login_required
def appointment_list(request: AuthenticatedRequest) -> HttpResponseBase:
    _require(request, Resource.PROCUREMENT_APPOINTMENT)
    qs = selectors.appointment_list(viewer=request.user)
    columns: list[Column] = [
        (_("NIP"), lambda a: a.nip), (_("Nama"), lambda a: a.employee.name),
        (_("Jenis"), lambda a: a.employee.employee_type), (_("Jabatan"), lambda a: a.application.vacancy.position.name),
        (_("TMT"), lambda a: a.tmt.isoformat()), (_("Akhir perjanjian"), lambda a: a.contract_end or ""),
    ]
    return list_page(request, queryset=qs, template="procurement/appointment_list.html", title=_("Pengangkatan"),
                     columns=columns, export_name="pengangkatan", filter_form=SearchForm(request.GET or None),
                     estimate_count=False, export_object_type="procurement.appointment")


@login_required
def reconciliation(request: AuthenticatedRequest) -> HttpResponse:
    _require(request, Resource.PROCUREMENT_RECONCILIATION)
    figures = selectors.reconciliation(viewer=request.user)
    return render(request, "procurement/reconciliation.html", {"title": _("Rekonsiliasi pendaftaran"),
                                                                "figures": figures, "now": timezone.now()})
