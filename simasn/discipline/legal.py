"""The discipline app's questions to the law (simasn.law), in one place.

Nothing here decides law: every list, level, authority and period comes from the dated
parameters and rules of ``simasn.law.rules.discipline`` (PP 94/2021), the code of
ethics from ``ethics.*`` (UU 20/2023 Pasal 4; PP 42/2004), and the remedy against a
decision from ``disputes.remedy`` (UU 20/2023 Pasal 64; PP 79/2021).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from simasn.core.errors import ApplicationError
from simasn.discipline.models import CaseKind, DisciplineCase
from simasn.law import (
    Decision,
    FactsError,
    code_of_ethics,
    discipline_breaches,
    discipline_penalties,
    evaluate,
)
from simasn.law.enums import InstansiKind, PositionKind
from simasn.law.parameters import ParameterGapError
from simasn.law.rules.disputes.remedy import remedy_summary


def _en() -> bool:
    return (get_language() or "id").startswith("en")


def breaches(*, on: dt.date) -> list[dict[str, Any]]:
    return discipline_breaches(on=on)


def breach_codes(*, on: dt.date) -> set[str]:
    """The breach codes in force; none before PP 94/2021 (PP 53/2010 is not modelled)."""
    try:
        return {row["code"] for row in discipline_breaches(on=on)}
    except ParameterGapError:
        return set()


def breach_choices(*, on: dt.date) -> list[tuple[str, str]]:
    key = "label_en" if _en() else "label_id"
    return [(row["code"], f"{row['citation']} — {row[key]}") for row in discipline_breaches(on=on)]


def breach_label(code: str, *, on: dt.date) -> str:
    key = "label_en" if _en() else "label_id"
    for row in discipline_breaches(on=on):
        if row["code"] == code:
            return str(row[key])
    return code


def breach_citation(code: str, *, on: dt.date) -> str:
    for row in discipline_breaches(on=on):
        if row["code"] == code:
            return str(row["citation"])
    return ""


def penalties(*, on: dt.date) -> dict[str, dict[str, Any]]:
    return {row["code"]: row for row in discipline_penalties(on=on)}


def penalty_label(code: str, *, on: dt.date) -> str:
    row = penalties(on=on).get(code)
    if row is None:
        return code
    return str(row["label_en" if _en() else "label_id"])


def penalty_citation(code: str, *, on: dt.date) -> str:
    row = penalties(on=on).get(code)
    return str(row["citation"]) if row else ""


def require_known_penalty(code: str, *, on: dt.date) -> None:
    if code not in penalties(on=on):
        raise ApplicationError(_("Jenis hukuman tidak dikenal."), code="validation",
                               fields={"new_penalty": [_("Pilih salah satu.")]})


def level_of_penalty(code: str, *, on: dt.date) -> str:
    return str(penalties(on=on)[code]["level"])


def ethics(*, on: dt.date) -> dict[str, Any]:
    return code_of_ethics(on=on)


def ethics_value_codes(*, on: dt.date) -> set[str]:
    return {row["code"] for row in code_of_ethics(on=on)["values"]}


def ethics_value_choices(*, on: dt.date) -> list[tuple[str, str]]:
    key = "label_en" if _en() else "label_id"
    return [(row["code"], f"Pasal 4 ayat (2) huruf {row['huruf']} — {row[key]}")
            for row in code_of_ethics(on=on)["values"]]


def moral_sanction_codes(*, on: dt.date) -> set[str]:
    return {row["code"] for row in code_of_ethics(on=on)["moral_sanctions"]}


def moral_sanction_choices(*, on: dt.date) -> list[tuple[str, str]]:
    key = "label_en" if _en() else "label_id"
    return [(row["code"], row[key]) for row in code_of_ethics(on=on)["moral_sanctions"]]


def ethics_citations(*, on: dt.date) -> list[str]:
    found = code_of_ethics(on=on)
    return [found["values_citation"], found["council_citation"], found["moral_sanctions_citation"]]


def report_citations(case: DisciplineCase) -> list[str]:
    if case.kind == CaseKind.KODE_ETIK:
        return ethics_citations(on=case.reported_on)[:2]
    citation = breach_citation(case.breach, on=case.reported_on)
    return [citation] if citation else []


def level_of(case: DisciplineCase, *, facts: dict[str, Any], on: dt.date) -> Decision:
    """discipline.penalty: the level and the penalties the breach allows (PP 94/2021 Pasal 8-14)."""
    position = case.employee.position
    given: dict[str, Any] = {"employee_type": case.employee.employee_type, "breach": case.breach, **facts}
    if position is not None:
        given["position_kind"] = position.kind
    try:
        return evaluate("discipline.penalty", given, on)
    except FactsError as error:  # a missing or inconsistent fact: asked for on the form
        message = _("Fakta pemeriksaan belum lengkap untuk pelanggaran ini.")
        fields: dict[str, list[str]] = {"__all__": [message]}
        for item in error.errors:
            if item.field in EXAMINATION_FACTS:
                fields[item.field] = [_("Wajib diisi untuk pelanggaran ini.")]
        if case.breach == "PASAL_4_F":
            fields.setdefault("absent_days", [_("Isi jumlah hari kerja tidak masuk tanpa alasan yang sah.")])
        raise ApplicationError(message, code="validation", fields=fields) from error


#: The facts of discipline.penalty the examination form asks for.
EXAMINATION_FACTS = ("impact", "absent_days", "consecutive_absent_days", "without_valid_reason")


def offender_facts(case: DisciplineCase) -> dict[str, Any]:
    position = case.employee.position
    kind = position.kind if position is not None else PositionKind.PELAKSANA.value
    facts: dict[str, Any] = {"offender_position_kind": kind, "instansi_kind": case.instansi.kind}
    if kind == PositionKind.FUNGSIONAL.value and position is not None:
        facts["offender_functional_level"] = position.functional_level
    return facts


def authority_for(case: DisciplineCase, *, penalty: str, on: dt.date) -> Decision:
    """discipline.authority: who may impose this penalty on this PNS (PP 94/2021 Pasal 16-23)."""
    return evaluate("discipline.authority", {**offender_facts(case), "penalty": penalty}, on)


OFFICIAL_CHOICES = (
    ("PRESIDEN", _("Presiden")),
    ("PPK", _("Pejabat Pembina Kepegawaian")),
    ("KEPALA_PERWAKILAN", _("Kepala Perwakilan Republik Indonesia")),
    ("JPT_MADYA", _("Pejabat pimpinan tinggi madya")),
    ("JPT_PRATAMA", _("Pejabat pimpinan tinggi pratama")),
    ("ADMINISTRATOR", _("Pejabat administrator")),
    ("PENGAWAS", _("Pejabat pengawas")),
    ("FUNGSIONAL_AHLI_MADYA_TERTENTU", _("Pejabat fungsional ahli madya yang ditetapkan PPK")),
    ("FUNGSIONAL_AHLI_MUDA_TERTENTU", _("Pejabat fungsional ahli muda yang ditetapkan PPK")),
)


def official_label(code: str) -> str:
    return str(dict(OFFICIAL_CHOICES).get(code, code))


def decision_number(case: DisciplineCase) -> str:
    """The decision's number: sequence/HD (hukuman disiplin) or KE (kode etik)/instansi/year."""
    year = (case.decided_on or case.reported_on).year
    code = "KE" if case.kind == CaseKind.KODE_ETIK else "HD"
    return f"{case.pk:05d}/{code}/{case.instansi_id}/{year}"


