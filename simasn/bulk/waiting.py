""""What waits for me" from the register import (contract: simasn.web.waiting).

Imports that stopped (the operator continues them from their last checkpoint or starts
again) and the viewer's own recent imports with rejected rows (the reject report says
which rows to correct). Read through the app's selector, so Scope decides what is shown.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.bulk.models import ImportStatus
from simasn.bulk.selectors import import_job_list
from simasn.web.waiting import WaitingItem

#: How far back an import with rejected rows is still shown (an operational reminder).
REJECTS_SHOWN_DAYS = 30


def waiting_for(*, viewer: User) -> list[WaitingItem]:
    jobs = import_job_list(viewer=viewer)
    failed = jobs.filter(status=ImportStatus.FAILED)
    first_failed = failed.first()
    since = timezone.now() - dt.timedelta(days=REJECTS_SHOWN_DAYS)
    rejected = jobs.filter(status=ImportStatus.DONE, rejected__gt=0, created_by_id=getattr(viewer, "pk", None),
                           finished_at__gte=since)
    first_rejected = rejected.first()
    return [
        WaitingItem(label=_("Impor data pegawai yang gagal atau terhenti"), count=failed.count(),
                    url=reverse("bulk:detail", args=[first_failed.pk]) if first_failed else reverse("bulk:list"),
                    urgent=True),
        WaitingItem(label=_("Impor Anda dengan baris yang ditolak"), count=rejected.count(),
                    url=reverse("bulk:detail", args=[first_rejected.pk]) if first_rejected else reverse("bulk:list"),
                    detail=_("Perbaiki baris pada laporan penolakan lalu impor ulang.")),
    ]
