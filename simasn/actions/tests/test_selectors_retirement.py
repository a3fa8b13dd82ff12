from __future__ import annotations

import datetime as dt
from collections import Counter

from simasn.accounts.roles import Role
from simasn.actions import selectors, services
from simasn.actions.models import ActionType
from simasn.actions.worklist import instansi_worklist
from simasn.core.interfaces import Interface
from simasn.law import retirement_date
from simasn.testing.factories import EmployeeFactory, PositionFactory, pppk, user_with_role

from .conftest import TODAY


def _people(world):
    guru = PositionFactory(unit=world.unit, kind="FUNGSIONAL", functional_level="AHLI_PERTAMA",
                           functional_family="GURU")
    madya = PositionFactory(unit=world.unit, kind="FUNGSIONAL", functional_level="AHLI_MADYA",
                            functional_family="ANALIS_KEBIJAKAN")
    jpt = PositionFactory(unit=world.unit, kind="JPT_PRATAMA", open_to_pppk=False)
    people = [world.employee]
    births = [dt.date(1967, 1, 31), dt.date(1967, 12, 1), dt.date(1968, 6, 15), dt.date(1969, 3, 3),
              dt.date(1970, 7, 7), dt.date(1966, 11, 30), dt.date(1975, 1, 1)]
    for i, birth in enumerate(births):
        position = [guru, madya, jpt, world.pelaksana_pos, world.admin_pos][i % 5]
        people.append(EmployeeFactory(instansi=world.instansi, unit=world.unit, position=position,
                                      birth_date=birth, rank=["III/a", "IV/a", "IV/c"][i % 3]))
    # Out of service and out of scope: never counted.
    EmployeeFactory(instansi=world.instansi, position=jpt, birth_date=dt.date(1967, 5, 5), status="PENSIUN")
    EmployeeFactory(instansi=world.other_instansi, birth_date=dt.date(1969, 5, 5),
                    position=PositionFactory(kind="PELAKSANA"))
    return people


def test_projection_matches_the_law_per_employee(world):
    people = _people(world)
    rows = selectors.projection_rows(selectors.retirement_projection(
        viewer=world.operator, years=6, on=TODAY))
    got = Counter()
    for row in rows:
        got[(row["tmt_year"], row["tmt_month"], row["position_kind"])] += row["total"]
    expected = Counter()
    for e in people:
        p = e.position
        tmt = retirement_date(employee_type=e.employee_type, position_kind=p.kind, birth_date=e.birth_date,
                              functional_level=p.functional_level or None,
                              functional_family=p.functional_family if p.functional_family in ("GURU", "DOSEN", "PROFESOR") else None,
                              on=TODAY)
        first = dt.date(TODAY.year, TODAY.month, 1)
        if tmt and first <= tmt < dt.date(TODAY.year + 6, TODAY.month, 1):
            expected[(tmt.year, tmt.month, p.kind)] += 1
    assert got == expected
    assert sum(expected.values()) >= 5


def test_projection_is_one_query_and_scoped(world, django_assert_num_queries):
    _people(world)
    qs = selectors.retirement_projection(viewer=world.operator, years=5, on=TODAY)
    with django_assert_num_queries(1):
        list(qs)
    national = user_with_role(Role.BKN)
    total_national = sum(r["total"] for r in selectors.retirement_projection(viewer=national, years=5, on=TODAY))
    total_local = sum(r["total"] for r in qs)
    assert total_national > total_local
    pegawai = user_with_role(Role.PEGAWAI, employee=world.employee)
    assert list(selectors.retirement_projection(viewer=pegawai, years=5, on=TODAY)) == []
    assert "CASE" in str(qs.query).upper()


def test_register_and_worklist(world):
    worker = pppk(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos,
                  contract_end=dt.date(2027, 3, 31))
    register = list(selectors.retirement_register(viewer=world.operator, on=TODAY, months=12))
    assert world.employee in register
    first = register[register.index(world.employee)]
    assert (first.tmt_year, first.tmt_month) == (2027, 1)
    services.action_draft(actor=world.operator, interface=Interface.WEB, action_type=ActionType.RETIREMENT,
                          employee_id=world.employee.pk, on=TODAY)
    data = instansi_worklist(viewer=world.operator, on=TODAY)
    bup = {e.pk: e for e in data["bup"]}
    assert bup[world.employee.pk].open_types == ["RETIREMENT"]
    assert worker in data["contracts"]


def test_worklist_flags_detained_and_returning_officials(world):
    detained = EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos)
    action = services.action_draft(actor=world.operator, interface=Interface.WEB,
                                   action_type=ActionType.TEMPORARY_DISMISSAL, employee_id=detained.pk,
                                   facts={"reason": "DITAHAN", "detention_status": "TERDAKWA"},
                                   tmt=dt.date(2026, 1, 5), on=TODAY)
    services.action_propose(actor=world.pyb, interface=Interface.WEB, action_id=action.pk, on=TODAY)
    services.action_decide(actor=world.ppk, interface=Interface.WEB, action_id=action.pk, on=TODAY)
    services.apply_due_actions(on=TODAY)
    later = TODAY + dt.timedelta(days=200)
    data = instansi_worklist(viewer=world.operator, on=later)
    assert [a.pk for a in data["detained"]] == [action.pk]

    official = EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos)
    away = services.action_draft(actor=world.operator, interface=Interface.WEB,
                                 action_type=ActionType.TEMPORARY_DISMISSAL, employee_id=official.pk,
                                 facts={"reason": "PEJABAT_NEGARA", "state_office": "KPK"},
                                 tmt=dt.date(2019, 12, 20), on=TODAY)
    services.action_propose(actor=world.pyb, interface=Interface.WEB, action_id=away.pk, on=TODAY)
    services.action_decide(actor=world.ppk, interface=Interface.WEB, action_id=away.pk, on=TODAY)
    services.apply_due_actions(on=TODAY)
    back = services.action_draft(actor=world.operator, interface=Interface.WEB,
                                 action_type=ActionType.REACTIVATION, employee_id=official.pk,
                                 facts={"office_ended_on": dt.date(2022, 3, 1)}, tmt=TODAY, on=TODAY)
    assert back.legal_outcome["return_from_state_office"]["status"] == "WAITING"
    services.action_propose(actor=world.pyb, interface=Interface.WEB, action_id=back.pk, on=TODAY)
    services.action_decide(actor=world.ppk, interface=Interface.WEB, action_id=back.pk, on=TODAY)
    services.apply_due_actions(on=TODAY)
    official.refresh_from_db()
    assert official.status == "AKTIF"
    # Reactivated but without a position: the Pasal 60 deadline (1 March 2027) is near.
    official.position = None
    official.save()
    data = instansi_worklist(viewer=world.operator, on=TODAY)
    assert [a.pk for a in data["returned"]] == [back.pk]
    assert data["returned"][0].deadline == dt.date(2027, 3, 1)
