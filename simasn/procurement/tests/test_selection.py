"""CAT import with a reject report, passing grade, SKB participants, final ranking, appointment
with a NIP by the law's rule (issue 14 items 7-8)."""

from __future__ import annotations

import datetime as dt

import pytest

from simasn.core.errors import ApplicationError, ConflictError
from simasn.core.interfaces import Interface
from simasn.core.providers import provide
from simasn.core.storage import read_bytes, working_storage
from simasn.law import evaluate
from simasn.organization.models import Official
from simasn.personnel.models import Employee, PositionHistory
from simasn.procurement.models import Application, Appointment, Stage
from simasn.procurement.services import appointment, portal, registration, selection, verification
from simasn.procurement.tests.conftest import PDF

# receipt order → (TWK, TIU, TKP); UMUM 2024 passing grade: TWK 65, TIU 80, TKP 166 each.
SKD = [(100, 120, 200), (90, 110, 190), (90, 110, 190), (65, 80, 166), (60, 150, 200), (80, 90, 170),
       (70, 85, 168)]


def _applicants(world, register, n):
    apps = []
    for i in range(n):
        applicant = register(nik=f"327301120399{i + 10:04d}", name=f"Pelamar {i}")
        user = applicant.user
        registration.draft_save(actor=user, interface=Interface.WEB, period_id=world.period.pk,
                                vacancy_id=world.vacancy.pk, data={"education_level": "S1", "ipk": "3.50"})
        for doc in ("KTP", "IJAZAH"):
            registration.document_upload(actor=user, interface=Interface.WEB, period_id=world.period.pk,
                                         doc_type=doc, content=PDF + f"{doc}{i}".encode())
        app, _ = registration.application_submit(actor=user, interface=Interface.WEB, period_id=world.period.pk,
                                                 idempotency_key=f"k-sel-{i:06d}")
        apps.append(app)
    return apps


def _advance(world, stage):
    portal.period_advance(actor=world.bkn, interface=Interface.WEB, period_id=world.period.pk, to_stage=stage)


def _announce(world, kind, days_ago=10):
    """The panitia announces (long enough ago that the sanggah window has closed)."""
    from simasn.procurement.services import announcements

    return announcements.announcement_publish(actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk,
                                              instansi_id=world.bandung.pk, kind=kind,
                                              on=world.today - dt.timedelta(days=days_ago))


def _to_skb(world):
    """SKD ranked and announced, the period moved to the SKB."""
    selection.skd_rank(actor=world.bkn, interface=Interface.WEB, period_id=world.period.pk)
    _announce(world, "SKD")
    _advance(world, Stage.SKB)


@pytest.fixture
def skd_done(world, register):
    apps = _applicants(world, register, len(SKD))
    _advance(world, Stage.VERIFICATION)
    for app in apps:
        verification.application_verify(actor=world.panitia, interface=Interface.WEB, application_id=app.pk,
                                        verdicts={"KTP": ("MS", ""), "IJAZAH": ("MS", "")})
    _announce(world, "ADMINISTRASI", days_ago=20)
    _advance(world, Stage.SKD)
    lines = ["nomor_peserta,nik,twk,tiu,tkp"]
    for app, (twk, tiu, tkp) in zip(apps, SKD, strict=True):
        if app is apps[1]:
            twk = 155  # above the decree's maximum TWK (150)
        lines.append(f"{app.receipt_number},{app.applicant.nik},{twk},{tiu},{tkp}")
    lines += ["TIDAK-ADA,3273011203990099,100,100,100", f"{apps[0].receipt_number},{apps[0].applicant.nik},1,1,1"]
    job = selection.results_import(actor=world.bkn, interface=Interface.WEB, period_id=world.period.pk, kind="SKD",
                                   content="\n".join(lines).encode(), filename="skd.csv")
    return apps, job


def test_the_skd_import_checks_rows_and_reports_rejects(world, skd_done):
    apps, job = skd_done
    assert (job.rows_total, job.rows_ok, job.rows_rejected) == (9, 6, 3)
    report = read_bytes(working_storage(), job.reject_name).decode("utf-8-sig")
    assert "nomor peserta tidak dikenal" in report and "nomor peserta ganda" in report
    # A TWK above the decree's maximum (150) is refused and nothing of that row is stored.
    assert "bukan bilangan bulat dalam batas" in report
    apps[1].refresh_from_db()
    assert apps[1].twk is None


