"""Issue 12 item 1: employees past the TMT pensiun with no decision are seen, and no action
may take effect after the service ended (UU 20/2023 Pasal 52 ayat (3) huruf c, Pasal 55)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from simasn.actions import selectors, services
from simasn.actions.legal import LegalRefusal
from simasn.actions.models import ActionType, RetirementOverdueFlag
from simasn.actions.worklist import instansi_worklist
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.testing.factories import EmployeeFactory

WEB = Interface.WEB


def _months_back(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def _late(world, *, months_late: int = 1, name: str = "Wardaya Sinaga", on: dt.date):
    """A pelaksana (BUP 58) whose TMT pensiun was ``months_late`` months before ``on``'s month."""
    born = _months_back(on, 12 * 58 + months_late + 1).replace(day=12)
    return EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos,
                           name=name, birth_date=born)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_appointment_after_the_tmt_pensiun_is_refused_with_its_article(world):
    on = dt.date(2026, 12, 1)
    wardaya = EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos,
                              birth_date=dt.date(1968, 10, 12))  # BUP 58 → TMT pensiun 1 Nov 2026
    with pytest.raises(LegalRefusal) as refused:
        services.action_draft(actor=world.operator, interface=WEB, action_type=ActionType.APPOINTMENT,
                              employee_id=wardaya.pk, position_id=world.admin_pos.pk,
                              tmt=dt.date(2026, 11, 11), on=on)
    error = refused.value
    assert error.code == "after_service_end"
    assert "UU 20/2023 Pasal 52 ayat (3) huruf c" in error.message
    assert "1 November 2026" in error.message
    assert error.fields["tmt"]
    assert AuditEvent.objects.filter(action="refused", subject_employee_id=wardaya.pk).exists()
    # Before the end of service the same appointment is lawful; the retirement itself always is.
    services.action_draft(actor=world.operator, interface=WEB, action_type=ActionType.APPOINTMENT,
                          employee_id=wardaya.pk, position_id=world.admin_pos.pk,
                          tmt=dt.date(2026, 10, 1), on=dt.date(2026, 9, 1))
    retire = services.action_draft(actor=world.operator, interface=WEB, action_type=ActionType.RETIREMENT,
                                   employee_id=wardaya.pk, on=on)
    assert retire.tmt == dt.date(2026, 11, 1)


def test_the_decision_re_checks_the_end_of_service(world):
    """A draft made in time cannot be decided once its TMT lies after the end of service."""
    employee = EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos,
                               birth_date=dt.date(1968, 10, 12))
    action = services.action_draft(actor=world.operator, interface=WEB, action_type=ActionType.TRANSFER,
                                   employee_id=employee.pk, position_id=world.admin_pos.pk,
                                   tmt=dt.date(2026, 10, 1), on=dt.date(2026, 9, 1))
    services.action_propose(actor=world.pyb, interface=WEB, action_id=action.pk, on=dt.date(2026, 9, 2))
    # The TMT (1 Oct) is still inside service (ends 31 Oct): deciding late is still allowed.
    services.action_decide(actor=world.ppk, interface=WEB, action_id=action.pk, on=dt.date(2026, 12, 1))