def apply_period(case: DisciplineCase, *, on: dt.date) -> None:
    """discipline.penalty_period: when the penalty takes effect and its last day.

    Until the employee has received the decision its period is unknown. Where the
    regulation's readings differ (hari ke-15 vs hari kerja ke-15) the earliest start and
    the latest end are kept, so no chapter reads a penalty as over too early."""
    if not case.penalty or case.decision_received_on is None:
        case.effective_date = None
        case.ends_on = None
        case.period = {}
        return
    answer = evaluate("discipline.penalty_period",
                      {"penalty": case.penalty, "decision_received_date": case.decision_received_on}, on)
    data = answer.to_dict()
    readings = data["outcome"].get("readings") or []
    starts = [r["effective_date"] for r in readings if r.get("effective_date")]
    ends = [r["last_day"] for r in readings if r.get("last_day")]
    case.effective_date = dt.date.fromisoformat(min(starts)) if starts else None
    dismissal = any(r.get("last_day") is None and r.get("served_on") is None for r in readings)
    case.ends_on = None if dismissal or not ends else dt.date.fromisoformat(max(ends))
    case.period = {"outcome": data["outcome"], "citations": data["citations"],
                   "explanation_id": data["explanation_id"], "explanation_en": data["explanation_en"],
                   "needs_legal_review": data["needs_legal_review"], "review_reason": data["review_reason"]}


def remedy_for(case: DisciplineCase, *, on: dt.date) -> Decision | None:
    """disputes.remedy: how, to whom and by when this decision can be contested (Pasal 64)."""
    if case.kind != CaseKind.DISIPLIN or not case.penalty or case.decided_on is None:
        return None
    facts: dict[str, Any] = {"employee_type": case.employee.employee_type, "decision": "HUKUMAN_DISIPLIN",
                             "penalty": case.penalty, "decision_date": case.decided_on,
                             "issuer": "PPK" if case.authority_official == "PPK" else (
                                 "PRESIDEN" if case.authority_official == "PRESIDEN" else "PEJABAT")}
    if case.decision_received_on:
        facts["decision_received_date"] = case.decision_received_on
    try:
        return evaluate("disputes.remedy", facts, on)
    except Exception:
        return None


def remedy_view(decision: Decision | None) -> dict[str, Any] | None:
    """The remedy in words for a page and the decision's diktum (simasn.law remedy_summary)."""
    return remedy_summary(decision, en=_en()) if decision is not None else None


def instansi_is_pusat(kind: str) -> bool:
    return InstansiKind(kind).is_pusat
