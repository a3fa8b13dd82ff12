"""The legal ground of each recorded step that no rule decides: what the audit trail cites.

A rule (``simasn.law.evaluate``) answers a question and cites the articles its answer rests
on. Many steps of the processes decide nothing legal — an SKP agreed, a work-culture
activity recorded, a vacancy opened, a talent pool refreshed — but the audit trail still
names the article that gives the step its place in the law. Those articles live here, as
:class:`~simasn.law.parameters.Reference` values like every other citation of the law
package, so that services cite ``grounds.cite(Ground.WORK_CULTURE)`` and never write an
article by hand (a test greps the services for hand-written citations).

Adding a step: add a member to :class:`Ground` and its references to ``_GROUNDS`` (the
order of the references is the order of the citations); a test checks that every member
has at least one reference.
"""

from __future__ import annotations

from enum import StrEnum

from simasn.law.parameters.schema import Reference

UU_ASN = "UU 20/2023"
PERMENPANRB_SKP = "PermenPANRB 6/2022"
PERMENPANRB_PENGADAAN = "PermenPANRB 6/2024"


def _uu(article: str, ayat: str | None = None, huruf: str | None = None) -> Reference:
    return Reference(regulation=UU_ASN, article=article, ayat=ayat, huruf=huruf)


class Ground(StrEnum):
    """Steps the processes record, each with the articles it rests on (``cite``)."""

    #: The register of Pegawai ASN and its NIP (personnel, bulk import).
    EMPLOYEE_REGISTER = "EMPLOYEE_REGISTER"
    #: The PPK and the PyB of an instansi (organization app).
    OFFICIALS = "OFFICIALS"
    #: Jabatan ASN: managerial and non-managerial positions (positions app).
    POSITIONS = "POSITIONS"
    #: Past the BUP with no decided end: the daily job flags the case (actions).
    RETIREMENT_OVERDUE = "RETIREMENT_OVERDUE"
    #: Needs of ASN: the national needs (the Minister's policy of a fiscal year).
    NEEDS_NATIONAL = "NEEDS_NATIONAL"
    #: Needs of ASN: an instansi's plan sent back for review.
    NEEDS_REVIEW = "NEEDS_REVIEW"
    #: Needs of ASN: the needs of an instansi, set from its plan.
    NEEDS_INSTANSI = "NEEDS_INSTANSI"
    #: Needs of ASN: an instansi's plan (its needs and the formasi it proposes).
    NEEDS_PLAN = "NEEDS_PLAN"
    #: Procurement: announcing and opening a selection.
    PROCUREMENT_OPEN = "PROCUREMENT_OPEN"
    #: Procurement opens only a decided formasi; no non-ASN is hired.
    PROCUREMENT_FORMASI = "PROCUREMENT_FORMASI"
    #: Procurement: the public announcement.
    PROCUREMENT_ANNOUNCEMENT = "PROCUREMENT_ANNOUNCEMENT"
    #: Procurement: one application per selection period.
    PROCUREMENT_ONE_APPLICATION = "PROCUREMENT_ONE_APPLICATION"
    #: Procurement: administrative selection (verification of documents).
    PROCUREMENT_ADMINISTRATIVE = "PROCUREMENT_ADMINISTRATIVE"
    #: Procurement: the SKD passing thresholds.
    PROCUREMENT_SKD = "PROCUREMENT_SKD"
    #: Procurement: the final result.
    PROCUREMENT_FINAL = "PROCUREMENT_FINAL"
    #: Procurement: appointment of the successful candidates (CPNS/PPPK, NIP).
    PROCUREMENT_APPOINTMENT = "PROCUREMENT_APPOINTMENT"
    #: Performance: the SKP in the organisation's plan.
    PERFORMANCE_PLAN = "PERFORMANCE_PLAN"
    #: Performance: the content of a plan (results, indicators).
    PERFORMANCE_PLAN_CONTENT = "PERFORMANCE_PLAN_CONTENT"
    #: Performance: the leader's expectation of a result.
    PERFORMANCE_EXPECTATION = "PERFORMANCE_EXPECTATION"
    #: Performance: the performance dialogue and feedback.
    PERFORMANCE_DIALOGUE = "PERFORMANCE_DIALOGUE"
    #: Performance: ratings (PermenPANRB 6/2022).
    PERFORMANCE_RATING = "PERFORMANCE_RATING"
    #: Performance: the distribution of ratings in a unit.
    PERFORMANCE_DISTRIBUTION = "PERFORMANCE_DISTRIBUTION"
    #: Performance: a "tidak berkinerja" case for a human to decide.
    PERFORMANCE_NOT_PERFORMING = "PERFORMANCE_NOT_PERFORMING"
    #: Work culture: activities on the core values and the code of ethics.
    WORK_CULTURE = "WORK_CULTURE"
    #: Talent management.
    TALENT = "TALENT"
    #: Talent pool priority for JPT and other positions.
    TALENT_POOL = "TALENT_POOL"
    #: Competency development: an employee's development plan.
    DEVELOPMENT_PLAN = "DEVELOPMENT_PLAN"
    #: Competency development needs taken from the performance ratings.
    DEVELOPMENT_FROM_PERFORMANCE = "DEVELOPMENT_FROM_PERFORMANCE"
    #: Rewards and recognition.
    REWARDS = "REWARDS"
    #: Satyalancana Karya Satya: candidates and proposals.
    SATYALANCANA = "SATYALANCANA"
    #: Upaya administratif: the outcome of an objection or appeal.
    ADMINISTRATIVE_REMEDY = "ADMINISTRATIVE_REMEDY"


