"""The ``nik`` rule — a Nomor Induk Kependudukan is well formed and agrees with the record.

UU 23/2006 tentang Administrasi Kependudukan as amended by UU 24/2013, Pasal 13: every
resident has one NIK, for life. Its layout (``nik.layout``, PP 37/2007 Pasal 37, replaced by
PP 40/2019): province, kabupaten/kota and kecamatan code of first registration (2 digits
each; the province must be in the Kemendagri list, ``nik.province_codes``), birth date
DDMMYY with 40 added to the day for women, and a sequence 0001-9999.

Every finding is returned at once, each with a code, a severity and both languages:
ERRORs make the number invalid (wrong length, unknown province, zero region codes, no
such date, sequence 0000); WARNINGs are disagreements with the record (birth date, sex)
that the population registry allows, because a NIK never changes after the record is
corrected (PP 40/2019 Pasal 30 ayat (2); ``nik.permanence``) — the operator checks them.

:func:`nik_column_check` is the same rule for whole columns (bulk import).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from typing import Any

from simasn.law.decision import Decision, Facts
from simasn.law.enums import NikSeverity, Sex
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup, fmt_date_en, fmt_date_id, gap_review

RULE = "nik"
LAYOUT = "nik.layout"
PROVINCES = "nik.province_codes"
PERMANENCE = "nik.permanence"
UU_ADMINDUK = "UU 23/2006 Pasal 13"


class NikFacts(Facts):
    nik: str
    birth_date: dt.date | None = None
    sex: Sex | None = None


def _problem(code: str, severity: NikSeverity, message_id: str, message_en: str) -> dict[str, str]:
    return {"code": code, "severity": severity.value, "message_id": message_id, "message_en": message_en}


def _segments(layout: dict[str, Any], digits: str) -> dict[str, str]:
    return {
        part["name"]: digits[part["start"] - 1 : part["start"] - 1 + part["length"]]
        for part in layout["segments"]
    }


def _valid_day(day: int, month: int, year2: int, century: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    centuries = [century] if century is not None else [1900, 2000]
    return any(day <= _calendar.monthrange(c + year2, month)[1] for c in centuries)


def nik(facts: NikFacts, on: dt.date) -> Decision:
    """Check a NIK's layout, province, date and sequence, and its agreement with the record."""
    lookup = Lookup(on)
    try:
        layout = lookup.value(LAYOUT)
        provinces: dict[str, str] = dict(lookup.value(PROVINCES))
        severity = {k: NikSeverity(v) for k, v in lookup.value(PERMANENCE).items()}
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    citations = [UU_ADMINDUK, lookup.cite(LAYOUT)]
    problems: list[dict[str, str]] = []
    parsed: dict[str, Any] = {}
    digits = "".join(facts.nik.split())
    length = int(layout["length"])
    offset = int(layout["female_day_offset"])
    if not (digits.isascii() and digits.isdigit()) or len(digits) != length:
        problems.append(_problem("FORMAT", NikSeverity.ERROR, f"NIK harus terdiri atas {length} angka.",
                                 f"A NIK must be {length} digits."))
    else:
        part = _segments(layout, digits)
        parsed["province_code"] = part["province"]
        citations.append(lookup.cite(PROVINCES))
        if part["province"] in provinces:
            parsed["province"] = provinces[part["province"]]
        else:
            problems.append(_problem(
                "PROVINCE_UNKNOWN", NikSeverity.ERROR,
                f"Kode provinsi {part['province']} (angka 1-2) tidak ada dalam daftar kode wilayah.",
                f"Province code {part['province']} (digits 1-2) is not in the list of region codes."))
        for name, label_id, label_en, where in (("regency", "kabupaten/kota", "regency/city", "3-4"),
                                                 ("district", "kecamatan", "district", "5-6")):
            parsed[f"{name}_code"] = part[name]
            if part[name] == "00":
                problems.append(_problem(
                    f"{name.upper()}_CODE_INVALID", NikSeverity.ERROR,
                    f"Kode {label_id} (angka {where}) tidak boleh 00.",
                    f"The {label_en} code (digits {where}) cannot be 00."))
        day, month, year2 = int(part["birth_day"]), int(part["birth_month"]), int(part["birth_year"])
        female = day > offset
        real_day = day - offset if female else day
        century = facts.birth_date.year - facts.birth_date.year % 100 if facts.birth_date else None
        if not _valid_day(real_day, month, year2, century) or (not female and day > 31):
            problems.append(_problem(
                "BIRTH_DATE_INVALID", NikSeverity.ERROR,
                f"Angka 7-12 ({part['birth_day']}{part['birth_month']}{part['birth_year']}) bukan tanggal "
                f"lahir yang sah (DDMMYY, tanggal ditambah {offset} untuk perempuan).",
                f"Digits 7-12 ({part['birth_day']}{part['birth_month']}{part['birth_year']}) are not a valid "
                f"birth date (DDMMYY, {offset} added to the day for women)."))
        else:
            parsed.update(birth_day=real_day, birth_month=month, birth_year_2=year2,
                          sex=(Sex.PEREMPUAN if female else Sex.LAKI_LAKI).value)
            _agreement(facts, parsed, severity, problems, lookup, citations)
        parsed["sequence"] = part["sequence"]
        if set(part["sequence"]) == {"0"}:
            problems.append(_problem("SEQUENCE_INVALID", NikSeverity.ERROR,
                                     "Nomor urut (4 angka terakhir) tidak boleh 0000.",
                                     "The sequence (last 4 digits) cannot be 0000."))
    errors = [p for p in problems if p["severity"] == NikSeverity.ERROR]
    warnings = [p for p in problems if p["severity"] == NikSeverity.WARNING]
    if not problems:
        explanation_id, explanation_en = "NIK sah dan sesuai dengan data.", "The NIK is valid and agrees with the record."
    else:
        explanation_id = ("NIK tidak sah: " if errors else "NIK sah, perlu diperiksa: ") + " ".join(
            p["message_id"] for p in problems)
        explanation_en = ("The NIK is invalid: " if errors else "The NIK is valid but needs checking: ") + " ".join(
            p["message_en"] for p in problems)
    return Decision(
        rule=RULE, on=on,
        outcome={"valid": not errors, "agrees": not problems, "problems": problems,
                 "problem_codes": [p["code"] for p in problems],
                 "error_codes": [p["code"] for p in errors],
                 "warning_codes": [p["code"] for p in warnings], "parsed": parsed},
        citations=list(dict.fromkeys(citations)),
        explanation_id=explanation_id, explanation_en=explanation_en,
        parameters_used=lookup.records,
    )


