"""Who appraises whom, from the registry on a date — never typed by hand.

UU 20/2023 Pasal 43: performance management runs under the PyB's authority and is delegated
down the hierarchy of positions. The hierarchy is the registry's: units form a tree
(`Unit.parent`), and the head of a unit is its highest managerial position (JPT utama >
JPT madya > JPT pratama > administrator > pengawas). An employee's superior on a date is
the person who holds the head position of their unit on that date — or, while it is
vacant, its Pelaksana tugas (Plt, `ActingAssignment`); the head of a unit (and anyone whose
unit head is vacant without a Plt) looks one unit up. Who held what on a date is read from
the position history (`PositionHistory`), so a transfer mid-period changes the superior
from its TMT.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from simasn.law.enums import PositionKind
from simasn.organization.models import Unit
from simasn.performance.models import ActingAssignment
from simasn.personnel.models import Employee, PositionHistory
from simasn.positions.models import Position

#: Rank of the managerial kinds (Pasal 14): the highest in a unit heads it.
MANAGERIAL_RANK = {
    PositionKind.JPT_UTAMA.value: 5,
    PositionKind.JPT_MADYA.value: 4,
    PositionKind.JPT_PRATAMA.value: 3,
    PositionKind.ADMINISTRATOR.value: 2,
    PositionKind.PENGAWAS.value: 1,
}


@dataclass(frozen=True)
class Segment:
    """One position held by an employee within a period (a transfer splits the period)."""

    position_id: int
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Superior:
    employee: Employee | None
    position: Position | None
    acting: bool

    @property
    def position_name(self) -> str:
        if self.position is None:
            return ""
        return f"Plt. {self.position.name}" if self.acting else self.position.name


def head_position(unit_id: int) -> Position | None:
    """The highest managerial position of a unit (lowest id on a tie), archived ones excluded."""
    candidates = [p for p in Position.objects.filter(unit_id=unit_id, archived_at__isnull=True,
                                                      kind__in=list(MANAGERIAL_RANK))]
    if not candidates:
        return None
    return max(candidates, key=lambda p: (MANAGERIAL_RANK[p.kind], -p.pk))


def _covering(on: dt.date) -> Q:
    return Q(start_date__lte=on) & (Q(end_date__isnull=True) | Q(end_date__gte=on))


def holder_on(position_id: int, on: dt.date) -> Employee | None:
    """Who held the position (definitively) on the date, from the position history."""
    row = (PositionHistory.objects.filter(_covering(on), position_id=position_id)
           .select_related("employee").order_by("-start_date", "-id").first())
    return row.employee if row else None


def acting_on(position_id: int, on: dt.date) -> Employee | None:
    row = (ActingAssignment.objects.filter(_covering(on), position_id=position_id)
           .select_related("employee").order_by("-start_date", "-id").first())
    return row.employee if row else None


def position_on(employee: Employee, on: dt.date) -> int | None:
    """The position the employee held on the date (the register's current one when no history)."""
    row = (PositionHistory.objects.filter(_covering(on), employee=employee, position__isnull=False)
           .order_by("-start_date", "-id").first())
    if row is not None:
        return row.position_id
    if not PositionHistory.objects.filter(employee=employee, position__isnull=False).exists():
        return employee.position_id
    return None


def superior_on(*, employee: Employee, position_id: int, on: dt.date) -> Superior:
    """The appraiser of `employee` holding `position_id` on `on` (None at the top of the tree:
    the head of the instansi's top unit is appraised by the PPK, outside the register)."""
    position = Position.objects.select_related("unit").get(pk=position_id)
    unit: Unit | None = position.unit
    skip_own_head = True
    while unit is not None:
        head = head_position(unit.pk)
        if head is not None and not (skip_own_head and head.pk == position_id):
            person = holder_on(head.pk, on)
            if person is not None and person.pk != employee.pk:
                return Superior(employee=person, position=head, acting=False)
            acting = acting_on(head.pk, on)
            if acting is not None and acting.pk != employee.pk:
                return Superior(employee=acting, position=head, acting=True)
        skip_own_head = False
        unit = unit.parent
    return Superior(employee=None, position=None, acting=False)


def segments(*, employee: Employee, start: dt.date, end: dt.date) -> list[Segment]:
    """The positions the employee held between `start` and `end`, clipped to them."""
    rows = list(PositionHistory.objects.filter(employee=employee, position__isnull=False, start_date__lte=end)
                .filter(Q(end_date__isnull=True) | Q(end_date__gte=start)).order_by("start_date", "id"))
    if not rows:
        if PositionHistory.objects.filter(employee=employee, position__isnull=False).exists():
            return []
        return [Segment(employee.position_id, start, end)] if employee.position_id else []
    found: list[Segment] = []
    for i, row in enumerate(rows):
        seg_start = max(row.start_date, start)
        seg_end = min(row.end_date or end, end)
        if i + 1 < len(rows):  # a later TMT ends this one the day before, whatever was recorded
            seg_end = min(seg_end, rows[i + 1].start_date - dt.timedelta(days=1))
        if seg_start <= seg_end and row.position_id is not None:
            found.append(Segment(row.position_id, seg_start, seg_end))
    return found


def is_unit_head(position_id: int) -> bool:
    position = Position.objects.get(pk=position_id)
    head = head_position(position.unit_id)
    return head is not None and head.pk == position_id


def next_level_id(*, appraiser: Employee | None, on: dt.date) -> int | None:
    """The superior of an appraiser on a date (who approves that appraiser's overrides);
    None at the top of the register, where the PPK's office decides."""
    if appraiser is None:
        return None
    position_id = position_on(appraiser, on)
    if position_id is None:
        return None
    superior = superior_on(employee=appraiser, position_id=position_id, on=on)
    return superior.employee.pk if superior.employee is not None else None
