import pytest

from simasn.accounts.roles import Role
from simasn.site import waiting
from simasn.testing.factories import user_with_role
from simasn.web.waiting import WaitingItem


def _two_items(*, viewer):
    return [WaitingItem(label="Biasa", count=2, url="/a/"), WaitingItem(label="Kosong", count=0, url="/b/")]


def _late(*, viewer):
    return [WaitingItem(label="Terlambat", count=1, url="/c/", urgent=True)]


def test_waiting_work_lists_urgent_first_and_hides_empty_kinds():
    items = waiting.waiting_for(viewer=None, sources=(f"{__name__}._two_items", f"{__name__}._late"))
    assert [i.label for i in items] == ["Terlambat", "Biasa"]


@pytest.mark.django_db
def test_the_dashboard_shows_what_waits(client, monkeypatch):
    monkeypatch.setattr(waiting, "SOURCES", (f"{__name__}._late",))
    user = user_with_role(Role.ADMIN)
    client.force_login(user)
    html = client.get("/").content.decode()
    assert "Menunggu tindakan Anda" in html
    assert 'class="urgent"' in html and "Terlambat" in html and 'href="/c/"' in html
