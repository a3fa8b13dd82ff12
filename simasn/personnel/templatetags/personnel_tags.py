from __future__ import annotations

from typing import Any

from django import template

from simasn.personnel import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def position_holders(context: dict[str, Any], position: Any) -> list[Any]:
    """The holders of this position that the viewer may see (scoped like the employee list)."""
    request = context.get("request")
    if request is None or position is None or not getattr(request.user, "is_authenticated", False):
        return []
    return list(selectors.employee_list(viewer=request.user).filter(position=position))
