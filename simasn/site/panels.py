"""Panels a higher app adds to a lower app's page, composed here so that neither app imports
the other: the employee record shows the actions on that employee (simasn.actions), the
position page shows its holders (simasn.personnel), and an SK's page shows the remedy
against it (simasn.disputes). Each panel is a template that loads its
own app's template tags, which read through that app's selectors (scoped)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

EMPLOYEE_PANELS = ("actions/_employee_panel.html",)
POSITION_PANELS = ("personnel/_position_holders.html",)
#: On an SK's page: how, to whom and by when it can be contested (simasn.disputes).
ACTION_PANELS = ("disputes/_sk_remedy_panel.html",)


def panels(request: HttpRequest) -> dict[str, Any]:
    return {"employee_panels": EMPLOYEE_PANELS, "position_panels": POSITION_PANELS, "action_panels": ACTION_PANELS}
