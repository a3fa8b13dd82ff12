"""The audit trail as people read it: what changed, from what to what (issue 12 item 15).

An update event stores ``{field: {"before": x, "after": y}}``. The list shows each change
as "field: old → new", with the employee's sensitive personal data masked as everywhere
else (a value of a sensitive field is shown as ••••; the NIK keeps its region prefix).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from simasn.core.audit_actions import AuditAction
from simasn.personnel.masking import masked
from simasn.personnel.models import SENSITIVE_FIELDS
from simasn.web.fields import DateInput
from simasn.web.formatting import long_date

EMPTY = "—"


def _value(field: str, value: Any, sensitive: bool) -> str:
    if value in (None, ""):
        return EMPTY
    if sensitive and field in SENSITIVE_FIELDS:
        return masked(field, value) or EMPTY
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return long_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def _field_label(event: Any, field: str) -> str:
    """The field's name as its form shows it ("Telepon"), in the page's language; the stored
    code ("phone") only for a field its model no longer has (found in the browser walk)."""
    try:
        model = apps.get_model(str(getattr(event, "object_type", "")))
        return str(capfirst(model._meta.get_field(field).verbose_name))
    except (LookupError, ValueError, FieldDoesNotExist, AttributeError):
        return field


def change_rows(event: Any) -> list[tuple[str, str, str]]:
    """(field label, before, after) for each changed field of an update event."""
    changes = event.changes if isinstance(event.changes, dict) else {}
    sensitive = True  # the field names of the employee's sensitive data are masked on every object
    rows = []
    for field, change in changes.items():
        if isinstance(change, dict) and "before" in change and "after" in change:
            rows.append((_field_label(event, field), _value(field, change["before"], sensitive),
                         _value(field, change["after"], sensitive)))
    return rows


def change_text(event: Any) -> str:
    return "; ".join(f"{field}: {before} → {after}" for field, before, after in change_rows(event))


class AuditFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari objek atau pelaku"), required=False)
    action = forms.ChoiceField(label=_("Aksi"), required=False, choices=[("", _("Semua")), *AuditAction.choices])
    since = forms.DateField(label=_("Sejak"), required=False, widget=DateInput())
    until = forms.DateField(label=_("Sampai"), required=False, widget=DateInput())
