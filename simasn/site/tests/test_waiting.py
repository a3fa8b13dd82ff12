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


def _spread(*, viewer):
    return [WaitingItem(label="Usul", count=3, url="/tindakan/daftar-kerja/?status=draft"),
            WaitingItem(label="Terlambat", count=2, url="/tindakan/", urgent=True),
            WaitingItem(label="Di luar menu", count=4, url="/tempat-lain/")]


@pytest.mark.django_db
def test_the_menu_counts_waiting_work_under_each_item_and_the_total_on_beranda(client, monkeypatch):
    monkeypatch.setattr(waiting, "SOURCES", (f"{__name__}._spread",))
    client.force_login(user_with_role(Role.OPERATOR))
    page = client.get("/").content.decode()
    # The page only holds empty badges and asks for the counts once it has loaded.
    assert 'id="nav-count-actions-list" class="nav-count"></span>' in page
    assert 'hx-get="/menunggu/jumlah/" hx-trigger="load"' in page
    fragment = client.get("/menunggu/jumlah/").content.decode()
    assert 'id="nav-count-actions-list" class="nav-count" hx-swap-oob="true">' in fragment
    assert "pekerjaan menunggu:</span>5</span>" in fragment.split('nav-count-actions-list')[1].split("\n")[0]
    assert "pekerjaan menunggu:</span>9</span>" in fragment.split('nav-count-site-dashboard')[1].split("\n")[0]
    assert "nav-count-personnel-list" not in fragment  # nothing waits there: no badge


@pytest.mark.django_db
def test_nothing_waiting_means_no_badge(client, monkeypatch):
    monkeypatch.setattr(waiting, "SOURCES", ())
    client.force_login(user_with_role(Role.PEGAWAI))
    assert "nav-count-" not in client.get("/menunggu/jumlah/").content.decode()


@pytest.mark.django_db
def test_the_counts_need_a_signed_in_user(client):
    assert client.get("/menunggu/jumlah/").status_code == 302


@pytest.mark.django_db
def test_the_english_menu_says_employees_and_a_record_says_employee(client):
    """Found in the walk (issue 12 item 14): the action page labelled one employee "Employees",
    because the menu's msgid was the same word."""
    from django.utils import translation

    client.force_login(user_with_role(Role.OPERATOR))
    with translation.override("en"):
        assert translation.gettext("Pegawai") == "Employee"
    client.cookies["django_language"] = "en"
    assert ">Employees</a>" in client.get("/").content.decode()
