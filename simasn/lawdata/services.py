"""Writes of the law data app: adding an administrator version of a parameter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.core.services import validation_to_application_error
from simasn.law import parameters
from simasn.lawdata import overrides
from simasn.lawdata.models import ParameterOverride

FIELDS = (
    "name",
    "valid_from",
    "valid_until",
    "value",
    "regulation",
    "article",
    "ayat",
    "huruf",
    "angka",
    "title",
    "url",
    "note",
    "last_verified_on",
    "reason",
)


def _merged_value(name: str, valid_from: dt.date, value: Any, *, merge: bool) -> Any:
    """For a keyed parameter, keys not given keep the value in force on `valid_from`."""
    if not merge or not isinstance(value, Mapping):
        return value
    try:
        current = parameters.value(name, valid_from)
    except parameters.ParameterGapError:
        return value
    if not isinstance(current, Mapping):
        return value
    return {**current, **value}


def _check_shape(name: str, valid_from: dt.date, value: Any) -> None:
    """The new value has the type of the value it replaces (number, list, mapping...)."""
    history = parameters.history(name)
    before = [v for v in history if v.start <= valid_from] or history
    current = before[-1].value
    kinds = (bool, int, float, str, list, Mapping)
    expected = next((k for k in kinds if isinstance(current, k)), None)
    if current is None or expected is None:
        return
    if expected is float and isinstance(value, int):
        return
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise ApplicationError(
            _("Bentuk nilai tidak sesuai dengan parameter ini."),
            code="validation",
            fields={
                "value": [
                    _("Nilai harus berbentuk sama dengan versi sebelumnya (%(kind)s).")
                    % {"kind": type(current).__name__}
                ]
            },
        )


def parameter_override_create(
    *, actor: User, interface: Interface, data: Mapping[str, Any], merge: bool = True
) -> ParameterOverride:
    """Add a new dated version of a legal parameter (audited; never edited afterwards).

    `data` holds the model fields. With `merge`, a keyed value may name only the keys
    that change; the others keep the value in force on `valid_from`.
    """
    Scope.of(actor).require(Resource.LAW_PARAMETER, Action.CREATE)
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise ApplicationError(
            _("Isian tidak dikenal."),
            code="validation",
            fields={k: [_("Tidak dikenal.")] for k in sorted(unknown)},
        )
    name = str(data.get("name") or "")
    try:
        parameters.parameter(name)
    except parameters.UnknownParameterError:
        raise ApplicationError(
            _("Parameter tidak dikenal."),
            code="validation",
            fields={"name": [_("Parameter %(name)s tidak ada.") % {"name": name}]},
        ) from None
    clean = {key: data.get(key) for key in FIELDS if key in data}
    for key in ("article", "ayat", "huruf", "angka", "title", "url", "note"):
        clean[key] = str(clean.get(key) or "")
    obj = ParameterOverride(**clean)
    obj.created_by = actor
    obj.updated_by = actor
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise validation_to_application_error(exc) from exc
    obj.value = _merged_value(name, obj.valid_from, obj.value, merge=merge)
    _check_shape(name, obj.valid_from, obj.value)
    try:
        version = parameters.validate_override(obj.to_entry())
    except parameters.ParameterError as error:
        raise ApplicationError(
            _("Nilai tidak dapat diterima untuk parameter ini."),
            code="validation",
            fields={"value": [str(error)]},
        ) from error
    citation = version.reference.cite()
    with transaction.atomic():
        obj.save()
        audit_record(
            actor=actor,
            action=AuditAction.PARAMETER_VERSION_ADDED,
            interface=interface,
            obj=obj,
            changes={
                "after": {
                    "name": name,
                    "from": obj.valid_from,
                    "until": obj.valid_until,
                    "value": obj.value,
                    "reference": obj.reference(),
                }
            },
            reason=obj.reason,
            citations=[citation],
        )
    overrides.invalidate()
    transaction.on_commit(overrides.invalidate)
    return obj
