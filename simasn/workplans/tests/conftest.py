"""Shared set-up: the national institutions, one user per role, a published Arah Kebijakan."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from simasn.accounts.roles import Role
from simasn.core.interfaces import Interface
from simasn.testing.factories import InstitutionFactory, user_with_role
from simasn.workplans import detection, services
from simasn.workplans.overlap import model, store

W = Interface.WEB
KASN_END = dt.date(2024, 10, 15)


@pytest.fixture(autouse=True)
def _fresh_detector() -> Any:
    """The detector in force is cached per process by database ids, which a rolled-back test
    may hand out again: each test starts from the database it sees."""
    detection.invalidate()
    yield
    detection.invalidate()


@pytest.fixture
def quick_training(monkeypatch: pytest.MonkeyPatch) -> None:
    """Training on the first labelled file (55 pairs) and 500 random pairings: for the tests
    of the learning loop's mechanics (a version stored, audited and used; a glossary version
    in force at once), which take ~2 s a training instead of ~30 s on the 7,958 seed pairs
    and 20,000 pairings. What the model learns is measured in test_overlap_detector.py on
    the whole seed."""
    monkeypatch.setattr(store, "SEED_PAIR_FILES", ("early.yaml",))
    monkeypatch.setattr(model, "RANDOM_NEGATIVES", 500)
    monkeypatch.setattr(store, "_baselines", {})


@pytest.fixture
def institutions(db: Any) -> dict[str, Any]:
    rows = [
        ("KEMENPANRB", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "KemenPANRB", True,
         dt.date(1959, 7, 10), None),
        ("BKN", "Badan Kepegawaian Negara", "BKN", True, dt.date(1948, 5, 30), None),
        ("LAN", "Lembaga Administrasi Negara", "LAN", True, dt.date(1957, 8, 6), None),
        ("KASN", "Komisi Aparatur Sipil Negara", "KASN", True, dt.date(2014, 1, 15), KASN_END),
        ("BAPPENAS", "Kementerian PPN/Bappenas", "Bappenas", False, dt.date(1963, 1, 1), None),
        ("KEMENKEU", "Kementerian Keuangan", "Kemenkeu", False, dt.date(1945, 8, 19), None),
        ("PRESIDEN", "Kantor Presiden", "Presiden", False, dt.date(1945, 8, 18), None),
    ]
    return {code: InstitutionFactory(code=code, name=name, short_name=short, is_sync_participant=part,
                                     valid_from=start, valid_until=end)
            for code, name, short, part, start, end in rows}


class Users:
    def __init__(self, inst: dict[str, Any]) -> None:
        self.minister = user_with_role(Role.KEMENPANRB, username="menpan")
        self.minister.email = "deputi@menpan.example"
        self.minister.save()
        self.planner = {}
        self.secretary = {}
        for code in ("KEMENPANRB", "BKN", "LAN", "KASN"):
            self.planner[code] = user_with_role(Role.PERENCANA, institution=inst[code],
                                                username=f"perencana.{code.lower()}")
            self.planner[code].email = f"perencana@{code.lower()}.example"
            self.planner[code].save()
            self.secretary[code] = user_with_role(Role.KEPALA_SEKRETARIAT, institution=inst[code],
                                                  username=f"sekretariat.{code.lower()}")
        self.bappenas = user_with_role(Role.BAPPENAS, username="bappenas")
        self.kemenkeu = user_with_role(Role.KEMENKEU, username="kemenkeu")
        self.presiden = user_with_role(Role.PRESIDEN, username="presiden")


@pytest.fixture
def users(institutions: dict[str, Any]) -> Users:
    return Users(institutions)



@pytest.fixture
def draft(users: Users, django_capture_on_commit_callbacks: Any) -> Any:
    """BKN's draft in an annual cycle whose agenda has been sent."""
    from simasn.workplans.models import Draft, PlanScope

    policy = make_policy(users.minister, 2025, 2029)
    cycle = services.cycle_create(actor=users.minister, interface=W, title="Renja 2027", scope_kind=PlanScope.TAHUNAN,
                                  year_start=2027, year_end=2027, reference_date=dt.date(2025, 9, 1),
                                  starts_on=dt.date(2025, 9, 1), ends_on=dt.date(2025, 12, 1), policy=policy)
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_send(actor=users.minister, interface=W, cycle=cycle, letter_number="1",
                             letter_date=cycle.starts_on, draft_deadline=cycle.starts_on + dt.timedelta(days=14), meeting_plan="", body="x")
    return Draft.objects.get(cycle=cycle, institution__code="BKN")


