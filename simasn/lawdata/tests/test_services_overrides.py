"""Adding an administrator version of a legal parameter."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from simasn.accounts.roles import Role
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.law import evaluate, parameters
from simasn.lawdata.models import ParameterOverride
from simasn.lawdata.services import parameter_override_create
from simasn.testing.factories import user_with_role

pytestmark = pytest.mark.django_db


def _data(**extra: Any) -> dict[str, Any]:
    return {
        "name": "bup.functional_level",
        "valid_from": dt.date(2027, 1, 1),
        "value": {"AHLI_MADYA": 62},
        "regulation": "PP 99/2026",
        "article": "12",
        "ayat": "2",
        "last_verified_on": dt.date(2026, 11, 20),
        "reason": "PP 99/2026 menaikkan BUP ahli madya.",
        **extra,
    }


def _retirement(on: dt.date, birth_date: dt.date = dt.date(1967, 3, 10)) -> Any:
    return evaluate(
        "retirement",
        {
            "employee_type": "PNS",
            "position_kind": "FUNGSIONAL",
            "functional_level": "AHLI_MADYA",
            "birth_date": birth_date,
        },
        on,
    )


def test_admin_adds_a_version_that_applies_from_its_date() -> None:
    admin = user_with_role(Role.ADMIN)
    obj = parameter_override_create(actor=admin, interface=Interface.WEB, data=_data())

    # Only the named key changed; the other levels keep the value in force.
    assert obj.value["AHLI_MADYA"] == 62 and obj.value["AHLI_UTAMA"] == 65
    # The BUP is the law's on the day the age is reached: 60 reached in 2026 keeps the old
    # version; 60 reached in March 2027 falls under the new one, whenever it is asked.
    before = _retirement(dt.date(2026, 12, 31), birth_date=dt.date(1966, 6, 10))
    after = _retirement(dt.date(2027, 1, 1))
    assert before.outcome["retirement_age"] == 60
    assert after.outcome["retirement_age"] == 62
    assert _retirement(dt.date(2026, 12, 31)).outcome["retirement_age"] == 62
    assert "PP 99/2026 Pasal 12 ayat (2)" in after.citations

    event = AuditEvent.objects.get(action=AuditAction.PARAMETER_VERSION_ADDED)
    assert event.object_id == str(obj.pk)
    assert event.citations == ["PP 99/2026 Pasal 12 ayat (2)"]
    assert event.changes["after"]["value"]["AHLI_MADYA"] == 62
    assert event.reason.startswith("PP 99/2026")
    assert event.interface == Interface.WEB


def test_the_history_shows_the_override_next_to_the_yaml() -> None:
    parameter_override_create(
        actor=user_with_role(Role.KEMENPANRB), interface=Interface.API, data=_data()
    )
    history = parameters.history("bup.functional_level")
    assert history[-2].end == dt.date(2026, 12, 31)
    assert (
        history[-1].is_override
        and history[-1].source == f"override:{ParameterOverride.objects.get().pk}"
    )


def test_a_later_row_on_the_same_day_corrects_an_earlier_one() -> None:
    admin = user_with_role(Role.ADMIN)
    parameter_override_create(actor=admin, interface=Interface.WEB, data=_data())
    parameter_override_create(
        actor=admin,
        interface=Interface.WEB,
        data=_data(value={"AHLI_MADYA": 61}, reason="Koreksi salah ketik."),
    )
    assert _retirement(dt.date(2027, 6, 1)).outcome["retirement_age"] == 61


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.PPK, Role.BKN, Role.PEGAWAI, Role.LAN])
def test_other_roles_may_not_add_versions(role: Role) -> None:
    with pytest.raises(PermissionDeniedError):
        parameter_override_create(actor=user_with_role(role), interface=Interface.WEB, data=_data())
    assert not ParameterOverride.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.PARAMETER_VERSION_ADDED).exists()


def test_unknown_parameter_is_refused() -> None:
    with pytest.raises(ApplicationError) as caught:
        parameter_override_create(
            actor=user_with_role(Role.ADMIN), interface=Interface.WEB, data=_data(name="bup.nope")
        )
    assert "name" in caught.value.fields


def test_keys_outside_the_enum_are_refused() -> None:
    with pytest.raises(ApplicationError) as caught:
        parameter_override_create(
            actor=user_with_role(Role.ADMIN),
            interface=Interface.WEB,
            data=_data(value={"KEPALA_SEKSI": 60}),
        )
    assert "value" in caught.value.fields
    assert not ParameterOverride.objects.exists()


def test_a_value_of_another_shape_is_refused() -> None:
    with pytest.raises(ApplicationError) as caught:
        parameter_override_create(
            actor=user_with_role(Role.ADMIN),
            interface=Interface.WEB,
            data=_data(name="dismissal.min_prison_sentence_years", value="dua tahun"),
        )
    assert "value" in caught.value.fields


def test_until_before_from_is_refused() -> None:
    with pytest.raises(ApplicationError) as caught:
        parameter_override_create(
            actor=user_with_role(Role.ADMIN),
            interface=Interface.WEB,
            data=_data(valid_until=dt.date(2026, 1, 1)),
        )
    assert caught.value.code == "validation"


def test_reason_and_regulation_are_required() -> None:
    with pytest.raises(ApplicationError) as caught:
        parameter_override_create(
            actor=user_with_role(Role.ADMIN),
            interface=Interface.WEB,
            data=_data(reason="", regulation=""),
        )
    assert {"reason", "regulation"} <= set(caught.value.fields)
