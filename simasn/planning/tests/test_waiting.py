"""What waits for each planning role on the dashboard (simasn.planning.waiting)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import translation

from simasn.core.interfaces import Interface
from simasn.planning import services
from simasn.planning.tests.conftest import World, new_plan
from simasn.planning.waiting import waiting_for

WEB = Interface.WEB


def _counts(viewer: object) -> dict[str, int]:
    return {item.label: item.count for item in waiting_for(viewer=viewer)}  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _indonesian() -> Iterator[None]:
    """The labels are compared in Indonesian, whatever an earlier test left active."""
    with translation.override("id"):
        yield


def test_each_role_sees_its_next_step(world: World) -> None:
    plan = new_plan(world)
    line = services.line_add(actor=world.operator, interface=WEB, plan=plan, position_id=world.position.pk,
                             workload_hours=Decimal("6250"), job_family="guru")
    services.proposal_set(actor=world.operator, interface=WEB, line=line, employee_type="PNS",
                          formasi_type="UMUM", proposed_count=1, entry_rank="III/a")
    ready = "Rencana kebutuhan siap Anda usulkan kepada Menteri PANRB"
    review = "Usulan kebutuhan ASN menunggu penelaahan dan penetapan"
    returned = "Rencana kebutuhan dikembalikan KemenPANRB untuk diperbaiki"
    assert _counts(world.ppk)[ready] == 1 and _counts(world.menpan)[review] == 0
    services.plan_submit(actor=world.ppk, interface=WEB, plan=plan)
    assert _counts(world.ppk)[ready] == 0 and _counts(world.menpan)[review] == 1
    services.plan_return(actor=world.menpan, interface=WEB, plan=plan, note="Lengkapi ABK.")
    items = {item.label: item for item in waiting_for(viewer=world.operator)}
    assert items[returned].count == 1 and items[returned].urgent
    assert _counts(world.other_operator).get(returned, 0) == 0
    client = Client()
    client.force_login(world.operator)
    assert returned in client.get("/").content.decode()
