"""The scope matrix for work plans: every role × the cycle, each participant's draft, the
coordination letter and the aligned drafts it sent, read through the selectors every page
and API endpoint uses.

Expected outcomes written out from PermenRK (Pasal 4-9) and MISSION.md, not from the table:
KemenPANRB (the coordinator) and administrators read everything; a participant's planner
and secretariat head, and the LAN/BKN/KASN roles, read the cycles their institution takes
part in and their own institution's drafts; Bappenas, Kemenkeu and the President's office
read only the letters sent to them and the aligned drafts those letters carry.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from simasn.accounts.roles import Role
from simasn.testing.factories import user_with_role
from simasn.workplans import selectors
from simasn.workplans.models import Coordination, CoordinationRecipient, Draft

PARTICIPANTS = ("KEMENPANRB", "BKN", "LAN", "KASN")


@pytest.fixture
def sent(draft: Any, institutions: dict[str, Any]) -> dict[str, Any]:
    """The fixture cycle with one aligned draft per participant and a letter to Bappenas,
    copied to the President; Kemenkeu got none."""
    cycle = draft.cycle
    aligned = {code: Draft.objects.create(cycle=cycle, institution=institutions[code], kind=Draft.Kind.SELARAS)
               for code in PARTICIPANTS if cycle.participants.filter(institution__code=code).exists()}
    letter = Coordination.objects.create(cycle=cycle, letter_number="B-1", letter_date=cycle.starts_on,
                                         sent_at=timezone.now())
    CoordinationRecipient.objects.create(coordination=letter, institution=institutions["BAPPENAS"])
    CoordinationRecipient.objects.create(coordination=letter, institution=institutions["PRESIDEN"], is_copy=True)
    return {"cycle": cycle, "usulan": draft, "aligned": aligned, "letter": letter}


def _user(role: Role, institutions: dict[str, Any]) -> Any:
    if role in (Role.PERENCANA, Role.KEPALA_SEKRETARIAT):
        return user_with_role(role, institution=institutions["BKN"])
    return user_with_role(role)


EVERYTHING = {"cycle", "usulan", "aligned", "letter"}
OWN_PART = {"cycle", "usulan", "aligned-own"}  # BKN's draft is the fixture's usulan
EXPECTED: dict[Role, set[str]] = {
    Role.KEMENPANRB: EVERYTHING, Role.ADMIN: EVERYTHING,
    Role.PERENCANA: OWN_PART, Role.KEPALA_SEKRETARIAT: OWN_PART, Role.BKN: OWN_PART,
    Role.LAN: {"cycle", "aligned-own"},
    # KASN's ASN functions ended before the cycle's reference date: not a participant.
    Role.KASN: set(),
    Role.BAPPENAS: {"letter", "aligned"}, Role.PRESIDEN: {"letter", "aligned"},
}


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_workplan_scope_matrix(role: Role, sent: dict[str, Any], institutions: dict[str, Any]) -> None:
    user = _user(role, institutions)
    seen = set()
    if selectors.cycle_list(viewer=user).filter(pk=sent["cycle"].pk).exists():
        seen.add("cycle")
    drafts = selectors.draft_list(viewer=user)
    if drafts.filter(pk=sent["usulan"].pk).exists():
        seen.add("usulan")
    aligned = set(drafts.filter(kind=Draft.Kind.SELARAS).values_list("institution__code", flat=True))
    if aligned == set(sent["aligned"]):
        seen.add("aligned")
    elif aligned:
        own = user.institution.code if user.institution_id else role.value
        assert aligned == {own}, f"{role} reads others' aligned drafts {aligned}"
        seen.add("aligned-own")
    if selectors.coordination_list(viewer=user).filter(pk=sent["letter"].pk).exists():
        seen.add("letter")
    assert seen == EXPECTED.get(role, set()), f"{role} reads {seen}"
