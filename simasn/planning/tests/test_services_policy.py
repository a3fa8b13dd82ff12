from __future__ import annotations

from typing import Any

import pytest

from simasn.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from simasn.core.models import AuditEvent
from simasn.planning import selectors, services
from simasn.planning.models import NeedsPolicy
from simasn.planning.tests.conftest import WEB, YEAR, World


def test_published_policy_is_read_only_and_audited(world: World) -> None:
    policy = world.policy
    assert policy.is_published and policy.published_by == world.menpan
    with pytest.raises(ConflictError):
        services.policy_update(actor=world.menpan, interface=WEB, policy=policy, title="Lain", basis="x",
                               pns_share_percent=50)
    with pytest.raises(ConflictError):
        services.policy_priority_add(actor=world.menpan, interface=WEB, policy=policy, job_family="digital",
                                     name="Talenta digital", target=1)
    policy.refresh_from_db()
    assert policy.pns_share_percent == 60 and policy.priorities.count() == 2
    events = AuditEvent.objects.filter(object_type="planning.needspolicy", object_id=str(policy.pk))
    assert events.filter(extra__transition="policy_published").exists()
    assert "UU 20/2023 Pasal 32 ayat (1)" in events.get(extra__transition="policy_published").citations


def test_publish_needs_a_priority(world: World) -> None:
    draft = services.policy_create(actor=world.menpan, interface=WEB, fiscal_year=YEAR + 1, title="K",
                                   basis="RPJMN", pns_share_percent=70)
    with pytest.raises(ApplicationError) as refused:
        services.policy_publish(actor=world.menpan, interface=WEB, policy=draft)
    assert refused.value.code == "no_priorities"


def test_new_version_copies_and_leaves_the_old_one(world: World) -> None:
    new = services.policy_new_version(actor=world.menpan, interface=WEB, policy=world.policy,
                                      change_note="Tambahan formasi talenta digital")
    assert new.version_no == 2 and new.status == NeedsPolicy.Status.DRAFT and new.previous == world.policy
    assert set(new.priorities.values_list("job_family", flat=True)) == {"guru", "kesehatan"}
    assert list(new.formasi_types.values_list("formasi_type", flat=True)) == ["DISABILITAS"]
    services.policy_priority_add(actor=world.menpan, interface=WEB, policy=new, job_family="digital",
                                 name="Talenta digital", target=5_000)
    # Until the new version is set, the plans follow version 1.
    assert selectors.current_policy(YEAR) == world.policy
    services.policy_publish(actor=world.menpan, interface=WEB, policy=new)
    assert selectors.current_policy(YEAR) == new
    assert world.policy.priorities.count() == 2


def test_only_kemenpanrb_sets_policy_and_others_see_only_published(world: World) -> None:
    with pytest.raises(PermissionDeniedError):
        services.policy_create(actor=world.operator, interface=WEB, fiscal_year=YEAR + 2, title="x", basis="x",
                               pns_share_percent=10)
    draft = services.policy_create(actor=world.menpan, interface=WEB, fiscal_year=YEAR + 2, title="x",
                                   basis="x", pns_share_percent=10)
    assert draft in selectors.policy_list(viewer=world.menpan)
    for viewer in (world.operator, world.bkn, world.ppk):
        visible = list(selectors.policy_list(viewer=viewer))
        assert world.policy in visible and draft not in visible


@pytest.mark.parametrize("share", [101, -1])
def test_share_out_of_range_is_refused(world: World, share: Any) -> None:
    with pytest.raises(ApplicationError) as refused:
        services.policy_create(actor=world.menpan, interface=WEB, fiscal_year=YEAR + 3, title="x", basis="x",
                               pns_share_percent=share)
    assert "pns_share_percent" in refused.value.fields
