from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from simasn.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from simasn.core.models import AuditEvent
from simasn.core.providers import provide
from simasn.law import basic_salary, people_needed
from simasn.personnel.models import Employee
from simasn.planning import selectors, services
from simasn.planning.models import NeedsPlan
from simasn.planning.tests.conftest import WEB, YEAR, World, new_plan


def _line(world: World, plan: Any, hours: str = "6250") -> Any:
    return services.line_add(actor=world.operator, interface=WEB, plan=plan, position_id=world.position.pk,
                             workload_hours=Decimal(hours), job_family="guru")


def test_line_counts_need_holders_and_retirements_by_the_law(world: World) -> None:
    plan = new_plan(world)
    line = _line(world, plan)
    assert line.abk_need == people_needed(workload_hours=Decimal("6250"), on=dt.date(YEAR, 1, 1))
    assert line.holders == 2                    # the retired employee is not a holder
    assert line.retirements == 1                # BUP 58 reached in June 2027
    assert line.gap == line.abk_need - 2 + 1
    assert any("Pasal 32 ayat (3)" in c for c in line.citations)
    assert any("Pasal 55" in c for c in line.citations)


def test_plan_needs_a_published_policy(world: World) -> None:
    with pytest.raises(ApplicationError) as refused:
        services.plan_create(actor=world.operator, interface=WEB, instansi_id=world.instansi.pk,
                             fiscal_year=YEAR + 5, budget_ceiling=Decimal(1))
    assert refused.value.code == "no_policy"


def test_operator_plans_only_for_own_instansi(world: World) -> None:
    with pytest.raises(PermissionDeniedError):
        services.plan_create(actor=world.other_operator, interface=WEB, instansi_id=world.instansi.pk,
                             fiscal_year=YEAR, budget_ceiling=Decimal(1))
    plan = new_plan(world)
    assert plan not in selectors.plan_list(viewer=world.other_operator)


def test_proposal_is_costed_from_the_salary_table(world: World) -> None:
    plan = new_plan(world)
    line = _line(world, plan)
    proposal = services.proposal_set(actor=world.operator, interface=WEB, line=line, employee_type="PNS",
                                     formasi_type="UMUM", proposed_count=2, entry_rank="III/a")
    assert proposal is not None
    expected = basic_salary(employee_type="PNS", rank="III/a", masa_kerja_years=0, is_cpns=True,
                            on=dt.date(YEAR, 1, 1))
    assert expected and proposal.monthly_salary == expected
    assert proposal.annual_cost == expected * 12 * 2
    assert "PP" in proposal.salary_citation


def test_proposal_refusals(world: World) -> None:
    plan = new_plan(world)
    line = _line(world, plan)
    kwargs: dict[str, Any] = {"actor": world.operator, "interface": WEB, "line": line, "entry_rank": "III/a"}
    with pytest.raises(ApplicationError) as over:
        services.proposal_set(**kwargs, employee_type="PNS", formasi_type="UMUM", proposed_count=line.gap + 1)
    assert over.value.code == "over_gap"
    with pytest.raises(ApplicationError) as closed_type:
        services.proposal_set(**kwargs, employee_type="PNS", formasi_type="DIASPORA", proposed_count=1)
    assert "formasi_type" in closed_type.value.fields
    services.proposal_set(**kwargs, employee_type="PNS", formasi_type="DISABILITAS", proposed_count=1)
    services.proposal_set(**kwargs, employee_type="PNS", formasi_type="UMUM", proposed_count=1)
    with pytest.raises(ApplicationError) as rank:
        services.proposal_set(**{**kwargs, "entry_rank": "IX"}, employee_type="PNS", formasi_type="UMUM",
                              proposed_count=1)
    assert rank.value.code == "salary_unknown"
    # A position not designated for PPPK (Pasal 34 ayat (2)).
    closed_line = services.line_add(actor=world.operator, interface=WEB, plan=plan,
                                    position_id=world.closed_position.pk, workload_hours=Decimal("2500"),
                                    job_family="lainnya")
    with pytest.raises(ApplicationError) as filling:
        services.proposal_set(actor=world.operator, interface=WEB, line=closed_line, employee_type="PPPK",
                              formasi_type="UMUM", proposed_count=1, entry_rank="IX")
    assert filling.value.code == "filling_not_allowed"


def _proposed_plan(world: World, ceiling: int = 5_000_000_000) -> tuple[Any, Any, Any]:
    plan = new_plan(world, ceiling)
    line = _line(world, plan)
    pns = services.proposal_set(actor=world.operator, interface=WEB, line=line, employee_type="PNS",
                                formasi_type="UMUM", proposed_count=2, entry_rank="III/a")
    pppk = services.proposal_set(actor=world.operator, interface=WEB, line=line, employee_type="PPPK",
                                 formasi_type="UMUM", proposed_count=1, entry_rank="IX")
    return plan, pns, pppk


