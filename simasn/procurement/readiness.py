"""What still has to be done before a selection period may move to its next stage.

BKN moves a national period on (``services.portal.period_advance``); each instansi finishes
its own part of the stage first. This module lists, per instansi, what is not finished yet:
the same list refuses the move (409 ``stage_not_finished``, the list in ``details``) and is
shown on the period's page before anyone clicks. Counts only: no personal data.

The sanggah window is the law's (``selection.sanggah_deadline``, read with ``on`` = the day of
the announcement); a date the law data does not cover blocks as "perlu kajian hukum" rather
than being guessed. What the law does not settle and is therefore not a blocker is listed in
docs/procurement.md ("Moving a period on").
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.law import evaluate
from simasn.procurement.models import (
    Announcement,
    AnnouncementKind,
    Application,
    ResultImport,
    Sanggah,
    SanggahStatus,
    SelectionPeriod,
    Stage,
    Verdict,
)
from simasn.web.formatting import short_date


@dataclass(frozen=True)
class Blocker:
    """One unfinished step of one instansi (``code`` is stable, for the API)."""

    code: str
    instansi_id: int
    instansi: str
    message: str

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "instansi_id": self.instansi_id, "instansi": self.instansi,
                "message": self.message}


def period_blockers(period: SelectionPeriod, *, on: dt.date) -> list[Blocker]:
    """Everything that keeps ``period`` in its stage on the day ``on`` (empty: it may move on).
    The registration stage and the appointment stage have no checks (see the docs)."""
    counts = (Application.objects.filter(period=period)
              .values("vacancy__instansi_id", "vacancy__instansi__name")
              .annotate(total=Count("id"),
                        unverified=Count("id", filter=Q(admin_verdict="")),
                        eligible=Count("id", filter=Q(admin_verdict=Verdict.MS)),
                        skd_unranked=Count("id", filter=Q(admin_verdict=Verdict.MS, skd_passed__isnull=True)),
                        participants=Count("id", filter=Q(proceeds_skb=True)),
                        final_unranked=Count("id", filter=Q(proceeds_skb=True, selected__isnull=True)))
              .order_by("vacancy__instansi__name"))
    check = _Check(period, on)
    blockers: list[Blocker] = []
    for row in counts:
        instansi = (int(row["vacancy__instansi_id"]), str(row["vacancy__instansi__name"]))
        if period.stage == Stage.VERIFICATION:
            blockers += check.verification(instansi, row)
        elif period.stage == Stage.SKD and row["eligible"]:
            blockers += check.skd(instansi, row)
        elif period.stage == Stage.SKB and row["participants"]:
            blockers += check.skb(instansi)
        elif period.stage == Stage.FINAL and row["participants"]:
            blockers += check.final(instansi, row)
    return blockers


def blockers_for(viewer: User, period: SelectionPeriod, *, on: dt.date) -> list[Blocker]:
    """What the viewer is shown: BKN (who moves the period) every instansi's unfinished steps; a
    panitia or operator with results in its scope its own instansi's; anyone else nothing."""
    scope = Scope.of(viewer)
    national = scope.can(Resource.SELECTION_PERIOD, Action.UPDATE)
    if not (national or scope.can(Resource.SELECTION_RESULT)):
        return []
    return [b for b in period_blockers(period, on=on)
            if national or scope.allows(Resource.SELECTION_RESULT, Action.VIEW, instansi_id=b.instansi_id)]


