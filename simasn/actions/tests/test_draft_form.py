"""Issue 12 item 9: one draft form per action type, the law's names in both languages, a
scoped and searchable position picker that says when a position is full."""

from __future__ import annotations

from django.conf import settings
from django.test import Client

from simasn.testing.factories import EmployeeFactory, PositionFactory, UnitFactory


def _client(user, lang: str = "id") -> Client:
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    return client


def _field_names(html: str) -> set[str]:
    import re

    return set(re.findall(r'<(?:select|input|textarea)[^>]* name="([a-z_]+)"', html)) - {
        "csrfmiddlewaretoken", "action_type", "position_q", "language", "next"}  # the language switcher


def test_each_action_type_shows_only_its_fields(world):
    op = _client(world.operator)
    assert _field_names(op.get("/tindakan/buat/?action_type=RETIREMENT").content.decode()) == {"employee", "notes"}
    transfer = _field_names(op.get("/tindakan/buat/?action_type=TRANSFER").content.decode())
    assert transfer == {"employee", "position", "tmt", "notes"}
    temporary = _field_names(op.get("/tindakan/buat/?action_type=TEMPORARY_DISMISSAL").content.decode())
    assert temporary == {"employee", "reason", "state_office", "detention_status", "tmt", "notes"}
    dismissal = _field_names(op.get("/tindakan/buat/?action_type=DISMISSAL").content.decode())
    assert {"ground", "verdict_final", "sentence_kind"} <= dismissal and "state_office" not in dismissal
    # Before a type is chosen, no field of any type is offered.
    assert _field_names(op.get("/tindakan/buat/").content.decode()) == set()


def test_labels_are_the_laws_names_in_both_languages(world):
    html = _client(world.operator).get("/tindakan/buat/?action_type=TEMPORARY_DISMISSAL").content.decode()
    assert "Ketua, wakil ketua, ketua muda, dan hakim agung Mahkamah Agung" in html
    assert "Kepala perwakilan Republik Indonesia di luar negeri" in html
    for code_label in (">Ma Hakim<", ">Dubes<", ">Presiden Wapres<", ">Komisioner Lns<", ">Mpr<"):
        assert code_label not in html
    english = _client(world.operator, "en").get("/tindakan/buat/?action_type=TEMPORARY_DISMISSAL").content.decode()
    assert "Chief, deputy or junior chief justice, justice of the Supreme Court" in english
    assert "Ambassador" in english or "ambassador extraordinary" in english
    assert "Detained as a suspect or defendant" in english


def test_the_position_picker_is_scoped_searchable_and_says_when_full(world):
    other_unit = UnitFactory(instansi=world.other_instansi, name="Dinas Lain")
    PositionFactory(unit=other_unit, name="Analis Mutasi Lain", kind="PELAKSANA")
    # world.admin_pos has two seats: world.employee holds one, a colleague the other.
    EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.admin_pos, rank="IV/a")
    op = _client(world.operator)
    appointment = op.get("/tindakan/buat/?action_type=APPOINTMENT").content.decode()
    assert "Kepala Bagian Umum" in appointment and "Analis Mutasi Lain" not in appointment
    # Every seat is held: the picker says why it is not offered.
    assert "formasi penuh, tidak tersedia lowongan" in appointment
    transfer = op.get("/tindakan/buat/?action_type=TRANSFER&position_q=Mutasi Lain").content.decode()
    assert "Analis Mutasi Lain" in transfer and "Pemerintah Kabupaten Lain" in transfer
    assert "Kepala Bagian Umum" not in transfer


def test_a_draft_posted_with_fields_of_another_type_keeps_only_its_own(world):
    op = _client(world.operator)
    response = op.post("/tindakan/buat/", {"action_type": "RETIREMENT", "employee": world.employee.pk,
                                          "state_office": "MPR", "tmt": "2030-01-01"})
    assert response.status_code == 302
    from simasn.actions.models import PersonnelAction

    action = PersonnelAction.objects.get(employee=world.employee)
    assert "state_office" not in action.facts and str(action.tmt) == "2027-01-01"


def test_the_action_page_names_its_facts_in_the_pages_language(world):
    """Found in the browser walk: the action page listed its facts by code — ``own_request True``,
    ``reason DITAHAN``, ``detention_status TERSANGKA``, ``candidate_set_on 2027-01-31``."""
    import datetime as dt

    from simasn.actions import services
    from simasn.core.interfaces import Interface

    action = services.action_draft(
        actor=world.operator, interface=Interface.WEB, action_type="TEMPORARY_DISMISSAL",
        employee_id=world.employee.pk, tmt=dt.date(2026, 12, 1),
        facts={"reason": "DITAHAN", "detention_status": "TERSANGKA"})
    action.facts = {**action.facts, "own_request": True, "candidate_set_on": "2027-01-31",
                    "source": "discipline.disciplinecase:1"}
    action.save(update_fields=["facts"])
    html = _client(world.operator).get(f"/tindakan/{action.pk}/").content.decode()
    for code in ("own_request", "DITAHAN", "TERSANGKA", "detention_status", "2027-01-31", "disciplinecase"):
        assert code not in html, code
    assert "Alasan pemberhentian sementara" in html and "Atas permintaan sendiri" in html
    assert "31 Januari 2027" in html and "<dd>Ya</dd>" in html
    english = _client(world.operator, "en").get(f"/tindakan/{action.pk}/").content.decode()
    assert "Detained as a suspect or defendant" in english and "<dd>Yes</dd>" in english
