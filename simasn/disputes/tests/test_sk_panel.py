"""Every SK that can be contested shows the remedy, to whom and by when, on its own page."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.utils import timezone

from simasn.accounts.roles import Role
from simasn.actions import services as actions
from simasn.core.interfaces import Interface
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    OfficialFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)


def test_a_decided_dismissal_shows_the_banding_to_bpasn_and_prefills_the_filing(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    instansi = InstansiFactory(name="Pemerintah Kota Uji", kind="KOTA")
    unit = UnitFactory(instansi=instansi)
    position = PositionFactory(unit=unit, kind="ADMINISTRATOR", open_to_pppk=False)
    OfficialFactory(instansi=instansi, role="PPK", person_name="Wali Kota", title="Wali Kota Uji")
    OfficialFactory(instansi=instansi, role="PYB", person_name="Sekda", title="Sekretaris Daerah")
    today = timezone.localdate()
    employee = EmployeeFactory(instansi=instansi, unit=unit, position=position, sex="L",
                               birth_date=dt.date(today.year - 58, today.month, 1))
    operator = user_with_role(Role.OPERATOR, instansi=instansi)
    action = actions.action_draft(actor=operator, interface=Interface.WEB, action_type="RETIREMENT",
                                  employee_id=employee.pk)
    actions.action_propose(actor=user_with_role(Role.PYB, instansi=instansi), interface=Interface.WEB,
                           action_id=action.pk)
    actions.action_decide(actor=user_with_role(Role.PPK, instansi=instansi), interface=Interface.WEB,
                          action_id=action.pk)
    client = Client()
    client.force_login(user_with_role(Role.PEGAWAI, employee=employee))
    page = client.get(f"/tindakan/{action.pk}/").content.decode()
    assert 'id="remedy"' in page
    assert "banding administratif" in page.lower() and "BPASN" in page
    assert "Batas pengajuan" in page
    assert "/upaya-administratif/ajukan/?" in page and "PEMBERHENTIAN_PNS" in page
    # A draft has no SK yet: no remedy.
    draft = actions.action_draft(actor=operator, interface=Interface.WEB, action_type="RETIREMENT",
                                 employee_id=EmployeeFactory(instansi=instansi, unit=unit, position=position,
                                                             birth_date=dt.date(today.year - 58, 1, 1)).pk)
    ops = Client()
    ops.force_login(operator)
    assert 'id="remedy"' not in ops.get(f"/tindakan/{draft.pk}/").content.decode()


def test_a_presidential_sk_says_once_that_its_remedy_needs_legal_review(db):
    """Found in the browser walk (issue 12): the President's SK page read
    "Perlu kajian hukum: Perlu telaah hukum: PP 79/2021 mengatur …"."""
    from types import SimpleNamespace

    from django.template import Context, Template
    from django.test import RequestFactory
    from django.utils import translation

    request = RequestFactory().get("/")
    request.user = user_with_role(Role.PRESIDEN)
    action = SimpleNamespace(sk_number="1/TPA/ANGKAT/2026", employee=SimpleNamespace(employee_type="PNS"),
                             state="DECIDED", action_type="APPOINTMENT", decider="PRESIDEN",
                             sk_date=timezone.localdate(), employee_id=1, instansi_id=1, pk=1)
    template = Template("{% load disputes_tags %}{% sk_remedy action as remedy %}{{ remedy.review }}")
    with translation.override("id"):
        indonesian = template.render(Context({"request": request, "action": action}))
    with translation.override("en"):
        english = template.render(Context({"request": request, "action": action}))
    assert indonesian.startswith("PP 79/2021") and "Perlu telaah hukum" not in indonesian
    assert english.startswith("PP 79/2021") and "Needs legal review" not in english