def test_passing_grade_and_skb_participants_follow_the_law(world, skd_done):
    apps, _job = skd_done
    outcome = selection.skd_rank(actor=world.bkn, interface=Interface.WEB, period_id=world.period.pk)
    rows = {a.pk: Application.objects.get(pk=a.pk) for a in apps}
    # Exactly at the passing grade passes (boundary); TWK 60 < 65 fails; the absent row fails.
    assert rows[apps[3].pk].skd_passed is True
    assert rows[apps[4].pk].skd_passed is False
    assert rows[apps[1].pk].skd_passed is False  # rejected row: no scores
    law = evaluate("selection.skb_participants", {
        "formasi_type": "UMUM", "seats": 2,
        "applicants": [{"id": str(a.pk), "twk": t, "tiu": i, "tkp": k} for a, (t, i, k) in zip(apps, SKD, strict=True)
                       if a.pk != apps[1].pk]}, dt.date(2024, 9, 1))
    assert sorted(int(x) for x in law.outcome["proceeds"]) == sorted(pk for pk, r in rows.items() if r.proceeds_skb)
    assert outcome["proceed"] == len(law.outcome["proceeds"])


def test_final_ranking_and_appointment(world, skd_done):
    _apps, _job = skd_done
    _to_skb(world)
    participants = list(Application.objects.filter(period=world.period, proceeds_skb=True).select_related("applicant"))
    lines = ["nomor_peserta,nik,skb_cat,skb_wawancara,skb_lainnya"]
    for i, app in enumerate(participants):
        lines.append(f"{app.receipt_number},{app.applicant.nik},{90 - i * 7}.50,,")
    job = selection.results_import(actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk,
                                   kind="SKB", content="\n".join(lines).encode(), filename="skb.csv")
    assert job.rows_ok == len(participants)
    _advance(world, Stage.FINAL)
    outcome = selection.final_rank(actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk,
                                   instansi_id=world.bandung.pk)
    assert outcome["selected"] == 2
    winner = Application.objects.get(period=world.period, final_rank=1)
    assert winner.selected and winner.final_score is not None
    with pytest.raises(ConflictError):
        loser = Application.objects.filter(period=world.period, selected=False).first()
        appointment.appointment_make(actor=world.operator, interface=Interface.WEB, application_id=loser.pk,
                                     tmt=dt.date(2027, 1, 1))
    made = appointment.appointment_make(actor=world.operator, interface=Interface.WEB, application_id=winner.pk,
                                        tmt=dt.date(2027, 1, 1))
    applicant = winner.applicant
    assert made.nip == f"{applicant.birth_date:%Y%m%d}202701{1}001"
    assert evaluate("nip", {"nip": made.nip, "employee_type": "PNS", "birth_date": applicant.birth_date.isoformat(),
                            "sex": applicant.sex, "tmt_cpns": "2027-01-01"}, dt.date(2027, 1, 1)).outcome["valid"]
    employee = Employee.objects.get(pk=made.employee_id)
    assert (employee.nip, employee.tmt_cpns, employee.position_id) == (made.nip, dt.date(2027, 1, 1), world.guru.pk)
    assert PositionHistory.objects.filter(employee=employee, start_date=dt.date(2027, 1, 1)).exists()
    # The appointment is an SK of the personnel-action register: decided, numbered, with the TMT.
    sk = provide("actions.states", action_ids=[made.action_ref])[made.action_ref]
    assert sk["state"] == "DECIDED" and sk["tmt"] == dt.date(2027, 1, 1)
    assert sk["sk_number"].startswith("KP.") and "/CPNS/KOTA-BDG/" in sk["sk_number"]
    with pytest.raises(ConflictError):
        appointment.appointment_make(actor=world.operator, interface=Interface.WEB, application_id=winner.pk,
                                     tmt=dt.date(2027, 1, 1))


