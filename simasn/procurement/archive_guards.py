"""What procurement refuses to let the registry archive from under it."""

from __future__ import annotations

from django.utils.translation import gettext as _

from simasn.procurement.models import Stage, Vacancy


def position_in_open_vacancy(obj: object) -> str:
    pk = getattr(obj, "pk", None)
    if pk is None:
        return ""
    count = Vacancy.objects.filter(position_id=pk).exclude(
        period__stage=Stage.CLOSED).count()
    if count:
        return _("jabatan ini dilamar dalam %(n)s lowongan seleksi yang belum selesai") % {"n": count}
    return ""