class _Check:
    """The announcements, sanggah and imports of one period, read once."""

    def __init__(self, period: SelectionPeriod, on: dt.date) -> None:
        self.on = on
        self.announced: dict[tuple[int, str], list[Announcement]] = defaultdict(list)
        for announcement in Announcement.objects.filter(period=period).order_by("version"):
            self.announced[(announcement.instansi_id, announcement.kind)].append(announcement)
        self.sanggah: dict[tuple[int, str], int] = defaultdict(int)
        for row in (Sanggah.objects.filter(announcement__period=period).values("announcement_id", "status")
                    .annotate(n=Count("id"))):
            self.sanggah[(int(row["announcement_id"]), str(row["status"]))] += int(row["n"])
        imports = ResultImport.objects.filter(period=period).values_list("kind", "instansi_id")
        self.imported: dict[str, set[int | None]] = defaultdict(set)
        for kind, instansi_id in imports:
            self.imported[kind].add(instansi_id)

    def _blocker(self, code: str, instansi: tuple[int, str], message: str) -> Blocker:
        return Blocker(code=code, instansi_id=instansi[0], instansi=instansi[1], message=message)

    def _imported(self, kind: str, instansi_id: int) -> bool:
        """An import by BKN (all instansi, ``instansi`` empty) or by the instansi's panitia."""
        return None in self.imported[kind] or instansi_id in self.imported[kind]

    def _settled(self, instansi: tuple[int, str], kind: AnnouncementKind) -> list[Blocker]:
        """The result is announced, its sanggah window has closed, every sanggah is answered
        and, when one was upheld, the result re-announced (selection.sanggah_deadline)."""
        versions = self.announced[(instansi[0], kind)]
        if not versions:
            return [self._blocker("not_announced", instansi,
                                  _("Pengumuman “%(kind)s” belum diterbitkan.") % {"kind": kind.label})]
        first = versions[0]
        blockers = []
        window = evaluate("selection.sanggah_deadline", {"announced_on": first.announced_on.isoformat()},
                          first.announced_on)
        if window.needs_legal_review:
            blockers.append(self._blocker("needs_legal_review", instansi, _(
                "Masa sanggah atas pengumuman %(number)s tidak dapat dihitung dari data hukum (perlu kajian hukum).")
                % {"number": first.number}))
        elif self.on <= window.outcome["window_ends_on"]:
            blockers.append(self._blocker("sanggah_window_open", instansi, _(
                "Masa sanggah atas pengumuman %(number)s masih berjalan sampai dengan %(date)s.")
                % {"number": first.number, "date": short_date(window.outcome["window_ends_on"])}))
        filed = self.sanggah[(first.pk, SanggahStatus.FILED)]
        if filed:
            blockers.append(self._blocker("sanggah_unanswered", instansi, _(
                "%(n)s sanggah atas pengumuman %(number)s belum dijawab.") % {"n": filed, "number": first.number}))
        if self.sanggah[(first.pk, SanggahStatus.ACCEPTED)] and len(versions) < 2:
            blockers.append(self._blocker("reannouncement_due", instansi, _(
                "Sanggah atas pengumuman %(number)s diterima, tetapi pengumuman ulangnya belum diterbitkan.")
                % {"number": first.number}))
        return blockers

    def verification(self, instansi: tuple[int, str], row: Mapping[str, Any]) -> list[Blocker]:
        blockers = []
        if row["unverified"]:
            blockers.append(self._blocker("unverified", instansi, _("%(n)s lamaran belum diverifikasi.")
                                          % {"n": row["unverified"]}))
        return blockers + self._settled(instansi, AnnouncementKind.ADMINISTRASI)

    def skd(self, instansi: tuple[int, str], row: Mapping[str, Any]) -> list[Blocker]:
        blockers = []
        if not self._imported("SKD", instansi[0]):
            blockers.append(self._blocker("skd_not_imported", instansi, _("Hasil SKD belum diimpor.")))
        if row["skd_unranked"]:
            blockers.append(self._blocker("skd_not_ranked", instansi, _(
                "Nilai ambang batas dan peserta SKB belum dihitung (%(n)s pelamar yang memenuhi syarat).")
                % {"n": row["skd_unranked"]}))
        if not self.announced[(instansi[0], AnnouncementKind.SKD)]:
            blockers.append(self._blocker("not_announced", instansi, _("Pengumuman “%(kind)s” belum diterbitkan.")
                                          % {"kind": AnnouncementKind.SKD.label}))
        return blockers

    def skb(self, instansi: tuple[int, str]) -> list[Blocker]:
        if self._imported("SKB", instansi[0]):
            return []
        return [self._blocker("skb_not_imported", instansi, _("Hasil SKB belum diimpor."))]

    def final(self, instansi: tuple[int, str], row: Mapping[str, Any]) -> list[Blocker]:
        blockers = []
        if row["final_unranked"]:
            blockers.append(self._blocker("final_not_ranked", instansi, _(
                "Nilai akhir dan kelulusan belum dihitung (%(n)s peserta SKB).") % {"n": row["final_unranked"]}))
        return blockers + self._settled(instansi, AnnouncementKind.FINAL)