def _agreement(facts: NikFacts, parsed: dict[str, Any], severity: dict[str, NikSeverity],
               problems: list[dict[str, str]], lookup: Lookup, citations: list[str]) -> None:
    record = facts.birth_date
    if record is not None and (parsed["birth_day"], parsed["birth_month"], parsed["birth_year_2"]) != (
            record.day, record.month, record.year % 100):
        citations.append(lookup.cite(PERMANENCE))
        problems.append(_problem(
            "BIRTH_DATE_MISMATCH", severity["birth_date_mismatch"],
            f"Tanggal lahir pada NIK ({parsed['birth_day']:02d}-{parsed['birth_month']:02d}-"
            f"{parsed['birth_year_2']:02d}) berbeda dengan data ({fmt_date_id(record)}); NIK tidak berubah "
            "walaupun tanggal lahir dikoreksi, periksa dokumen kependudukan.",
            f"The birth date in the NIK ({parsed['birth_day']:02d}-{parsed['birth_month']:02d}-"
            f"{parsed['birth_year_2']:02d}) differs from the record ({fmt_date_en(record)}); a NIK does not "
            "change when a birth date is corrected, check the population documents."))
    if facts.sex is not None and parsed["sex"] != facts.sex.value:
        citations.append(lookup.cite(PERMANENCE))
        problems.append(_problem(
            "SEX_MISMATCH", severity["sex_mismatch"],
            "Jenis kelamin pada NIK (tanggal lahir ditambah 40 untuk perempuan) berbeda dengan data.",
            "The sex in the NIK (40 added to the birth day for women) differs from the record."))


