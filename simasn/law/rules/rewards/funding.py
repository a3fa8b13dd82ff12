"""rewards.funding_source — APBN or APBD (UU 20/2023 Pasal 50 ayat (2)-(3)).

Rewards and recognition of a Pegawai ASN working at an Instansi Pusat are funded from
the APBN (ayat (2)), at an Instansi Daerah from the APBD (ayat (3)); parameter
``rewards.funding_source`` keyed by the kind of agency.
"""

from __future__ import annotations

import datetime as dt

from simasn.law.decision import Decision, Facts
from simasn.law.enums import FundingSource, InstansiKind
from simasn.law.parameters import ParameterGapError, UnknownKeyError
from simasn.law.rules._support import Lookup, gap_review, require_uu_20_2023, review

RULE = "rewards.funding_source"

BUDGET_LABELS = {
    FundingSource.APBN: ("anggaran pendapatan dan belanja negara (APBN)", "the state budget (APBN)"),
    FundingSource.APBD: ("anggaran pendapatan dan belanja daerah (APBD)", "the regional budget (APBD)"),
}


class FundingFacts(Facts):
    instansi_kind: InstansiKind


def funding_source(facts: FundingFacts, on: dt.date) -> Decision:
    """Where an agency's rewards and recognition are funded from — Pasal 50 ayat (2)-(3)."""
    lookup = Lookup(on)
    blocked = require_uu_20_2023(RULE, lookup)
    if blocked:
        return blocked
    try:
        source = FundingSource(lookup.value("rewards.funding_source", facts.instansi_kind))
        citation = lookup.cite("rewards.funding_source", facts.instansi_kind)
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    except UnknownKeyError as error:
        return review(RULE, on, str(error), str(error), lookup=lookup)
    pusat = facts.instansi_kind.is_pusat
    where_id = "Instansi Pusat" if pusat else "Instansi Daerah"
    label_id, label_en = BUDGET_LABELS[source]
    return Decision(
        rule=RULE,
        on=on,
        outcome={"funding_source": source, "instansi_pusat": pusat},
        citations=[citation],
        explanation_id=f"Penghargaan dan pengakuan Pegawai ASN pada {where_id} didanai dari {label_id}.",
        explanation_en=(
            f"Rewards and recognition of Pegawai ASN at an Instansi {'Pusat' if pusat else 'Daerah'} "
            f"are funded from {label_en}."
        ),
        parameters_used=lookup.records,
    )
