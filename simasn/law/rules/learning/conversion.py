"""``learning.jp_convert`` — hours of a learning activity into jam pelajaran (JP).

Peraturan LAN 10/2018: competency development is counted in JP; the minutes in one JP for
each form are ``learning.jp_conversion``. Forms without a kept conversion answer "needs legal
review" instead of a guess.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from pydantic import Field

from simasn.law.decision import Decision, Facts
from simasn.law.enums import LearningForm
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup, gap_review, review, unverified

RULE = "learning.jp_convert"


class JpConvertFacts(Facts):
    form: LearningForm
    minutes: int = Field(gt=0, le=60 * 24 * 366)


def jp_convert(facts: JpConvertFacts, on: dt.date) -> Decision:
    """JP of ``facts.minutes`` of ``facts.form``, rounded half up to hundredths."""
    lookup = Lookup(on)
    try:
        entry = lookup.value("learning.jp_conversion", facts.form)
        citation = lookup.cite("learning.jp_conversion", facts.form)
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    per_jp = entry.get("minutes_per_jp")
    if per_jp is None:
        return review(
            RULE,
            on,
            f"no conversion of {facts.form.value} into JP is kept (Peraturan LAN 10/2018's "
            "table for this form was not verified); record the JP the organiser certifies.",
            f"tidak ada konversi {facts.form.value} ke JP yang disimpan (tabel Peraturan LAN "
            "10/2018 untuk bentuk ini belum diverifikasi); catat JP sesuai sertifikat "
            "penyelenggara.",
            citations=[citation],
            outcome={"jp": None, "minutes_per_jp": None},
            lookup=lookup,
        )
    jp = (Decimal(facts.minutes) / Decimal(per_jp)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    shown_id = f"{jp}".replace(".", ",")
    return Decision(
        rule=RULE,
        on=on,
        outcome={
            "jp": float(jp),
            "minutes_per_jp": int(per_jp),
            "unverified_parameters": unverified(lookup),
        },
        citations=[citation],
        explanation_id=f"{facts.minutes} menit {facts.form.value.replace('_', ' ').lower()} = "
        f"{shown_id} JP (1 JP = {per_jp} menit).",
        explanation_en=f"{facts.minutes} minutes of {facts.form.value.replace('_', ' ').lower()} = "
        f"{jp} JP (1 JP = {per_jp} minutes).",
        parameters_used=lookup.records,
    )
