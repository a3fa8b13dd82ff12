"""R-SUSPEND — pemberhentian sementara (temporary dismissal).

- Pasal 53 ayat (1): a PNS is temporarily dismissed when appointed pejabat negara
  (huruf a), komisioner or member of a lembaga nonstruktural (huruf b), or on leave
  outside the state's responsibility (cuti di luar tanggungan negara, huruf c).
- Pasal 58: the pejabat negara. A PNS appointed to any of them is temporarily
  dismissed by Pasal 53 ayat (1) huruf a — also to an office Pasal 59 ayat (1) does not
  list (e.g. hakim agung, Pasal 58 huruf e). Pasal 59 ayat (1) names six offices (MK,
  BPK, KY, KPK, minister, ambassador) to which the reactivation and 5-year return rules
  of Pasal 59 ayat (2) and Pasal 60 are tied; for the other offices those rules are
  left open (rule ``return_from_state_office``), not the suspension itself. The elected
  offices of Pasal 58 are reached through the elections of Pasal 59 ayat (3), for which
  a Pegawai ASN resigns instead. A hakim ad hoc is no pejabat negara (Pasal 58 huruf
  e): Pasal 53 ayat (1) huruf a does not apply.
- Pasal 53 ayat (2): any Pegawai ASN detained as suspect or defendant is temporarily
  dismissed to support the legal process.
- Penjelasan Pasal 53 ayat (1): for huruf a and b the rights tied to the period of
  service are kept.
- Pasal 53 ayat (3): reactivation is by the Pejabat Pembina Kepegawaian.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import model_validator

from simasn.law.decision import Decision, Facts
from simasn.law.enums import DetentionStatus, EmployeeType, StateOffice, TemporaryDismissalReason
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup, gap_review, pasal, require_uu_20_2023, review

RULE = "temporary_dismissal"

R = TemporaryDismissalReason


class TemporaryDismissalFacts(Facts):
    employee_type: EmployeeType
    reason: TemporaryDismissalReason
    state_office: StateOffice | None = None
    detention_status: DetentionStatus | None = None

    @model_validator(mode="after")
    def _consistent(self) -> TemporaryDismissalFacts:
        if self.reason == R.PEJABAT_NEGARA and self.state_office is None:
            raise ValueError("state_office is required when the reason is PEJABAT_NEGARA")
        if self.reason != R.PEJABAT_NEGARA and self.state_office is not None:
            raise ValueError("state_office applies only to the reason PEJABAT_NEGARA")
        if self.reason == R.DITAHAN and self.detention_status is None:
            raise ValueError("detention_status (TERSANGKA or TERDAKWA) is required when DITAHAN")
        if self.reason != R.DITAHAN and self.detention_status is not None:
            raise ValueError("detention_status applies only to the reason DITAHAN")
        return self


LABELS = {
    R.PEJABAT_NEGARA: ("diangkat menjadi pejabat negara", "appointed as a state official"),
    R.KOMISIONER_LNS: (
        "diangkat menjadi komisioner atau anggota lembaga nonstruktural",
        "appointed commissioner or member of a non-structural institution",
    ),
    R.CUTI_DILUAR_TANGGUNGAN_NEGARA: (
        "menjalani cuti di luar tanggungan negara",
        "on unpaid leave (cuti di luar tanggungan negara)",
    ),
    R.DITAHAN: (
        "ditahan karena menjadi tersangka atau terdakwa",
        "detained as a suspect or defendant",
    ),
}


def temporary_dismissal(facts: TemporaryDismissalFacts, on: dt.date) -> Decision:
    """Whether the employee is temporarily dismissed, with kept rights — Pasal 53, 59."""
    lookup = Lookup(on)
    blocked = require_uu_20_2023(RULE, lookup)
    if blocked:
        return blocked
    try:
        spec = lookup.value("temporary_dismissal.reasons", facts.reason)
        reason_citation = lookup.cite("temporary_dismissal.reasons", facts.reason)
        reactivation_by = lookup.value("temporary_dismissal.reactivation_authority")
        reactivation_citation = lookup.cite("temporary_dismissal.reactivation_authority")
        office: dict[str, Any] | None = None
        office_citation = ""
        if facts.state_office is not None:
            office = lookup.value("state_offices", facts.state_office)
            office_citation = lookup.cite("state_offices", facts.state_office)
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)

    label_id, label_en = LABELS[facts.reason]
    citations = [reason_citation]
    if facts.employee_type.value not in spec["employee_types"]:
        return review(
            RULE,
            on,
            f"Pasal 53 ayat (1) provides temporary dismissal for a PNS only; the law does not "
            f"say what happens to a {facts.employee_type.value} {label_en}.",
            f"Pasal 53 ayat (1) hanya mengatur pemberhentian sementara bagi PNS; undang-undang "
            f"tidak mengatur {facts.employee_type.value} yang {label_id}.",
            citations=citations,
            lookup=lookup,
        )

    outcome: dict[str, Any] = {
        "temporarily_dismissed": True,
        "service_period_rights_kept": spec["service_period_rights_kept"],
        "reactivation_by": reactivation_by,
        "must_resign": False,
    }
    extra_id = extra_en = ""
    if office is not None and office.get("pejabat_negara", True) is False:
        return review(
            RULE,
            on,
            "a hakim ad hoc is not a pejabat negara (Pasal 58 huruf e), so Pasal 53 ayat (1) "
            "huruf a does not temporarily dismiss the PNS; UU 20/2023 sets no other rule for "
            "a PNS serving as hakim ad hoc, and what the law creating the court requires is "
            "not modelled.",
            "hakim ad hoc bukan pejabat negara (Pasal 58 huruf e), sehingga Pasal 53 ayat (1) "
            "huruf a tidak memberhentikan sementara PNS yang bersangkutan; UU 20/2023 tidak "
            "mengatur PNS yang menjadi hakim ad hoc, dan ketentuan undang-undang pembentuk "
            "pengadilannya tidak dimodelkan.",
            citations=[office_citation, reason_citation],
            outcome={
                "temporarily_dismissed": False,
                "pejabat_negara": False,
                "service_period_rights_kept": None,
                "reactivation_by": None,
                "must_resign": False,
            },
            lookup=lookup,
        )
    if office is not None:
        outcome["pejabat_negara"] = True
        outcome["return_rules_apply"] = bool(office["pasal_59_1"])
        if office["pasal_59_1"]:
            citations.append(office_citation)
            citations.append(pasal(59, 2))
            extra_id = (
                f" Jabatan ini tercantum dalam Pasal 59 ayat (1) huruf {office['pasal_59_1']}."
            )
            extra_en = f" The office is listed in Pasal 59(1)({office['pasal_59_1']})."
        elif office["elected"]:
            citations = [office_citation, pasal(59, 3)]
            outcome.update(
                {
                    "temporarily_dismissed": False,
                    "service_period_rights_kept": None,
                    "reactivation_by": None,
                    "must_resign": True,
                }
            )
            return Decision(
                rule=RULE,
                on=on,
                outcome=outcome,
                citations=citations,
                explanation_id=(
                    f"{office['label_id']} dipilih melalui pemilihan yang menurut Pasal 59 "
                    "ayat (3) mewajibkan Pegawai ASN mengundurkan diri secara tertulis sejak "
                    "ditetapkan sebagai calon; tidak ada pemberhentian sementara."
                ),
                explanation_en=(
                    "This office is reached through an election for which Pasal 59(3) "
                    "requires a Pegawai ASN to resign in writing once set as candidate; there "
                    "is no temporary dismissal."
                ),
                parameters_used=lookup.records,
            )
        else:
            # Pasal 53(1)(a) covers every pejabat negara; only the return rules of Pasal
            # 59(2) and 60, tied to the offices of Pasal 59(1), are left open.
            citations.append(office_citation)
            outcome["return_rules_apply"] = None
            extra_id = (
                " Jabatan ini pejabat negara menurut Pasal 58 tetapi tidak tercantum dalam "
                "Pasal 59 ayat (1); apakah ketentuan kembali ke jabatan ASN dan batas 5 tahun "
                "(Pasal 59 ayat (2), Pasal 60) berlaku saat jabatan berakhir perlu telaah "
                "hukum."
            )
            extra_en = (
                " The office is a pejabat negara of Pasal 58 but not listed in Pasal 59(1); "
                "whether the return to an ASN position and the 5-year limit (Pasal 59(2), 60) "
                "apply when it ends needs legal review."
            )
    if spec["service_period_rights_kept"]:
        citations.append(pasal(53, 1, penjelasan=True))
    citations.append(reactivation_citation)
    rights_id = {
        True: " Hak kepegawaian terkait masa kerja tetap dimiliki.",
        None: " Undang-undang tidak mengatur hak terkait masa kerja untuk alasan ini.",
        False: "",
    }[spec["service_period_rights_kept"]]
    rights_en = {
        True: " Rights tied to the period of service are kept.",
        None: " The law does not say whether service-period rights are kept here.",
        False: "",
    }[spec["service_period_rights_kept"]]
    status = f" ({facts.detention_status.value.lower()})" if facts.detention_status else ""
    explanation_id = (
        f"Pegawai diberhentikan sementara karena {label_id}{status}."
        f"{extra_id}{rights_id} Pengaktifan kembali oleh Pejabat Pembina "
        "Kepegawaian."
    )
    explanation_en = (
        f"The employee is temporarily dismissed: {label_en}{status}."
        f"{extra_en}{rights_en} Reactivation is by the Pejabat Pembina "
        "Kepegawaian."
    )
    return Decision(
        rule=RULE,
        on=on,
        outcome=outcome,
        citations=list(dict.fromkeys(citations)),
        explanation_id=explanation_id,
        explanation_en=explanation_en,
        parameters_used=lookup.records,
    )
