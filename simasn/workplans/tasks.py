"""Background jobs of the synchronization: the daily reminder of overdue drafts (Pasal 5
ayat (4)) and the retraining of the overlap detector (issue 13)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from simasn.accounts.models import User
from simasn.core.interfaces import Interface
from simasn.workplans.services import detector_train, drafts_overdue_remind


@task()
def remind_overdue_drafts(today: str) -> int:
    """Idempotent and catching up: one reminder per user and draft, whatever day it runs."""
    return drafts_overdue_remind(on=dt.date.fromisoformat(today))


@task()
def retrain_detector(user_id: int, note: str = "") -> int:
    """Retrain the overlap detector for the administrator who asked (audited as that user)."""
    return detector_train(actor=User.objects.get(pk=user_id), interface=Interface.SYSTEM, note=note).version