def test_submit_checks_the_budget_ceiling_and_the_role(world: World) -> None:
    plan, pns, pppk = _proposed_plan(world, ceiling=1_000)
    with pytest.raises(PermissionDeniedError):
        services.plan_submit(actor=world.operator, interface=WEB, plan=plan)
    with pytest.raises(ApplicationError) as over:
        services.plan_submit(actor=world.ppk, interface=WEB, plan=plan)
    assert over.value.code == "over_budget"
    assert NeedsPlan.objects.get(pk=plan.pk).status == NeedsPlan.Status.DRAFT
    cost = pns.annual_cost + pppk.annual_cost
    services.plan_update(actor=world.operator, interface=WEB, plan=plan, budget_ceiling=cost)
    plan = services.plan_submit(actor=world.ppk, interface=WEB, plan=plan)
    assert plan.status == NeedsPlan.Status.SUBMITTED
    with pytest.raises(ConflictError):
        services.plan_update(actor=world.operator, interface=WEB, plan=plan, budget_ceiling=Decimal(1))


def test_national_roles_see_a_plan_only_once_proposed(world: World) -> None:
    plan, _pns, _pppk = _proposed_plan(world)
    assert plan not in selectors.plan_list(viewer=world.menpan)
    services.plan_submit(actor=world.ppk, interface=WEB, plan=plan)
    assert plan in selectors.plan_list(viewer=world.menpan)
    assert plan in selectors.plan_list(viewer=world.bkn)


def test_review_and_decision_give_the_approved_formasi(world: World) -> None:
    plan, pns, pppk = _proposed_plan(world)
    services.plan_submit(actor=world.ppk, interface=WEB, plan=plan)
    with pytest.raises(ApplicationError):
        services.proposal_review(actor=world.menpan, interface=WEB, proposal=pns, approved_count=3)
    with pytest.raises(ApplicationError) as no_reason:
        services.proposal_review(actor=world.menpan, interface=WEB, proposal=pns, approved_count=1)
    assert "review_note" in no_reason.value.fields
    with pytest.raises(PermissionDeniedError):
        services.proposal_review(actor=world.ppk, interface=WEB, proposal=pns, approved_count=2)
    services.proposal_review(actor=world.menpan, interface=WEB, proposal=pns, approved_count=1,
                             review_note="Sebagian dipenuhi dari redistribusi pegawai.")
    today = timezone.localdate()
    decide = {"actor": world.menpan, "interface": WEB, "decision_number": "B/123/M.SM.01.00/2026",
              "decision_date": today, "signer": "Menteri PANRB"}
    with pytest.raises(ApplicationError) as pending:
        services.plan_decide(plan=plan, **decide)
    assert pending.value.code == "not_reviewed"
    services.proposal_review(actor=world.menpan, interface=WEB, proposal=pppk, approved_count=0,
                             review_note="Jabatan diisi PNS.")
    with pytest.raises(ApplicationError) as early:
        services.plan_decide(plan=plan, **{**decide, "decision_date": today - dt.timedelta(days=1)})
    assert "decision_date" in early.value.fields
    plan = services.plan_decide(plan=plan, **decide)
    assert plan.status == NeedsPlan.Status.DECIDED
    formasi = provide("planning.approved_formasi", fiscal_year=YEAR, default=None)
    assert formasi == [{"id": pns.pk, "fiscal_year": YEAR, "instansi_id": world.instansi.pk,
                        "position_id": world.position.pk, "employee_type": "PNS", "formasi_type": "UMUM",
                        "count": 1, "decided_on": today}]
    assert provide("planning.approved_formasi", fiscal_year=YEAR, instansi_ids=[world.other.pk]) == []
    decided = AuditEvent.objects.get(object_type="planning.needsplan", object_id=str(plan.pk),
                                     extra__transition="plan_decided")
    assert decided.instansi_id == world.instansi.pk and decided.changes["approved"] == 1
    # Decided is final.
    with pytest.raises(ConflictError):
        services.line_add(actor=world.operator, interface=WEB, plan=plan, position_id=world.closed_position.pk,
                          workload_hours=Decimal(1), job_family="guru")


def test_returned_plan_can_be_corrected_and_proposed_again(world: World) -> None:
    plan, pns, _pppk = _proposed_plan(world)
    services.plan_submit(actor=world.ppk, interface=WEB, plan=plan)
    services.proposal_review(actor=world.menpan, interface=WEB, proposal=pns, approved_count=2)
    with pytest.raises(ApplicationError):
        services.plan_return(actor=world.menpan, interface=WEB, plan=plan, note=" ")
    plan = services.plan_return(actor=world.menpan, interface=WEB, plan=plan, note="Lengkapi ABK.")
    assert plan.status == NeedsPlan.Status.RETURNED
    line = plan.lines.get()
    services.line_refresh(actor=world.operator, interface=WEB, line=line)
    plan = services.plan_submit(actor=world.ppk, interface=WEB, plan=plan)
    pns.refresh_from_db()
    assert plan.status == NeedsPlan.Status.SUBMITTED and pns.approved_count is None


def test_refresh_follows_the_register(world: World) -> None:
    plan = new_plan(world)
    line = _line(world, plan)
    Employee.objects.filter(position=world.position, birth_date=dt.date(1990, 1, 5)).update(status="BERHENTI")
    line = services.line_refresh(actor=world.operator, interface=WEB, line=line)
    assert line.holders == 1 and line.gap == line.abk_need - 1 + 1
