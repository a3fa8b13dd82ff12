from __future__ import annotations

from typing import Any

from django import template

from simasn.actions import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def employee_actions(context: dict[str, Any], employee: Any) -> list[Any]:
    """The actions on this employee that the viewer may see (scoped like the list)."""
    request = context.get("request")
    if request is None or employee is None or not getattr(request.user, "is_authenticated", False):
        return []
    return list(selectors.action_list(viewer=request.user, employee_id=employee.pk)[:50])