def test_a_year_without_a_passing_grade_decree_is_not_ranked(world, register):
    period = portal.period_create(actor=world.bkn, interface=Interface.WEB, name="Seleksi 2026", fiscal_year=2026,
                                  employee_type="PNS", opens_on=world.today, closes_on=world.today, stage=Stage.SKD)
    with pytest.raises(ConflictError) as refused:
        selection.skd_rank(actor=world.bkn, interface=Interface.WEB, period_id=period.pk)
    assert refused.value.code == "needs_legal_review"


def _skb_import(world, absent=0):
    """The panitia imports the SKB scores (the last ``absent`` participants did not sit it)."""
    participants = list(Application.objects.filter(period=world.period, proceeds_skb=True)
                        .select_related("applicant").order_by("pk"))
    lines = ["nomor_peserta,nik,skb_cat,skb_wawancara,skb_lainnya"]
    lines += [f"{a.receipt_number},{a.applicant.nik},{90 - i * 7}.50,,"
              for i, a in enumerate(participants[:len(participants) - absent])]
    selection.results_import(actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk, kind="SKB",
                             content="\n".join(lines).encode(), filename="skb.csv")


def _final(world, skd_done):
    _to_skb(world)
    _skb_import(world)
    _advance(world, Stage.FINAL)
    selection.final_rank(actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk,
                         instansi_id=world.bandung.pk)
    return Application.objects.get(period=world.period, final_rank=1)


def test_without_a_ppk_to_sign_the_sk_nobody_is_appointed(world, skd_done):
    winner = _final(world, skd_done)
    Official.objects.filter(instansi=world.bandung).delete()
    with pytest.raises(ApplicationError) as refused:
        appointment.appointment_make(actor=world.operator, interface=Interface.WEB, application_id=winner.pk,
                                     tmt=dt.date(2027, 1, 1))
    assert refused.value.code == "no_official"
    assert not Appointment.objects.exists()
    assert not Employee.objects.filter(nik=winner.applicant.nik).exists()


def test_the_appointment_sk_takes_effect_on_its_tmt_without_a_second_register_entry(world, skd_done):
    from simasn.actions.services import apply_due_actions

    winner = _final(world, skd_done)
    made = appointment.appointment_make(actor=world.operator, interface=Interface.WEB, application_id=winner.pk,
                                        tmt=dt.date(2027, 1, 1))
    apply_due_actions(on=dt.date(2027, 1, 1))
    assert provide("actions.states", action_ids=[made.action_ref])[made.action_ref]["state"] == "EFFECTIVE"
    assert PositionHistory.objects.filter(employee_id=made.employee_id).count() == 1


def test_final_sanggah_within_the_window_then_reannouncement_before_appointment(world, skd_done):
    from simasn.procurement.models import AnnouncementKind
    from simasn.procurement.services import announcements

    winner = _final(world, skd_done)
    announced_on = dt.date(2024, 12, 20)
    final = announcements.announcement_publish(actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk,
                                               instansi_id=world.bandung.pk, kind=AnnouncementKind.FINAL,
                                               on=announced_on)
    # The final announcement states its own sanggah window (3 calendar days from the next day).
    assert "tidak lulus dapat mengajukan sanggah melalui portal seleksi pada tanggal 21 Desember 2024 sampai " \
           "dengan 23 Desember 2024" in final.text
    loser = Application.objects.filter(period=world.period, proceeds_skb=True, selected=False).first()
    assert loser is not None
    with pytest.raises(ConflictError) as not_contestable:
        verification.sanggah_file(actor=winner.applicant.user, interface=Interface.WEB, application_id=winner.pk,
                                  reason="Nilai saya", on=dt.date(2024, 12, 21))
    assert not_contestable.value.code == "nothing_to_contest"
    with pytest.raises(ConflictError) as late:
        verification.sanggah_file(actor=loser.applicant.user, interface=Interface.WEB, application_id=loser.pk,
                                  reason="Nilai SKB wawancara tidak tercatat", on=dt.date(2024, 12, 24))
    assert late.value.code == "late"
    sanggah = verification.sanggah_file(actor=loser.applicant.user, interface=Interface.WEB, application_id=loser.pk,
                                        reason="Nilai SKB wawancara tidak tercatat", on=dt.date(2024, 12, 23))
    assert sanggah.announcement_id == final.pk and sanggah.answer_due_on == dt.date(2024, 12, 30)
    # Nobody is appointed while the final result is contested, nor before it is re-announced.
    with pytest.raises(ConflictError) as contested:
        appointment.appointment_make(actor=world.operator, interface=Interface.WEB, application_id=winner.pk,
                                     tmt=dt.date(2025, 3, 1))
    assert contested.value.code == "sanggah_open"
    verification.sanggah_answer(actor=world.panitia, interface=Interface.WEB, sanggah_id=sanggah.pk, accepted=True,
                                answer="Nilai diperiksa ulang; peringkat dihitung ulang.", on=dt.date(2024, 12, 27))
    loser.refresh_from_db()
    assert loser.admin_verdict == "MS"  # the administrative result is not what was contested
    with pytest.raises(ConflictError) as due:
        appointment.appointment_make(actor=world.operator, interface=Interface.WEB, application_id=winner.pk,
                                     tmt=dt.date(2025, 3, 1))
    assert due.value.code == "reannouncement_due"
    again = announcements.announcement_publish(actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk,
                                               instansi_id=world.bandung.pk, kind=AnnouncementKind.FINAL,
                                               on=dt.date(2024, 12, 30))
    assert again.version == 2 and "PENGUMUMAN ULANG" in again.text
    made = appointment.appointment_make(actor=world.operator, interface=Interface.WEB, application_id=winner.pk,
                                        tmt=dt.date(2025, 3, 1))
    assert made.action_ref is not None