def test_overdue_list_worklist_and_register_bucket(world):
    on = timezone.localdate()
    late = _late(world, on=on)
    drafted = _late(world, months_late=8, name="Mulyono Tarihoran", on=on)
    decided = _late(world, months_late=2, name="Sudah Diputuskan", on=on)
    services.action_draft(actor=world.operator, interface=WEB, action_type=ActionType.RETIREMENT,
                          employee_id=drafted.pk, on=on)
    done = services.action_draft(actor=world.operator, interface=WEB, action_type=ActionType.RETIREMENT,
                                 employee_id=decided.pk, on=on)
    services.action_propose(actor=world.pyb, interface=WEB, action_id=done.pk, on=on)
    services.action_decide(actor=world.ppk, interface=WEB, action_id=done.pk, on=on)
    decided.refresh_from_db()

    overdue = list(selectors.retirement_overdue(viewer=world.operator, on=on))
    # Oldest TMT first; a draft does not take anyone off the list, a decision does.
    assert [e.pk for e in overdue] == [drafted.pk, late.pk]
    assert selectors.tmt_pensiun_of(overdue[1]) == _months_back(on, 1)
    assert list(selectors.retirement_overdue(viewer=world.other_ppk, on=on)) == []

    data = instansi_worklist(viewer=world.operator, on=on)
    assert [e.pk for e in data["overdue"]] == [drafted.pk, late.pk]
    assert data["overdue"][0].open_types == ["RETIREMENT"]
    assert late.pk not in {e.pk for e in data["bup"]}

    page = _client(world.operator).get("/tindakan/daftar-kerja/").content.decode()
    assert page.index("Melewati batas usia pensiun") < page.index("Mencapai batas usia pensiun dalam 12 bulan")
    assert "Wardaya Sinaga" in page and 'class="late"' in page

    register = _client(world.operator).get("/tindakan/pensiun/").content.decode()
    assert 'data-testid="overdue-bucket"' in register and "Terlambat: 2 pegawai" in register
    bucket = _client(world.operator).get("/tindakan/pensiun/?kelompok=terlambat")
    assert "Wardaya Sinaga" in bucket.content.decode() and "Mulyono Tarihoran" in bucket.content.decode()
    response = _client(world.operator).get("/tindakan/pensiun/?kelompok=terlambat&format=csv")
    csv = b"".join(response.streaming_content).decode()
    assert "Wardaya Sinaga" in csv and "Sudah Diputuskan" not in csv

    projection = _client(world.operator).get("/tindakan/pensiun/proyeksi/").content.decode()
    assert 'data-testid="projection-overdue"' in projection
    assert selectors.retirement_overdue_counts(viewer=world.operator, on=on) == {"PELAKSANA": 2}


def test_this_months_overdue_are_counted_once_in_the_projection(world):
    """Found in the browser walk (issue 12 item 1): after the 1st, an employee whose TMT pensiun
    was the 1st of this month is overdue and was counted both in the overdue bucket and in
    this month's period — 8 overdue plus 1 in "Desember 2026 – November 2027" for 8 people."""
    on = timezone.localdate()

    def counts() -> tuple[int, int]:
        context = _client(world.operator).get("/tindakan/pensiun/proyeksi/").context
        return (context["overdue"]["total"] if context["overdue"] else 0), context["summary"][0]["total"]

    overdue_before, this_period_before = counts()
    _late(world, months_late=0, name="Garan Manullang", on=on)
    assert counts() == (overdue_before + 1, this_period_before)
    # A decided retirement this month is not overdue and stays in this month's period.
    decided = _late(world, months_late=0, name="Sudah Diputuskan", on=on)
    done = services.action_draft(actor=world.operator, interface=WEB, action_type=ActionType.RETIREMENT,
                                 employee_id=decided.pk, on=on)
    services.action_propose(actor=world.pyb, interface=WEB, action_id=done.pk, on=on)
    services.action_decide(actor=world.ppk, interface=WEB, action_id=done.pk, on=on)
    assert counts() == (overdue_before + 1, this_period_before + 1)


def test_the_daily_job_flags_and_never_retires(world):
    on = timezone.localdate()
    late = _late(world, on=on)
    flags = services.retirement_overdue_flag(on=on)
    assert len(flags) == 1
    flag = RetirementOverdueFlag.objects.get(pk=flags[0])
    assert (flag.employee_id, flag.tmt_pensiun, flag.instansi_id) == (late.pk, _months_back(on, 1), world.instansi.pk)
    late.refresh_from_db()
    assert late.status == "AKTIF"
    event = AuditEvent.objects.get(action="flagged", subject_employee_id=late.pk)
    assert "UU 20/2023 Pasal 52 ayat (3) huruf c" in event.citations
    # The reason is read on the audit page: the TMT written the table's way, not ISO (item 13).
    assert _months_back(on, 1).strftime("%d/%m/%Y") in event.reason
    # Idempotent: the next day's run adds nothing.
    assert services.retirement_overdue_flag(on=on + dt.timedelta(days=1)) == []
    assert AuditEvent.objects.filter(action="flagged").count() == 1
