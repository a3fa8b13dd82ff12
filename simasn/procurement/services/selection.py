"""CAT results, the passing grade, SKB participants and the final ranking (issue 14 item 7).

Every number and order comes from the law's ``selection`` family, column-wise
(``simasn.law.rules.selection.columns``) with ``on`` = a date inside the period's fiscal
year: a year with no passing-grade decree kept is refused as "perlu kajian hukum", never
ranked with another year's grades.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np
from django.db import transaction
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.core.storage import save_exactly, unique_name, working_storage
from simasn.law import parameters
from simasn.law.grounds import Ground, cite
from simasn.law.parameters import ParameterGapError
from simasn.law.rules.selection.columns import final_ranking_columns, skb_participants_columns
from simasn.procurement.legal import period_on
from simasn.procurement.models import Application, ResultImport, SelectionPeriod, Stage, Verdict
from simasn.web.exports import escape_row

SKD_COLUMNS = ("nomor_peserta", "nik", "twk", "tiu", "tkp")
SKB_COLUMNS = ("nomor_peserta", "nik", "skb_cat", "skb_wawancara", "skb_lainnya")
CITE_SKD = cite(Ground.PROCUREMENT_SKD)[0]
CITE_FINAL = cite(Ground.PROCUREMENT_FINAL)[0]


def _review_refusal(error: Exception) -> ConflictError:
    return ConflictError(_("Data hukum seleksi untuk tahun anggaran ini belum ada (perlu kajian hukum): %(e)s")
                         % {"e": error}, code="needs_legal_review")


def _read_rows(content: bytes, filename: str) -> list[dict[str, str]]:
    if filename.lower().endswith(".xlsx"):
        # Imported on first use: openpyxl is only needed for XLSX uploads.
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        values = [[("" if c is None else str(c)).strip() for c in row] for row in sheet.iter_rows(values_only=True)]
    else:
        text = content.decode("utf-8-sig", errors="replace")
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
        values = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]
    if not values:
        return []
    header = [h.lower() for h in values[0]]
    return [dict(zip(header, row, strict=False)) for row in values[1:] if any(row)]


def _int(value: str, maximum: int) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 <= number <= maximum else None


def _hundredths(value: str) -> Decimal | None:
    if value in ("", None):
        return None
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        return None
    return number if 0 <= number <= 100 and number == number.quantize(Decimal("0.01")) else None


def results_import(*, actor: User, interface: Interface, period_id: int, kind: str, content: bytes,
                   filename: str) -> ResultImport:
    """Import a CAT export (SKD or SKB) for the rows the actor may write; every other row goes
    to the reject report with its reason. Nothing is written when the file cannot be read."""
    period = SelectionPeriod.objects.filter(pk=period_id).first()
    if period is None:
        raise NotFoundError(_("Periode seleksi tidak ditemukan."))
    scope = Scope.of(actor)
    if not scope.can(Resource.SELECTION_RESULT, Action.CREATE):
        raise ApplicationError(_("Anda tidak berwenang mengimpor hasil seleksi."), code="forbidden", status=403)
    expected_stage = Stage.SKD if kind == "SKD" else Stage.SKB
    if kind not in ("SKD", "SKB") or period.stage != expected_stage:
        raise ConflictError(_("Hasil %(k)s hanya dapat diimpor pada tahap %(k)s.") % {"k": kind}, code="wrong_stage")
    try:
        rows = _read_rows(content, filename)
    except Exception as error:
        raise ApplicationError(_("Berkas tidak dapat dibaca sebagai CSV atau XLSX."), code="unreadable",
                               fields={"file": [str(error)[:200]]}) from error
    columns = SKD_COLUMNS if kind == "SKD" else SKB_COLUMNS
    if not rows or not set(columns[:3]) <= set(rows[0]):
        raise ApplicationError(_("Kolom wajib: %(c)s.") % {"c": ", ".join(columns)}, code="columns",
                               fields={"file": [_("Kolom tidak sesuai.")]})
    try:
        maxima = parameters.value("selection.skd_structure", period_on(fiscal_year=period.fiscal_year,
                                                                        opens_on=period.opens_on))
    except ParameterGapError as error:
        raise _review_refusal(error) from error
    limits = {k: int(v["max"]) for k, v in _subtests(maxima).items()}
    apps = {a.receipt_number: a for a in Application.objects.filter(period=period).select_related("applicant", "vacancy")}
    accepted: dict[int, Application] = {}
    rejects: list[list[str]] = []
    seen: set[str] = set()
    for line, row in enumerate(rows, start=2):
        number = row.get("nomor_peserta", "")
        app = apps.get(number)
        reason = ""
        if number in seen:
            reason = _("nomor peserta ganda dalam berkas")
        elif app is None:
            reason = _("nomor peserta tidak dikenal pada periode ini")
        elif app.applicant.nik != row.get("nik", ""):
            reason = _("NIK tidak sesuai dengan pelamar")
        elif not scope.allows_object(Resource.SELECTION_RESULT, Action.CREATE, app.vacancy):
            reason = _("bukan pelamar instansi Anda")
        elif kind == "SKD" and app.admin_verdict != Verdict.MS:
            reason = _("pelamar tidak memenuhi syarat administrasi")
        elif kind == "SKB" and not app.proceeds_skb:
            reason = _("pelamar bukan peserta SKB")
        elif kind == "SKD":
            scores = {k: _int(row.get(k, ""), limits.get(k.upper(), 0)) for k in ("twk", "tiu", "tkp")}
            if None in scores.values():
                reason = _("nilai TWK/TIU/TKP bukan bilangan bulat dalam batas nilai maksimum")
            else:
                app.twk, app.tiu, app.tkp = scores["twk"], scores["tiu"], scores["tkp"]
        else:
            values = {k: _hundredths(row.get(k, "")) for k in ("skb_cat", "skb_wawancara", "skb_lainnya")}
            bad = [k for k in values if row.get(k, "") not in ("", None) and values[k] is None]
            if values["skb_cat"] is None or bad:
                reason = _("nilai SKB harus 0-100 dengan paling banyak 2 desimal")
            else:
                app.skb_cat, app.skb_wawancara, app.skb_lainnya = (values["skb_cat"], values["skb_wawancara"],
                                                                   values["skb_lainnya"])
        seen.add(number)
        if reason:
            rejects.append([str(line), number, row.get("nik", ""), reason])
        elif app is not None:
            accepted[app.pk] = app
    reject_name = ""
    if rejects:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["baris", "nomor_peserta", "nik", "alasan"])
        writer.writerows(escape_row(r) for r in rejects)
        reject_name = save_exactly(working_storage(), unique_name("procurement/rejects", ".csv"),
                                   io.BytesIO(buffer.getvalue().encode("utf-8-sig")))
    fields = ["twk", "tiu", "tkp"] if kind == "SKD" else ["skb_cat", "skb_wawancara", "skb_lainnya"]
    with transaction.atomic(durable=True):
        Application.objects.bulk_update(list(accepted.values()), fields, batch_size=2000)
        job = ResultImport.objects.create(
            period=period, instansi_id=scope.instansi_id if scope.reach(Resource.SELECTION_RESULT, Action.CREATE) < 3
            else None, kind=kind, rows_total=len(rows), rows_ok=len(accepted), rows_rejected=len(rejects),
            reject_name=reject_name, created_by=actor, updated_by=actor)
        audit_record(actor=actor, action=AuditAction.IMPORT, interface=interface, obj=job,
                     object_repr=f"Hasil {kind} {period.name}",
                     changes={"rows_ok": len(accepted), "rows_rejected": len(rejects)}, citations=[CITE_SKD])
    return job


def _subtests(structure: Any) -> dict[str, dict[str, Any]]:
    """The SKD structure parameter as {TWK: {...max_score...}, ...}, whatever its list/map form."""
    items = structure.get("subtests", structure) if isinstance(structure, dict) else structure
    if isinstance(items, dict):
        return {str(k).upper(): v for k, v in items.items() if isinstance(v, dict)}
    return {str(item["code"]).upper(): item for item in items}


def _scoped_apps(actor: User, period: SelectionPeriod, instansi_id: int | None) -> Any:
    scope = Scope.of(actor)
    if instansi_id is not None:
        scope.require(Resource.SELECTION_RESULT, Action.UPDATE, instansi_id=instansi_id)
    elif scope.reach(Resource.SELECTION_RESULT, Action.UPDATE) < 3:
        raise ApplicationError(_("Pilih instansi."), code="validation", fields={"instansi": [_("Wajib diisi.")]})
    qs = Application.objects.filter(period=period).select_related("vacancy", "applicant")
    return qs.filter(vacancy__instansi_id=instansi_id) if instansi_id is not None else qs


def skd_rank(*, actor: User, interface: Interface, period_id: int, instansi_id: int | None = None) -> dict[str, int]:
    """Passing grade and the SKB participants of every formasi (at most 3 x seats, full ties
    at the cut-off proceed), by ``selection.skb_participants`` column-wise."""
    period = SelectionPeriod.objects.filter(pk=period_id).first()
    if period is None:
        raise NotFoundError(_("Periode seleksi tidak ditemukan."))
    if period.stage not in (Stage.SKD, Stage.SKB):
        raise ConflictError(_("Peringkat SKD dibuat pada tahap SKD."), code="wrong_stage")
    apps = list(_scoped_apps(actor, period, instansi_id).filter(admin_verdict=Verdict.MS))
    scored = [a for a in apps if a.twk is not None and a.tiu is not None and a.tkp is not None]
    vacancies = {a.vacancy_id: a.vacancy for a in apps}
    on = period_on(fiscal_year=period.fiscal_year, opens_on=period.opens_on)
    try:
        result = skb_participants_columns(
            formasi_id=np.array([a.vacancy_id for a in scored], dtype=np.int64),
            formasi_type=np.array([a.vacancy.formasi_type for a in scored], dtype=object),
            twk=np.array([a.twk for a in scored], dtype=np.int64), tiu=np.array([a.tiu for a in scored], dtype=np.int64),
            tkp=np.array([a.tkp for a in scored], dtype=np.int64),
            formasi_ids=np.array(list(vacancies), dtype=np.int64),
            formasi_seats=np.array([v.seats for v in vacancies.values()], dtype=np.int64), on=on)
    except ParameterGapError as error:
        raise _review_refusal(error) from error
    for app in apps:  # absent from the SKD: did not pass
        app.skd_passed, app.skd_rank, app.proceeds_skb = False, None, False
    for i, app in enumerate(scored):
        app.skd_passed = bool(result.passed_skd[i])
        app.skd_rank = int(result.rank[i]) or None
        app.proceeds_skb = bool(result.proceeds[i])
    with transaction.atomic(durable=True):
        Application.objects.bulk_update(apps, ["skd_passed", "skd_rank", "proceeds_skb"], batch_size=2000)
        audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, object_type="procurement.selectionperiod",
                     object_id=period.pk, object_repr=f"Peringkat SKD {period.name}", instansi_id=instansi_id,
                     changes={"ranked": len(scored), "passed": int(result.passed_skd.sum()),
                              "proceed": int(result.proceeds.sum())}, citations=[CITE_SKD])
    return {"ranked": len(scored), "passed": int(result.passed_skd.sum()), "proceed": int(result.proceeds.sum())}


def final_rank(*, actor: User, interface: Interface, period_id: int, instansi_id: int | None = None) -> dict[str, int]:
    """Integrated score (SKD 40 % + SKB 60 %), rank with the final tie-breaks and the selected
    per formasi (``selection.final_ranking`` column-wise). Ties the law does not settle are
    marked "needs legal review" and neither selected nor refused."""
    period = SelectionPeriod.objects.filter(pk=period_id).first()
    if period is None:
        raise NotFoundError(_("Periode seleksi tidak ditemukan."))
    if period.stage != Stage.FINAL:
        raise ConflictError(_("Peringkat akhir dibuat pada tahap pengumuman hasil akhir."), code="wrong_stage")
    apps = list(_scoped_apps(actor, period, instansi_id).filter(proceeds_skb=True))
    vacancies = {a.vacancy_id: a.vacancy for a in apps}
    nan = float("nan")

    def number(value: Any) -> float:
        return float(value) if value not in (None, "") else nan

    weights = None
    if any(v.skb_weights for v in vacancies.values()):
        keys = ("CAT", "WAWANCARA", "LAINNYA")
        weights = {k: np.array([int((v.skb_weights or {"CAT": 100}).get(k, 0)) for v in vacancies.values()])
                   for k in keys}
    try:
        result = final_ranking_columns(
            formasi_id=np.array([a.vacancy_id for a in apps], dtype=np.int64),
            twk=np.array([a.twk for a in apps], dtype=np.int64), tiu=np.array([a.tiu for a in apps], dtype=np.int64),
            tkp=np.array([a.tkp for a in apps], dtype=np.int64),
            skb_cat=np.array([number(a.skb_cat) for a in apps]),
            skb_wawancara=np.array([number(a.skb_wawancara) for a in apps]) if weights else None,
            skb_lainnya=np.array([number(a.skb_lainnya) for a in apps]) if weights else None,
            birth_date=np.array([a.applicant.birth_date for a in apps], dtype="datetime64[D]"),
            ipk=np.array([number(a.data.get("ipk")) for a in apps]),
            ijazah_average=np.array([number(a.data.get("ijazah_average")) for a in apps]),
            eliminated=None, formasi_ids=np.array(list(vacancies), dtype=np.int64),
            formasi_seats=np.array([v.seats for v in vacancies.values()], dtype=np.int64),
            formasi_skb_weights=weights, on=period_on(fiscal_year=period.fiscal_year, opens_on=period.opens_on))
    except ParameterGapError as error:
        raise _review_refusal(error) from error
    reasons = {1: "TIED_AFTER_ALL_CRITERIA", 2: "EDUCATION_NOT_COMPARABLE"}
    for i, app in enumerate(apps):
        scored = bool(result.scored[i])
        app.final_score = Decimal(str(round(float(result.final_score[i]), 4))) if scored else None
        app.final_rank = int(result.rank[i]) or None
        app.selected = bool(result.selected[i])
        app.needs_review = bool(result.needs_review[i])
        app.review_reason = reasons.get(int(result.review_reason[i]), "") if app.needs_review else ""
    with transaction.atomic(durable=True):
        Application.objects.bulk_update(apps, ["final_score", "final_rank", "selected", "needs_review", "review_reason"],
                                        batch_size=2000)
        audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, object_type="procurement.selectionperiod",
                     object_id=period.pk, object_repr=f"Peringkat akhir {period.name}", instansi_id=instansi_id,
                     changes={"ranked": int(result.scored.sum()), "selected": int(result.selected.sum()),
                              "needs_review": int(result.needs_review.sum())}, citations=[CITE_FINAL])
    return {"ranked": int(result.scored.sum()), "selected": int(result.selected.sum()),
            "needs_review": int(result.needs_review.sum())}
