"""``performance.predikat`` and ``performance.leader_predikat`` — the rating matrix.

PermenPANRB 6/2022 (its Lampiran): hasil kerja and perilaku kerja are each rated below, as
or above the leader's expectations, and the pair gives the predikat kinerja pegawai
(parameter ``performance.rating_matrix``). UU 20/2023 Pasal 42 huruf a: performance
management looks at results and behaviour.

A unit leader's hasil kerja is the unit's own performance: the organisation's rating sets
the leader's rating of hasil kerja (parameter ``performance.leader_work_result_rating``);
the behaviour rating stays the leader's and the matrix gives the predikat.
"""

from __future__ import annotations

import datetime as dt

from simasn.law.decision import Decision, Facts
from simasn.law.enums import ExpectationRating, OrganisationRating
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup, gap_review, unverified
from simasn.law.rules.performance._common import (
    EXPECTATION_EN,
    EXPECTATION_ID,
    label_en,
    label_id,
    labels,
    matrix_cell,
    organisation_label,
    orientation_citations,
)

RULE = "performance.predikat"
LEADER_RULE = "performance.leader_predikat"


class PredikatFacts(Facts):
    work_result_rating: ExpectationRating
    behaviour_rating: ExpectationRating


class LeaderPredikatFacts(Facts):
    organisation_rating: OrganisationRating
    behaviour_rating: ExpectationRating


def predikat(facts: PredikatFacts, on: dt.date) -> Decision:
    """The predikat of one pair of ratings — PermenPANRB 6/2022 Lampiran."""
    lookup = Lookup(on)
    try:
        code = matrix_cell(lookup, facts.work_result_rating, facts.behaviour_rating)
        table = labels(lookup)
        citation = lookup.cite("performance.rating_matrix", facts.work_result_rating)
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    hk, pk = facts.work_result_rating, facts.behaviour_rating
    return Decision(
        rule=RULE,
        on=on,
        outcome={
            "predikat": code,
            "label_id": label_id(table, code),
            "label_en": label_en(table, code),
            "unverified_parameters": unverified(lookup),
        },
        citations=[citation, *orientation_citations(lookup)],
        explanation_id=(
            f"Hasil kerja {EXPECTATION_ID[hk]} dan perilaku kerja {EXPECTATION_ID[pk]}: "
            f"predikat kinerja {label_id(table, code)}."
        ),
        explanation_en=(
            f"Work results {EXPECTATION_EN[hk]} and work behaviour {EXPECTATION_EN[pk]}: "
            f"rating {label_en(table, code)}."
        ),
        parameters_used=lookup.records,
    )


def leader_predikat(facts: LeaderPredikatFacts, on: dt.date) -> Decision:
    """A unit leader: hasil kerja from the unit's rating, then the matrix."""
    lookup = Lookup(on)
    try:
        work_result = ExpectationRating(
            lookup.value("performance.leader_work_result_rating", facts.organisation_rating)
        )
        code = matrix_cell(lookup, work_result, facts.behaviour_rating)
        table = labels(lookup)
        citations = [
            lookup.cite("performance.leader_work_result_rating", facts.organisation_rating),
            lookup.cite("performance.rating_matrix", work_result),
        ]
        org_id = organisation_label(lookup, facts.organisation_rating, "id")
        org_en = organisation_label(lookup, facts.organisation_rating, "en")
    except ParameterGapError as error:
        return gap_review(LEADER_RULE, lookup, error)
    pk = facts.behaviour_rating
    return Decision(
        rule=LEADER_RULE,
        on=on,
        outcome={
            "work_result_rating": work_result,
            "predikat": code,
            "label_id": label_id(table, code),
            "label_en": label_en(table, code),
            "unverified_parameters": unverified(lookup),
        },
        citations=[*dict.fromkeys(citations), *orientation_citations(lookup)],
        explanation_id=(
            f"Capaian kinerja unit yang dipimpin ({org_id}) ditetapkan sebagai rating hasil "
            f"kerja pimpinan: {EXPECTATION_ID[work_result]}; dengan perilaku kerja "
            f"{EXPECTATION_ID[pk]}, predikat kinerja {label_id(table, code)}."
        ),
        explanation_en=(
            f"The led unit's performance ({org_en}) is the leader's work-result rating: "
            f"{EXPECTATION_EN[work_result]}; with work behaviour {EXPECTATION_EN[pk]}, the "
            f"rating is {label_en(table, code)}."
        ),
        parameters_used=lookup.records,
    )
