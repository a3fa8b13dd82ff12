"""What an archive of a unit would break in the position catalogue (simasn.core.archiving;
registered in PositionsConfig.ready)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from simasn.organization.models import Unit
from simasn.positions.models import Position


def unit_has_positions(unit: Unit) -> str:
    count = Position.objects.active().filter(unit=unit).count()
    if count:
        return _("masih ada %(n)d jabatan di unit ini yang belum diarsipkan.") % {"n": count}
    return ""
