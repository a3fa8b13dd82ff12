"""The salary tables as entered hold together (a typo in a transcribed amount shows here).

PP 5/2024's and Perpres 11/2024's tables rise by x1.0315 every two-yearly step; PP 5/2024 is
PP 15/2019 x1.08 (the 2024 raise) for every PP 15/2019 cell entered; both PP tables have the
same ranks and steps. Tolerances are the rounding of amounts to Rp 100 carried along a row.
"""

from __future__ import annotations

import datetime as dt
import itertools

from simasn.law import basic_salary_table, pns_ranks, pppk_grades

ON_2019 = dt.date(2023, 12, 31)
ON_2024 = dt.date(2024, 1, 1)


def _steps(table: dict[str, dict[int, int | None]]) -> list[tuple[str, int, int, int]]:
    found = []
    for rank, cells in table.items():
        known = sorted((years, amount) for years, amount in cells.items() if amount is not None)
        for (y0, a0), (y1, a1) in itertools.pairwise(known):
            if y1 - y0 == 2:
                found.append((rank, y1, a0, a1))
    return found


def test_every_two_yearly_step_is_3_15_percent() -> None:
    for employee_type in ("PNS", "PPPK"):
        steps = _steps(basic_salary_table(employee_type, ON_2024))
        assert len(steps) > 200
        for rank, years, before, after in steps:
            assert abs(after - before * 1.0315) <= 150, (employee_type, rank, years, before, after)


def test_pp_5_2024_is_pp_15_2019_raised_by_8_percent() -> None:
    old, new = basic_salary_table("PNS", ON_2019), basic_salary_table("PNS", ON_2024)
    assert {r: set(c) for r, c in old.items()} == {r: set(c) for r, c in new.items()}
    compared = 0
    for rank, cells in old.items():
        for years, amount in cells.items():
            if amount is not None:
                amount_2024 = new[rank][years]
                assert amount_2024 is not None
                assert abs(amount_2024 - amount * 1.08) <= 200, (rank, years)
                compared += 1
    assert compared >= 30


def test_the_tables_cover_every_rank_and_grade() -> None:
    assert set(basic_salary_table("PNS", ON_2024)) == {r["code"] for r in pns_ranks(ON_2024)}
    assert set(basic_salary_table("PPPK", ON_2024)) == {g["code"] for g in pppk_grades(ON_2024)}
    for cells in basic_salary_table("PNS", ON_2024).values():
        assert None not in cells.values()
