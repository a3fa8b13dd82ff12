"""The column-wise selection functions give exactly the single-case rules' answers.

Selections are generated deterministically with scores drawn from narrow ranges around
the passing grades, so that exact-threshold boundaries, ties at the SKB cut-off, equal
final scores and every tie-break level (down to fully tied applicants across the last
seat and IPK vs certificate averages) occur many times. Each formasi is then decided by
the single-case rule through ``evaluate`` and compared, row by row, with the one call of
the column-wise function for the whole selection.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import numpy as np
import pyarrow as pa
import pytest

from simasn.law import evaluate
from simasn.law.decision import FactsError
from simasn.law.enums import FormasiType
from simasn.law.parameters import ParameterGapError
from simasn.law.rules.selection.columns import (
    REASON_EDUCATION,
    REASON_NONE,
    REASON_TIED,
    final_ranking_columns,
    skb_participants_columns,
    skd_pass_columns,
)

ON_2024 = dt.date(2024, 9, 1)
ON_2023 = dt.date(2023, 9, 1)
TYPES_2024 = ["UMUM", "LULUSAN_TERBAIK", "DISABILITAS", "PUTRA_PUTRI_PAPUA", "PUTRA_PUTRI_KALIMANTAN"]


def _near(rng: random.Random, centre: int, spread: int, low: int, high: int) -> int:
    return max(low, min(high, centre + rng.randint(-spread, spread)))


def _applicants(seed: int, formasi_count: int, *, types: list[str]) -> tuple[list[dict], dict[int, int], dict]:
    rng = random.Random(seed)
    rows: list[dict] = []
    seats: dict[int, int] = {}
    kinds: dict[int, str] = {}
    for f in range(formasi_count):
        formasi_id = 1000 + 7 * f  # not 0..n-1: the table is looked up by id
        seats[formasi_id] = rng.choice([1, 1, 2, 3])
        kinds[formasi_id] = rng.choice(types)
        for i in range(rng.randint(1, 14)):
            if i and rng.random() < 0.3:  # the same scores as an earlier applicant: a full tie
                rows.append({**rows[-rng.randint(1, i)], "id": f"{formasi_id}-{i}"})
                continue
            rows.append({
                "id": f"{formasi_id}-{i}",
                "formasi_id": formasi_id,
                "formasi_type": kinds[formasi_id],
                # around the general grades 65 / 80 / 166, in steps that make equal totals common
                "twk": _near(rng, 65, 2, 0, 150) if rng.random() < 0.3 else rng.choice([60, 65, 70, 75]),
                "tiu": _near(rng, 80, 2, 0, 175) if rng.random() < 0.3 else rng.choice([60, 80, 85, 90]),
                "tkp": _near(rng, 166, 3, 0, 225) if rng.random() < 0.3 else rng.choice([160, 166, 170]),
            })
    return rows, seats, kinds


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_skb_participants_columns_equal_the_rule_for_every_formasi(seed: int) -> None:
    rows, seats, kinds = _applicants(seed, 60, types=TYPES_2024)
    result = skb_participants_columns(
        formasi_id=np.array([r["formasi_id"] for r in rows]),
        formasi_type=pa.array([r["formasi_type"] for r in rows]),
        twk=[r["twk"] for r in rows], tiu=np.array([r["tiu"] for r in rows]),
        tkp=pa.array([r["tkp"] for r in rows], type=pa.int64()),
        formasi_ids=list(seats), formasi_seats=list(seats.values()), on=ON_2024,
    )
    beyond_seen = 0
    for formasi_id, count in seats.items():
        members = [i for i, r in enumerate(rows) if r["formasi_id"] == formasi_id]
        decision = evaluate("selection.skb_participants", {
            "formasi_type": kinds[formasi_id], "seats": count,
            "applicants": [{k: rows[i][k] for k in ("id", "twk", "tiu", "tkp")} for i in members],
        }, ON_2024)
        by_id = {r["id"]: r for r in decision.outcome["ranking"]}
        for i in members:
            expected = by_id.get(rows[i]["id"])
            assert bool(result.passed_skd[i]) == (rows[i]["id"] in decision.outcome["passed_skd"])
            assert bool(result.proceeds[i]) == bool(expected and expected["proceeds"]), rows[i]
            assert int(result.rank[i]) == (expected["rank"] if expected else 0), rows[i]
            assert bool(result.beyond_quota_tie[i]) == bool(expected and expected["beyond_quota_tie"])
        beyond_seen += len(decision.outcome["beyond_quota_tie"])
    # the generated data exercises the cut-off: some pass, some do not, some tie beyond 3 x seats
    assert 0 < int(result.passed_skd.sum()) < len(rows)
    assert int(result.proceeds.sum()) < int(result.passed_skd.sum())
    assert beyond_seen > 0


def test_skd_pass_columns_equal_the_rule_at_every_boundary() -> None:
    cases = []
    for kind in [*TYPES_2024, "DIASPORA", "UMUM_DOKTER"]:  # UMUM_DOKTER: no grade in 2024
        for twk in (64, 65, 66, 150, 151):
            for tiu in (59, 60, 79, 80, 84, 85):
                for tkp in (165, 166, 186, 187, -1):
                    cases.append((kind, twk, tiu, tkp))
    result = skd_pass_columns(
        formasi_type=[c[0] for c in cases], twk=[c[1] for c in cases], tiu=[c[2] for c in cases],
        tkp=[c[3] for c in cases], on=ON_2024,
    )
    outcomes = {"passed": 0, "failed": 0, "refused": 0, "no_grade": 0}
    for i, (kind, twk, tiu, tkp) in enumerate(cases):
        try:
            decision = evaluate("selection.skd_pass",
                                {"formasi_type": kind, "twk": twk, "tiu": tiu, "tkp": tkp}, ON_2024)
        except FactsError:
            assert result.invalid[i] and not result.passed[i]
            outcomes["refused"] += 1
            continue
        if decision.needs_legal_review:
            assert result.unknown_type[i] and not result.passed[i]
            outcomes["no_grade"] += 1
            continue
        assert bool(result.passed[i]) == decision.outcome["passed"], cases[i]
        assert int(result.total[i]) == decision.outcome["total"]
        outcomes["passed" if decision.outcome["passed"] else "failed"] += 1
    assert all(outcomes.values()), outcomes


def _final_rows(seed: int) -> tuple[list[dict], dict[int, int], dict[int, dict[str, int] | None]]:
    rng = random.Random(seed)
    rows: list[dict] = []
    seats: dict[int, int] = {}
    weights: dict[int, dict[str, int] | None] = {}
    for f in range(50):
        formasi_id = 500 + f
        seats[formasi_id] = rng.choice([1, 1, 2, 3])
        weights[formasi_id] = rng.choice([None, {"CAT": 50, "WAWANCARA": 30, "LAINNYA": 20},
                                          {"CAT": 60, "WAWANCARA": 40, "LAINNYA": 0}])
        mixed_education = rng.random() < 0.2
        for i in range(rng.randint(1, 9)):
            if i and rng.random() < 0.3:  # equal to an earlier applicant on every score
                twin = dict(rows[-rng.randint(1, i)], id=f"{formasi_id}-{i}")
                if mixed_education and rng.random() < 0.5:  # ... but with a certificate average
                    twin["ipk"], twin["ijazah_average"] = None, Decimal("88.5")
                rows.append(twin)
                continue
            ipk = rng.choice([Decimal("3.50"), Decimal("3.20")])
            row = {
                "id": f"{formasi_id}-{i}", "formasi_id": formasi_id,
                "twk": rng.choice([100, 110]), "tiu": rng.choice([100, 110]), "tkp": rng.choice([190, 200]),
                "skb": {"CAT": Decimal(rng.choice(["70", "75", "75.5"]))},
                "ipk": ipk, "ijazah_average": None,
                "birth_date": rng.choice([dt.date(1995, 1, 1), dt.date(1996, 6, 30)]),
                "eliminated": rng.random() < 0.05,
            }
            if weights[formasi_id]:
                row["skb"]["WAWANCARA"] = Decimal(rng.choice(["80", "80.25"]))
                row["skb"]["LAINNYA"] = Decimal(rng.choice(["90", "60"]))
            if mixed_education and rng.random() < 0.5:
                row["ipk"], row["ijazah_average"] = None, Decimal(rng.choice(["88.5", "90"]))
            if rng.random() < 0.03:
                row["skb"] = None  # absent from the SKB
            rows.append(row)
    return rows, seats, weights


def _nan(values: list) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values])


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_final_ranking_columns_equal_the_rule_for_every_formasi(seed: int) -> None:
    rows, seats, weights = _final_rows(seed)
    ids = list(seats)

    def skb(component: str) -> np.ndarray:
        return _nan([None if r["skb"] is None else r["skb"].get(component) for r in rows])

    table_weights = {c: [(weights[f] or {"CAT": 100}).get(c, 0) for f in ids]
                     for c in ("CAT", "WAWANCARA", "LAINNYA")}
    result = final_ranking_columns(
        formasi_id=[r["formasi_id"] for r in rows],
        twk=np.array([r["twk"] for r in rows]), tiu=np.array([r["tiu"] for r in rows]),
        tkp=np.array([r["tkp"] for r in rows]),
        skb_cat=skb("CAT"), skb_wawancara=skb("WAWANCARA"), skb_lainnya=skb("LAINNYA"),
        ipk=_nan([r["ipk"] for r in rows]), ijazah_average=_nan([r["ijazah_average"] for r in rows]),
        birth_date=pa.array([r["birth_date"] for r in rows], type=pa.date32()),
        eliminated=[r["eliminated"] for r in rows],
        formasi_ids=ids, formasi_seats=[seats[f] for f in ids], formasi_skb_weights=table_weights, on=ON_2024,
    )
    reasons = {None: REASON_NONE, "TIED_AFTER_ALL_CRITERIA": REASON_TIED,
               "EDUCATION_NOT_COMPARABLE": REASON_EDUCATION}
    seen = {"selected": 0, "review_tied": 0, "review_education": 0, "age_decided": 0}
    for formasi_id in ids:
        members = [i for i, r in enumerate(rows) if r["formasi_id"] == formasi_id]
        facts = {"seats": seats[formasi_id], "applicants": [
            {k: v for k, v in rows[i].items() if k != "formasi_id" and v is not None} for i in members]}
        if weights[formasi_id]:
            facts["skb_weights"] = weights[formasi_id]
        decision = evaluate("selection.final_ranking", facts, ON_2024)
        by_id = {r["id"]: r for r in decision.outcome["ranking"]}
        for i in members:
            expected = by_id.get(rows[i]["id"])
            assert bool(result.scored[i]) == (expected is not None), rows[i]
            if expected is None:
                assert result.rank[i] == 0 and not result.selected[i]
                continue
            assert int(result.final_numerator[i]) == expected["final_score_numerator"]
            assert int(result.rank[i]) == expected["rank"], rows[i]
            assert bool(result.selected[i]) == expected["selected"], rows[i]
            assert bool(result.needs_review[i]) == expected["needs_legal_review"], rows[i]
            assert int(result.review_reason[i]) == reasons[expected["review_reason_code"]]
            seen["selected"] += expected["selected"]
            seen["review_tied"] += expected["review_reason_code"] == "TIED_AFTER_ALL_CRITERIA"
            seen["review_education"] += expected["review_reason_code"] == "EDUCATION_NOT_COMPARABLE"
        ranked = [by_id[rows[i]["id"]] for i in members if rows[i]["id"] in by_id]
        seen["age_decided"] += _decided_by_age(ranked, rows, members)
    assert all(seen.values()), seen


def _decided_by_age(ranked: list[dict], rows: list[dict], members: list[int]) -> int:
    """Pairs ranked apart that are equal on every criterion but the birth date."""
    row = {rows[i]["id"]: rows[i] for i in members}

    def same_but_age(a: dict, b: dict) -> bool:
        keys = ("twk", "tiu", "tkp", "ipk", "ijazah_average")
        return (a["final_score_numerator"] == b["final_score_numerator"]
                and all(row[a["id"]][k] == row[b["id"]][k] for k in keys)
                and row[a["id"]]["birth_date"] != row[b["id"]]["birth_date"])

    return sum(1 for a in ranked for b in ranked if a["rank"] < b["rank"] and same_but_age(a, b))


def test_cat_only_selection_needs_no_weights_and_other_scores_do() -> None:
    common = {"formasi_id": [1, 1], "twk": [100, 100], "tiu": [100, 100], "tkp": [200, 200],
              "birth_date": np.array(["1990-01-01", "1991-01-01"], dtype="datetime64[D]"),
              "formasi_ids": [1], "formasi_seats": [1], "on": ON_2024}
    result = final_ranking_columns(skb_cat=[70.0, 71.0], **common)
    assert result.selected.tolist() == [False, True]
    with pytest.raises(ValueError, match="formasi_skb_weights"):
        final_ranking_columns(skb_cat=[70.0, 71.0], skb_wawancara=[80.0, 80.0], **common)
    with pytest.raises(ValueError, match="add up to 100"):
        final_ranking_columns(skb_cat=[70.0, 71.0], formasi_skb_weights={"CAT": [90]}, **common)


def test_unknown_formasi_and_gap_years_are_refused_not_guessed() -> None:
    with pytest.raises(ValueError, match="missing from formasi_ids"):
        skb_participants_columns(formasi_id=[1, 2], formasi_type=["UMUM", "UMUM"], twk=[65, 65],
                                 tiu=[80, 80], tkp=[166, 166], formasi_ids=[1], formasi_seats=[1], on=ON_2024)
    with pytest.raises(ParameterGapError):
        skd_pass_columns(formasi_type=["UMUM"], twk=[65], tiu=[80], tkp=[166], on=dt.date(2025, 3, 1))
    result = skd_pass_columns(formasi_type=[FormasiType.PUTRA_PUTRI_KALIMANTAN], twk=[65], tiu=[80],
                              tkp=[166], on=ON_2023)
    assert result.unknown_type.tolist() == [True] and result.passed.tolist() == [False]
