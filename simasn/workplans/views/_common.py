"""Helpers shared by the screens of the PermenRK procedure.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.http.response import HttpResponseBase

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.web.pages import form_errors_text, not_allowed_message, run_service

W = Interface.WEB


def _can(request: AuthenticatedRequest, resource: Resource, action: Action = Action.VIEW) -> bool:
    return Scope.of(request.user).reach(resource, action) > Reach.NONE


def _require(request: AuthenticatedRequest, resource: Resource, action: Action = Action.VIEW) -> None:
    if not _can(request, resource, action):
        raise PermissionDeniedError(not_allowed_message())


_run = run_service


_form_errors = form_errors_text


def _file(data: bytes | Any, name: str, content_type: str) -> HttpResponseBase:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
