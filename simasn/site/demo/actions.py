"""Demo personnel actions: every state, SK PDFs for the decided ones, a transfer waiting
for the receiving instansi and a JPT madya appointment only the President's office
(login ``presiden``) can decide."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, cast

from django.db.models import Count, F, Q
from django.utils import timezone

from simasn.accounts.models import User
from simasn.actions import services
from simasn.actions.models import ActionType, PersonnelAction
from simasn.actions.summary import latest_refresh, refresh_retirement_summary
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.personnel.models import Employee
from simasn.positions.models import Position

CLI = Interface.CLI


def _user(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def _employees(instansi: str, kind: str, used: set[int]) -> list[Employee]:
    return [e for e in Employee.objects.filter(instansi__code=instansi, position__kind=kind, status="AKTIF",
                                               employee_type="PNS").order_by("id") if e.pk not in used]


def _first(candidates: list[Employee], make: Callable[[Employee], PersonnelAction],
           used: set[int], stdout: Any) -> PersonnelAction | None:
    for employee in candidates:
        try:
            action = make(employee)
        except ApplicationError as error:
            stdout.write(f"  (lewati {employee}: {error.message[:80]})\n")
            continue
        used.add(employee.pk)
        return action
    return None


def seed(*, actor: User, stdout: Any) -> None:
    if latest_refresh() is None:  # the national projection page reads it
        refresh = refresh_retirement_summary(actor=actor, interface=CLI)
        stdout.write(f"  ringkasan pensiun nasional: {refresh.employees} pegawai\n")
    if PersonnelAction.objects.exists():
        return
    operator, pyb, ppk = _user("operator.bandung"), _user("pyb.bandung"), _user("ppk.bandung")
    if not (operator and pyb and ppk):
        stdout.write("  demo tindakan dilewati: pengguna demo Bandung belum ada\n")
        return
    today = timezone.localdate()
    used: set[int] = set()
    # The demo employee (login pegawai.bandung, see accounts/demo.py) gets the effective
    # change of position below, so that the employee's own view shows an SK.
    own = Employee.objects.filter(instansi__code="KOTA-BANDUNG", employee_type="PNS").order_by("id").first()
    if own:
        used.add(own.pk)

    def draft(**kwargs: Any) -> PersonnelAction:
        return services.action_draft(actor=operator, interface=CLI, **kwargs)

    def propose(action: PersonnelAction) -> PersonnelAction:
        return services.action_propose(actor=pyb, interface=CLI, action_id=action.pk)

    def decide(action: PersonnelAction) -> PersonnelAction:
        return services.action_decide(actor=ppk, interface=CLI, action_id=action.pk)

    # DRAFT: retirement of a pengawas (the operator continues it in the demo).
    _first(_employees("KOTA-BANDUNG", "PENGAWAS", used),
           lambda e: draft(action_type=ActionType.RETIREMENT, employee_id=e.pk), used, stdout)
    # PROPOSED: retirement of a pelaksana.
    act = _first(_employees("KOTA-BANDUNG", "PELAKSANA", used),
                 lambda e: draft(action_type=ActionType.RETIREMENT, employee_id=e.pk), used, stdout)
    if act:
        propose(act)
    # DECIDED with an SK and a future TMT: a functional official reaching BUP later.
    future = [e for e in _employees("KOTA-BANDUNG", "FUNGSIONAL", used)]
    act = _first(future, lambda e: draft(action_type=ActionType.DISMISSAL, employee_id=e.pk,
                                         facts={"own_request": True},
                                         tmt=today + dt.timedelta(days=45),
                                         notes="Surat permohonan pengunduran diri tanggal " + today.isoformat()),
                 used, stdout)
    if act:
        decide(propose(act))
    # EFFECTIVE: change of position within the instansi, TMT already passed.
    target = Position.objects.filter(instansi__code="KOTA-BANDUNG", code="PLK-DATA").first()
    pool = ([own] if own and own.status == "AKTIF" else []) + _employees("KOTA-BANDUNG", "PELAKSANA", used)
    if own:
        used.discard(own.pk)
    act = _first([e for e in pool if target and e.position_id != target.pk and e.pk not in used],
                 # Only called for a non-empty pool, which needs ``target``.
                 lambda e: draft(action_type=ActionType.APPOINTMENT, employee_id=e.pk,
                                 position_id=cast(Position, target).pk,
                                 tmt=today - dt.timedelta(days=20)), used, stdout)
    if act:
        decide(propose(act))
    # EFFECTIVE: temporary dismissal of a detained employee (shows in the worklist later).
    act = _first(_employees("KOTA-BANDUNG", "PELAKSANA", used),
                 lambda e: draft(action_type=ActionType.TEMPORARY_DISMISSAL, employee_id=e.pk,
                                 facts={"reason": "DITAHAN", "detention_status": "TERSANGKA"},
                                 tmt=today - dt.timedelta(days=120)), used, stdout)
    if act:
        decide(propose(act))
    # REJECTED and WITHDRAWN, each with its reason.
    act = _first(_employees("KOTA-BANDUNG", "FUNGSIONAL", used),
                 lambda e: draft(action_type=ActionType.TEMPORARY_DISMISSAL, employee_id=e.pk,
                                 facts={"reason": "CUTI_DILUAR_TANGGUNGAN_NEGARA"},
                                 tmt=today + dt.timedelta(days=30)), used, stdout)
    if act:
        services.action_reject(actor=ppk, interface=CLI, action_id=propose(act).pk,
                               reason="Permohonan cuti di luar tanggungan negara belum disetujui.")
    act = _first(_employees("KOTA-BANDUNG", "FUNGSIONAL", used),
                 lambda e: draft(action_type=ActionType.CANDIDACY_RESIGNATION, employee_id=e.pk,
                                 facts={"election": "BUPATI_WALIKOTA_WAKIL",
                                        "candidate_set_on": today + dt.timedelta(days=60)}), used, stdout)
    if act:
        services.action_withdraw(actor=operator, interface=CLI, action_id=act.pk,
                                 reason="Pegawai tidak jadi ditetapkan sebagai calon.")
    # A transfer to Kabupaten Bogor, proposed and waiting for Bogor's PPK to accept.
    bogor = Position.objects.filter(instansi__code="KAB-BOGOR", code="PLK-ADM").first()
    act = _first(_employees("KOTA-BANDUNG", "PELAKSANA", used) if bogor else [],
                 # Only called for a non-empty list, which needs ``bogor``.
                 lambda e: draft(action_type=ActionType.TRANSFER, employee_id=e.pk,
                                 position_id=cast(Position, bogor).pk,
                                 tmt=today + dt.timedelta(days=60)), used, stdout)
    if act:
        propose(act)
    # The President's case: a JPT pratama of BKN appointed JPT madya (Pasal 29 ayat (1)).
    operator_bkn = _user("operator.bkn")
    # A madya office with a free seat (the law refuses an appointment without a vacancy).
    madya = (Position.objects.filter(instansi__code="BKN", kind="JPT_MADYA")
             .annotate(held=Count("holders", filter=Q(holders__status__in=["AKTIF", "DIBERHENTIKAN_SEMENTARA"])))
             .filter(held__lt=F("seats")).order_by("code").first())
    if operator_bkn and madya:
        candidates = _employees("BKN", "JPT_PRATAMA", used)
        _first(candidates, lambda e: services.action_draft(
            actor=operator_bkn, interface=CLI, action_type=ActionType.APPOINTMENT, employee_id=e.pk,
            position_id=madya.pk, tmt=today + dt.timedelta(days=30),
            notes="Hasil seleksi terbuka JPT madya"), used, stdout)
    applied = services.apply_due_actions(on=today)
    stdout.write(f"  tindakan kepegawaian: {PersonnelAction.objects.count()} (diberlakukan {len(applied)})\n")