_GROUNDS: dict[Ground, tuple[Reference, ...]] = {
    Ground.EMPLOYEE_REGISTER: (_uu("7"),),
    Ground.OFFICIALS: (_uu("29"), _uu("30")),
    Ground.POSITIONS: (_uu("13"), _uu("14"), _uu("18")),
    Ground.RETIREMENT_OVERDUE: (_uu("52", "3", "c"), _uu("55")),
    Ground.NEEDS_NATIONAL: (_uu("32", "1"),),
    Ground.NEEDS_REVIEW: (_uu("32", "2"),),
    Ground.NEEDS_INSTANSI: (_uu("32", "3"),),
    Ground.NEEDS_PLAN: (_uu("32", "3"), _uu("35")),
    Ground.PROCUREMENT_OPEN: (_uu("37"),),
    Ground.PROCUREMENT_FORMASI: (_uu("65"), _uu("66")),
    Ground.PROCUREMENT_ANNOUNCEMENT: (_uu("37"), Reference(regulation=PERMENPANRB_PENGADAAN)),
    Ground.PROCUREMENT_ONE_APPLICATION: (
        Reference(regulation=PERMENPANRB_PENGADAAN, note="satu lamaran per periode seleksi"),),
    Ground.PROCUREMENT_ADMINISTRATIVE: (
        Reference(regulation=PERMENPANRB_PENGADAAN, note="seleksi administrasi"),),
    Ground.PROCUREMENT_SKD: (
        Reference(regulation="KepmenPANRB tentang nilai ambang batas SKD",
                  note="tahun anggaran seleksi"),),
    Ground.PROCUREMENT_FINAL: (Reference(regulation=PERMENPANRB_PENGADAAN, article="22", ayat="1"),),
    Ground.PROCUREMENT_APPOINTMENT: (_uu("38"), _uu("7"), _uu("65"), _uu("66")),
    Ground.PERFORMANCE_PLAN: (_uu("43"),),
    Ground.PERFORMANCE_PLAN_CONTENT: (_uu("42"), _uu("43")),
    Ground.PERFORMANCE_EXPECTATION: (_uu("42", huruf="c"),),
    Ground.PERFORMANCE_DIALOGUE: (_uu("42", huruf="e"),),
    Ground.PERFORMANCE_RATING: (Reference(regulation=PERMENPANRB_SKP),),
    Ground.PERFORMANCE_DISTRIBUTION: (Reference(regulation=PERMENPANRB_SKP, lampiran=""),),
    Ground.PERFORMANCE_NOT_PERFORMING: (_uu("52", "3", "f"), _uu("44")),
    Ground.WORK_CULTURE: (_uu("39"), _uu("3"), _uu("4")),
    Ground.TALENT: (_uu("46"),),
    Ground.TALENT_POOL: (_uu("47"),),
    Ground.DEVELOPMENT_PLAN: (_uu("49"),),
    Ground.DEVELOPMENT_FROM_PERFORMANCE: (_uu("49"), _uu("44")),
    Ground.REWARDS: (_uu("21", "2"),),
    Ground.SATYALANCANA: (Reference(regulation="PP 25/1994", article="4"),),
    Ground.ADMINISTRATIVE_REMEDY: (Reference(regulation="PP 79/2021"),),
}


#: Regulations cited by short name, with their full title (a decree's "Mengingat").
REGULATION_TITLES: tuple[tuple[str, str], ...] = (
    ("UU 20/2023", "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"),
    ("UU 5/2014", "Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara"),
    ("UU 14/2005", "Undang-Undang Nomor 14 Tahun 2005 tentang Guru dan Dosen"),
    ("PP 11/2017", "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil"),
    ("PP 17/2020", "Peraturan Pemerintah Nomor 17 Tahun 2020 tentang Perubahan atas PP 11/2017"),
    ("PP 49/2018", "Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen PPPK"),
    ("PP 79/2021", "Peraturan Pemerintah Nomor 79 Tahun 2021 tentang Upaya Administratif dan "
                   "Badan Pertimbangan ASN"),
    ("PP 94/2021", "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin PNS"),
)


def regulation_title(citation: str) -> str:
    """The full title of the regulation a citation names, or the citation itself."""
    return next((title for short, title in REGULATION_TITLES if citation.startswith(short)), citation)


def references(ground: Ground) -> tuple[Reference, ...]:
    """The references a step rests on, most specific first."""
    return _GROUNDS[ground]


def _cite(reference: Reference) -> str:
    # A regulation cited without an article names the part of it meant.
    if reference.note and not reference.article:
        return f"{reference.cite()} ({reference.note})"
    return reference.cite()


def cite(*grounds: Ground) -> list[str]:
    """The citations of one or more steps, in order, each once."""
    return list(dict.fromkeys(_cite(ref) for ground in grounds for ref in _GROUNDS[ground]))
