"""What an archive of an instansi or a unit would break within the organization registry
(simasn.core.archiving; registered in OrganizationConfig.ready)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from simasn.organization.models import Instansi, Unit


def instansi_has_units(instansi: Instansi) -> str:
    count = Unit.objects.active().filter(instansi=instansi).count()
    if count:
        return _("masih ada %(n)d unit kerja yang belum diarsipkan.") % {"n": count}
    return ""


def unit_has_children(unit: Unit) -> str:
    count = Unit.objects.active().filter(parent=unit).count()
    if count:
        return _("masih ada %(n)d unit bawahan yang belum diarsipkan.") % {"n": count}
    return ""
