"""The national export and the import reject report carry no live formula (issue 10 item 5)."""

from __future__ import annotations

import csv

import pytest

from simasn.accounts.roles import Role
from simasn.bulk.exporter import write_export
from simasn.bulk.rows import reject_csv
from simasn.testing.factories import EmployeeFactory, user_with_role
from simasn.testing.spreadsheets import ATTACK, all_values, formula_cells


@pytest.mark.django_db
def test_the_national_export_writes_a_formula_name_as_text(tmp_path) -> None:
    EmployeeFactory(name=ATTACK)
    bkn = user_with_role(Role.BKN)
    xlsx = tmp_path / "nasional.xlsx"
    write_export(viewer=bkn, fmt="xlsx", out=str(xlsx))
    data = xlsx.read_bytes()
    assert formula_cells(data) == []
    assert ATTACK in all_values(data)  # the visible text is the name as typed
    out = tmp_path / "nasional.csv"
    write_export(viewer=bkn, fmt="csv", out=str(out))
    names = [row["NAMA"] for row in csv.DictReader(out.read_text(encoding="utf-8").splitlines())]
    assert names == ["'" + ATTACK]


def test_the_reject_report_escapes_the_refused_values() -> None:
    text = "".join(reject_csv(iter([(2, "NIP_BARU", "NIP tidak sah", "=1+2", "@SUM(A1)", ATTACK)])))
    rows = list(csv.reader(text.lstrip("\ufeff").splitlines()))
    assert rows[1] == ["2", "NIP_BARU", "NIP tidak sah", "'=1+2", "'@SUM(A1)", "'" + ATTACK]
