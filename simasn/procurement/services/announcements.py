"""Announcements of results (Tata Naskah Dinas: pengumuman), one per instansi, kind and
version (2 = the re-announcement after the sanggah on the administrative or the final
result), signed (PAdES, simasn.core.pdf_signing) by the publishing account and
stored write-once as PDF by SHA-256; anyone checks it at /pengadaan/pengumuman/<id>/periksa/."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core import pki
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ConflictError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.core.pdf_signing import sign_pdf
from simasn.core.storage import sha256, store_document
from simasn.law import evaluate
from simasn.law.grounds import Ground, cite
from simasn.organization.models import Instansi
from simasn.organization.selectors import official_on
from simasn.procurement import documents
from simasn.procurement.models import (
    Announcement,
    AnnouncementKind,
    AnnouncementSequence,
    Application,
    Sanggah,
    SanggahStatus,
    SelectionPeriod,
    Stage,
)

CITATIONS = cite(Ground.PROCUREMENT_ANNOUNCEMENT)
STAGE_OF = {AnnouncementKind.ADMINISTRASI: (Stage.VERIFICATION,), AnnouncementKind.SKD: (Stage.SKD, Stage.SKB),
            AnnouncementKind.FINAL: (Stage.FINAL,)}
TITLES = {AnnouncementKind.ADMINISTRASI: "HASIL SELEKSI ADMINISTRASI",
          AnnouncementKind.SKD: "HASIL SELEKSI KOMPETENSI DASAR DAN PESERTA SELEKSI KOMPETENSI BIDANG",
          AnnouncementKind.FINAL: "HASIL AKHIR SELEKSI"}
CODES = {AnnouncementKind.ADMINISTRASI: "ADM", AnnouncementKind.SKD: "SKD", AnnouncementKind.FINAL: "AKHIR"}
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


def tanggal(day: dt.date) -> str:
    """A date as Tata Naskah Dinas writes it: 1 Desember 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _applications(period: SelectionPeriod, instansi_id: int) -> QuerySet[Application]:
    return (Application.objects.filter(period=period, vacancy__instansi_id=instansi_id)
            .select_related("applicant", "vacancy__position").order_by("vacancy__position__name", "receipt_number"))


def _by_rank(application: Application, rank: int | None) -> tuple[str, str, int, int, str]:
    """Sort key of a ranking table: the vacancy (position, formasi type), then the rank."""
    return (application.vacancy.position.name, application.vacancy.formasi_type, rank is None, rank or 0,
            application.receipt_number)


def _rows(kind: str, apps: QuerySet[Application]) -> tuple[list[str], list[list[str]]]:
    if kind == AnnouncementKind.ADMINISTRASI:
        return (["No", "Nomor tanda terima", "Nama", "Jabatan", "Hasil", "Keterangan"],
                [[str(i), a.receipt_number, a.applicant.name, a.vacancy.position.name, a.admin_verdict, a.admin_reason]
                 for i, a in enumerate(apps, 1)])
    if kind == AnnouncementKind.SKD:
        # Per vacancy in rank order, as the ranking was made (the unranked after the ranked).
        chosen = sorted((a for a in apps if a.skd_passed is not None), key=lambda a: _by_rank(a, a.skd_rank))
        return (["No", "Nomor tanda terima", "Nama", "Jabatan", "TWK", "TIU", "TKP", "Total", "Peringkat", "Keterangan"],
                [[str(i), a.receipt_number, a.applicant.name, a.vacancy.position.name, str(a.twk), str(a.tiu),
                  str(a.tkp), str((a.twk or 0) + (a.tiu or 0) + (a.tkp or 0)), str(a.skd_rank or "-"),
                  "Peserta SKB" if a.proceeds_skb else ("Lulus nilai ambang batas" if a.skd_passed else "Tidak lulus")]
                 for i, a in enumerate(chosen, 1)])
    chosen = sorted((a for a in apps if a.final_rank or a.needs_review), key=lambda a: _by_rank(a, a.final_rank))
    return (["No", "Nomor tanda terima", "Nama", "Jabatan", "Nilai akhir", "Peringkat", "Keterangan"],
            [[str(i), a.receipt_number, a.applicant.name, a.vacancy.position.name, f"{a.final_score:.4f}".replace(".", ",")
              if a.final_score is not None else "-", str(a.final_rank or "-"),
              "LULUS" if a.selected else ("Perlu kajian hukum" if a.needs_review else "Tidak lulus")]
             for i, a in enumerate(chosen, 1)])


