"""The population registry (Dukcapil) behind an adapter.

Production plugs the Dukcapil web service in through the setting
``SIMASN_IDENTITY_SERVICE`` (a dotted path to a class with the :class:`IdentityService`
shape). Demo and tests use :class:`FakeDukcapil`, which can be slow, wrong or down
(setting ``SIMASN_DUKCAPIL_FAKE_MODE``: ``ok`` | ``slow`` | ``wrong`` | ``down``), so the
portal is shown to survive all three. The check never runs inside a submit: it runs from the
outbox afterwards, so an outage delays it and refuses nothing.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from simasn.law import check_nik


class IdentityUnavailable(Exception):
    """The registry did not answer (timeout, outage): try again later."""


@dataclass(frozen=True)
class IdentityAnswer:
    matches: bool
    detail: str = ""


class IdentityService(Protocol):
    def check(self, *, nik: str, name: str, birth_date: dt.date, sex: str) -> IdentityAnswer: ...


class FakeDukcapil:
    """A stand-in registry: a NIK is "on record" when the law's NIK rule finds nothing wrong
    with it for that birth date and sex (so a mistyped birth date is a mismatch)."""

    def __init__(self, mode: str | None = None, delay: float | None = None) -> None:
        self.mode = mode or getattr(settings, "SIMASN_DUKCAPIL_FAKE_MODE", "ok")
        self.delay = delay if delay is not None else float(getattr(settings, "SIMASN_DUKCAPIL_FAKE_DELAY", 2.0))

    def check(self, *, nik: str, name: str, birth_date: dt.date, sex: str) -> IdentityAnswer:
        if self.mode == "down":
            raise IdentityUnavailable("Dukcapil (fake) is down")
        if self.mode == "slow":
            time.sleep(self.delay)
        if self.mode == "wrong":
            return IdentityAnswer(matches=False, detail="fake registry answers 'not matching' for everyone")
        decision = check_nik(nik=nik, birth_date=birth_date, sex=sex, on=timezone.localdate())
        ok = bool(decision.outcome.get("valid")) and bool(decision.outcome.get("agrees"))
        return IdentityAnswer(matches=ok, detail=", ".join(decision.outcome.get("problem_codes", [])))


def identity_service() -> IdentityService:
    path = getattr(settings, "SIMASN_IDENTITY_SERVICE", "simasn.procurement.identity.FakeDukcapil")
    service: IdentityService = import_string(path)()
    return service
