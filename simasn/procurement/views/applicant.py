"""The applicant's pages: account, application form (saved as they type), documents, the
one submit and its receipt."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from simasn.accounts.actors import AuthenticatedRequest
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.law import evaluate
from simasn.procurement import documents, selectors
from simasn.procurement.forms import DraftForm, RegisterForm, UploadForm
from simasn.procurement.models import (
    Applicant,
    ApplicantDocument,
    Application,
    DocumentType,
)
from simasn.procurement.services import registration, verification
from simasn.web.exports import Column
from simasn.web.pages import apply_errors, form_page, is_htmx, list_page


def register(request: HttpRequest) -> HttpResponse:
    form = RegisterForm(request.POST or None)
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""

    def submit(data: dict[str, Any]) -> Applicant:
        data.pop("password_again", None)
        return registration.applicant_register(interface=Interface.WEB, **data)

    login = reverse("accounts:login")
    return form_page(request, form=form, template="procurement/register.html", title=_("Buat akun pelamar"),
                     submit=submit, success_url=lambda a: f"{login}?next={next_url or reverse('procurement:my_applications')}",
                     success_message=_("Akun pelamar dibuat. Masuk dengan NIK dan kata sandi Anda."))


def _applicant(request: AuthenticatedRequest) -> Applicant:
    applicant = selectors.applicant_of(viewer=request.user)
    if applicant is None:
        raise PermissionDeniedError(_("Halaman ini untuk pelamar. Buat akun pelamar di portal seleksi."))
    return applicant


@login_required
def apply(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    applicant = _applicant(request)
    vacancy = selectors.public_vacancy_get(pk=pk)
    existing = Application.objects.filter(applicant=applicant, period=vacancy.period).first()
    if existing is not None:
        messages.info(request, _("Anda sudah mengirim lamaran pada periode ini."))
        return HttpResponseRedirect(reverse("procurement:application", args=[existing.pk]))
    draft = selectors.draft_get(viewer=request.user, period_id=vacancy.period_id)
    if request.method == "POST":
        form = DraftForm(request.POST)
        if form.is_valid():
            try:
                registration.draft_save(actor=request.user, interface=Interface.WEB, period_id=vacancy.period_id,
                                        vacancy_id=vacancy.pk, data=form.cleaned_data)
            except ApplicationError as error:
                apply_errors(form, error)
            else:
                saved = _("Konsep tersimpan pukul %(t)s WIB.") % {"t": timezone.localtime().strftime("%H.%M")}
                if is_htmx(request):
                    return HttpResponse(saved)
                messages.success(request, saved)
                return HttpResponseRedirect(reverse("procurement:apply", args=[pk]))
        if is_htmx(request):
            return HttpResponse(_("Periksa isian yang ditandai."), status=400)
    else:
        form = DraftForm(initial=draft.data if draft else {})
    return _apply_page(request, applicant, vacancy, form, draft)


def _apply_page(request: AuthenticatedRequest, applicant: Applicant, vacancy: Any, form: DraftForm, draft: Any,
                upload_form: UploadForm | None = None, submit_error: str = "", status: int = 200) -> HttpResponse:
    labels = dict(DocumentType.choices)
    uploaded = {d.doc_type: d for d in ApplicantDocument.objects.filter(applicant=applicant, period=vacancy.period)}
    documents = [{"code": code, "label": labels.get(code, code), "doc": uploaded.get(code)}
                 for code in vacancy.required_documents]
    choices = [(code, labels.get(code, code)) for code in vacancy.required_documents]
    return render(request, "procurement/apply.html", {
        "title": _("Lamaran: %(pos)s") % {"pos": vacancy.position.name}, "vacancy": vacancy, "form": form,
        "draft": draft, "documents": documents, "upload_form": upload_form or UploadForm(doc_types=choices),
        "idempotency_key": uuid.uuid4().hex, "submit_error": submit_error, "applicant": applicant,
        "ready": draft is not None and draft.vacancy_id == vacancy.pk and all(d["doc"] for d in documents),
    }, status=status)


@login_required
@require_POST
def upload(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    applicant = _applicant(request)
    vacancy = selectors.public_vacancy_get(pk=pk)
    labels = dict(DocumentType.choices)
    choices = [(code, labels.get(code, code)) for code in vacancy.required_documents]
    form = UploadForm(request.POST, request.FILES, doc_types=choices)
    if form.is_valid():
        handle = form.cleaned_data["file"]
        try:
            registration.document_upload(actor=request.user, interface=Interface.WEB, period_id=vacancy.period_id,
                                         doc_type=form.cleaned_data["doc_type"], content=handle.read(),
                                         original_name=handle.name or "")
        except ApplicationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Dokumen %(d)s tersimpan.") % {"d": labels[form.cleaned_data["doc_type"]]})
            return HttpResponseRedirect(reverse("procurement:apply", args=[pk]))
    draft = selectors.draft_get(viewer=request.user, period_id=vacancy.period_id)
    return _apply_page(request, applicant, vacancy, DraftForm(initial=draft.data if draft else {}), draft,
                       upload_form=form, status=400)


@login_required
@require_POST
def submit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    applicant = _applicant(request)
    vacancy = selectors.public_vacancy_get(pk=pk)
    try:
        application, created = registration.application_submit(
            actor=request.user, interface=Interface.WEB, period_id=vacancy.period_id,
            idempotency_key=request.POST.get("idempotency_key", ""))
    except ApplicationError as error:
        draft = selectors.draft_get(viewer=request.user, period_id=vacancy.period_id)
        return _apply_page(request, applicant, vacancy, DraftForm(initial=draft.data if draft else {}), draft,
                           submit_error=error.message, status=400)
    if created:
        messages.success(request, _("Lamaran terkirim. Simpan nomor tanda terima Anda."))
    else:
        messages.info(request, _("Lamaran ini sudah diterima sebelumnya; berikut tanda terimanya."))
    return HttpResponseRedirect(reverse("procurement:application", args=[application.pk]))


@login_required
def my_applications(request: AuthenticatedRequest) -> HttpResponseBase:
    qs = selectors.application_list(viewer=request.user).filter(applicant__user_id=request.user.pk)
    columns: list[Column] = [
        (_("Nomor tanda terima"), lambda a: a.receipt_number), (_("Seleksi"), lambda a: a.period.name),
        (_("Jabatan"), lambda a: a.vacancy.position.name), (_("Instansi"), lambda a: a.vacancy.instansi.name),
        (_("Dikirim"), lambda a: timezone.localtime(a.submitted_at).strftime("%d-%m-%Y %H.%M WIB")),
        (_("Hasil administrasi"), lambda a: a.get_admin_verdict_display()),
    ]
    return list_page(request, queryset=qs, template="procurement/my_applications.html", title=_("Lamaran saya"),
                     columns=columns, export_name="lamaran-saya", export_object_type="procurement.application",
                     estimate_count=False,
                     context={"applicant": selectors.applicant_of(viewer=request.user)})


@login_required
def application_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = selectors.application_get(viewer=request.user, pk=pk)
    labels = dict(DocumentType.choices)
    verdicts = {v.doc_type: v for v in application.verdicts.all()}
    docs = [{"label": labels.get(d["doc_type"], d["doc_type"]), "sha256": d["sha256"],
                  "verdict": verdicts.get(d["doc_type"])} for d in application.documents]
    return render(request, "procurement/application_detail.html", {
        "title": _("Lamaran %(n)s") % {"n": application.receipt_number}, "application": application,
        "documents": docs, "signature": registration.receipt_signature(application),
        "qr": documents.qr_svg(_check_url(request, application)),
        "is_owner": application.applicant.user_id == request.user.pk,
        **_sanggah_context(request, application),
    })


def _sanggah_context(request: AuthenticatedRequest, application: Application) -> dict[str, Any]:
    announced = selectors.announcement_list(period_id=application.period_id, instansi_id=application.vacancy.instansi_id)
    sanggah = list(application.sanggah.all())
    # The result open to a sanggah now: the final one once announced, else the administrative one.
    target = verification.sanggah_target(application)
    window: dict[str, Any] = {}
    if target is not None:
        decision = evaluate("selection.sanggah_deadline", {"announced_on": target.announced_on.isoformat()},
                            target.announced_on)
        window = decision.outcome if not decision.needs_legal_review else {}
    today = timezone.localdate()
    open_to = (target is not None and verification.contestable(application, target)
               and not any(s.announcement_id == target.pk for s in sanggah) and bool(window))
    can = (open_to and application.applicant.user_id == request.user.pk
           and window["window_opens_on"] <= today <= window["window_ends_on"])
    # When the result may be contested but not today, the page says when it can be (the
    # window opens the day after the announcement) or that it has ended.
    when = "" if not open_to or can else ("before" if today < window["window_opens_on"] else "after")
    return {"announcements": list(announced), "sanggah": sanggah, "can_sanggah": can, "window": window,
            "window_when": when}


@login_required
def receipt_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = selectors.application_get(viewer=request.user, pk=pk)
    data = documents.receipt_pdf(application=application, check_url=_check_url(request, application),
                                 signature=registration.receipt_signature(application))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="tanda-terima-{application.receipt_number}.pdf"'
    return response


def _check_url(request: HttpRequest, application: Application) -> str:
    return request.build_absolute_uri(
        reverse("procurement:receipt_check")
        + f"?nomor={application.receipt_number}&tanda={registration.receipt_signature(application)}")


def receipt_check(request: HttpRequest) -> HttpResponse:
    """Anyone holding a receipt (or its QR code) can check it is genuine."""
    number = request.GET.get("nomor", "").strip()
    signature = request.GET.get("tanda", "").strip()
    application = selectors.application_by_receipt(receipt_number=number) if number else None
    valid = application is not None and bool(signature) and registration.receipt_signature(application) == signature
    return render(request, "procurement/receipt_check.html", {
        "title": _("Periksa tanda terima lamaran"), "number": number, "signature": signature,
        "checked": bool(number), "valid": valid, "application": application if valid else None,
    })
