"""Writes on the organization registry: scope check, validation, audit — one transaction.
Instansi, units and officials are archived with a reason, never deleted (simasn.core.archiving);
the guards that refuse an archive are in simasn.organization.archive_guards and in the apps above."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.archiving import model_archive
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.core.services import model_create, model_update
from simasn.law.grounds import Ground, cite
from simasn.organization.models import Instansi, NationalInstitution, Official, Unit


def instansi_create(*, actor: User, interface: Interface, data: dict[str, Any]) -> Instansi:
    Scope.of(actor).require(Resource.INSTANSI, Action.CREATE)
    return model_create(actor=actor, interface=interface, model=Instansi, data=data)


def instansi_update(*, actor: User, interface: Interface, instansi: Instansi, data: dict[str, Any]) -> Instansi:
    Scope.of(actor).require(Resource.INSTANSI, Action.UPDATE, obj=instansi)
    return model_update(actor=actor, interface=interface, obj=instansi, data=data)


def instansi_archive(*, actor: User, interface: Interface, instansi: Instansi, reason: str) -> Instansi:
    Scope.of(actor).require(Resource.INSTANSI, Action.ARCHIVE, obj=instansi)
    return model_archive(actor=actor, interface=interface, obj=instansi, reason=reason)


def _check_unit(data: dict[str, Any]) -> None:
    parent_id = data.get("parent_id")
    if parent_id is not None:
        parent = Unit.objects.filter(pk=parent_id).first()
        if parent is None or parent.instansi_id != data.get("instansi_id"):
            raise ApplicationError(
                _("Unit induk harus berada di instansi yang sama."),
                code="validation",
                fields={"parent": [_("Unit induk tidak berada di instansi ini.")]},
            )


def unit_create(*, actor: User, interface: Interface, data: dict[str, Any]) -> Unit:
    Scope.of(actor).require(Resource.UNIT, Action.CREATE, instansi_id=data.get("instansi_id"))
    _check_unit(data)
    return model_create(actor=actor, interface=interface, model=Unit, data=data)


def unit_update(*, actor: User, interface: Interface, unit: Unit, data: dict[str, Any]) -> Unit:
    scope = Scope.of(actor)
    scope.require(Resource.UNIT, Action.UPDATE, obj=unit)
    data = {**data, "instansi_id": unit.instansi_id}  # a unit never moves between instansi
    _check_unit(data)
    if data.get("parent_id") == unit.pk:
        raise ApplicationError(_("Unit tidak dapat menjadi induk dirinya sendiri."), code="validation",
                               fields={"parent": [_("Pilih unit lain.")]})
    return model_update(actor=actor, interface=interface, obj=unit, data=data)


def unit_archive(*, actor: User, interface: Interface, unit: Unit, reason: str) -> Unit:
    Scope.of(actor).require(Resource.UNIT, Action.ARCHIVE, obj=unit)
    return model_archive(actor=actor, interface=interface, obj=unit, reason=reason)


def official_create(*, actor: User, interface: Interface, data: dict[str, Any]) -> Official:
    Scope.of(actor).require(Resource.OFFICIAL, Action.CREATE, instansi_id=data.get("instansi_id"))
    _check_period(data)
    return model_create(actor=actor, interface=interface, model=Official, data=data,
                        citations=tuple(cite(Ground.OFFICIALS)))


def official_update(*, actor: User, interface: Interface, official: Official, data: dict[str, Any]) -> Official:
    Scope.of(actor).require(Resource.OFFICIAL, Action.UPDATE, obj=official)
    data = {**data, "instansi_id": official.instansi_id}
    _check_period(data)
    return model_update(actor=actor, interface=interface, obj=official, data=data)


def official_archive(*, actor: User, interface: Interface, official: Official, reason: str) -> Official:
    """An official's record is archived (a mistaken entry, a superseded record); who held the
    office on a past date stays answerable (selectors.official_on)."""
    Scope.of(actor).require(Resource.OFFICIAL, Action.ARCHIVE, obj=official)
    return model_archive(actor=actor, interface=interface, obj=official, reason=reason,
                         citations=tuple(cite(Ground.OFFICIALS)))


def _check_period(data: dict[str, Any]) -> None:
    start, end = data.get("valid_from"), data.get("valid_until")
    if start and end and end < start:
        raise ApplicationError(
            _("Tanggal akhir tidak boleh sebelum tanggal mulai."), code="validation",
            fields={"valid_until": [_("Harus sama atau sesudah tanggal mulai.")]},
        )


def institution_upsert(*, actor: User, interface: Interface, code: str, data: dict[str, Any]) -> NationalInstitution:
    """Create or update a national institution by its code (used by seeding and admin)."""
    scope = Scope.of(actor)
    existing = NationalInstitution.objects.filter(code=code).first()
    with transaction.atomic():
        if existing is None:
            scope.require(Resource.INSTITUTION, Action.CREATE)
            return model_create(actor=actor, interface=interface, model=NationalInstitution,
                                data={"code": code, **data})
        scope.require(Resource.INSTITUTION, Action.UPDATE)
        return model_update(actor=actor, interface=interface, obj=existing, data=data)
