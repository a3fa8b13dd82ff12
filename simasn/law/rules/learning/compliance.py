"""``learning.jp_compliance`` — the yearly competency-development hours (JP).

- UU 20/2023 Pasal 49 ayat (1): every Pegawai ASN must keep developing competence.
- PNS — PP 11/2017 Pasal 203 ayat (4) as amended by PP 17/2020: at least 20 JP in a
  (calendar) year (``competency.pns_min_hours_per_year``): a floor.
- PPPK — PP 49/2018 Pasal 40 ayat (1): at most 24 JP in one year of the contract
  (``competency.pppk_max_hours_per_year``): a ceiling, counted per contract year from the
  contract's start, not per calendar year; ayat (2): not for a PPPK holding a certain JPT
  utama or madya (``learning.pppk_ceiling_exempt_positions``). Peraturan LAN 15/2020: the
  development counted is the one done on a written assignment
  (``learning.pppk_written_assignment``); self-directed learning is listed apart, and when
  counting it would change the answer the rule asks for legal review.

JP are counted in hundredths, exactly. Records dated after the decision date or outside
the year are not counted.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, model_validator

from simasn.law.decision import Decision, FactError, Facts, FactsError
from simasn.law.enums import EmployeeType, PositionKind
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import (
    UU_20_2023,
    Lookup,
    check_date_range,
    gap_review,
    law_in_force,
    pasal,
    review,
    unverified,
)
from simasn.law.rules.learning._periods import contract_year, hundredths

RULE = "learning.jp_compliance"


class JpRecord(Facts):
    date: dt.date
    jp: float = Field(ge=0, le=10_000)
    assigned: bool = False

    @model_validator(mode="after")
    def _in_range(self) -> JpRecord:
        check_date_range(self)
        return self


class JpComplianceFacts(Facts):
    employee_type: EmployeeType
    position_kind: PositionKind | None = None
    year: int | None = Field(default=None, ge=2000, le=2200)
    contract_start: dt.date | None = None
    contract_end: dt.date | None = None
    records: list[JpRecord] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> JpComplianceFacts:
        check_date_range(self)
        if self.employee_type == EmployeeType.PPPK:
            if self.contract_start is None:
                raise ValueError("a PPPK needs contract_start (the contract year counts from it)")
            if self.year is not None:
                raise ValueError(
                    "a PPPK's year is the contract year: give contract_start, not year"
                )
        elif self.contract_start is not None or self.contract_end is not None:
            raise ValueError("contract_start and contract_end are for a PPPK")
        if self.contract_end and self.contract_start and self.contract_end < self.contract_start:
            raise ValueError("contract_end is before contract_start")
        return self


def status_of(
    *, is_pns: bool, counted: int, unassigned: int, limit: int, closed: bool, exempt: bool
) -> tuple[str, int, bool]:
    """(status, hundredths of a JP short of the floor or over the ceiling, needs review);
    ``counted``, ``unassigned`` and ``limit`` are hundredths of a JP. The column form
    applies the same logic row-wise."""
    if is_pns:
        if counted >= limit:
            return "MEMENUHI", 0, False
        return ("TIDAK_MEMENUHI" if closed else "BELUM_MEMENUHI"), limit - counted, False
    if exempt:
        return "TIDAK_DIBATASI", 0, False
    if counted > limit:
        return "MELEBIHI", counted - limit, False
    return "DALAM_BATAS", 0, counted + unassigned > limit


def _jp(hundredth: int) -> float:
    return hundredth / 100


def _fmt(hundredth: int, language: str) -> str:
    text = f"{hundredth / 100:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if language == "id" else text


def jp_compliance(facts: JpComplianceFacts, on: dt.date) -> Decision:
    """Whether the JP of the year containing ``on`` meet the floor (PNS) or ceiling (PPPK)."""
    lookup = Lookup(on)
    is_pns = facts.employee_type == EmployeeType.PNS
    try:
        if is_pns:
            limit_jp = int(lookup.value("competency.pns_min_hours_per_year"))
            citations = [lookup.cite("competency.pns_min_hours_per_year")]
        else:
            limit_jp = int(lookup.value("competency.pppk_max_hours_per_year"))
            exempt_kinds = set(lookup.value("learning.pppk_ceiling_exempt_positions"))
            citations = [lookup.cite("competency.pppk_max_hours_per_year")]
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    if law_in_force(lookup) == UU_20_2023:
        citations.insert(0, pasal(49, 1))
    if is_pns:
        number, first = None, dt.date(facts.year or on.year, 1, 1)
        last = dt.date(first.year, 12, 31)
        exempt = False
    else:
        assert facts.contract_start is not None
        if on < facts.contract_start:
            raise FactsError(RULE, [FactError("contract_start", "after the decision date")])
        number, first, last = contract_year(facts.contract_start, on, facts.contract_end)
        exempt = facts.position_kind is not None and facts.position_kind.value in exempt_kinds
        if exempt:
            citations.append(lookup.cite("learning.pppk_ceiling_exempt_positions"))
    inside = [r for r in facts.records if first <= r.date <= last and r.date <= on]
    written = True
    if not is_pns and not exempt and any(not r.assigned for r in inside):
        try:
            written = bool(lookup.value("learning.pppk_written_assignment"))
            citations.append(lookup.cite("learning.pppk_written_assignment"))
        except ParameterGapError as error:
            return gap_review(RULE, lookup, error)
    counts = [r for r in inside if is_pns or r.assigned or not written]
    counted = sum(hundredths(r.jp) for r in counts)
    unassigned = sum(hundredths(r.jp) for r in inside) - counted
    closed = on >= last
    status, gap, needs_review = status_of(
        is_pns=is_pns,
        counted=counted,
        unassigned=unassigned,
        limit=100 * limit_jp,
        closed=closed,
        exempt=exempt,
    )
    outcome: dict[str, Any] = {
        "status": status,
        "limit_kind": "MIN" if is_pns else "MAX",
        "limit_jp": limit_jp,
        "counted_jp": _jp(counted),
        "shortfall_jp": _jp(gap) if is_pns else 0.0,
        "excess_jp": 0.0 if is_pns else _jp(gap),
        "unassigned_jp": _jp(unassigned),
        "period_start": first,
        "period_end": last,
        "contract_year": number,
        "period_closed": closed,
        "records_counted": len(counts),
        "records_outside_period": len(facts.records) - len(inside),
        "unverified_parameters": unverified(lookup),
    }
    where_id = f"{first:%d/%m/%Y}-{last:%d/%m/%Y}" + (
        "" if is_pns else f" (tahun perjanjian kerja ke-{number})"
    )
    where_en = f"{first:%d/%m/%Y}-{last:%d/%m/%Y}" + (
        "" if is_pns else f" (contract year {number})"
    )
    citations = list(dict.fromkeys(citations))
    if needs_review:
        return review(
            RULE,
            on,
            f"{_fmt(counted, 'en')} JP on written assignment are within the ceiling of {limit_jp}, "
            f"but {_fmt(unassigned, 'en')} JP of self-directed learning would take it over; "
            "whether self-directed learning counts against the ceiling is not settled.",
            f"{_fmt(counted, 'id')} JP dengan penugasan tertulis masih dalam batas {limit_jp} JP, "
            f"tetapi {_fmt(unassigned, 'id')} JP pengembangan mandiri akan melampauinya; apakah "
            "pengembangan mandiri dihitung dalam batas tersebut belum diatur dengan jelas.",
            citations=citations,
            outcome=outcome,
            lookup=lookup,
        )
    messages = {
        "MEMENUHI": (
            f"{_fmt(counted, 'id')} JP pada {where_id}: memenuhi paling sedikit {limit_jp} JP.",
            f"{_fmt(counted, 'en')} JP in {where_en}: meets the minimum of {limit_jp} JP.",
        ),
        "BELUM_MEMENUHI": (
            f"{_fmt(counted, 'id')} JP pada {where_id}: belum memenuhi paling sedikit "
            f"{limit_jp} JP (kurang {_fmt(gap, 'id')} JP; tahun belum berakhir).",
            f"{_fmt(counted, 'en')} JP in {where_en}: {_fmt(gap, 'en')} JP short of the "
            f"minimum of {limit_jp} JP (the year is not over).",
        ),
        "TIDAK_MEMENUHI": (
            f"{_fmt(counted, 'id')} JP pada {where_id}: tidak memenuhi paling sedikit "
            f"{limit_jp} JP (kurang {_fmt(gap, 'id')} JP).",
            f"{_fmt(counted, 'en')} JP in {where_en}: missed the minimum of {limit_jp} JP "
            f"by {_fmt(gap, 'en')} JP.",
        ),
        "DALAM_BATAS": (
            f"{_fmt(counted, 'id')} JP dengan penugasan pada {where_id}: dalam batas paling "
            f"banyak {limit_jp} JP.",
            f"{_fmt(counted, 'en')} JP on assignment in {where_en}: within the ceiling of "
            f"{limit_jp} JP.",
        ),
        "MELEBIHI": (
            f"{_fmt(counted, 'id')} JP dengan penugasan pada {where_id}: melebihi batas paling "
            f"banyak {limit_jp} JP (lebih {_fmt(gap, 'id')} JP).",
            f"{_fmt(counted, 'en')} JP on assignment in {where_en}: over the ceiling of "
            f"{limit_jp} JP by {_fmt(gap, 'en')} JP.",
        ),
        "TIDAK_DIBATASI": (
            f"{_fmt(counted, 'id')} JP pada {where_id}: batas {limit_jp} JP tidak berlaku "
            "bagi PPPK yang menduduki JPT utama atau JPT madya tertentu.",
            f"{_fmt(counted, 'en')} JP in {where_en}: the {limit_jp}-JP ceiling does not "
            "apply to a PPPK holding a certain JPT utama or madya post.",
        ),
    }
    explanation_id, explanation_en = messages[status]
    return Decision(
        rule=RULE,
        on=on,
        outcome=outcome,
        citations=citations,
        explanation_id=explanation_id,
        explanation_en=explanation_en,
        parameters_used=lookup.records,
    )
