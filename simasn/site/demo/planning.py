"""Demo: needs planning for fiscal year 2027, through the real services.

- KemenPANRB's national needs policy 2027 (published, login `menpan`) with priority job
  families and special formasi types;
- Kota Bandung's plan: drafted by `operator.bandung` with formasi proposed, waiting for
  `ppk.bandung` to propose it;
- Kabupaten Bogor: proposed, partly reviewed by KemenPANRB (waits for `menpan`);
- Provinsi Jawa Barat: returned for correction;
- Kabupaten Kupang and Kementerian Pendidikan Dasar dan Menengah: decided (penetapan
  kebutuhan) — the formasi procurement reads through `planning.approved_formasi`.
Holders and retirements come from the demo register; workloads are set so that each
position needs a few more people than it has.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from simasn.accounts.models import User
from simasn.accounts.roles import Role
from simasn.accounts.services import user_create
from simasn.core.interfaces import Interface
from simasn.law import parameters
from simasn.organization.models import Instansi
from simasn.personnel.models import Employee
from simasn.planning import selectors, services
from simasn.planning.models import FormasiProposal, NeedsPlan, NeedsPolicy
from simasn.positions.models import Position
from simasn.site.demo_support import DEMO_PASSWORD

C = Interface.CLI
YEAR = 2027

PRIORITIES = [
    ("guru", "Guru", 120_000, "Pemenuhan guru sekolah negeri (RPJMN: wajib belajar 13 tahun)"),
    ("kesehatan", "Tenaga kesehatan", 60_000, "Dokter dan tenaga kesehatan puskesmas dan RSUD"),
    ("digital", "Talenta digital", 15_000, "Pranata komputer dan analis data untuk layanan digital (Pasal 63)"),
]
SPECIAL = [("LULUSAN_TERBAIK", 2_000), ("DISABILITAS", 3_000), ("PUTRA_PUTRI_PAPUA", 1_500)]
#: position code in the demo catalogue → job family
FAMILY = {"FUNG-GURU": "guru", "FUNG-DOKTER": "kesehatan", "FUNG-KOMP": "digital", "PLK-DATA": "digital"}
#: instansi code → (operator, PPK, budget ceiling in rupiah a year, final state)
PLANS = {
    "KOTA-BANDUNG": ("operator.bandung", "ppk.bandung", 1_500_000_000, NeedsPlan.Status.DRAFT),
    "KAB-BOGOR": ("operator.bogor", "ppk.bogor", 1_200_000_000, NeedsPlan.Status.SUBMITTED),
    "PROV-JABAR": ("operator.jabar", "ppk.jabar", 1_000_000_000, NeedsPlan.Status.RETURNED),
    "KAB-KUPANG": ("operator.kupang", "ppk.kupang", 900_000_000, NeedsPlan.Status.DECIDED),
    "KEMENDIKDASMEN": ("operator.kemendikdasmen", "ppk.kemendikdasmen", 1_400_000_000, NeedsPlan.Status.DECIDED),
}
#: (position code, extra people needed, [(employee type, formasi type, count, entry rank)])
LINES = [
    ("FUNG-GURU", 6, [("PPPK", "UMUM", 3, "IX"), ("PNS", "UMUM", 2, "III/a"), ("PNS", "DISABILITAS", 1, "III/a")]),
    ("FUNG-DOKTER", 2, [("PNS", "UMUM", 1, "III/b"), ("PNS", "LULUSAN_TERBAIK", 1, "III/b")]),
    ("FUNG-KOMP", 2, [("PPPK", "UMUM", 2, "V")]),
    ("PLK-DATA", 1, [("PPPK", "UMUM", 1, "V")]),
]


def _user(username: str, role: Role, instansi: Instansi, actor: User) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = user_create(actor=actor, interface=C, username=username, password=DEMO_PASSWORD, role=role,
                           full_name=f"{'Operator' if role == Role.OPERATOR else 'PPK'} {instansi.name}",
                           instansi_id=instansi.pk)
    return user


def _policy(menpan: User) -> NeedsPolicy:
    existing = selectors.current_policy(YEAR)
    if existing is not None:
        return existing
    policy = services.policy_create(
        actor=menpan, interface=C, fiscal_year=YEAR, title=f"Kebijakan Perencanaan Kebutuhan ASN Nasional {YEAR}",
        basis=("Prioritas nasional RPJMN 2025-2029 (pendidikan, kesehatan, transformasi digital) dan kemampuan "
               "keuangan negara menurut kerangka ekonomi makro dan pokok-pokok kebijakan fiskal 2027."),
        pns_share_percent=55, national_target=250_000)
    for code, name, target, note in PRIORITIES:
        services.policy_priority_add(actor=menpan, interface=C, policy=policy, job_family=code, name=name,
                                     target=target, note=note)
    for formasi_type, target in SPECIAL:
        services.policy_formasi_type_add(actor=menpan, interface=C, policy=policy, formasi_type=formasi_type,
                                         target=target)
    return services.policy_publish(actor=menpan, interface=C, policy=policy)


def _plan(code: str, menpan: User, actor: User, stdout: Any) -> None:
    instansi = Instansi.objects.filter(code=code).first()
    if instansi is None or NeedsPlan.objects.filter(instansi=instansi, fiscal_year=YEAR).exists():
        return
    operator_name, ppk_name, ceiling, final = PLANS[code]
    operator = _user(operator_name, Role.OPERATOR, instansi, actor)
    ppk = _user(ppk_name, Role.PPK, instansi, actor)
    plan = services.plan_create(actor=operator, interface=C, instansi_id=instansi.pk, fiscal_year=YEAR,
                                budget_ceiling=Decimal(ceiling))
    hours = Decimal(parameters.value("needs.effective_hours_per_year", on=dt.date(YEAR, 1, 1)))
    for position_code, extra, proposals in LINES:
        position = Position.objects.filter(instansi=instansi, code=position_code).first()
        if position is None:
            continue
        holders = Employee.objects.filter(position=position, status="AKTIF").count()
        line = services.line_add(actor=operator, interface=C, plan=plan, position_id=position.pk,
                                 workload_hours=hours * (holders + extra) - hours / 4,
                                 job_family=FAMILY.get(position_code, "lainnya"))
        room = max(line.gap, 0)
        for employee_type, formasi_type, count, rank in proposals:
            count = min(count, room)
            if count <= 0:
                break
            services.proposal_set(actor=operator, interface=C, line=line, employee_type=employee_type,
                                  formasi_type=formasi_type, proposed_count=count, entry_rank=rank)
            room -= count
    if final == NeedsPlan.Status.DRAFT:
        return
    plan = services.plan_submit(actor=ppk, interface=C, plan=plan)
    for reviewed, proposal in enumerate(FormasiProposal.objects.filter(line__plan=plan).order_by("id")):
        if final == NeedsPlan.Status.SUBMITTED and reviewed >= 2:
            break
        item = selectors.proposal_get(viewer=menpan, pk=proposal.pk)
        approved = item.proposed_count if reviewed % 3 else max(item.proposed_count - 1, 0)
        note = "" if approved == item.proposed_count else "Sebagian dipenuhi melalui redistribusi pegawai."
        services.proposal_review(actor=menpan, interface=C, proposal=item, approved_count=approved, review_note=note)
    if final == NeedsPlan.Status.RETURNED:
        plan = services.plan_return(actor=menpan, interface=C, plan=plan,
                             note="Lengkapi hasil ABK jabatan guru per satuan pendidikan.")
    elif final == NeedsPlan.Status.DECIDED:
        number = f"B/{100 + plan.pk}/M.SM.01.00/2026"
        plan = services.plan_decide(actor=menpan, interface=C, plan=plan, decision_number=number,
                             decision_date=timezone.localdate(), signer="Rini Widyantini")
    stdout.write(f"    {instansi.name}: {plan.get_status_display()}")


def seed(*, actor: User, stdout: Any) -> None:
    menpan = User.objects.filter(username="menpan").first()
    if menpan is None:
        return
    _policy(menpan)
    for code in PLANS:
        _plan(code, menpan, actor, stdout)
