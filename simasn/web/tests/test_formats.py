"""Issue 12 items 6 and 13: one way to write dates and numbers, and numbers typed the
Indonesian way."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest
from django.template import engines
from django.utils import translation

from simasn.web.fields import RupiahField, parse_decimal, parse_grouped_integer

JAKARTA = dt.timezone(dt.timedelta(hours=7))


def _render(text: str, **context: object) -> str:
    return engines["django"].from_string(text).render(context)


def test_dates_are_written_one_way_in_indonesian() -> None:
    day = dt.date(1995, 4, 1)
    moment = dt.datetime(2026, 12, 1, 13, 40, tzinfo=dt.UTC)
    with translation.override("id"):
        assert _render("{{ d|tanggal }}", d=day) == "1 April 1995"
        assert _render("{{ d|tgl }}", d=day) == "01/04/1995"
        assert _render("{{ d|date }}", d=day) == "1 April 1995"  # Django's own default follows too
        assert _render("{{ t|waktu }}", t=moment) == "01/12/2026 20:40 WIB"
        assert _render("{{ t|waktu_panjang }}", t=moment) == "1 Desember 2026 20:40 WIB"
        assert _render("{{ d|tgl|default:'—' }}", d=None) == "—"


def test_numbers_use_the_indonesian_grouping_and_decimal_comma() -> None:
    with translation.override("id"):
        assert _render("{{ x|angka }}", x=decimal.Decimal("15.6")) == "15,6"
        assert _render("{{ x|angka:2 }}", x=12) == "12,00"
        assert _render("{{ x|angka }}", x=50601) == "50.601"
        assert _render("{{ x|rupiah }}", x=1500000000) == "Rp 1.500.000.000"
    with translation.override("en"):
        assert _render("{{ x|angka }}", x=decimal.Decimal("15.6")) == "15.6"


@pytest.mark.parametrize(("text", "value"), [
    ("1.500.000.000", 1_500_000_000), ("1500000000", 1_500_000_000), ("Rp 1.500.000", 1_500_000),
    ("1 500 000", 1_500_000), ("0", 0),
])
def test_rupiah_is_typed_with_grouping(text: str, value: int) -> None:
    assert parse_grouped_integer(text) == value
    assert RupiahField().clean(text) == value


@pytest.mark.parametrize("text", ["1.50.000", "satu juta", "1,5", "-5"])
def test_a_malformed_amount_is_refused_in_indonesian(text: str) -> None:
    from django import forms

    with translation.override("id"), pytest.raises(forms.ValidationError) as error:
        RupiahField().clean(text)
    assert "rupiah" in " ".join(error.value.messages).lower() or "lebih" in " ".join(error.value.messages)


@pytest.mark.parametrize(("text", "value"), [
    ("12,5", "12.5"), ("1.234,5", "1234.5"), ("12.5", "12.5"), ("71", "71"), ("1.500.000", "1500000"),
])
def test_decimals_take_the_indonesian_comma(text: str, value: str) -> None:
    assert parse_decimal(text) == decimal.Decimal(value)


def test_the_rupiah_input_is_a_text_input_that_groups_as_the_user_types() -> None:
    html = RupiahField().widget.render("budget", 1500000000)
    assert 'type="text"' in html and 'inputmode="numeric"' in html and 'data-number="grouped"' in html
    with translation.override("id"):
        assert 'value="1.500.000.000"' in RupiahField().widget.render("budget", 1500000000)
