"""Reads of the law data app. The law is public to every signed-in user: no scoping."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from simasn.accounts.models import User
from simasn.core.errors import NotFoundError
from simasn.law import parameters
from simasn.law.parameters import Parameter, ParameterGapError, Version
from simasn.lawdata.models import ParameterOverride


def parameter_override_list(*, viewer: User, name: str | None = None) -> QuerySet[ParameterOverride]:
    qs = ParameterOverride.objects.select_related("created_by")
    return qs.filter(name=name) if name else qs


def parameter_get(*, viewer: User, name: str) -> Parameter:
    try:
        return parameters.parameter(name)
    except parameters.UnknownParameterError:
        raise NotFoundError(_("Parameter tidak ditemukan.")) from None


def parameter_in_force(name: str, on: dt.date) -> Version | None:
    try:
        return parameters.version(name, on)
    except ParameterGapError:
        return None


def parameter_rows(*, viewer: User, on: dt.date) -> list[dict[str, Any]]:
    """Every parameter with the version in force on `on` (None when there is none)."""
    rows = []
    for name in parameters.names():
        meta = parameters.parameter(name)
        rows.append({"name": name, "meta": meta, "version": parameter_in_force(name, on)})
    return rows
