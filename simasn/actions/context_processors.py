"""Panels this app adds to other apps' pages (the employee record's `employee_panels`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

PANELS = ["actions/_employee_panel.html"]


def employee_panels(request: HttpRequest) -> dict[str, Any]:
    return {"employee_panels": PANELS}
