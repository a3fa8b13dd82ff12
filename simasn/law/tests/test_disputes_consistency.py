"""The three dispute rules agree with each other and with the calendar.

For decisions on every fourth day of 2025 and most of 2026: the filing deadline
``disputes.remedy`` shows is the one ``disputes.deadline`` computes; a filing on the
earliest due date is admissible, one the day after the latest due date (moved to the
next working day if it fell on a day off) is not, and in between the answer is "needs
legal review"; a banding received and dated the same day has one due date, 14 working
days later on the calendar. The admissibility checks are made on one later day
(``CHECKED_ON``), so every count reads the holiday lists as known then (the 2025 list
gained 18 August on 7 August 2025).
"""

from __future__ import annotations

import datetime as dt

from simasn.law import calendar, evaluate
from simasn.law.enums import DayUnit

FIRST = dt.date(2025, 1, 1)
DAYS = 600  # to late August 2026: every count stays inside the 2026 holiday list
CHECKED_ON = dt.date(2026, 11, 30)


def _days() -> list[dt.date]:
    return [FIRST + dt.timedelta(days=i) for i in range(0, DAYS, 4)]


def test_a_banding_received_the_day_it_is_dated_is_due_14_working_days_later() -> None:
    for day in _days():
        facts = {"step": "PENGAJUAN_BANDING", "decision_date": day, "decision_received_date": day}
        decision = evaluate("disputes.deadline", facts, day)
        assert decision.outcome["settled"] and not decision.needs_legal_review
        expected = calendar.add_working_days(day, 14, known_on=day)
        assert decision.outcome["due_date"] == expected
        assert calendar.working_days_between(day, expected, known_on=day) == 14


def test_remedy_deadline_and_admissibility_tell_one_story() -> None:
    for day in _days():
        received = day + dt.timedelta(days=2)
        for route, decision_kind, step in (
            ("KEBERATAN", "LAINNYA", "PENGAJUAN_KEBERATAN"),
            ("BANDING_ADMINISTRATIF", "PEMBERHENTIAN_PNS", "PENGAJUAN_BANDING"),
        ):
            dates = {"decision_date": day, "decision_received_date": received}
            remedy = evaluate("disputes.remedy", {"employee_type": "PNS", "decision": decision_kind, **dates},
                              CHECKED_ON)
            deadline = evaluate("disputes.deadline", {"step": step, **dates}, CHECKED_ON)
            assert remedy.outcome["route"] == route
            assert remedy.outcome["filing_deadline"]["readings"] == deadline.outcome["readings"]
            earliest = deadline.outcome["due_date"]
            latest = max(
                calendar.deadline(r["from_date"], 14, DayUnit(r["unit"]), known_on=CHECKED_ON).next_working_day
                or r["due_date"]
                for r in deadline.outcome["readings"]
            )

            def filed(on: dt.date, *, route: str = route, dates: dict = dates) -> dict:
                facts = {"route": route, "filed_date": on, **dates}
                return evaluate("disputes.admissible", facts, CHECKED_ON).outcome

            assert filed(earliest)["admissible"] is True
            assert filed(latest + dt.timedelta(days=1))["admissible"] is False
            if earliest < latest:
                assert filed(latest)["admissible"] is None


def test_every_decision_kind_and_issuer_gets_a_route_or_a_reason() -> None:
    for employee_type, decision_kind, issuer in (
        (e, d, i)
        for e in ("PNS", "PPPK")
        for d in ("PEMBERHENTIAN_PNS", "PEMUTUSAN_HUBUNGAN_PERJANJIAN_KERJA_PPPK", "HUKUMAN_DISIPLIN", "LAINNYA")
        for i in ("PRESIDEN", "PPK", "PEJABAT")
        if not (d == "PEMBERHENTIAN_PNS" and e == "PPPK")
        and not (d == "PEMUTUSAN_HUBUNGAN_PERJANJIAN_KERJA_PPPK" and e == "PNS")
    ):
        decision = evaluate(
            "disputes.remedy", {"employee_type": employee_type, "decision": decision_kind, "issuer": issuer},
            dt.date(2025, 6, 2),
        )
        if decision.needs_legal_review:
            assert decision.review_reason
        else:
            assert decision.outcome["route"] in ("KEBERATAN", "BANDING_ADMINISTRATIF")
            assert decision.outcome["outcomes"]
