"""R-RETURN — a PNS whose state office ends.

- Pasal 59 ayat (2): a PNS no longer holding an office of Pasal 59 ayat (1) is
  reactivated as PNS.
- Pasal 60 ayat (1): the PNS may take an ASN position as long as one is vacant.
- Pasal 60 ayat (2): with no vacant ASN position within at most 5 years (parameter
  ``state_office.return_vacancy_deadline_years``), the PNS is honourably dismissed.

The deadline is the same calendar day 5 years after the office ended; a vacancy found
on that day is in time. An office that ended on 29 February has no such day in a
common year: the rule then asks for legal review instead of picking 28 February or
1 March.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import model_validator

from simasn.law.decision import Decision, Facts
from simasn.law.enums import DismissalCategory, EmployeeType, StateOffice
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import (
    Lookup,
    fmt_date_en,
    fmt_date_id,
    gap_review,
    pasal,
    require_uu_20_2023,
    review,
)
from simasn.law.rules.retirement import add_years

RULE = "return_from_state_office"


class ReturnFacts(Facts):
    employee_type: EmployeeType = EmployeeType.PNS
    state_office: StateOffice
    office_ended_on: dt.date
    vacancy_found_on: dt.date | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ReturnFacts:
        if self.vacancy_found_on is not None and self.vacancy_found_on < self.office_ended_on:
            raise ValueError("vacancy_found_on cannot be before office_ended_on")
        return self


def return_from_state_office(facts: ReturnFacts, on: dt.date) -> Decision:
    """Reactivation, the 5-year vacancy deadline, honourable dismissal — Pasal 59(2), 60."""
    lookup = Lookup(on)
    blocked = require_uu_20_2023(RULE, lookup)
    if blocked:
        return blocked
    try:
        office = lookup.value("state_offices", facts.state_office)
        office_citation = lookup.cite("state_offices", facts.state_office)
        years = int(lookup.value("state_office.return_vacancy_deadline_years"))
        deadline_citation = lookup.cite("state_office.return_vacancy_deadline_years")
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)

    if facts.employee_type != EmployeeType.PNS:
        return review(
            RULE,
            on,
            "Pasal 59 ayat (2) and Pasal 60 provide the return from a state office for a PNS "
            "only; the law does not settle it for a PPPK.",
            "Pasal 59 ayat (2) dan Pasal 60 hanya mengatur PNS; undang-undang tidak mengatur PPPK.",
            citations=[pasal(59, 2), pasal(60, 1)],
            lookup=lookup,
        )
    if not office["pasal_59_1"]:
        if office["elected"]:
            return Decision(
                rule=RULE,
                on=on,
                outcome={"reactivated": False, "status": "NOT_APPLICABLE"},
                citations=[office_citation, pasal(59, 3)],
                explanation_id=(
                    "Jabatan ini diisi melalui pemilihan; Pegawai ASN wajib mengundurkan diri "
                    "sejak ditetapkan sebagai calon (Pasal 59 ayat (3)), sehingga tidak ada "
                    "pengaktifan kembali."
                ),
                explanation_en=(
                    "This office is reached through an election; a Pegawai ASN resigns once "
                    "set as candidate (Pasal 59(3)), so there is no reactivation."
                ),
                parameters_used=lookup.records,
            )
        if office.get("pejabat_negara", True) is False:
            return review(
                RULE,
                on,
                "a hakim ad hoc is not a pejabat negara (Pasal 58 huruf e): UU 20/2023 neither "
                "suspends nor reactivates the PNS; the law creating the court governs.",
                "hakim ad hoc bukan pejabat negara (Pasal 58 huruf e): UU 20/2023 tidak "
                "mengatur pemberhentian sementara maupun pengaktifan kembalinya.",
                citations=[office_citation],
                outcome={"reactivated": False, "status": "NOT_APPLICABLE"},
                lookup=lookup,
            )
        # Reactivation of any PNS suspended under Pasal 53(1) is by the PPK (Pasal 53(3));
        # what the law leaves open is the return to a position and the 5-year limit,
        # which Pasal 59(2) and 60 tie to the offices of Pasal 59(1).
        return review(
            RULE,
            on,
            "the office is a pejabat negara of Pasal 58 but not one of Pasal 59 ayat (1): the "
            "PNS is reactivated by the PPK (Pasal 53 ayat (3)), but whether the return to an "
            "ASN position and the 5-year limit of Pasal 60 apply is not settled.",
            "jabatan ini pejabat negara menurut Pasal 58 tetapi tidak tercantum dalam Pasal 59 "
            "ayat (1): PNS diaktifkan kembali oleh PPK (Pasal 53 ayat (3)), tetapi apakah "
            "ketentuan kembali ke jabatan ASN dan batas 5 tahun Pasal 60 berlaku belum pasti.",
            citations=[office_citation, pasal(53, 3), pasal(59, 2), pasal(60, 2)],
            outcome={"reactivated": True, "reactivation_by": "PPK", "vacancy_deadline": None},
            lookup=lookup,
        )

    citations = [office_citation, pasal(59, 2), pasal(60, 1), deadline_citation]
    deadline = add_years(facts.office_ended_on, years)
    if deadline is None:
        return review(
            RULE,
            on,
            f"the office ended on 29 February; {years} years later has no 29 February, and "
            "the law does not say whether the deadline is 28 February or 1 March.",
            f"jabatan berakhir 29 Februari; {years} tahun kemudian tidak ada 29 Februari, dan "
            "undang-undang tidak menentukan apakah batasnya 28 Februari atau 1 Maret.",
            citations=citations,
            outcome={"reactivated": True, "vacancy_deadline": None},
            lookup=lookup,
        )
    outcome: dict[str, Any] = {"reactivated": True, "vacancy_deadline": deadline}
    found = facts.vacancy_found_on
    if found is not None and found <= deadline:
        outcome.update(
            {
                "status": "PLACED",
                "may_occupy_position": True,
                "dismissal_due": False,
                "dismissal_category": None,
                "dismissal_due_from": None,
            }
        )
        explanation_id = (
            f"PNS diaktifkan kembali dan dapat menduduki jabatan ASN yang lowong sejak "
            f"{fmt_date_id(found)}, dalam batas {years} tahun ({fmt_date_id(deadline)})."
        )
        explanation_en = (
            f"The PNS is reactivated and may take the ASN position vacant from "
            f"{fmt_date_en(found)}, within the {years}-year limit ({fmt_date_en(deadline)})."
        )
    elif found is None and on <= deadline:
        outcome.update(
            {
                "status": "WAITING",
                "may_occupy_position": None,
                "dismissal_due": False,
                "dismissal_category": None,
                "dismissal_due_from": deadline + dt.timedelta(days=1),
                "days_left": (deadline - on).days,
            }
        )
        explanation_id = (
            f"PNS diaktifkan kembali; belum ada lowongan jabatan ASN. Bila sampai "
            f"{fmt_date_id(deadline)} tidak tersedia lowongan, PNS diberhentikan dengan hormat."
        )
        explanation_en = (
            f"The PNS is reactivated; no ASN position is vacant yet. If none is vacant by "
            f"{fmt_date_en(deadline)}, the PNS is honourably dismissed."
        )
    else:
        citations.append(pasal(60, 2))
        outcome.update(
            {
                "status": "TO_BE_DISMISSED",
                "may_occupy_position": False,
                "dismissal_due": True,
                "dismissal_category": DismissalCategory.DENGAN_HORMAT,
                "dismissal_due_from": deadline + dt.timedelta(days=1),
            }
        )
        explanation_id = (
            f"Tidak tersedia lowongan jabatan ASN dalam {years} tahun sejak "
            f"{fmt_date_id(facts.office_ended_on)} (batas {fmt_date_id(deadline)}); PNS "
            "diberhentikan dengan hormat."
        )
        explanation_en = (
            f"No ASN position was vacant within {years} years of "
            f"{fmt_date_en(facts.office_ended_on)} (limit {fmt_date_en(deadline)}); the PNS is "
            "honourably dismissed."
        )
    return Decision(
        rule=RULE,
        on=on,
        outcome=outcome,
        citations=citations,
        explanation_id=explanation_id,
        explanation_en=explanation_en,
        parameters_used=lookup.records,
    )
