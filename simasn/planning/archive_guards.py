"""A position named by a needs plan that is not yet decided stays (simasn.core.archiving)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from simasn.planning.models import NeedsLine, NeedsPlan
from simasn.positions.models import Position


def position_in_open_plan(position: Position) -> str:
    count = NeedsLine.objects.filter(position=position).exclude(plan__status=NeedsPlan.Status.DECIDED).count()
    if count:
        return _("Jabatan ini masih ada dalam %(n)d rencana kebutuhan yang belum ditetapkan; keluarkan dari "
                 "rencana itu lebih dulu.") % {"n": count}
    return ""
