"""The parameter loader: dated versions, gaps, overlaps, keys, overrides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from simasn.law import parameters
from simasn.law.enums import PositionKind
from simasn.law.parameters import (
    ParameterFileError,
    ParameterGapError,
    ParameterOverlapError,
    ParameterStore,
    UnknownKeyError,
    UnknownParameterError,
)

REF = "reference: {regulation: UU 20/2023, article: '55'}"


def _write(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")


def _param(name: str, versions: str, keyed_by: str | None = None) -> str:
    keyed = f"    keyed_by: {keyed_by}\n" if keyed_by else ""
    return f"parameters:\n  - name: {name}\n    description: test\n{keyed}    values:\n{versions}"


def _version(start: str, value: str, until: str | None = None) -> str:
    until_line = f"        until: {until}\n" if until else ""
    return (
        f"      - from: {start}\n{until_line}        value: {value}\n        {REF}\n"
        "        last_verified_on: 2026-01-01\n"
    )


@pytest.fixture
def store(tmp_path: Path) -> ParameterStore:
    _write(tmp_path, "uu_a/x.yaml", _param("age", _version("2014-01-15", "58", "2023-10-30")))
    _write(tmp_path, "uu_b/x.yaml", _param("age", _version("2023-10-31", "60")))
    _write(
        tmp_path,
        "uu_b/keyed.yaml",
        _param(
            "bup", _version("2023-10-31", "{JPT_UTAMA: 60, PENGAWAS: 58}"), keyed_by="PositionKind"
        ),
    )
    return ParameterStore(tmp_path)


def test_versions_from_two_files_merge_by_name(store: ParameterStore) -> None:
    assert store.value("age", dt.date(2023, 10, 30)) == 58
    assert store.value("age", dt.date(2023, 10, 31)) == 60
    history = store.history("age")
    assert [(v.start, v.end) for v in history] == [
        (dt.date(2014, 1, 15), dt.date(2023, 10, 30)),
        (dt.date(2023, 10, 31), None),
    ]
    assert history[0].source == "uu_a/x.yaml"


def test_missing_name_fails_clearly(store: ParameterStore) -> None:
    with pytest.raises(UnknownParameterError, match="nope"):
        store.value("nope", dt.date(2024, 1, 1))


def test_date_before_the_first_version_is_a_gap(store: ParameterStore) -> None:
    with pytest.raises(ParameterGapError, match="2014-01-15"):
        store.value("age", dt.date(2014, 1, 14))


def test_date_after_a_repeal_is_a_gap(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "a.yaml",
        _param("x", _version("2020-01-01", "1", "2020-12-31") + _version("2022-01-01", "2")),
    )
    store = ParameterStore(tmp_path)
    assert store.value("x", dt.date(2020, 12, 31)) == 1
    with pytest.raises(ParameterGapError, match="ended 2020-12-31"):
        store.value("x", dt.date(2021, 6, 1))
    assert store.value("x", dt.date(2022, 1, 1)) == 2


def test_overlapping_periods_fail_at_load(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", _param("x", _version("2020-01-01", "1", "2022-06-30")))
    _write(tmp_path, "b.yaml", _param("x", _version("2022-01-01", "2")))
    with pytest.raises(ParameterOverlapError, match="2022-06-30"):
        ParameterStore(tmp_path).value("x", dt.date(2021, 1, 1))


def test_two_versions_on_the_same_day_overlap(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", _param("x", _version("2020-01-01", "1")))
    _write(tmp_path, "b.yaml", _param("x", _version("2020-01-01", "2")))
    with pytest.raises(ParameterOverlapError, match="two versions start"):
        ParameterStore(tmp_path).names()


def test_until_before_from_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", _param("x", _version("2020-01-01", "1", "2019-01-01")))
    with pytest.raises(ParameterFileError, match="before from"):
        ParameterStore(tmp_path).names()


def test_bad_shape_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", "parameters:\n  - name: x\n    values: []\n")
    with pytest.raises(ParameterFileError, match="description"):
        ParameterStore(tmp_path).names()


def test_keyed_values_are_read_by_enum(store: ParameterStore) -> None:
    assert store.value("bup", dt.date(2024, 1, 1), PositionKind.JPT_UTAMA) == 60
    assert store.values("bup", dt.date(2024, 1, 1))["PENGAWAS"] == 58
    with pytest.raises(UnknownKeyError, match="PELAKSANA"):
        store.value("bup", dt.date(2024, 1, 1), PositionKind.PELAKSANA)


def test_keys_must_belong_to_the_enum(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "a.yaml",
        _param("x", _version("2020-01-01", "{KEPALA: 1}"), keyed_by="PositionKind"),
    )
    with pytest.raises(ParameterFileError, match="not a PositionKind"):
        ParameterStore(tmp_path).names()


def _override(name: str, start: str, value: object, **extra: object) -> dict[str, object]:
    return {
        "name": name,
        "from": start,
        "value": value,
        "reference": {"regulation": "PermenPANRB 99/2026", "article": "3"},
        **extra,
    }


def test_override_wins_from_its_date_on(store: ParameterStore) -> None:
    store.register_override_source(lambda: [_override("age", "2026-01-01", 62)])
    assert store.value("age", dt.date(2025, 12, 31)) == 60
    assert store.value("age", dt.date(2026, 1, 1)) == 62
    history = store.history("age")
    assert history[1].end == dt.date(2025, 12, 31)
    assert history[2].is_override and history[2].reference.cite() == "PermenPANRB 99/2026 Pasal 3"


def test_override_on_the_same_day_beats_the_baseline(store: ParameterStore) -> None:
    store.register_override_source(lambda: [_override("age", "2023-10-31", 61)])
    assert store.value("age", dt.date(2024, 1, 1)) == 61
    assert len(store.history("age")) == 2


def test_later_baseline_version_wins_after_an_override(tmp_path: Path) -> None:
    _write(
        tmp_path, "a.yaml", _param("x", _version("2020-01-01", "1") + _version("2030-01-01", "3"))
    )
    store = ParameterStore(tmp_path)
    store.register_override_source(lambda: [_override("x", "2025-01-01", 2)])
    assert [store.value("x", dt.date(y, 6, 1)) for y in (2024, 2026, 2031)] == [1, 2, 3]


def test_override_with_an_end_date_leaves_a_gap(store: ParameterStore) -> None:
    store.register_override_source(lambda: [_override("age", "2026-01-01", 62, until="2026-12-31")])
    assert store.value("age", dt.date(2026, 12, 31)) == 62
    with pytest.raises(ParameterGapError):
        store.value("age", dt.date(2027, 1, 1))


def test_override_keys_are_checked(store: ParameterStore) -> None:
    store.register_override_source(lambda: [_override("bup", "2026-01-01", {"KEPALA": 1})])
    with pytest.raises(ParameterFileError, match="not a PositionKind"):
        store.value("bup", dt.date(2026, 6, 1))


def test_bad_override_shape_is_refused(store: ParameterStore) -> None:
    store.register_override_source(lambda: [{"name": "age", "from": "2026-01-01", "value": 1}])
    with pytest.raises(ParameterFileError, match="reference"):
        store.value("age", dt.date(2026, 6, 1))


def test_validate_override_names_an_existing_parameter(store: ParameterStore) -> None:
    with pytest.raises(UnknownParameterError):
        store.validate_override(_override("nope", "2026-01-01", 1))
    version = store.validate_override(_override("age", "2026-01-01", 62))
    assert version.value == 62


def test_unregister_override_source(store: ParameterStore) -> None:
    def source() -> list[dict[str, object]]:
        return [_override("age", "2026-01-01", 62)]

    store.register_override_source(source)
    store.unregister_override_source(source)
    assert store.value("age", dt.date(2026, 6, 1)) == 60


def test_on_must_be_a_date(store: ParameterStore) -> None:
    with pytest.raises(TypeError):
        store.value("age", dt.datetime(2024, 1, 1))


def test_the_bundled_parameters_load_and_every_version_has_a_reference() -> None:
    parameters.validate_all()
    for name in parameters.names():
        for version in parameters.history(name):
            assert version.reference.regulation, name
            assert version.last_verified_on is not None, name
        meta = parameters.parameter(name)
        assert meta.label_id and meta.label_en, f"{name} needs label_id and label_en"


def test_module_level_override_hook() -> None:
    def source() -> list[dict[str, object]]:
        return [_override("dismissal.min_prison_sentence_years", "2030-01-01", 3)]

    parameters.register_override_source(source)
    try:
        assert parameters.value("dismissal.min_prison_sentence_years", dt.date(2029, 1, 1)) == 2
        assert parameters.value("dismissal.min_prison_sentence_years", dt.date(2030, 1, 1)) == 3
    finally:
        parameters.unregister_override_source(source)
    assert parameters.value("dismissal.min_prison_sentence_years", dt.date(2030, 1, 1)) == 2
