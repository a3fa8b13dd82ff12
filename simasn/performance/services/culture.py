"""Work culture (UU 20/2023 Pasal 39): each instansi's activities internalising the core
values (Pasal 3, BerAKHLAK) and the code of ethics (Pasal 4), with who took part."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.law import behaviour_indicators
from simasn.law.grounds import Ground, cite
from simasn.performance.models import CultureActivity
from simasn.personnel.models import Employee

CODE_OF_ETHICS = "KODE_ETIK"


def culture_activity_add(*, actor: Actor, interface: Interface, instansi_id: int, title: str, held_on: dt.date,
                         value_codes: list[str], unit_id: int | None = None,
                         participant_ids: list[int] | None = None, notes: str = "") -> CultureActivity:
    Scope.of(actor).require(Resource.WORK_CULTURE, Action.CREATE, instansi_id=instansi_id)
    known = {v["code"] for v in behaviour_indicators(held_on)} | {CODE_OF_ETHICS}
    if not value_codes or set(value_codes) - known:
        raise ApplicationError(_("Pilih paling sedikit satu nilai dasar atau kode etik."),
                               fields={"value_codes": [_("Wajib dipilih.")]})
    if not (title or "").strip():
        raise ApplicationError(_("Nama kegiatan wajib diisi."), fields={"title": [_("Wajib diisi.")]})
    participants = list(Employee.objects.filter(pk__in=participant_ids or [], instansi_id=instansi_id))
    if len(participants) != len(set(participant_ids or [])):
        raise ApplicationError(_("Peserta harus pegawai instansi ini."), fields={"participants": [_("Tidak valid.")]})
    with transaction.atomic(durable=True):
        activity = CultureActivity.objects.create(instansi_id=instansi_id, unit_id=unit_id, year=held_on.year,
                                                  title=title.strip()[:300], value_codes=list(value_codes),
                                                  held_on=held_on, notes=notes, created_by=actor, updated_by=actor)
        activity.participants.set(participants)
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=activity,
                     changes={"title": activity.title, "values": value_codes, "participants": len(participants)},
                     citations=cite(Ground.WORK_CULTURE))
    return activity
