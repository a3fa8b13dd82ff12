"""Building a NIP for a new CPNS or PPPK from the same layout parameters the ``nip`` rule
checks (``nip.pns_layout``, ``nip.pppk_layout``, ``nip.pppk_codes``, ``nip.sex_digits``;
UU 20/2023 Pasal 7). A built number always passes the ``nip`` rule for the same person on
the same day (a test round-trips them); the sequence that makes it unique among equal
prefixes is the registry's to choose (a database constraint), not the law's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.law.decision import LawError
from simasn.law.enums import Sex
from simasn.law.rules._support import Lookup


class NipBuildError(LawError, ValueError):
    """The parts given cannot make a NIP under the layout in force."""


def _render(layout: dict[str, Any], parts: dict[str, str]) -> str:
    digits = ["0"] * int(layout["length"])
    for segment in layout["segments"]:
        text = parts[segment["name"]]
        if len(text) != segment["length"] or not text.isdigit():
            raise NipBuildError(f"{segment['name']} must be {segment['length']} digits, not {text!r}")
        start = segment["start"] - 1
        digits[start : start + segment["length"]] = list(text)
    return "".join(digits)


def _sequence(layout: dict[str, Any], sequence: int) -> str:
    width = next(s["length"] for s in layout["segments"] if s["name"] == "sequence")
    if not 1 <= sequence < 10**width:
        raise NipBuildError(f"sequence must be 1 to {10**width - 1}")
    return f"{sequence:0{width}d}"


def _sex_digit(lookup: Lookup, sex: Sex | str) -> str:
    try:
        return str(lookup.value("nip.sex_digits", key=Sex(sex)))
    except ValueError:
        raise NipBuildError(f"unknown sex {sex!r}") from None


def build_pns_nip(*, birth_date: dt.date, tmt_cpns: dt.date, sex: Sex | str, sequence: int,
                  on: dt.date) -> str:
    """The NIP of a PNS: birth date YYYYMMDD + TMT CPNS YYYYMM + sex digit + sequence.

    Raises NipBuildError for parts the layout cannot hold, ParameterGapError before the
    layout's first version.
    """
    lookup = Lookup(on)
    layout = lookup.value("nip.pns_layout")
    return _render(layout, {
        "birth_date": f"{birth_date:%Y%m%d}",
        "tmt_cpns": f"{tmt_cpns:%Y%m}",
        "sex": _sex_digit(lookup, sex),
        "sequence": _sequence(layout, sequence),
    })


def build_pppk_nip(*, birth_date: dt.date, appointment_year: int, code: str, sex: Sex | str,
                   sequence: int, on: dt.date) -> str:
    """The NIP of a PPPK: birth date YYYYMMDD + appointment year + code + sex digit + sequence.

    ``code`` must be one of ``nip.pppk_codes`` on ``on``.
    """
    lookup = Lookup(on)
    layout = lookup.value("nip.pppk_layout")
    codes = lookup.value("nip.pppk_codes")
    if code not in codes:
        raise NipBuildError(f"code {code!r} is not a PPPK code on {on.isoformat()} "
                            f"(known: {', '.join(sorted(codes))})")
    return _render(layout, {
        "birth_date": f"{birth_date:%Y%m%d}",
        "appointment_year": f"{appointment_year:04d}",
        "code": code,
        "sex": _sex_digit(lookup, sex),
        "sequence": _sequence(layout, sequence),
    })
