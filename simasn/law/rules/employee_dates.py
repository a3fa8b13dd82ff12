"""The ``employee_dates`` rule — the dates of an employee's record are in their legal order.

- A PNS is first a calon PNS and is appointed PNS (``diangkat ... secara tetap``, UU 20/2023
  Pasal 1 angka 3) only after the candidacy (masa percobaan, PP 11/2017): TMT PNS is never
  before TMT CPNS.
- A PPPK is appointed "berdasarkan perjanjian kerja untuk jangka waktu tertentu" (UU 20/2023
  Pasal 1 angka 4): the agreement ends after it starts.
- Nobody is appointed before being born, and a birth date is not in the future.

Every finding is returned at once (code, both languages, the field it concerns), so a form
shows all of them together. The length of the candidacy (one year in PP 11/2017) is not
checked: it can be extended, and the article is not in the texts this project verified —
perlu kajian hukum before a minimum is enforced.
"""

from __future__ import annotations

import datetime as dt

from simasn.law.decision import Decision, Facts
from simasn.law.rules._support import fmt_date_en, fmt_date_id, pasal

RULE = "employee_dates"
PNS_DEFINITION = pasal(1, angka=3)
PPPK_DEFINITION = pasal(1, angka=4)
CANDIDACY = "PP 11/2017 (masa percobaan calon PNS)"


class EmployeeDatesFacts(Facts):
    birth_date: dt.date | None = None
    tmt_cpns: dt.date | None = None
    tmt_pns: dt.date | None = None
    contract_start: dt.date | None = None
    contract_end: dt.date | None = None


def _problem(code: str, field: str, message_id: str, message_en: str) -> dict[str, str]:
    return {"code": code, "field": field, "message_id": message_id, "message_en": message_en}


def employee_dates(facts: EmployeeDatesFacts, on: dt.date) -> Decision:
    """Check the order of birth, TMT CPNS, TMT PNS and the PPPK agreement's start and end."""
    problems: list[dict[str, str]] = []
    citations: list[str] = [PNS_DEFINITION, PPPK_DEFINITION]
    birth = facts.birth_date
    if birth is not None and birth > on:
        problems.append(_problem("BIRTH_IN_FUTURE", "birth_date",
                                 "Tanggal lahir tidak boleh di masa depan.",
                                 "The birth date cannot be in the future."))
    if facts.tmt_cpns and facts.tmt_pns and facts.tmt_pns < facts.tmt_cpns:
        citations.append(CANDIDACY)
        problems.append(_problem(
            "TMT_PNS_BEFORE_CPNS", "tmt_pns",
            f"TMT PNS ({fmt_date_id(facts.tmt_pns)}) tidak boleh sebelum TMT CPNS "
            f"({fmt_date_id(facts.tmt_cpns)}): PNS diangkat sesudah masa calon PNS.",
            f"TMT PNS ({fmt_date_en(facts.tmt_pns)}) cannot be before TMT CPNS "
            f"({fmt_date_en(facts.tmt_cpns)}): a PNS is appointed after the candidacy."))
    if facts.contract_start and facts.contract_end and facts.contract_end <= facts.contract_start:
        problems.append(_problem(
            "CONTRACT_END_NOT_AFTER_START", "contract_end",
            "Akhir perjanjian kerja harus sesudah awalnya (perjanjian kerja untuk jangka waktu tertentu).",
            "The work agreement must end after it starts (an agreement for a fixed period)."))
    if birth is not None:
        for field, label_id, label_en in (("tmt_cpns", "TMT CPNS", "TMT CPNS"), ("tmt_pns", "TMT PNS", "TMT PNS"),
                                          ("contract_start", "Awal perjanjian kerja", "The agreement's start")):
            value = getattr(facts, field)
            if value is not None and value <= birth:
                problems.append(_problem(
                    f"{field.upper()}_BEFORE_BIRTH", field,
                    f"{label_id} tidak boleh sebelum tanggal lahir.",
                    f"{label_en} cannot be before the birth date."))
    if problems:
        explanation_id = "Urutan tanggal tidak sah: " + " ".join(p["message_id"] for p in problems)
        explanation_en = "The dates are out of order: " + " ".join(p["message_en"] for p in problems)
    else:
        explanation_id = "Urutan tanggal sah."
        explanation_en = "The dates are in order."
    return Decision(
        rule=RULE, on=on,
        outcome={"valid": not problems, "problems": problems, "problem_codes": [p["code"] for p in problems]},
        citations=list(dict.fromkeys(citations)),
        explanation_id=explanation_id, explanation_en=explanation_en,
    )


RULE_ROWS = (
    ("employee_dates", EmployeeDatesFacts, employee_dates, "Urutan tanggal data pegawai",
     "Order of an employee's dates", ("R-NIP",), (PNS_DEFINITION, PPPK_DEFINITION, CANDIDACY)),
)
