from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.archiving import model_archive
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.core.services import model_create, model_update
from simasn.law.enums import InstansiKind, PositionKind
from simasn.law.grounds import Ground, cite
from simasn.organization.models import Instansi, Unit
from simasn.positions.models import Position

CITATIONS = tuple(cite(Ground.POSITIONS))


def _check(data: dict[str, Any]) -> None:
    unit = Unit.objects.filter(pk=data["unit_id"]).first() if data.get("unit_id") else None
    if unit is None or unit.instansi_id != data.get("instansi_id"):
        raise ApplicationError(
            _("Unit kerja harus berada di instansi jabatan ini."), code="validation",
            fields={"unit": [_("Unit kerja tidak berada di instansi ini.")]},
        )
    kind = data.get("kind")
    if kind == PositionKind.FUNGSIONAL and not data.get("functional_level"):
        raise ApplicationError(
            _("Jabatan fungsional wajib memiliki jenjang."), code="validation",
            fields={"functional_level": [_("Pilih jenjang jabatan fungsional.")]},
        )
    if kind != PositionKind.FUNGSIONAL and data.get("functional_level"):
        raise ApplicationError(
            _("Jenjang hanya berlaku untuk jabatan fungsional."), code="validation",
            fields={"functional_level": [_("Kosongkan untuk jenis jabatan ini.")]},
        )
    if data.get("open_to_tni_polri"):
        instansi = Instansi.objects.get(pk=data["instansi_id"])
        if not InstansiKind(instansi.kind).is_pusat:
            raise ApplicationError(
                _("Jabatan untuk prajurit TNI/anggota Polri hanya ada pada Instansi Pusat "
                  "(UU 20/2023 Pasal 19 ayat (3))."),
                code="validation", fields={"open_to_tni_polri": [_("Tidak berlaku di Instansi Daerah.")]},
            )


def position_create(*, actor: User, interface: Interface, data: dict[str, Any]) -> Position:
    Scope.of(actor).require(Resource.POSITION, Action.CREATE, instansi_id=data.get("instansi_id"))
    if data.get("unit_id") and not data.get("instansi_id"):
        unit = Unit.objects.filter(pk=data["unit_id"]).first()
        data = {**data, "instansi_id": unit.instansi_id if unit else None}
    _check(data)
    return model_create(actor=actor, interface=interface, model=Position, data=data, citations=CITATIONS)


def position_update(*, actor: User, interface: Interface, position: Position, data: dict[str, Any]) -> Position:
    Scope.of(actor).require(Resource.POSITION, Action.UPDATE, obj=position)
    merged = {
        "instansi_id": position.instansi_id, "unit_id": position.unit_id, "kind": position.kind,
        "functional_level": position.functional_level,
        "open_to_tni_polri": position.open_to_tni_polri, **data,
    }
    merged["instansi_id"] = position.instansi_id
    _check(merged)
    data = {**data, "instansi_id": position.instansi_id}
    return model_update(actor=actor, interface=interface, obj=position, data=data, citations=CITATIONS)


def position_archive(*, actor: User, interface: Interface, position: Position, reason: str) -> Position:
    """Archived with a reason, never deleted: the position histories and decrees that name it
    keep pointing at it. Refused while someone holds it (simasn.personnel.archive_guards)."""
    Scope.of(actor).require(Resource.POSITION, Action.ARCHIVE, obj=position)
    return model_archive(actor=actor, interface=interface, obj=position, reason=reason, citations=CITATIONS)