def nik_column_check(on: dt.date) -> Any:
    """The ``nik`` rule for whole columns, parameters read once now (bulk import).

    The returned ``check(*, nik, birth_date, sex)`` takes Apache Arrow arrays of equal length
    (``nik`` and ``sex`` strings, ``birth_date`` date32, nulls allowed) and returns a boolean
    array: True exactly where :func:`nik` would find the NIK valid *and* in agreement with
    the record (no finding at all); False where it would not, or where this form cannot tell
    (a missing birth date or sex, non-ASCII digits, spaces, a parameter gap). False means
    "ask the row-wise rule", which explains every finding.
    """
    # Imported on first use: pyarrow takes ~0.25 s to import, paid only by column-wise (bulk) checks.
    import pyarrow as pa
    import pyarrow.compute as pc

    lookup = Lookup(on)
    try:
        layout = lookup.value(LAYOUT)
        provinces = list(lookup.value(PROVINCES))
    except ParameterGapError:
        layout, provinces = None, []
    if layout is not None and {p["name"] for p in layout["segments"]} != {
            "province", "regency", "district", "birth_day", "birth_month", "birth_year", "sequence"}:
        layout = None  # a layout this form does not know: the row-wise rule decides

    def check(*, nik: Any, birth_date: Any, sex: Any) -> Any:
        if layout is None:
            return pa.array([False] * len(nik), type=pa.bool_())
        length = int(layout["length"])
        offset = int(layout["female_day_offset"])
        digits = pc.match_substring_regex(nik, f"^[0-9]{{{length}}}$")
        text = pc.if_else(digits, nik, "0" * length)

        def part(name: str, as_int: bool = True) -> Any:
            for segment in layout["segments"]:
                if segment["name"] == name:
                    start = segment["start"] - 1
                    piece = pc.utf8_slice_codeunits(text, start, start + segment["length"])
                    return pc.cast(piece, pa.int64()) if as_int else piece
            raise KeyError(name)

        day = part("birth_day")
        female = pc.greater(day, offset)
        real_day = pc.if_else(female, pc.subtract(day, offset), day)
        expected_sex = pc.if_else(female, Sex.PEREMPUAN.value, Sex.LAKI_LAKI.value)
        checks = [
            digits,
            pc.is_in(part("province", as_int=False), value_set=pa.array(provinces, type=pa.string())),
            pc.not_equal(part("regency"), 0),
            pc.not_equal(part("district"), 0),
            pc.not_equal(part("sequence"), 0),
            pc.less_equal(day, offset + 31),
            pc.equal(real_day, pc.day(birth_date)),
            pc.equal(part("birth_month"), pc.month(birth_date)),
            pc.equal(part("birth_year"), pc.subtract(pc.year(birth_date),
                                                     pc.multiply(pc.divide(pc.year(birth_date), 100), 100))),
            pc.equal(sex, expected_sex),
        ]
        agreed = checks[0]
        for item in checks[1:]:
            agreed = pc.and_kleene(agreed, item)
        return pc.fill_null(agreed, False)

    return check


RULE_ROWS = (
    ("nik", NikFacts, nik, "Validasi NIK", "NIK validation", ("R-NIP",),
     (UU_ADMINDUK, "PP 37/2007 Pasal 37", "PP 40/2019 Pasal 30 ayat (2)", "Kode wilayah Kemendagri")),
)
