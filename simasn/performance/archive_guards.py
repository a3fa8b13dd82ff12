"""What an archive would break in performance: a Plt assignment still running keeps its
position (registered in PerformanceConfig.ready)."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.performance.models import ActingAssignment
from simasn.positions.models import Position


def position_in_acting(position: Position) -> str:
    today = timezone.localdate()
    if ActingAssignment.objects.filter(Q(end_date__isnull=True) | Q(end_date__gte=today), position=position).exists():
        return _("Jabatan ini masih memiliki Pelaksana tugas (Plt) yang berjalan.")
    return ""
