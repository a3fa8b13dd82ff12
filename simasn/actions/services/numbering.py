"""SK numbers: one counter per issuer (the instansi's PPK, or the President) and year, locked."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction

from simasn.actions.models import TYPE_CODES, ActionType, PersonnelAction, SkCounter


def _next_sk_number(action: PersonnelAction, on: dt.date) -> str:
    instansi = action.instansi
    issuer = "PRESIDEN" if action.decider == "PRESIDEN" else f"PPK-{instansi.code}"
    try:
        with transaction.atomic():
            SkCounter.objects.get_or_create(issuer=issuer, year=on.year)
    except IntegrityError:
        pass
    counter = SkCounter.objects.select_for_update().get(issuer=issuer, year=on.year)
    counter.last += 1
    counter.save(update_fields=["last"])
    code = TYPE_CODES[ActionType(action.action_type)]
    if action.decider == "PRESIDEN":
        return f"{counter.last}/TPA/{code}/{on.year}"
    return f"KP.{counter.last:04d}/{code}/{instansi.code}/{on.year}"