def announcement_text(*, period: SelectionPeriod, instansi: Instansi, kind: str, version: int, number: str,
                      announced_on: dt.date, signer: Any, rows: list[list[str]]) -> str:
    """The announcement's words (the PDF shows the same text and the table)."""
    title = TITLES[AnnouncementKind(kind)]
    lines = [
        instansi.name.upper(), "", "PENGUMUMAN", f"NOMOR {number}", "TENTANG",
        f"{title}{' (PENGUMUMAN ULANG)' if version > 1 else ''}",
        f"{period.name.upper()}", f"DI LINGKUNGAN {instansi.name.upper()}", "",
        "Berdasarkan Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara Pasal 37 dan "
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi tentang pengadaan "
        f"pegawai, dengan ini diumumkan {title.lower()} {period.name} di lingkungan {instansi.name} "
        f"sebagaimana tercantum dalam lampiran pengumuman ini ({len(rows)} pelamar).",
    ]
    if version > 1:
        lines.append("Pengumuman ini memuat hasil setelah jawaban atas sanggah dan menggantikan pengumuman "
                     "sebelumnya untuk hal yang sama.")
    elif kind in (AnnouncementKind.ADMINISTRASI, AnnouncementKind.FINAL):
        window = evaluate("selection.sanggah_deadline", {"announced_on": announced_on.isoformat()}, announced_on)
        if not window.needs_legal_review:
            lines.append(
                ("Pelamar yang dinyatakan tidak memenuhi syarat" if kind == AnnouncementKind.ADMINISTRASI
                 else "Peserta seleksi kompetensi bidang yang dinyatakan tidak lulus")
                + " dapat mengajukan sanggah melalui portal seleksi "
                f"pada tanggal {tanggal(window.outcome['window_opens_on'])} sampai dengan "
                f"{tanggal(window.outcome['window_ends_on'])}.")
    # The signature block of a pengumuman in the Tata Naskah Dinas form: where and when it is issued,
    # the office, that it is signed electronically, the name.
    lines += ["Demikian pengumuman ini disampaikan untuk diketahui.", "",
              f"Dikeluarkan di {instansi.seat_town}",
              f"pada tanggal {tanggal(announced_on)}",
              f"{signer.title if signer else 'Pejabat Pembina Kepegawaian'},",
              "ditandatangani secara elektronik",
              f"{signer.person_name if signer else '(pejabat belum tercatat)'}"]
    return "\n".join(lines)


def verify_line(number: str) -> str:
    """The line at the foot of every page: where anyone checks the announcement (the public list,
    found by its number, links to the check of its signature and SHA-256)."""
    address = f"{settings.SIMASN_PUBLIC_URL.rstrip('/')}{reverse('procurement:announcements')}?q={number}"
    return (f"Pengumuman ini ditandatangani secara elektronik melalui SIMASN. Periksa keasliannya di "
            f"{address} (nomor {number}).")


def _next_number(*, instansi: Instansi, kind: str, fiscal_year: int) -> str:
    """The next number in sequence per instansi, kind and fiscal year (several periods of one
    fiscal year must not share a number; the re-announcement takes the next one). Call inside
    the publish transaction: the sequence row stays locked until it commits."""
    key = {"instansi_id": instansi.pk, "kind": kind, "fiscal_year": fiscal_year}
    # The first publish of a year creates the row (INSERT … ON CONFLICT DO NOTHING: two first
    # publishes at once create one), starting after any announcement numbered before it existed.
    existing = Announcement.objects.filter(instansi_id=instansi.pk, kind=kind, period__fiscal_year=fiscal_year).count()
    AnnouncementSequence.objects.bulk_create([AnnouncementSequence(**key, last=existing)], ignore_conflicts=True)
    sequence = AnnouncementSequence.objects.select_for_update().get(**key)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"{sequence.last:03d}/PANSEL-{CODES[AnnouncementKind(kind)]}/{instansi.code}/{fiscal_year}"


