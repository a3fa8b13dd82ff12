"""Helpers shared by the screens of the PermenRK procedure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase

from simasn.accounts.actors import AuthenticatedRequest
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.web.pages import not_allowed_message

W = Interface.WEB


def _can(request: AuthenticatedRequest, resource: Resource, action: Action = Action.VIEW) -> bool:
    return Scope.of(request.user).reach(resource, action) > Reach.NONE


def _require(request: AuthenticatedRequest, resource: Resource, action: Action = Action.VIEW) -> None:
    if not _can(request, resource, action):
        raise PermissionDeniedError(not_allowed_message())


def _run(request: AuthenticatedRequest, call: Callable[[], Any], ok: str, back: str) -> HttpResponseBase:
    """Run a service from a POST; a refusal becomes a message on the page it came from."""
    try:
        call()
    except ApplicationError as error:
        details = [m for msgs in error.fields.values() for m in msgs]
        messages.error(request, " ".join([error.message, *details]))
    else:
        messages.success(request, ok)
    return HttpResponseRedirect(back)


def _form_errors(form: forms.BaseForm) -> str:
    return "; ".join(f"{form.fields[k].label if k in form.fields else ''}: {' '.join(str(m) for m in v)}".strip(": ")
                     for k, v in form.errors.items())


def _file(data: bytes | Any, name: str, content_type: str) -> HttpResponseBase:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
