"""The working-day calendar: lists by version, counting, gaps, set-level agreement."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator

import pytest

from simasn.law import calendar, evaluate, parameters
from simasn.law.calendar import (
    CountsFrom,
    DayUnit,
    HolidayKind,
    HolidayListNotSetError,
    WorkingCalendar,
)
from simasn.law.parameters import ParameterGapError

D = dt.date
FIRST, LAST = D(2024, 1, 1), D(2026, 12, 31)


def _count(year: int, kind: HolidayKind, known_on: dt.date | None = None) -> int:
    return sum(h.kind == kind for h in calendar.holidays(year, known_on=known_on))


def test_each_year_has_the_lists_of_its_skb_and_revisions() -> None:
    assert _count(2024, HolidayKind.LIBUR_NASIONAL, D(2023, 9, 12)) == 17
    assert _count(2024, HolidayKind.CUTI_BERSAMA, D(2023, 9, 12)) == 10
    assert _count(2024, HolidayKind.LIBUR_NASIONAL, D(2024, 2, 6)) == 18  # + election day
    assert _count(2024, HolidayKind.LIBUR_NASIONAL) == 19  # + regional election day
    assert _count(2025, HolidayKind.LIBUR_NASIONAL) == 17
    assert _count(2025, HolidayKind.CUTI_BERSAMA, D(2025, 8, 6)) == 10
    assert _count(2025, HolidayKind.CUTI_BERSAMA, D(2025, 8, 7)) == 11
    assert _count(2026, HolidayKind.LIBUR_NASIONAL) == 17
    assert _count(2026, HolidayKind.CUTI_BERSAMA) == 8


def test_holidays_are_sorted_unique_and_name_their_act() -> None:
    for year in (2024, 2025, 2026):
        found = calendar.holidays(year, region="51")
        keys = [(h.date, h.kind) for h in found]
        assert keys == sorted(keys, key=lambda k: (k[0], k[1].value))
        assert len(set(keys)) == len(keys)
        assert all(h.date.year == year and h.name_id and h.name_en and h.source for h in found)
    election = [h for h in calendar.holidays(2024) if h.date == D(2024, 2, 14)]
    assert [h.source for h in election] == ["Keppres 10/2024"]
    christmas = [h for h in calendar.holidays(2024) if h.date == D(2024, 12, 25)]
    assert christmas[0].source == "SKB 3 Menteri 855/2023, 3/2023, 4/2023"


def test_the_revision_of_2025_changes_18_august_from_its_known_date() -> None:
    monday = D(2025, 8, 18)
    assert calendar.is_working_day(monday, known_on=D(2025, 8, 6))
    assert not calendar.is_working_day(monday, known_on=D(2025, 8, 7))
    assert not calendar.is_working_day(monday)  # latest list


def test_weekends_and_plain_weekdays() -> None:
    assert not calendar.is_working_day(D(2025, 11, 15))  # Saturday
    assert not calendar.is_working_day(D(2025, 11, 16))  # Sunday
    assert calendar.is_working_day(D(2025, 11, 17))
    assert calendar.working_days_between(D(2025, 1, 1), D(2025, 12, 31)) == 237


@pytest.fixture
def cuti_bersama_worked() -> Iterator[None]:
    """A legal reviewer's override: cuti bersama count as working days."""

    def source() -> list[dict[str, object]]:
        return [
            {
                "name": calendar.CUTI_BERSAMA_POLICY,
                "from": "2023-04-12",
                "value": False,
                "reference": {"regulation": "Test override"},
                "last_verified_on": "2026-12-01",
            }
        ]

    parameters.register_override_source(source)
    try:
        yield
    finally:
        parameters.unregister_override_source(source)


def test_the_cuti_bersama_parameter_decides_whether_they_are_skipped(
    cuti_bersama_worked: None,
) -> None:
    assert calendar.is_working_day(D(2025, 12, 26))  # cuti bersama Natal
    assert not calendar.is_working_day(D(2025, 12, 25))  # the national holiday stays
    assert calendar.add_working_days(D(2025, 8, 14), 3) == D(2025, 8, 19)


def test_counting_starts_the_day_after() -> None:
    friday = D(2025, 11, 14)
    assert calendar.add_working_days(friday, 0) == friday
    assert calendar.add_working_days(friday, 1) == D(2025, 11, 17)
    assert calendar.add_working_days(D(2025, 12, 25), 1) == D(2025, 12, 29)
    assert calendar.add_calendar_days(friday, 1) == D(2025, 11, 15)
    assert calendar.add_calendar_days(friday, 0) == friday
    with pytest.raises(ValueError):
        calendar.add_working_days(friday, -1)
    with pytest.raises(ValueError):
        calendar.add_calendar_days(friday, -1)


def test_between_is_antisymmetric_and_counts_start_exclusive_end_inclusive() -> None:
    monday, friday = D(2025, 11, 17), D(2025, 11, 21)
    assert calendar.working_days_between(monday, friday) == 4
    assert calendar.working_days_between(friday, monday) == -4
    assert calendar.working_days_between(monday, monday) == 0


def _naive_add(start: dt.date, n: int) -> dt.date:
    """Day by day, asking only "is this a working day?" (no bisection)."""
    reader = WorkingCalendar()
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        counted += reader.is_working_day(day)
    return day


def _cases(seed: int, count: int) -> list[tuple[dt.date, int]]:
    rng = random.Random(seed)
    span = (D(2026, 10, 1) - FIRST).days
    return [
        (FIRST + dt.timedelta(days=rng.randrange(span)), rng.randrange(0, 40)) for _ in range(count)
    ]


