"""The learning loop (issue 13 item 4) and the glossary as administrator data (item 1):
decisions and marks become labelled pairs, retraining stores an audited model version that
the analysis then uses, glossary versions apply at once — all through the services."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import pytest

from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.models import AuditEvent
from simasn.workplans import analysis, detection, services
from simasn.workplans.models import (
    Activity,
    DetectorModel,
    Draft,
    GlossaryEntryVersion,
    LabelledPair,
)
from simasn.workplans.overlap.store import BASELINE
from simasn.workplans.services import overlap as overlap_services
from simasn.workplans.tasks import retrain_detector
from simasn.workplans.tests.conftest import W, fill_draft, make_policy
from simasn.workplans.tests.test_services_cycle import new_cycle

pytestmark = pytest.mark.django_db



def _meeting(users: Any, capture: Any) -> Any:
    policy = make_policy(users.minister, 2025, 2029)
    cycle = new_cycle(users, policy, on=dt.date(2025, 9, 1), year=2027)
    with capture(execute=True):
        services.agenda_send(actor=users.minister, interface=W, cycle=cycle, letter_number="B/1/2025",
                             letter_date=cycle.starts_on, draft_deadline=cycle.starts_on + dt.timedelta(days=21),
                             meeting_plan="", body="Mohon rancangan disusun.")
    for draft in Draft.objects.filter(cycle=cycle, kind=Draft.Kind.USULAN).select_related("institution", "cycle"):
        planner = users.planner[draft.institution.code]
        fill_draft(planner, draft)
        services.draft_set_evaluation(actor=planner, interface=W, draft=draft, previous_evaluation=None,
                                      evaluation_note="-")
        services.draft_submit(actor=planner, interface=W, draft=draft)
    return services.meeting_open(actor=users.minister, interface=W, cycle=cycle, held_on=cycle.starts_on,
                                 mode="DARING", online_link="https://rapat.example")


def _act(code: str) -> Activity:
    return Activity.objects.get(code=code, program__draft__kind=Draft.Kind.USULAN)


def test_meeting_decisions_become_labelled_pairs(users: Any, django_capture_on_commit_callbacks: Any) -> None:
    meeting = _meeting(users, django_capture_on_commit_callbacks)
    pair = meeting.overlaps.get(activity_a__code__in=["K1", "B1"], activity_b__code__in=["K1", "B1"])
    services.overlap_decide(actor=users.minister, interface=W, overlap=pair, decision="MERGE", subject="B")
    label = LabelledPair.objects.get(origin=LabelledPair.Origin.DECISION)
    assert (label.is_overlap, label.decision, label.text_a) == (True, "MERGE", pair.activity_a.name)
    # The units of the two targets are kept with the texts, and the retraining reads them.
    assert (label.unit_a, label.unit_b) == (pair.activity_a.target_unit, pair.activity_b.target_unit)
    (example,) = overlap_services.labelled_examples()
    assert (example.a.unit, example.b.unit, example.overlap) == (label.unit_a, label.unit_b, True)
    # The meeting changes its mind: keeping both says they are different work; still one row.
    services.overlap_decide(actor=users.minister, interface=W, overlap=pair, decision="KEEP")
    label.refresh_from_db()
    assert (label.is_overlap, label.decision, LabelledPair.objects.count()) == (False, "KEEP", 1)
    assert AuditEvent.objects.filter(extra__transition="pair_labelled").count() == 2


def test_participants_mark_pairs_of_their_own_institution_only(users: Any, django_capture_on_commit_callbacks: Any) -> None:
    meeting = _meeting(users, django_capture_on_commit_callbacks)
    cycle = meeting.cycle
    lan, other, bkn = _act("L1"), _act("K2"), _act("B2")
    mark = services.pair_mark(actor=users.planner["LAN"], interface=W, cycle=cycle, activity_a=lan, activity_b=other,
                              is_overlap=True, note="Keduanya menyangkut pejabat pimpinan tinggi")
    assert (mark.origin, mark.is_overlap, mark.created_by) == ("MARK", True, users.planner["LAN"])
    assert {mark.institution_a, mark.institution_b} == {"LAN", "KEMENPANRB"}
    with pytest.raises(PermissionDeniedError):  # neither activity is LAN's
        services.pair_mark(actor=users.planner["LAN"], interface=W, cycle=cycle, activity_a=other, activity_b=bkn,
                           is_overlap=True)
    with pytest.raises(ApplicationError):  # two activities of one institution
        services.pair_mark(actor=users.minister, interface=W, cycle=cycle, activity_a=bkn, activity_b=_act("B1"),
                           is_overlap=True)
    # A pair marked "also overlapping" is shown in the analysis with its mark, and proposed.
    result = analysis.analyse_cycle(cycle)
    shown = [p for p in result.overlaps if {p.a.pk, p.b.pk} == {lan.pk, other.pk}]
    assert shown and shown[0].marked is True and shown[0].marked_by


@pytest.mark.usefixtures("quick_training")
def test_retraining_stores_an_audited_version_the_analysis_uses(users: Any,
                                                                django_capture_on_commit_callbacks: Any) -> None:
    meeting = _meeting(users, django_capture_on_commit_callbacks)
    assert analysis.analyse_cycle(meeting.cycle).detector_version == BASELINE
    assert meeting.overlaps.exists()
    for pair in meeting.overlaps.all():
        services.overlap_decide(actor=users.minister, interface=W, overlap=pair, decision="MERGE", subject="B")
    with django_capture_on_commit_callbacks(execute=True):
        services.detector_retrain_request(actor=users.minister, interface=W, note="Setelah pertemuan 2027",
                                          enqueue=partial(retrain_detector.enqueue, user_id=users.minister.pk,
                                                          note="Setelah pertemuan 2027"))
    model = DetectorModel.objects.get()
    assert model.version == 1 and model.trained_on["decision"] == meeting.overlaps.count()
    assert model.file.name.endswith("detector-v1.json") and len(model.sha256) == 64
    assert 0 < model.cv["f1"] <= 1
    trained = AuditEvent.objects.get(extra__transition="detector_trained")
    assert trained.changes["version"] == 1 and trained.actor == users.minister
    assert AuditEvent.objects.filter(extra__transition="detector_retrain_requested").exists()
    assert analysis.analyse_cycle(meeting.cycle).detector_version == "1"


def test_only_the_coordinator_or_an_administrator_retrains(users: Any) -> None:
    with pytest.raises(PermissionDeniedError):
        services.detector_train(actor=users.planner["BKN"], interface=W)
    assert not DetectorModel.objects.exists()


@pytest.mark.usefixtures("quick_training")
def test_glossary_versions_are_added_audited_and_used_at_once(users: Any) -> None:
    before = detection.detector()
    assert before.glossary.get("sijab") is None
    row = services.glossary_entry_add(
        actor=users.minister, interface=W, entry_key="sijab",
        data={"kind": "abbreviation", "terms": ["SIJAB"], "means": "sistem informasi jabatan"},
        source_title="PermenPANRB 1/2020 Lampiran", reason="Dipakai perencana dalam Renja 2027")
    detection.invalidate()
    now = detection.detector()
    assert now.glossary.get("sijab") is not None and now.glossary.version != before.glossary.version
    assert now.normalizer.process("Pengembangan SIJAB").content == now.normalizer.process(
        "Pengembangan sistem informasi jabatan").content
    event = AuditEvent.objects.get(object_type="workplans.glossaryentryversion", object_id=str(row.pk))
    assert event.changes["entry"] == "sijab" and event.reason == "Dipakai perencana dalam Renja 2027"
    # Retiring an entry of the seed removes it; the seed file is untouched.
    services.glossary_entry_add(actor=users.minister, interface=W, entry_key="kp", data={}, retired=True,
                                source_title="-", reason="KP terlalu ambigu di Renja 2027")
    detection.invalidate()
    assert detection.glossary().get("kp") is None
    assert GlossaryEntryVersion.objects.count() == 2


def test_glossary_refuses_bad_entries_and_other_roles(users: Any) -> None:
    with pytest.raises(PermissionDeniedError):
        services.glossary_entry_add(actor=users.planner["BKN"], interface=W, entry_key="x",
                                    data={"kind": "synonyms", "terms": ["a", "b"]}, source_title="-", reason="-")
    with pytest.raises(ApplicationError) as error:
        services.glossary_entry_add(actor=users.minister, interface=W, entry_key="c-x",
                                    data={"kind": "contrast", "members": [["satu"]], "dimension": "x"},
                                    source_title="PermenPANRB", reason="uji")
    assert "two members" in str(error.value.fields)
    with pytest.raises(ApplicationError):
        services.glossary_entry_add(actor=users.minister, interface=W, entry_key="ok",
                                    data={"kind": "synonyms", "terms": ["a", "b"]}, source_title=" ", reason="uji")
    assert not GlossaryEntryVersion.objects.exists()
