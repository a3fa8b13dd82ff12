"""The BUP→SQL compiler: the law's BUP table and TMT rule in force on a date as SQL CASE
expressions, and the birth-date windows that keep the register's queries on an index."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import (
    Case,
    F,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, ExtractMonth, ExtractYear

from simasn.law import bup_table, tmt_month_offsets
from simasn.personnel.models import Employee

#: Where bup_case finds each fact: the register (employee and its position).
REGISTER_FIELDS = {"employee_type": "employee_type", "kind": "position__kind",
                   "functional_family": "position__functional_family",
                   "functional_level": "position__functional_level"}


def bup_case(on: dt.date, prefix: str = "", *, fields: dict[str, str] | None = None) -> Case:
    """The BUP table in force on ``on`` (simasn.law.bup_table) as one nested SQL CASE.

    Employee type first, then position kind, then — within a kind — the functional
    family, the functional level and the kind's own age, most specific first (the order
    ``bup_table`` gives). Nesting keeps the work per employee to a few equality tests
    instead of every row of the table (measured on 4.3 M rows, bench/projection.py).
    Employee types with the same table share one branch. An employee whose position
    matches no row gets NULL (no BUP known: the projection leaves it out). ``fields``
    names the columns (default: the register's, with ``prefix``; the national summary
    passes its own).
    """
    names = fields or {key: prefix + value for key, value in REGISTER_FIELDS.items()}
    by_type: dict[str, dict[str, dict[str, dict[str, int] | int]]] = {}
    for row in bup_table(on):
        kinds = by_type.setdefault(row.employee_type.value, {})
        entry = kinds.setdefault(row.position_kind.value, {"functional_family": {}, "functional_level": {}})
        if row.functional_family is not None:
            entry["functional_family"].setdefault(row.functional_family.value, row.age)  # type: ignore[union-attr]
        elif row.functional_level is not None:
            entry["functional_level"].setdefault(row.functional_level.value, row.age)  # type: ignore[union-attr]
        else:
            entry.setdefault("kind", row.age)
    branches: dict[str, list[str]] = {}
    tables: dict[str, Any] = {}
    for employee_type, kinds in by_type.items():
        key = repr(sorted((k, sorted((t, sorted(v.items()) if isinstance(v, dict) else v)
                                     for t, v in e.items())) for k, e in kinds.items()))
        branches.setdefault(key, []).append(employee_type)
        tables[key] = kinds
    whens = [When(**{f"{names['employee_type']}__in": sorted(types)}, then=_kind_case(tables[key], names))
             for key, types in branches.items()]
    return Case(*whens, default=None, output_field=IntegerField())


def _kind_case(kinds: dict[str, Any], names: dict[str, str]) -> Case:
    whens = []
    for kind, entry in kinds.items():
        parts: list[Any] = []
        for tier in ("functional_family", "functional_level"):
            by_age: dict[int, list[str]] = {}
            for value, age in entry[tier].items():
                by_age.setdefault(age, []).append(value)
            if by_age:
                parts.append(Case(*[When(**{f"{names[tier]}__in": sorted(values)}, then=Value(age))
                                    for age, values in by_age.items()], default=None, output_field=IntegerField()))
        if "kind" in entry:
            parts.append(Value(entry["kind"]))
        if not parts:
            continue
        then = parts[0] if len(parts) == 1 else Coalesce(*parts, output_field=IntegerField())
        whens.append((then, kind))
    # Kinds with the same plain age share one WHEN kind IN (...).
    merged: dict[str, list[str]] = {}
    plain: dict[str, Any] = {}
    other = []
    for then, kind in whens:
        if isinstance(then, Value):
            merged.setdefault(str(then.value), []).append(kind)
            plain[str(then.value)] = then
        else:
            other.append(When(**{names["kind"]: kind}, then=then))
    other += [When(**{f"{names['kind']}__in": sorted(kinds_)}, then=plain[age]) for age, kinds_ in merged.items()]
    return Case(*other, default=None, output_field=IntegerField())


def tmt_offset_case(on: dt.date, field: str = "employee_type") -> Case:
    """``retirement.tmt_rule`` in force on ``on`` (simasn.law.tmt_month_offsets) as SQL.

    The months after the month in which the BUP is reached whose first day is the TMT
    pensiun, per employee type; NULL for a type whose rule the law package does not apply
    (no TMT known: the register and the projection leave it out, as for an unknown BUP).
    """
    by_offset: dict[int, list[str]] = {}
    for employee_type, months in tmt_month_offsets(on).items():
        by_offset.setdefault(months, []).append(employee_type.value)
    return Case(*[When(**{f"{field}__in": sorted(types)}, then=Value(months))
                  for months, types in sorted(by_offset.items())],
                default=None, output_field=IntegerField())


def _ages(on: dt.date) -> list[int]:
    return sorted({row.age for row in bup_table(on)})


def _offsets(on: dt.date) -> list[int]:
    return sorted(set(tmt_month_offsets(on).values()))


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _with_tmt(qs: QuerySet[Employee], on: dt.date) -> QuerySet[Employee]:
    """Annotate bup_age and the TMT pensiun as a month index (year*12 + month-1).

    TMT pensiun = the first day of the month ``tmt_offset_case`` months after the month of
    the BUP birthday (``retirement.tmt_rule``; one month today), so its month index is
    (birth_year + bup_age) * 12 + birth_month - 1 + offset, which both SQLite and
    PostgreSQL compute with integer arithmetic.
    """
    return qs.annotate(bup_age=bup_case(on)).annotate(
        tmt_index=(Cast(ExtractYear("birth_date"), IntegerField()) + F("bup_age")) * 12
        + Cast(ExtractMonth("birth_date"), IntegerField()) - 1 + tmt_offset_case(on),
    )


def _birth_window(on: dt.date, months: int) -> Q:
    """A sargable prefilter on birth_date (index employee_birth_date_idx), exact per age.

    TMT pensiun's month index is the birth month's index + 12 * BUP age + the TMT rule's
    offset, so for each BUP age and offset in force the people retiring in [this month,
    + months) were born in one span of `months` months. OR-ing those spans (one index range each) reads a 12-month register's
    candidates from ~4 years of births instead of the ~19 years between the youngest and the
    oldest BUP (bench/queries.py).
    """
    start = _month_index(on)
    spans = Q(pk__in=[])
    for age in _ages(on):
        for offset in _offsets(on):
            first = start - offset - 12 * age
            last = start + months - 1 - offset - 12 * age
            spans |= Q(birth_date__gte=_month_start(first), birth_date__lt=_month_start(last + 1))
    return spans


def _month_start(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)
