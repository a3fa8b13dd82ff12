from __future__ import annotations

from typing import Any

from django import template

from simasn.site.audit_display import change_rows

register = template.Library()


@register.filter
def audit_changes(event: Any) -> list[tuple[str, str, str]]:
    return change_rows(event)