def test_the_bisection_agrees_with_a_day_by_day_count() -> None:
    for start, n in _cases(17, 300):
        assert calendar.add_working_days(start, n) == _naive_add(start, n), (start, n)


def test_add_and_between_are_inverse() -> None:
    for start, n in _cases(29, 300):
        end = calendar.add_working_days(start, n)
        assert calendar.working_days_between(start, end) == n
        if calendar.is_working_day(end):
            assert (
                calendar.add_working_days(start, calendar.working_days_between(start, end)) == end
            )


def test_set_level_functions_agree_with_the_single_case() -> None:
    cases = _cases(41, 500)
    starts = [start for start, _ in cases]
    counts = [n for _, n in cases]
    for region in (None, "51"):
        many = calendar.add_working_days_many(starts, counts, region=region)
        assert many == [calendar.add_working_days(s, n, region=region) for s, n in cases]
        today = D(2025, 6, 2)
        left = calendar.working_days_between_many(today, many, region=region)
        assert left == [calendar.working_days_between(today, d, region=region) for d in many]
    with pytest.raises(ValueError):
        calendar.add_working_days_many(starts, counts[:-1])


def test_a_year_without_a_list_is_a_gap_never_a_guess() -> None:
    with pytest.raises(HolidayListNotSetError) as caught:
        calendar.add_working_days(D(2026, 12, 28), 5)
    error = caught.value
    assert isinstance(error, ParameterGapError)
    assert error.year == 2027
    assert str(error) == "needs legal review: holiday list for 2027 not yet set"
    assert "2027 belum ditetapkan" in error.message_id
    with pytest.raises(HolidayListNotSetError, match="2023"):
        calendar.is_working_day(D(2023, 12, 29))
    with pytest.raises(HolidayListNotSetError, match="as known on 2025-09-18"):
        calendar.holidays(2026, known_on=D(2025, 9, 18))
    # the last days of a year with a list need nothing from the next one
    assert calendar.add_working_days(D(2026, 12, 28), 3) == D(2026, 12, 31)


def test_regional_holidays_apply_to_the_province_and_its_regions() -> None:
    assert calendar.region_codes("51.71") == ("51", "51.71")
    assert calendar.region_codes("51") == ("51",)
    assert calendar.region_codes(None) == ()
    galungan = D(2025, 11, 19)
    assert calendar.is_working_day(galungan)
    assert not calendar.is_working_day(galungan, region="51")
    assert not calendar.is_working_day(galungan, region="51.03")
    assert calendar.is_working_day(galungan, region="31")  # no table for Jakarta
    regional = [h for h in calendar.holidays(2025, region="51.71") if h.region]
    assert {h.kind for h in regional} == {HolidayKind.LIBUR_DAERAH}
    assert {h.region for h in regional} == {"51"}


def test_deadline_carries_its_sources_and_review_flags() -> None:
    found = calendar.deadline(D(2025, 8, 14), 3, DayUnit.WORKING)
    assert found.date == D(2025, 8, 20)
    assert found.citations == (
        "Perpres 21/2023 Pasal 3",
        "SKB 3 Menteri 933/2025, 1/2025, 3/2025",
        "Perpres 21/2023 Pasal 6",
    )
    assert [h.date for h in found.skipped] == [D(2025, 8, 18)]
    assert not found.needs_legal_review
    assert found.explanation == found.explanation_en
    assert "20 Agustus 2025" in found.explanation_id
    json.dumps(found.to_dict())

    regional = calendar.deadline(D(2025, 11, 18), 1, "WORKING", region="51")
    assert regional.date == D(2025, 11, 20)
    assert regional.needs_legal_review
    assert regional.review_reason and "19 November 2025" in regional.review_reason

    same_day = calendar.deadline(D(2025, 11, 12), 2, "WORKING", counts_from=CountsFrom.SAME_DAY)
    assert same_day.date == D(2025, 11, 13)
    assert calendar.deadline(D(2025, 11, 12), 2, "CALENDAR", counts_from="SAME_DAY").date == D(
        2025, 11, 13
    )


def test_a_calendar_deadline_on_a_day_off_shows_the_next_working_day() -> None:
    found = calendar.deadline(D(2025, 3, 27), 10, DayUnit.CALENDAR)
    assert found.date == D(2025, 4, 6)
    assert found.lands_on_working_day is False
    assert found.next_working_day == D(2025, 4, 8)
    assert found.needs_legal_review


def test_one_calendar_reads_each_year_once() -> None:
    reader = WorkingCalendar(known_on=D(2025, 12, 1))
    first = reader.year(2025)
    reader.add(D(2025, 1, 2), 100)
    assert reader.year(2025) is first


def test_the_rule_reads_the_lists_known_on_the_decision_date() -> None:
    facts = {"start": "2025-08-14", "n": 3, "unit": "working"}
    assert evaluate("working_days", facts, D(2025, 8, 6)).outcome["deadline"] == D(2025, 8, 19)
    assert evaluate("working_days", facts, D(2025, 8, 7)).outcome["deadline"] == D(2025, 8, 20)
    later = evaluate("working_days", {**facts, "known_on": "2025-08-06"}, D(2026, 1, 1))
    assert later.outcome["deadline"] == D(2025, 8, 19)
    gap = evaluate(
        "working_days", {"start": "2026-12-28", "n": 5, "unit": "WORKING"}, D(2026, 12, 1)
    )
    assert gap.needs_legal_review and gap.outcome["missing_year"] == 2027
    assert gap.review_reason and "2027" in gap.review_reason
