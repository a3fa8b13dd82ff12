"""Completions reported by learning platforms as xAPI (Experience API 1.0.3) statements.

SIMASN is not a full Learning Record Store: it keeps the statements that say an employee
completed (or passed) a learning activity, as learning records, and refuses the others
with a clear message. The mapping:

- actor: an ``account`` whose ``name`` is the employee's NIP (``homePage`` is the
  platform's); an mbox alone does not identify a civil servant and is refused;
- verb: ``http://adlnet.gov/expapi/verbs/completed`` or ``.../passed``;
- object: the activity; its ``definition.name`` (id-ID, else en-US, else any) is the title;
- result.duration (ISO 8601, e.g. ``PT2H30M``): the minutes converted to JP by the law;
- context.extensions (``EXT`` below): the learning form (a ``LearningForm`` code), the JP
  certified by the organiser (for forms the law keeps no conversion for), whether it was
  on a written assignment and its reference; ``context.platform`` is the provider;
- timestamp: the day it ended (the platform's clock, read in WIB).

The statement id (given or generated) is kept, so the same statement sent twice is
refused as a duplicate instead of counted twice.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.core.errors import ApplicationError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.law.enums import LearningForm
from simasn.learning.models import LearningRecord, RecordSource
from simasn.learning.services import learning_record_create
from simasn.personnel.models import Employee

XAPI_VERSION = "1.0.3"
ACCEPTED_VERBS = frozenset({"http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/verbs/passed"})
EXT_BASE = "https://simasn.go.id/xapi/extensions/"
EXT = {"form": EXT_BASE + "learning-form", "jp": EXT_BASE + "jp", "assigned": EXT_BASE + "assigned",
       "assignment_reference": EXT_BASE + "assignment-reference", "competency": EXT_BASE + "competency"}
#: Standard ADL activity types whose learning form is unambiguous.
ACTIVITY_FORMS = {
    "http://adlnet.gov/expapi/activities/course": LearningForm.KURSUS.value,
    "http://adlnet.gov/expapi/activities/meeting": LearningForm.SEMINAR.value,
}
_DURATION = re.compile(r"^P(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
                       r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$")


def _obj(value: Any) -> dict[str, Any]:
    """A statement's part as a dict; anything else (a string, a list) reads as empty."""
    return value if isinstance(value, dict) else {}


def _refuse(message: str, field: str = "statement") -> ApplicationError:
    return ApplicationError(message, code="invalid_statement", fields={field: [message]})


def duration_minutes(value: str) -> int:
    """Whole minutes (rounded half up) of an ISO 8601 duration such as ``PT1H30M``."""
    match = _DURATION.match(value if isinstance(value, str) else "")
    if not match or value in ("P", "PT"):
        raise _refuse(_("result.duration bukan durasi ISO 8601 (contoh: PT2H30M)."), "result.duration")
    parts = {k: Decimal(v) if v else Decimal(0) for k, v in match.groupdict().items()}
    seconds = parts["d"] * 86400 + parts["h"] * 3600 + parts["m"] * 60 + parts["s"]
    return int((seconds / 60).quantize(Decimal("1"), rounding="ROUND_HALF_UP"))


def _name(definition: dict[str, Any]) -> str:
    names = _obj(definition.get("name"))
    if not isinstance(names, dict) or not names:
        return ""
    for lang in ("id-ID", "id", "en-US", "en"):
        if names.get(lang):
            return str(names[lang])
    return str(next(iter(names.values())))


def _ended_on(statement: dict[str, Any]) -> dt.date:
    raw = statement.get("timestamp")
    if not raw:
        return timezone.localdate()
    try:
        moment = dt.datetime.fromisoformat(str(raw).replace("Z", "+00:00"))
    except ValueError as error:
        raise _refuse(_("timestamp bukan waktu ISO 8601."), "timestamp") from error
    if moment.tzinfo is None:
        raise _refuse(_("timestamp harus menyebut zona waktu."), "timestamp")
    return timezone.localtime(moment).date()


def statement_record(*, actor: Actor, statement: dict[str, Any], statement_id: str | None = None) -> LearningRecord:
    """Record one completion statement; refusals say which part of the statement is wrong."""
    if not isinstance(statement, dict):
        raise _refuse(_("Pernyataan xAPI harus berupa objek JSON."))
    raw_id = statement_id or statement.get("id")
    try:
        sid = uuid.UUID(str(raw_id)) if raw_id else uuid.uuid4()
    except ValueError as error:
        raise _refuse(_("id pernyataan harus UUID."), "id") from error
    if statement_id and statement.get("id") and str(statement.get("id")) != statement_id:
        raise _refuse(_("statementId tidak sama dengan id di pernyataan."), "id")
    verb = _obj(statement.get("verb")).get("id", "")
    if verb not in ACCEPTED_VERBS:
        raise ApplicationError(_("SIMASN hanya mencatat pernyataan selesai (completed/passed); kata kerja "
                                 "%(verb)s tidak dicatat.") % {"verb": verb or "—"}, code="unsupported_verb",
                               fields={"verb": [_("Gunakan completed atau passed.")]})
    account = _obj(_obj(statement.get("actor")).get("account"))
    nip = str(account.get("name") or "").strip()
    if not nip:
        raise _refuse(_("actor.account.name harus berisi NIP pegawai."), "actor")
    employee = Employee.objects.filter(nip=nip).only("pk").first()
    if employee is None:
        raise NotFoundError(_("Pegawai dengan NIP %(nip)s tidak ditemukan.") % {"nip": nip})
    activity = _obj(statement.get("object"))
    definition = _obj(activity.get("definition"))
    title = _name(definition) or str(activity.get("id") or "")
    context = _obj(statement.get("context"))
    extensions = _obj(context.get("extensions"))
    form = str(extensions.get(EXT["form"]) or ACTIVITY_FORMS.get(str(definition.get("type", "")), "")).upper()
    if form not in {f.value for f in LearningForm}:
        raise _refuse(_("Bentuk pengembangan tidak diketahui: isi ekstensi %(ext)s dengan kode bentuk "
                        "(mis. PELATIHAN_KLASIKAL).") % {"ext": EXT["form"]}, "context.extensions")
    result = _obj(statement.get("result"))
    if result.get("completion") is False or result.get("success") is False:
        raise _refuse(_("Pernyataan menyatakan kegiatan belum selesai atau tidak lulus."), "result")
    minutes = duration_minutes(result["duration"]) if result.get("duration") else None
    jp: Decimal | None = None
    if extensions.get(EXT["jp"]) is not None:
        try:
            jp = Decimal(str(extensions[EXT["jp"]]))
        except InvalidOperation as error:
            raise _refuse(_("Ekstensi JP harus angka."), "context.extensions") from error
    if minutes is None and jp is None:
        raise _refuse(_("Sebutkan result.duration atau JP bersertifikat."), "result.duration")
    ended = _ended_on(statement)
    started = ended - dt.timedelta(days=max(0, (minutes or 0) // (60 * 24)))
    return learning_record_create(
        actor=actor, interface=Interface.API, employee_id=employee.pk, form=form, title=title or _("Kegiatan"),
        start_date=started, end_date=ended, provider=str(context.get("platform") or "")[:200], minutes=minutes,
        jp=jp, assigned=bool(extensions.get(EXT["assigned"])),
        assignment_reference=str(extensions.get(EXT["assignment_reference"]) or ""),
        competency=str(extensions.get(EXT["competency"]) or ""), source=RecordSource.XAPI,
        xapi_statement_id=sid,
    )
