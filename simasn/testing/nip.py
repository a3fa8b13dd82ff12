"""Build NIPs that agree with a person's data (used by factories and demo data).

The layout is the one the law package validates (R-NIP, UU 20/2023 Pasal 7):
PNS: birth YYYYMMDD + TMT CPNS YYYYMM + sex digit + 3-digit sequence;
PPPK: birth YYYYMMDD + appointment year YYYY + 2-digit code + sex digit + sequence.
"""

from __future__ import annotations

import datetime as dt

SEX_DIGIT = {"L": "1", "P": "2"}


def pns_nip(birth_date: dt.date, tmt_cpns: dt.date, sex: str, sequence: int) -> str:
    return f"{birth_date:%Y%m%d}{tmt_cpns:%Y%m}{SEX_DIGIT[sex]}{sequence % 1000:03d}"


def pppk_nip(birth_date: dt.date, appointment: dt.date, sex: str, sequence: int, code: str = "21") -> str:
    return f"{birth_date:%Y%m%d}{appointment:%Y}{code}{SEX_DIGIT[sex]}{sequence % 1000:03d}"