def _next_version(*, period: SelectionPeriod, instansi_id: int, kind: str) -> int:
    """1, or 2 for the re-announcement once the sanggah on version 1 are answered; read under
    the sequence lock, so two publishes of the same result at once give one announcement and a
    clear refusal."""
    previous = Announcement.objects.filter(period=period, instansi_id=instansi_id, kind=kind).order_by("-version").first()
    if previous is None:
        return 1
    if kind == AnnouncementKind.SKD or previous.version > 1:
        raise ConflictError(_("Pengumuman ini sudah diterbitkan."), code="duplicate")
    contested = Sanggah.objects.filter(announcement=previous)
    if contested.filter(status=SanggahStatus.FILED).exists():
        raise ConflictError(_("Jawab semua sanggah sebelum pengumuman ulang."), code="sanggah_open")
    if not contested.exists():
        # The re-announcement is the result after the sanggah answers; without any it would be a
        # second copy of the same result (e.g. a double click), so it is refused.
        raise ConflictError(_("Pengumuman ini sudah diterbitkan; pengumuman ulang hanya dibuat setelah sanggah "
                              "dijawab."), code="duplicate")
    return 2


def announcement_publish(*, actor: User, interface: Interface, period_id: int, instansi_id: int, kind: str,
                         on: dt.date | None = None) -> Announcement:
    announced_on = on or timezone.localdate()
    period = SelectionPeriod.objects.filter(pk=period_id).first()
    instansi = Instansi.objects.filter(pk=instansi_id).first()
    if period is None or instansi is None:
        raise NotFoundError(_("Periode seleksi atau instansi tidak ditemukan."))
    Scope.of(actor).require(Resource.SELECTION_RESULT, Action.CREATE, instansi_id=instansi_id)
    if kind not in AnnouncementKind.values:
        raise ConflictError(_("Jenis pengumuman tidak dikenal."), code="validation")
    if period.stage not in STAGE_OF[AnnouncementKind(kind)]:
        raise ConflictError(_("Pengumuman ini tidak dapat dibuat pada tahap %(s)s.") % {"s": period.get_stage_display()},
                            code="wrong_stage")
    apps = _applications(period, instansi_id)
    if kind == AnnouncementKind.ADMINISTRASI and apps.filter(admin_verdict="").exists():
        raise ConflictError(_("Masih ada lamaran yang belum diverifikasi (%(n)s).")
                            % {"n": apps.filter(admin_verdict="").count()}, code="unverified")
    signer = official_on(instansi_id=instansi_id, role="PPK", on=announced_on)
    header, rows = _rows(kind, apps)
    # One transaction from the number to the stored row: the sequence row stays locked while the
    # PDF (which prints the number) is made and signed, so a concurrent publish of the same
    # instansi, kind and year waits and takes the next number; a failure gives the number back.
    with transaction.atomic(durable=True):
        number = _next_number(instansi=instansi, kind=kind, fiscal_year=period.fiscal_year)
        version = _next_version(period=period, instansi_id=instansi_id, kind=kind)
        text = announcement_text(period=period, instansi=instansi, kind=kind, version=version, number=number,
                                 announced_on=announced_on, signer=signer, rows=rows)
        pdf = documents.render_pdf("procurement/announcement.pdf.html",
                                   {"text": text, "header": header, "rows": rows, "paragraphs": text.split("\n"),
                                    "verify_line": verify_line(number)})
        # Signed like the berita acara and the SKs (PAdES, the SIMASN CA) by the account that publishes it.
        files = pki.ensure_signer(user_id=actor.pk, common_name=actor.get_full_name() or actor.get_username(),
                                  organization=instansi.name)
        pdf = sign_pdf(pdf, field_name="TTD_PANITIA", files=files, reason=f"Pengumuman {number}",
                       location=instansi.name[:60])
        digest = sha256(pdf)
        name = store_document(f"procurement/announcements/{digest}.pdf", pdf)  # by content: a retry rewrites it
        announcement = Announcement.objects.create(
            period=period, instansi=instansi, kind=kind, version=version, number=number, announced_on=announced_on,
            text=text, document=name, sha256=digest, citations=CITATIONS, created_by=actor, updated_by=actor)
        audit_record(actor=actor, action=AuditAction.DOCUMENT_GENERATED, interface=interface, obj=announcement,
                     changes={"after": {"kind": kind, "version": version, "sha256": digest, "rows": len(rows)}},
                     citations=CITATIONS)
    return announcement
