"""The legal grounds services cite come from the law package's references."""

from __future__ import annotations

from simasn.law.grounds import Ground, cite, references, regulation_title


def test_every_ground_has_a_reference() -> None:
    for ground in Ground:
        assert references(ground), ground


def test_citations_are_printed_like_every_other_citation_and_once() -> None:
    assert cite(Ground.WORK_CULTURE) == ["UU 20/2023 Pasal 39", "UU 20/2023 Pasal 3", "UU 20/2023 Pasal 4"]
    assert cite(Ground.RETIREMENT_OVERDUE) == ["UU 20/2023 Pasal 52 ayat (3) huruf c", "UU 20/2023 Pasal 55"]
    assert cite(Ground.PERFORMANCE_DISTRIBUTION) == ["PermenPANRB 6/2022 Lampiran"]
    assert cite(Ground.PROCUREMENT_OPEN, Ground.PROCUREMENT_ANNOUNCEMENT) == [
        "UU 20/2023 Pasal 37", "PermenPANRB 6/2024"]


def test_a_regulation_cited_without_an_article_names_the_part_meant() -> None:
    assert cite(Ground.PROCUREMENT_ADMINISTRATIVE) == ["PermenPANRB 6/2024 (seleksi administrasi)"]


def test_regulation_titles() -> None:
    assert regulation_title("UU 20/2023").startswith("Undang-Undang Nomor 20 Tahun 2023")
    assert regulation_title("Perda 1/2020") == "Perda 1/2020"
