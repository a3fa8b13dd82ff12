"""R-NIP — the nomor induk pegawai agrees with the person's data.

UU 20/2023 Pasal 7 ayat (1): every Pegawai ASN has a nomor induk pegawai; ayat (2)
leaves its details to implementing rules. The layouts are parameters
(``nip.pns_layout``, ``nip.pppk_layout``, ``nip.pppk_codes``, ``nip.sex_digits``):

- PNS: birth date YYYYMMDD + TMT CPNS YYYYMM + sex digit + 3-digit sequence;
- PPPK: birth date YYYYMMDD + appointment year YYYY + 2-digit code + sex digit +
  3-digit sequence.

Uniqueness across all employees is the registry's job (a database constraint); this
rule checks one number against one person.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import model_validator

from simasn.law.decision import Decision, Facts
from simasn.law.enums import EmployeeType, Sex
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import UU_20_2023, Lookup, gap_review, law_in_force, pasal

RULE = "nip"


class NipFacts(Facts):
    nip: str
    employee_type: EmployeeType
    birth_date: dt.date
    sex: Sex
    tmt_cpns: dt.date | None = None
    appointment_year: int | None = None

    @model_validator(mode="after")
    def _needs_appointment(self) -> NipFacts:
        if self.employee_type == EmployeeType.PNS and self.tmt_cpns is None:
            raise ValueError("tmt_cpns is required for a PNS")
        if self.employee_type == EmployeeType.PPPK and self.appointment_year is None:
            raise ValueError("appointment_year is required for a PPPK")
        return self


def _problem(code: str, message_id: str, message_en: str) -> dict[str, str]:
    return {"code": code, "message_id": message_id, "message_en": message_en}


def _segments(layout: dict[str, Any], digits: str) -> dict[str, str]:
    return {
        segment["name"]: digits[segment["start"] - 1 : segment["start"] - 1 + segment["length"]]
        for segment in layout["segments"]
    }


def _parse_date(text: str) -> dt.date | None:
    try:
        return dt.date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def nip(facts: NipFacts, on: dt.date) -> Decision:
    """Check a NIP against birth date, TMT CPNS / appointment year and sex (Pasal 7)."""
    lookup = Lookup(on)
    is_pns = facts.employee_type == EmployeeType.PNS
    layout_name = "nip.pns_layout" if is_pns else "nip.pppk_layout"
    try:
        layout = lookup.value(layout_name)
        sex_digits = lookup.value("nip.sex_digits")
        codes = {} if is_pns else lookup.value("nip.pppk_codes")
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)

    citations = []
    if law_in_force(lookup) == UU_20_2023:
        citations += [pasal(7, 1), pasal(7, 2)]
    citations.append(lookup.cite(layout_name))

    problems: list[dict[str, str]] = []
    parsed: dict[str, Any] = {}
    digits = "".join(facts.nip.split())
    if not digits.isdigit() or len(digits) != layout["length"]:
        problems.append(
            _problem(
                "FORMAT",
                f"NIP harus terdiri atas {layout['length']} angka.",
                f"A NIP must be {layout['length']} digits.",
            )
        )
    else:
        parts = _segments(layout, digits)
        birth = _parse_date(parts["birth_date"])
        parsed["birth_date"] = birth
        if birth is None:
            problems.append(
                _problem(
                    "BIRTH_DATE_INVALID",
                    "Angka 1-8 bukan tanggal lahir yang sah (YYYYMMDD).",
                    "Digits 1-8 are not a valid birth date (YYYYMMDD).",
                )
            )
        elif birth != facts.birth_date:
            problems.append(
                _problem(
                    "BIRTH_DATE_MISMATCH",
                    f"Tanggal lahir pada NIP ({birth.isoformat()}) berbeda dengan data "
                    f"({facts.birth_date.isoformat()}).",
                    f"The birth date in the NIP ({birth.isoformat()}) differs from the record "
                    f"({facts.birth_date.isoformat()}).",
                )
            )
        if is_pns:
            _check_tmt(parts["tmt_cpns"], facts, parsed, problems)
        else:
            _check_pppk(parts, facts, codes, parsed, problems)
        _check_sex(parts["sex"], facts.sex, sex_digits, parsed, problems)
        parsed["sequence"] = parts["sequence"]
        if set(parts["sequence"]) == {"0"}:
            problems.append(
                _problem(
                    "SEQUENCE_INVALID",
                    "Nomor urut (3 angka terakhir) tidak boleh 000.",
                    "The sequence number (last 3 digits) cannot be 000.",
                )
            )

    valid = not problems
    if valid:
        explanation_id = "NIP sesuai dengan data pegawai."
        explanation_en = "The NIP agrees with the employee's data."
    else:
        explanation_id = "NIP tidak sesuai: " + " ".join(p["message_id"] for p in problems)
        explanation_en = "The NIP does not agree: " + " ".join(p["message_en"] for p in problems)
    return Decision(
        rule=RULE,
        on=on,
        outcome={
            "valid": valid,
            "problems": problems,
            "parsed": parsed,
            "problem_codes": [p["code"] for p in problems],
        },
        citations=citations,
        explanation_id=explanation_id,
        explanation_en=explanation_en,
        parameters_used=lookup.records,
    )


def _check_tmt(
    text: str, facts: NipFacts, parsed: dict[str, Any], problems: list[dict[str, str]]
) -> None:
    year, month = int(text[0:4]), int(text[4:6])
    if not 1 <= month <= 12:
        problems.append(
            _problem(
                "TMT_INVALID",
                "Angka 9-14 bukan bulan TMT CPNS yang sah (YYYYMM).",
                "Digits 9-14 are not a valid TMT CPNS month (YYYYMM).",
            )
        )
        return
    parsed["tmt_cpns_month"] = f"{year:04d}-{month:02d}"
    assert facts.tmt_cpns is not None
    if (year, month) != (facts.tmt_cpns.year, facts.tmt_cpns.month):
        problems.append(
            _problem(
                "TMT_MISMATCH",
                f"Bulan TMT CPNS pada NIP ({year:04d}-{month:02d}) berbeda dengan data "
                f"({facts.tmt_cpns.year:04d}-{facts.tmt_cpns.month:02d}).",
                f"The TMT CPNS month in the NIP ({year:04d}-{month:02d}) differs from the record "
                f"({facts.tmt_cpns.year:04d}-{facts.tmt_cpns.month:02d}).",
            )
        )


def _check_pppk(
    parts: dict[str, str],
    facts: NipFacts,
    codes: dict[str, str],
    parsed: dict[str, Any],
    problems: list[dict[str, str]],
) -> None:
    year = int(parts["appointment_year"])
    parsed["appointment_year"] = year
    if year != facts.appointment_year:
        problems.append(
            _problem(
                "APPOINTMENT_YEAR_MISMATCH",
                f"Tahun pengangkatan pada NIP ({year}) berbeda dengan data "
                f"({facts.appointment_year}).",
                f"The appointment year in the NIP ({year}) differs from the record "
                f"({facts.appointment_year}).",
            )
        )
    parsed["code"] = parts["code"]
    if parts["code"] not in codes:
        problems.append(
            _problem(
                "CODE_UNKNOWN",
                f"Kode {parts['code']} pada angka 13-14 tidak dikenal untuk NIP PPPK.",
                f"Code {parts['code']} in digits 13-14 is not a known PPPK code.",
            )
        )


def _check_sex(
    digit: str,
    sex: Sex,
    sex_digits: dict[str, str],
    parsed: dict[str, Any],
    problems: list[dict[str, str]],
) -> None:
    by_digit = {value: key for key, value in sex_digits.items()}
    if digit not in by_digit:
        problems.append(
            _problem(
                "SEX_DIGIT_INVALID",
                f"Angka jenis kelamin ({digit}) harus {' atau '.join(sorted(by_digit))}.",
                f"The sex digit ({digit}) must be {' or '.join(sorted(by_digit))}.",
            )
        )
        return
    parsed["sex"] = by_digit[digit]
    if by_digit[digit] != sex.value:
        problems.append(
            _problem(
                "SEX_MISMATCH",
                "Angka jenis kelamin pada NIP berbeda dengan data.",
                "The sex digit in the NIP differs from the record.",
            )
        )


def nip_agrees_columns(
    *,
    nip: Any,
    employee_type: Any,
    birth_date: Any,
    sex: Any,
    tmt_cpns: Any,
    contract_start: Any,
    on: dt.date,
) -> Any:
    """The same rule, for whole columns at once (bulk import).

    Takes Apache Arrow arrays of equal length — ``nip``, ``employee_type`` and ``sex`` as
    strings, the dates as ``date32`` (null when absent) — and returns a boolean array that
    is True exactly where :func:`nip` would find the row's NIP valid with the facts the
    register passes (``appointment_year`` = the contract start's year), and False where it
    would not *or where this column-wise form cannot tell* (non-ASCII digits, a parameter
    gap, an unusual layout). False therefore means "ask the row-wise rule", never "invalid":
    the row-wise rule stays the one that explains a refusal. Same parameters, same date.
    """
    return nip_column_check(on)(nip=nip, employee_type=employee_type, birth_date=birth_date, sex=sex,
                                tmt_cpns=tmt_cpns, contract_start=contract_start)


def nip_column_check(on: dt.date) -> Any:
    """:func:`nip_agrees_columns` with the parameters in force on ``on`` read once, now:
    the returned function only computes (a bulk import applies one version of the law
    to the whole file, and can check chunks in another thread)."""
    # Imported on first use: pyarrow takes ~0.25 s to import, paid only by bulk file work.
    import pyarrow as pa
    import pyarrow.compute as pc

    lookup = Lookup(on)
    try:
        layouts = {
            EmployeeType.PNS.value: lookup.value("nip.pns_layout"),
            EmployeeType.PPPK.value: lookup.value("nip.pppk_layout"),
        }
        sex_digits: dict[str, str] = dict(lookup.value("nip.sex_digits"))
        codes = list(lookup.value("nip.pppk_codes"))
    except ParameterGapError:
        layouts, sex_digits, codes = {}, {}, []
    if len(set(sex_digits.values())) != len(sex_digits):
        layouts = {}  # ambiguous digits: only the row-wise rule can explain them

    def check(*, nip: Any, employee_type: Any, birth_date: Any, sex: Any, tmt_cpns: Any,
              contract_start: Any) -> Any:
        result = pa.array([False] * len(nip), type=pa.bool_())
        if not layouts:
            return result
        expected_sex_digit = pc.take(
            pa.array(list(sex_digits.values()), type=pa.string()),
            pc.index_in(sex, value_set=pa.array(list(sex_digits), type=pa.string())),
        )

        def ymd(date: Any) -> Any:  # a date as the integer YYYYMMDD (no string formatting)
            return pc.add(pc.add(pc.multiply(pc.year(date), 10000), pc.multiply(pc.month(date), 100)),
                          pc.day(date))

        for type_name, layout in layouts.items():
            names = {part["name"] for part in layout["segments"]}
            wanted = {"birth_date", "sex", "sequence"} | (
                {"tmt_cpns"} if type_name == EmployeeType.PNS.value else {"appointment_year", "code"}
            )
            if not wanted <= names:
                continue  # a layout this form does not know: the row-wise rule decides
            length = int(layout["length"])
            digits = pc.match_substring_regex(nip, f"^[0-9]{{{length}}}$")
            # Non-digit NIPs are refused by `digits`; zeros keep the integer casts below defined.
            nip_digits = pc.if_else(digits, nip, "0" * length)

            def number(name: str, text: Any = nip_digits, layout: dict[str, Any] = layout) -> Any:
                for part in layout["segments"]:
                    if part["name"] == name:
                        start = part["start"] - 1
                        return pc.cast(pc.utf8_slice_codeunits(text, start, start + part["length"]), pa.int64())
                raise KeyError(name)

            def segment(name: str, layout: dict[str, Any] = layout) -> Any:
                for part in layout["segments"]:
                    if part["name"] == name:
                        start = part["start"] - 1
                        return pc.utf8_slice_codeunits(nip, start, start + part["length"])
                raise KeyError(name)

            checks = [
                pc.equal(employee_type, type_name),
                digits,
                pc.equal(number("birth_date"), ymd(birth_date)),
                pc.equal(segment("sex"), expected_sex_digit),
                pc.not_equal(number("sequence"), 0),
            ]
            if type_name == EmployeeType.PNS.value:
                checks.append(pc.equal(number("tmt_cpns"),
                                       pc.add(pc.multiply(pc.year(tmt_cpns), 100), pc.month(tmt_cpns))))
            else:
                checks.append(pc.equal(number("appointment_year"), pc.year(contract_start)))
                checks.append(pc.is_in(segment("code"), value_set=pa.array(codes, type=pa.string())))
            agreed = checks[0]
            for item in checks[1:]:
                agreed = pc.and_kleene(agreed, item)
            result = pc.or_(result, pc.fill_null(agreed, False))
        return result

    return check