def make_policy(minister: Any, year_start: int = 2024, year_end: int = 2028, publish: bool = True) -> Any:
    policy = services.policy_create(actor=minister, interface=W, title="Arah Kebijakan Manajemen ASN",
                                    year_start=year_start, year_end=year_end)
    years = range(year_start, year_end + 1)
    spec = [
        ("P1", "Manajemen talenta ASN", "Talenta ASN terpetakan dan termobilisasi",
         [("I1", "Persentase instansi yang menerapkan manajemen talenta", "persen")]),
        ("P2", "Sistem merit dan integritas ASN", "Sistem merit diterapkan di seluruh instansi",
         [("I2", "Indeks sistem merit nasional", "indeks"), ("I3", "Jumlah pengaduan pelanggaran merit yang diselesaikan", "kasus")]),
        ("P3", "Pengembangan kompetensi ASN", "ASN memperoleh 20 JP per tahun",
         [("I4", "Persentase ASN yang memenuhi 20 JP", "persen")]),
    ]
    for code, name, target, indicators in spec:
        program = services.policy_program_add(actor=minister, interface=W, policy=policy, code=code, name=name,
                                              strategic_target=target)
        for icode, iname, unit in indicators:
            services.policy_indicator_add(actor=minister, interface=W, program=program, code=icode, name=iname,
                                          unit=unit, baseline=Decimal("50"),
                                          targets={y: Decimal(50 + 5 * (y - year_start + 1)) for y in years})
    if publish:
        policy = services.policy_publish(actor=minister, interface=W, policy=policy)
    return policy


#: code → [(program code, policy program, [(activity code, name, indicator, budget)])]
ACTIVITIES = {
    "KEMENPANRB": [("PR1", "P1", [("K1", "Penyusunan kebijakan manajemen talenta nasional ASN", "I1", 2_500_000_000),
                                  ("K2", "Penyusunan kebijakan sistem penggajian ASN", None, 1_000_000_000)])],
    "BKN": [("PR1", "P1", [("B1", "Penyusunan regulasi manajemen talenta ASN secara nasional", "I1", 1_750_000_000),
                           ("B2", "Pelaksanaan seleksi CASN dengan computer assisted test", None, 9_000_000_000)]),
            ("PR9", None, [("B9", "Pengelolaan sarana dan prasarana kantor", None, 300_000_000)])],
    "LAN": [("PR3", "P3", [("L1", "Penyelenggaraan pelatihan kepemimpinan nasional tingkat I untuk JPT", "I4",
                            4_000_000_000)])],
    "KASN": [("PR2", "P2", [("S1", "Penanganan pengaduan atas pelanggaran sistem merit", "I3", 800_000_000)])],
}


def fill_draft(planner: Any, draft: Any) -> None:
    from simasn.workplans.models import PolicyIndicator, PolicyProgram

    for pcode, ppcode, acts in ACTIVITIES[draft.institution.code]:
        pp = PolicyProgram.objects.get(policy=draft.cycle.policy, code=ppcode) if ppcode else None
        program = services.draft_program_add(actor=planner, interface=W, draft=draft, code=pcode,
                                             name=f"Program {pcode}", policy_program=pp)
        for code, name, icode, budget in acts:
            indicator = PolicyIndicator.objects.get(program=pp, code=icode) if icode else None
            services.activity_add(actor=planner, interface=W, program=program, data={
                "code": code, "name": name, "indicator": indicator, "output": f"Dokumen {name.lower()}",
                "target": Decimal("1"), "target_unit": "dokumen", "budget": budget,
                "unit_in_charge": "Biro Perencanaan"})
