"""The whole PermenRK procedure through the services: four participants on a 2023 date,
three after KASN's functions moved (2024)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail

from simasn.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from simasn.core.models import AuditEvent
from simasn.core.storage import documents_storage
from simasn.workplans import pdf, selectors, services
from simasn.workplans.models import Activity, Draft, Notification, OverlapDecision, PlanScope, Stage
from simasn.workplans.tests.conftest import W, fill_draft, make_policy

pytestmark = pytest.mark.django_db


def new_cycle(users: Any, policy: Any, *, on: dt.date, year: int, ends_on: dt.date | None = None, **kw: Any) -> Any:
    return services.cycle_create(
        actor=users.minister, interface=W, title=f"Sinkronisasi Renja {year}", scope_kind=PlanScope.TAHUNAN,
        year_start=year, year_end=year, reference_date=on, starts_on=on,
        ends_on=ends_on or on + dt.timedelta(days=60), policy=policy, **kw)


def run_to_sealed(users: Any, cycle: Any, capture: Any) -> Any:
    with capture(execute=True):
        services.agenda_send(actor=users.minister, interface=W, cycle=cycle, letter_number="B/100/SM.01/2023",
                             letter_date=cycle.starts_on, draft_deadline=cycle.starts_on + dt.timedelta(days=21),
                             meeting_plan="Minggu keempat", body="Mohon rancangan disusun sesuai Arah Kebijakan.")
    for draft in Draft.objects.filter(cycle=cycle, kind=Draft.Kind.USULAN).select_related("institution", "cycle"):
        planner = users.planner[draft.institution.code]
        fill_draft(planner, draft)
        if draft.previous_evaluation is None:
            services.draft_set_evaluation(actor=planner, interface=W, draft=draft, previous_evaluation=None,
                                          evaluation_note="Periode sebelumnya dievaluasi di luar sistem (LAKIP).")
        services.draft_submit(actor=planner, interface=W, draft=draft)
    meeting = services.meeting_open(actor=users.minister, interface=W, cycle=cycle, held_on=cycle.starts_on +
                                    dt.timedelta(days=28), mode="HIBRIDA", location="Kantor KemenPANRB",
                                    online_link="https://zoom.example/rapat", delegated=True,
                                    delegate_name="Deputi SDM Aparatur", delegate_title="JPT madya",
                                    delegation_letter="ND/1/2023")
    for att in meeting.attendance.all():
        services.attendance_set(actor=users.minister, interface=W, attendance=att, present=True,
                                representative=f"Wakil {att.institution.code}")
    services.guest_add(actor=users.minister, interface=W, meeting=meeting, kind="PAKAR", name="Prof. Eko Prasojo",
                       affiliation="Universitas Indonesia")
    for overlap in meeting.overlaps.all():
        services.overlap_decide(actor=users.minister, interface=W, overlap=overlap, decision="MERGE", subject="B",
                                note="Satu regulasi disusun bersama")
    ba = services.meeting_close(actor=users.minister, interface=W, meeting=meeting, number="BA/01/2023")
    for participant in cycle.participants.select_related("institution"):
        services.berita_acara_sign(actor=users.secretary[participant.institution.code], interface=W,
                                   berita_acara=ba)
    ba.refresh_from_db()
    return ba


def test_full_cycle_2023_with_four_participants(users: Any, django_capture_on_commit_callbacks: Any) -> None:
    policy = make_policy(users.minister)
    cycle = new_cycle(users, policy, on=dt.date(2023, 11, 1), year=2025)
    codes = sorted(cycle.participants.values_list("institution__code", flat=True))
    assert codes == ["BKN", "KASN", "KEMENPANRB", "LAN"]
    assert cycle.participants.get(institution__code="KEMENPANRB").role == "KOORDINATOR"
    assert not cycle.is_late

    ba = run_to_sealed(users, cycle, django_capture_on_commit_callbacks)
    cycle.refresh_from_db()
    assert cycle.stage == Stage.TERSEGEL
    # Agenda: dated record, notifications and e-mails to every participant, a PDF.
    assert cycle.agenda.pdf.name and cycle.agenda.recipients.count() == 3
    assert Notification.objects.filter(user=users.planner["KASN"]).exists()
    assert any("perencana@kasn.example" in m.to for m in mail.outbox)
    # The overlap between the talent policies of KemenPANRB and BKN was found and merged.
    decision = OverlapDecision.objects.get(meeting__cycle=cycle)
    names = {decision.activity_a.code, decision.activity_b.code}
    assert names == {"K1", "B1"}
    aligned = Activity.objects.filter(program__draft__cycle=cycle, program__draft__kind=Draft.Kind.SELARAS)
    assert aligned.count() == Activity.objects.filter(program__draft__cycle=cycle,
                                                      program__draft__kind=Draft.Kind.USULAN).count() - 1
    # Decision "merge B": B's budget goes into A, B disappears from the aligned draft.
    assert aligned.get(code=decision.activity_a.code).budget == 2_500_000_000 + 1_750_000_000
    assert not aligned.filter(code=decision.activity_b.code).exists()
    # Four real PAdES signatures, all intact and trusted; the stored SHA-256 is the file's.
    checks = pdf.verify_pdf(ba.pdf.open("rb").read())
    assert len(checks) == 4 and all(c.ok for c in checks)
    assert ba.is_sealed and pdf.sha256(ba.pdf.open("rb").read()) == ba.sha256
    # Every transition is audited with its article.
    citations = [c for e in AuditEvent.objects.filter(extra__transition__isnull=False) for c in e.citations]
    for article in ("Pasal 5 ayat (1)", "Pasal 5 ayat (4)", "Pasal 5 ayat (5) huruf d", "Pasal 6"):
        assert any(article in c for c in citations), article

    # Coordination: Bappenas only, copy to the President; Kemenkeu sees nothing.
    with django_capture_on_commit_callbacks(execute=True):
        coordination = services.coordination_send(actor=users.minister, interface=W, cycle=cycle,
                                                   letter_number="B/200/PR.01/2024", letter_date=dt.date(2024, 1, 5),
                                                   to_bappenas=True, to_kemenkeu=False)
    assert selectors.coordination_list(viewer=users.bappenas).count() == 1
    assert selectors.coordination_list(viewer=users.presiden).count() == 1
    assert selectors.coordination_list(viewer=users.kemenkeu).count() == 0
    with pytest.raises(NotFoundError):
        selectors.coordination_get(viewer=users.kemenkeu, pk=coordination.pk)
    aligned_draft = Draft.objects.filter(cycle=cycle, kind=Draft.Kind.SELARAS).first()
    assert selectors.draft_get(viewer=users.bappenas, pk=aligned_draft.pk) == aligned_draft
    with pytest.raises(NotFoundError):
        selectors.cycle_get(viewer=users.bappenas, pk=cycle.pk)

    # Monitoring and evaluation (Pasal 9): realization, report to the Minister.
    act = aligned.filter(program__draft__institution__code="LAN").first()
    services.realization_record(actor=users.planner["LAN"], interface=W, activity=act, year=2025, quarter=1,
                                target_realized=Decimal("0.25"), budget_realized=900_000_000)
    with pytest.raises(PermissionDeniedError):
        services.realization_record(actor=users.planner["BKN"], interface=W, activity=act, year=2025, quarter=2,
                                    target_realized=Decimal("0.5"), budget_realized=1)
    report = services.evaluation_save(actor=users.planner["LAN"], interface=W, cycle=cycle,
                                      institution_id=act.program.draft.institution_id, year=2025,
                                      summary="Realisasi TW I sesuai rencana.", recommendations="Tambah angkatan.")
    services.evaluation_submit(actor=users.secretary["LAN"], interface=W, report=report)
    assert Notification.objects.filter(user=users.minister, title__contains="LAN").exists()
    rows = selectors.monitoring_rows(viewer=users.minister, cycle=cycle, year=2025)
    lan = next(r for r in rows if r.activity.pk == act.pk)
    assert lan.target_pct == 25.0 and lan.budget_realized == 900_000_000

    # The next period's drafting must link that evaluation (Pasal 5 ayat (2)).
    nxt = new_cycle(users, policy, on=dt.date(2024, 2, 1), year=2026, previous_cycle=cycle)
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_send(actor=users.minister, interface=W, cycle=nxt, letter_number="B/1/2024",
                             letter_date=dt.date(2024, 2, 1), draft_deadline=dt.date(2024, 2, 20),
                             meeting_plan="", body="Agenda")
    lan_draft = Draft.objects.get(cycle=nxt, institution__code="LAN", kind=Draft.Kind.USULAN)
    assert lan_draft.previous_evaluation == report
    fill_draft(users.planner["LAN"], lan_draft)
    services.draft_set_evaluation(actor=users.planner["LAN"], interface=W, draft=lan_draft, previous_evaluation=None,
                                  evaluation_note="")
    with pytest.raises(ApplicationError) as refused:
        services.draft_submit(actor=users.planner["LAN"], interface=W, draft=lan_draft)
    assert "previous_evaluation" in refused.value.fields


def test_full_cycle_after_kasn_change_has_three_participants(users: Any, storage_backend: str,
                                                             django_capture_on_commit_callbacks: Any) -> None:
    policy = make_policy(users.minister, 2025, 2029)
    cycle = new_cycle(users, policy, on=dt.date(2025, 9, 1), year=2027)
    codes = sorted(cycle.participants.values_list("institution__code", flat=True))
    assert codes == ["BKN", "KEMENPANRB", "LAN"]
    ba = run_to_sealed(users, cycle, django_capture_on_commit_callbacks)
    assert ba.signatures.count() == 3 and ba.is_sealed
    assert all(c.ok for c in pdf.verify_pdf(ba.pdf.open("rb").read()))
    # Every version stays stored under its hash, as each signer signed it (write-once storage).
    storage = documents_storage()
    versions = [ba.unsigned_sha256, *ba.signatures.values_list("sha256_after", flat=True)]
    assert all(storage.exists(f"workplans/berita-acara/{sha}.pdf") for sha in versions)
    assert ba.pdf.name == f"workplans/berita-acara/{ba.sha256}.pdf"
    # KASN's planner no longer sees the cycle.
    with pytest.raises(NotFoundError):
        selectors.cycle_get(viewer=users.planner["KASN"], pk=cycle.pk)


def test_sealed_aligned_draft_cannot_change(users: Any, django_capture_on_commit_callbacks: Any) -> None:
    policy = make_policy(users.minister, 2025, 2029)
    cycle = new_cycle(users, policy, on=dt.date(2025, 9, 1), year=2027)
    run_to_sealed(users, cycle, django_capture_on_commit_callbacks)
    act = Activity.objects.filter(program__draft__cycle=cycle, program__draft__kind=Draft.Kind.SELARAS,
                                  program__draft__institution__code="BKN").first()
    with pytest.raises(ConflictError) as refused:
        services.activity_update(actor=users.planner["BKN"], interface=W, activity=act, data={"budget": 1})
    assert refused.value.code == "sealed"
    with pytest.raises(ConflictError):
        services.activity_delete(actor=users.planner["BKN"], interface=W, activity=act)
    act.refresh_from_db()
    assert act.budget != 1


def test_signing_refuses_wrong_people_and_twice(users: Any, django_capture_on_commit_callbacks: Any) -> None:
    policy = make_policy(users.minister, 2025, 2029)
    cycle = new_cycle(users, policy, on=dt.date(2025, 9, 1), year=2027)
    ba = run_to_sealed(users, cycle, django_capture_on_commit_callbacks)
    with pytest.raises(ConflictError):
        services.berita_acara_sign(actor=users.secretary["BKN"], interface=W, berita_acara=ba)
    with pytest.raises(PermissionDeniedError):
        services.berita_acara_sign(actor=users.planner["BKN"], interface=W, berita_acara=ba)


def test_revision_goes_through_the_same_steps_and_diffs(users: Any, django_capture_on_commit_callbacks: Any) -> None:
    policy = make_policy(users.minister, 2025, 2029)
    cycle = new_cycle(users, policy, on=dt.date(2025, 9, 1), year=2027)
    run_to_sealed(users, cycle, django_capture_on_commit_callbacks)
    with pytest.raises(ApplicationError):
        services.cycle_revise(actor=users.minister, interface=W, cycle=cycle, reason=" ",
                              starts_on=dt.date(2025, 12, 1), ends_on=dt.date(2026, 1, 30))
    revision = services.cycle_revise(actor=users.minister, interface=W, cycle=cycle,
                                     reason="Perpres baru tentang prioritas ASN",
                                     starts_on=dt.date(2025, 12, 1), ends_on=dt.date(2026, 1, 30))
    cycle.refresh_from_db()
    assert cycle.is_superseded and revision.revision_no == 1 and revision.stage == Stage.PERSIAPAN
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_send(actor=users.minister, interface=W, cycle=revision, letter_number="B/9/2025",
                             letter_date=dt.date(2025, 12, 1), draft_deadline=dt.date(2025, 12, 20),
                             meeting_plan="", body="Revisi")
    lan = Draft.objects.get(cycle=revision, institution__code="LAN", kind=Draft.Kind.USULAN)
    act = Activity.objects.get(program__draft=lan, code="L1")
    services.activity_update(actor=users.planner["LAN"], interface=W, activity=act, data={"budget": 5_000_000_000})
    diff = selectors.revision_diff(old=cycle, new=revision)
    assert [c["activity"].code for c in diff["changed"]] == ["L1"]
    assert list(diff["changed"][0]["fields"].values()) == [(4_000_000_000, 5_000_000_000)]
    assert [c.pk for c in selectors.revision_chain(revision)] == [cycle.pk, revision.pk]


def test_schedule_after_pagu_indikatif_is_flagged_late(users: Any) -> None:
    policy = make_policy(users.minister)
    cycle = new_cycle(users, policy, on=dt.date(2024, 2, 1), year=2025, ends_on=dt.date(2024, 4, 15))
    assert [m["code"] for m in cycle.late_milestones] == ["PAGU_INDIKATIF", "PERTEMUAN_TRILATERAL"]


def test_policy_published_is_read_only_and_versioned(users: Any) -> None:
    policy = make_policy(users.minister)
    program = policy.programs.first()
    with pytest.raises(ConflictError):
        services.policy_program_add(actor=users.minister, interface=W, policy=policy, code="P9", name="x",
                                    strategic_target="y")
    v2 = services.policy_new_version(actor=users.minister, interface=W, policy=policy, change_note="Perpres baru")
    assert v2.version_no == 2 and v2.programs.count() == policy.programs.count()
    services.policy_program_add(actor=users.minister, interface=W, policy=v2, code="P9", name="Baru",
                                strategic_target="Sasaran")
    assert policy.programs.filter(code="P9").count() == 0 and program.policy_id == policy.pk
    with pytest.raises(PermissionDeniedError):
        services.policy_create(actor=users.planner["BKN"], interface=W, title="x", year_start=2025, year_end=2025)


def test_cycle_before_permenrk_in_force_is_refused(users: Any) -> None:
    policy = make_policy(users.minister)
    with pytest.raises(ApplicationError):
        new_cycle(users, policy, on=dt.date(2023, 1, 5), year=2024)


def test_planner_edits_only_own_draft(users: Any, django_capture_on_commit_callbacks: Any) -> None:
    policy = make_policy(users.minister, 2025, 2029)
    cycle = new_cycle(users, policy, on=dt.date(2025, 9, 1), year=2027)
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_send(actor=users.minister, interface=W, cycle=cycle, letter_number="1", letter_date=cycle.starts_on,
                             draft_deadline=cycle.starts_on + dt.timedelta(days=14), meeting_plan="", body="x")
    bkn = Draft.objects.get(cycle=cycle, institution__code="BKN")
    with pytest.raises(PermissionDeniedError):
        services.draft_program_add(actor=users.planner["LAN"], interface=W, draft=bkn, code="X", name="X",
                                   policy_program=None)
    assert selectors.draft_list(viewer=users.planner["LAN"], cycle=cycle).count() == 1


def test_daily_reminder_for_overdue_drafts_is_idempotent(users: Any, django_capture_on_commit_callbacks: Any) -> None:
    from simasn.workplans.tasks import remind_overdue_drafts

    policy = make_policy(users.minister, 2025, 2029)
    cycle = new_cycle(users, policy, on=dt.date(2025, 9, 1), year=2027)
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_send(actor=users.minister, interface=W, cycle=cycle, letter_number="1",
                             letter_date=cycle.starts_on, draft_deadline=dt.date(2025, 9, 20), meeting_plan="",
                             body="x")
    assert services.drafts_overdue_remind(on=dt.date(2025, 9, 20)) == 0
    first = remind_overdue_drafts.call("2025-09-21")
    assert first > 0 and Notification.objects.filter(user=users.planner["LAN"], title__contains="belum dikirim").exists()
    assert remind_overdue_drafts.call("2025-09-22") == 0


def test_aligned_draft_changes_regenerate_minutes_until_the_first_signature(
        users: Any, django_capture_on_commit_callbacks: Any) -> None:
    policy = make_policy(users.minister, 2025, 2029)
    cycle = new_cycle(users, policy, on=dt.date(2025, 9, 1), year=2027)
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_send(actor=users.minister, interface=W, cycle=cycle, letter_number="1",
                             letter_date=cycle.starts_on, draft_deadline=cycle.starts_on + dt.timedelta(days=14), meeting_plan="", body="x")
    for draft in Draft.objects.filter(cycle=cycle).select_related("institution", "cycle"):
        fill_draft(users.planner[draft.institution.code], draft)
        services.draft_set_evaluation(actor=users.planner[draft.institution.code], interface=W, draft=draft,
                                      previous_evaluation=None, evaluation_note="LAKIP")
        services.draft_submit(actor=users.planner[draft.institution.code], interface=W, draft=draft)
    meeting = services.meeting_open(actor=users.minister, interface=W, cycle=cycle, held_on=cycle.starts_on,
                                    mode="DARING", online_link="https://vicon.example")
    for att in meeting.attendance.all():
        services.attendance_set(actor=users.minister, interface=W, attendance=att, present=True, representative="x")
    for overlap in meeting.overlaps.all():
        services.overlap_decide(actor=users.minister, interface=W, overlap=overlap, decision="KEEP")
    ba = services.meeting_close(actor=users.minister, interface=W, meeting=meeting, number="BA/1")
    before = ba.sha256
    act = Activity.objects.filter(program__draft__cycle=cycle, program__draft__kind=Draft.Kind.SELARAS,
                                  program__draft__institution__code="LAN").first()
    services.activity_update(actor=users.planner["LAN"], interface=W, activity=act, data={"budget": 4_100_000_000})
    ba.refresh_from_db()
    assert ba.sha256 != before  # regenerated from the changed aligned draft
    services.berita_acara_sign(actor=users.secretary["KEMENPANRB"], interface=W, berita_acara=ba)
    with pytest.raises(ConflictError) as refused:
        services.activity_update(actor=users.planner["LAN"], interface=W, activity=act, data={"budget": 1})
    assert refused.value.code == "signing"
