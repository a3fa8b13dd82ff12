"""The superior's view of their team's development plans (qualified grant: the plans of the
employees they appraise) and LAN's national roll-up of JP compliance per instansi."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from simasn.accounts.policy import QUALIFIED, Action, Qualifier, Reach, Resource
from simasn.accounts.roles import Role
from simasn.accounts.scope import Scope
from simasn.core import providers
from simasn.core.errors import NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.learning import development, selectors
from simasn.learning.tests.conftest import add
from simasn.testing.factories import EmployeeFactory, InstansiFactory, pppk, user_with_role

pytestmark = pytest.mark.django_db
W = Interface.WEB
YEAR = 2025
#: employee id -> appraiser employee id, as the performance chapter would answer.
APPRAISERS: dict[int, int] = {}


def fake_appraisers(*, employee_ids: list[int], year: int) -> dict[int, int]:
    return {i: APPRAISERS[i] for i in employee_ids if i in APPRAISERS and year == YEAR}


def _text(response: Any) -> str:
    return b"".join(response.streaming_content).decode("utf-8-sig")


@pytest.fixture
def chapters(monkeypatch: Any) -> Any:
    APPRAISERS.clear()
    monkeypatch.setitem(providers.PROVIDERS, "performance.appraisers", f"{__name__}.fake_appraisers")
    return APPRAISERS


def test_a_superior_reads_the_plans_of_the_employees_they_appraise_and_no_others(
        chapters: dict[int, int], instansi: Any, operator: Any) -> None:
    boss, member, outsider, other_boss = (EmployeeFactory(instansi=instansi) for _ in range(4))
    chapters.update({member.pk: boss.pk, outsider.pk: other_boss.pk})
    mine = development.development_plan_prepare(actor=operator, interface=W, employee_id=member.pk, year=YEAR)
    theirs = development.development_plan_prepare(actor=operator, interface=W, employee_id=outsider.pk, year=YEAR)
    assert mine.appraiser_id == boss.pk  # taken from the year's SKP, never typed
    superior = user_with_role(Role.PEGAWAI, employee=boss)
    assert QUALIFIED[Role.PEGAWAI][Resource.DEVELOPMENT_TEAM] == Qualifier.APPRAISED_BY_ME
    assert Scope.of(superior).reach(Resource.DEVELOPMENT_TEAM, Action.VIEW) == Reach.SELF
    assert Scope.of(superior).reach(Resource.DEVELOPMENT_TEAM, Action.UPDATE) == Reach.NONE
    assert list(selectors.development_team_plans(viewer=superior)) == [mine]
    assert selectors.development_plan_get(viewer=superior, pk=mine.pk) == mine
    with pytest.raises(NotFoundError):
        selectors.development_plan_get(viewer=superior, pk=theirs.pk)
    # Reading is all: the superior cannot change the appraisee's plan.
    with pytest.raises(NotFoundError):
        development.development_need_add(actor=superior, interface=W, plan=mine, source="PERFORMANCE",
                                         competency="X", planned_form="KURSUS", planned_jp="4")
    # An employee who appraises nobody has no team; the appraisee does not see their superior's.
    assert not selectors.development_team_plans(viewer=user_with_role(Role.PEGAWAI, employee=member)).exists()
    # Officials keep their instansi-wide view through DEVELOPMENT_PLAN, not this grant.
    assert Scope.of(user_with_role(Role.PPK, instansi=instansi)).reach(Resource.DEVELOPMENT_TEAM,
                                                                        Action.VIEW) == Reach.NONE
    # A new appraiser (the SKP changed) takes the plan over when it is prepared again.
    chapters[member.pk] = other_boss.pk
    development.development_plan_prepare(actor=operator, interface=W, employee_id=member.pk, year=YEAR)
    assert not selectors.development_team_plans(viewer=superior).exists()


def test_the_team_page_shows_planned_against_done(chapters: dict[int, int], instansi: Any, operator: Any) -> None:
    boss, member = EmployeeFactory(instansi=instansi), EmployeeFactory(instansi=instansi)
    chapters[member.pk] = boss.pk
    plan = development.development_plan_prepare(actor=operator, interface=W, employee_id=member.pk, year=YEAR)
    done = development.development_need_add(actor=operator, interface=W, plan=plan, source="PERFORMANCE",
                                            competency="Analisis data", planned_form="KURSUS", planned_jp="4")
    development.development_need_add(actor=operator, interface=W, plan=plan, source="PERFORMANCE",
                                     competency="Pelayanan publik", planned_form="KURSUS", planned_jp="6")
    development.development_record_link(actor=operator, interface=W, need=done,
                                        record=add(operator, member, jp="5", on=dt.date(YEAR, 5, 2)))
    client = Client()
    client.force_login(user_with_role(Role.PEGAWAI, employee=boss))
    page = client.get(reverse("learning:plan_team") + f"?year={YEAR}").content.decode()
    assert member.full_name in page and "1 / 2" in page  # one need of two done
    assert reverse("learning:plan_detail", args=[plan.pk]) in page
    detail = client.get(reverse("learning:plan_detail", args=[plan.pk]))
    assert detail.status_code == 200 and "Tambah kebutuhan pengembangan" not in detail.content.decode()
    exported = _text(client.get(reverse("learning:plan_team") + f"?year={YEAR}&format=csv"))
    row = next(r for r in csv.DictReader(io.StringIO(exported)) if r["NIP"] == member.nip)
    assert (row["Kebutuhan"], row["Kebutuhan selesai"], row["JP direncanakan"]) == ("2", "1", "10.0")
    # Someone who appraises nobody sees an empty team, not an error.
    lonely = Client()
    lonely.force_login(user_with_role(Role.PEGAWAI, employee=member))
    assert "Belum ada rencana pengembangan pegawai yang Anda nilai" in lonely.get(
        reverse("learning:plan_team") + f"?year={YEAR}").content.decode()


def test_lan_sees_the_national_roll_up_per_instansi(operator: Any, instansi: Any) -> None:
    on = dt.date(YEAR, 12, 31)
    met, behind = EmployeeFactory(instansi=instansi), EmployeeFactory(instansi=instansi)
    add(operator, met, jp="20", on=dt.date(YEAR, 6, 1))
    add(operator, behind, jp="19", on=dt.date(YEAR, 6, 1))
    over = pppk(instansi=instansi, contract_start=dt.date(YEAR, 1, 1))
    add(operator, over, jp="25", on=dt.date(YEAR, 6, 1))
    quiet = InstansiFactory()
    EmployeeFactory(instansi=quiet)  # nobody has a record there: plain zeros
    lan = user_with_role(Role.LAN)
    lines = {x.instansi_id: x for x in selectors.jp_compliance_national(viewer=lan, on=on)}
    line = lines[instansi.pk]
    assert (line.employees, line.pns, line.pns_met, line.pns_behind, line.pppk, line.pppk_over) == (3, 2, 1, 1, 1, 1)
    assert line.pns_share == 50.0
    assert (lines[quiet.pk].pns, lines[quiet.pk].pns_met, lines[quiet.pk].pns_behind) == (1, 0, 1)
    # An operator's reach is their instansi: one line; an employee has no roll-up.
    assert [x.instansi_id for x in selectors.jp_compliance_national(viewer=operator, on=on)] == [instansi.pk]
    with pytest.raises(PermissionDeniedError):
        selectors.jp_compliance_national(viewer=user_with_role(Role.PEGAWAI, employee=met), on=on)

    client = Client()
    client.force_login(lan)
    url = reverse("learning:compliance") + f"?on={on.isoformat()}"
    page = client.get(url).content.decode()
    assert "Kepatuhan JP nasional per instansi" in page and instansi.name in page
    assert met.full_name not in page  # counts only, no names
    exported = _text(client.get(url + "&format=csv"))
    row = next(r for r in csv.DictReader(io.StringIO(exported)) if r["Kode"] == instansi.code)
    assert (row["PNS memenuhi"], row["PNS belum/tidak memenuhi"], row["PPPK melebihi batas"]) == ("1", "1", "1")
    xlsx = client.get(url + "&format=xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    # The instansi's per-employee list is one click away.
    assert met.full_name in client.get(url + f"&instansi={instansi.pk}").content.decode()
