"""disputes.remedy — which administrative remedy a decision is contested by, where, by when.

- UU 20/2023 Pasal 64 ayat (1)-(2): disputes of Pegawai ASN are settled by upaya
  administratif: keberatan and banding administratif (ayat (3): details by PP).
- PP 79/2021 Pasal 1 angka 4-5 (parameter ``disputes.routes``): banding administratif
  to BPASN against a Keputusan PPK dismissing a PNS or ending a PPPK's contract;
  keberatan against any other Keputusan PPK (to the PPK) and against any Keputusan
  Pejabat (to the official's superior). A disciplinary penalty of dismissal is a
  dismissal; any other penalty is contested by keberatan.
- The filing deadline (``disputes.deadlines``) is counted when the decision's dates are
  given; the outcomes the deciding body may reach come from ``disputes.outcomes``.
- A decision set by the President is neither a Keputusan PPK nor a Keputusan Pejabat
  of PP 79/2021: the rule asks for legal review.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import model_validator

from simasn.law import calendar
from simasn.law.decision import Decision
from simasn.law.enums import (
    DayUnit,
    DecisionIssuer,
    DisciplinePenalty,
    DisputedDecision,
    DisputeRoute,
    DisputeStep,
    EmployeeType,
)
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import (
    CalendarFacts,
    Lookup,
    answer,
    gap_review,
    law_in_force,
    pasal,
    review,
)
from simasn.law.rules.disputes._steps import EVENT_LABELS, UNIT_LABELS, count_step, describe

RULE = "disputes.remedy"

STEPS = {
    DisputeRoute.KEBERATAN: (DisputeStep.PENGAJUAN_KEBERATAN, DisputeStep.KEPUTUSAN_KEBERATAN),
    DisputeRoute.BANDING_ADMINISTRATIF: (
        DisputeStep.PENGAJUAN_BANDING,
        DisputeStep.TANGGAPAN_PPK,
        DisputeStep.KEPUTUSAN_BPASN,
    ),
}
BODY_LABELS = {
    "BPASN": ("Badan Pertimbangan Aparatur Sipil Negara (BPASN)", "the ASN Appeal Board (BPASN)"),
    "PPK": ("Pejabat Pembina Kepegawaian yang menetapkan keputusan", "the PPK who made the decision"),
    "ATASAN_PEJABAT": ("atasan pejabat yang menetapkan keputusan", "the superior of the official who decided"),
}
ROUTE_LABELS = {
    "KEBERATAN": ("keberatan", "an objection (keberatan)"),
    "BANDING_ADMINISTRATIF": ("banding administratif", "an administrative appeal (banding administratif)"),
}


class RemedyFacts(CalendarFacts):
    employee_type: EmployeeType
    decision: DisputedDecision
    issuer: DecisionIssuer = DecisionIssuer.PPK
    penalty: DisciplinePenalty | None = None
    decision_date: dt.date | None = None
    decision_received_date: dt.date | None = None
    region: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> RemedyFacts:
        if self.decision == DisputedDecision.PEMBERHENTIAN_PNS and self.employee_type != EmployeeType.PNS:
            raise ValueError("PEMBERHENTIAN_PNS concerns a PNS")
        if (
            self.decision == DisputedDecision.PEMUTUSAN_HUBUNGAN_PERJANJIAN_KERJA_PPPK
            and self.employee_type != EmployeeType.PPPK
        ):
            raise ValueError("PEMUTUSAN_HUBUNGAN_PERJANJIAN_KERJA_PPPK concerns a PPPK")
        if self.penalty is not None and self.decision != DisputedDecision.HUKUMAN_DISIPLIN:
            raise ValueError("penalty applies only to the decision HUKUMAN_DISIPLIN")
        return self

    def kind(self) -> str:
        """The decision kind of ``disputes.routes``: a dismissal penalty is a dismissal."""
        if self.decision == DisputedDecision.HUKUMAN_DISIPLIN:
            if self.penalty == DisciplinePenalty.PEMBERHENTIAN_DENGAN_HORMAT:
                return DisputedDecision.PEMBERHENTIAN_PNS.value
            return "LAINNYA"
        return self.decision.value


def remedy_summary(decision: Decision, *, en: bool = False) -> dict[str, Any] | None:
    """A ``disputes.remedy`` answer in words for a page or a decree's diktum: the route and
    body (in the chosen language and in Indonesian), the filing deadline (earliest and latest
    reading, as dates) and each reading. None when the rule found no route."""
    outcome = decision.outcome
    if not outcome.get("route"):
        return None
    route = str(outcome["route"])
    body = str(outcome["body"])
    filing = outcome.get("filing_deadline") or {}
    steps = outcome.get("steps") or []
    n = steps[0]["n"] if steps else ""
    readings = []
    for r in filing.get("readings", []):
        unit_id, unit_en = UNIT_LABELS[DayUnit(r["unit"])]
        event_id, event_en = EVENT_LABELS[r["runs_from"]]
        text = f"{n} {unit_en} from {event_en}" if en else f"{n} {unit_id} sejak {event_id}"
        readings.append({"text": text, "due_date": r["due_date"]})
    return {
        "route": route,
        "route_label": ROUTE_LABELS[route][1 if en else 0],
        "route_label_id": ROUTE_LABELS[route][0],
        "body_label": BODY_LABELS[body][1 if en else 0],
        "body_label_id": BODY_LABELS[body][0],
        "due_date": filing.get("due_date"),
        "latest_due_date": filing.get("latest_due_date"),
        "readings": readings,
        "needs_legal_review": decision.needs_legal_review,
        "review_reason": (decision.review_reason if en else decision.review_reason_id or decision.review_reason) or "",
        "citations": list(decision.citations),
    }


def remedy(facts: RemedyFacts, on: dt.date) -> Decision:
    """Keberatan or banding administratif, to whom and by when — Pasal 64; PP 79/2021."""
    lookup = Lookup(on)
    try:
        routes = lookup.value("disputes.routes")
        route_citation = lookup.cite("disputes.routes")
        outcomes = lookup.value("disputes.outcomes")
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    citations = [pasal(64, 2)] if law_in_force(lookup) == "UU 20/2023" else []
    citations.append(route_citation)
    if facts.issuer == DecisionIssuer.PRESIDEN:
        return review(
            RULE,
            on,
            "PP 79/2021 provides keberatan and banding against a Keputusan PPK or a Keputusan "
            "Pejabat; a decision set by the President is neither, and the remedy against it is "
            "not settled there.",
            "PP 79/2021 mengatur keberatan dan banding terhadap Keputusan PPK atau Keputusan "
            "Pejabat; keputusan yang ditetapkan Presiden bukan keduanya, dan upayanya tidak "
            "diatur di sana.",
            citations=citations,
            lookup=lookup,
        )
    kind = facts.kind()
    route = next(
        (r for r in routes if r["decision"] == kind and r["issuer"] == facts.issuer.value),
        None,
    )
    if route is None:
        route = next(
            (r for r in routes if r["decision"] == "LAINNYA" and r["issuer"] == facts.issuer.value),
            None,
        )
    if route is None or (kind != "LAINNYA" and route["decision"] == "LAINNYA"):
        return review(
            RULE,
            on,
            f"a decision of kind {kind} by {facts.issuer.value} has no route in PP 79/2021 as "
            f"modelled (a dismissal is a Keputusan PPK).",
            f"keputusan {kind} oleh {facts.issuer.value} tidak mempunyai jalur dalam PP 79/2021 "
            f"sebagaimana dimodelkan (pemberhentian adalah Keputusan PPK).",
            citations=citations,
            lookup=lookup,
        )
    route_code = DisputeRoute(route["route"])
    body = route["body"]
    steps: list[dict[str, Any]] = []
    for step in STEPS[route_code]:
        spec = lookup.value("disputes.deadlines", step)
        citations.append(lookup.cite("disputes.deadlines", step))
        steps.append({"step": step, "n": spec["n"], "units": spec["units"],
                      "runs_from": spec["runs_from"], "actor": spec["actor"]})
    citations.append(lookup.cite("disputes.outcomes", route_code))
    outcome: dict[str, Any] = {
        "route": route_code,
        "body": body,
        "decision_kind": kind,
        "steps": steps,
        "outcomes": list(outcomes[route_code.value]),
        "filing_deadline": None,
    }
    if route_code == DisputeRoute.BANDING_ADMINISTRATIF:
        outcome["rights_during_appeal"] = lookup.value("disputes.rights_during_appeal")
        citations.append(lookup.cite("disputes.rights_during_appeal"))
    route_id, route_en = ROUTE_LABELS[route_code.value]
    body_id, body_en = BODY_LABELS[body]
    explanation_id = f"Upaya administratif: {route_id} kepada {body_id}."
    explanation_en = f"Remedy: {route_en} to {body_en}."
    reasons: list[str] = []
    reasons_id: list[str] = []
    dates = {"decision_date": facts.decision_date, "decision_received_date": facts.decision_received_date}
    if any(dates.values()):
        try:
            count = count_step(STEPS[route_code][0], dates, lookup, region=facts.region, rule=RULE)
        except calendar.HolidayListNotSetError as error:
            return review(RULE, on, error.reason_en, error.reason_id, citations=citations,
                          outcome=outcome, lookup=lookup)
        citations.extend(count.citations)
        outcome["filing_deadline"] = {
            "due_date": count.due_date,
            "latest_due_date": count.latest_due_date,
            "readings": [r.to_dict() for r in count.readings],
            "settled": count.settled,
        }
        dates_id, dates_en = describe(count)
        explanation_id += f" Batas pengajuan: {dates_id}."
        explanation_en += f" File by: {dates_en}."
        reasons = count.review_reasons()
        reasons_id = count.review_reasons_id()
    return answer(RULE, lookup, outcome, citations, explanation_id, explanation_en, reasons, reasons_id)