def test_an_unfilled_formasi_shows_the_candidates_for_a_human_decision(world, skd_done, client):
    from simasn.procurement.models import Vacancy

    _final(world, skd_done)
    # One more seat than were selected: the rule does not fill it, the page lists who could be considered.
    Vacancy.objects.filter(pk=world.vacancy.pk).update(seats=3)
    client.force_login(world.panitia)
    page = client.get(f"/pengadaan/periode/{world.period.pk}/hasil/")
    assert page.status_code == 200
    [row] = page.context["unfilled"]
    assert row["decision"].needs_legal_review and row["filled"] == 2
    not_selected = Application.objects.filter(period=world.period, proceeds_skb=True, selected=False)
    assert [a.pk for a in row["candidates"]] == [a.pk for a in not_selected.order_by("-final_score", "pk")]
    assert "Perlu telaah hukum" in page.content.decode()


def test_the_results_page_opens_when_the_final_stage_begins_before_the_ranking(world, skd_done, client):
    """Found walking the demo: BKN moved the period to the final stage, the panitia opened the
    results page to rank — and got a server error (the unranked "selected" is None, which the
    optimisation rule refused). The page opens, offers the ranking, and lists no unfilled formasi yet."""
    _to_skb(world)
    _skb_import(world, absent=1)
    _advance(world, Stage.FINAL)
    client.force_login(world.panitia)
    # The period's page leads there (it was reachable only by typing its address).
    period_page = client.get(f"/pengadaan/periode/{world.period.pk}/").content.decode()
    assert f'href="/pengadaan/periode/{world.period.pk}/hasil/"' in period_page
    page = client.get(f"/pengadaan/periode/{world.period.pk}/hasil/")
    assert page.status_code == 200 and page.context["unfilled"] == []
    assert "Hitung nilai akhir dan kelulusan" in page.content.decode()
    # Ranked with a participant whose SKB score is missing: the rule gets a real yes/no for each.
    selection.final_rank(actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk,
                         instansi_id=world.bandung.pk)
    assert client.get(f"/pengadaan/periode/{world.period.pk}/hasil/").status_code == 200


def test_the_results_page_lists_the_ranked_before_the_unranked(world, skd_done, client):
    """Found walking the demo (SQLite): those failing the passing grade came above rank 1."""
    selection.skd_rank(actor=world.bkn, interface=Interface.WEB, period_id=world.period.pk)
    client.force_login(world.panitia)
    rows = list(client.get(f"/pengadaan/periode/{world.period.pk}/hasil/").context["applications"])
    ranks = [a.skd_rank for a in rows]
    ranked = [r for r in ranks if r is not None]
    assert ranked and ranks[:len(ranked)] == sorted(ranked) and None in ranks
