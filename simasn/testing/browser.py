"""Playwright fixtures driving Debian's Chromium (never `playwright install`).

Use in a test module with `pytestmark = pytest.mark.browser` and the `page` fixture,
together with `live_server`. `login(page, live_server, user)` signs a user in.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = os.environ.get("SIMASN_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "rahasia-uji-123"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run scripts/ensure-system-deps.sh")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests
    # make between browser steps are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # Imported on first use: only browser tests need Playwright.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="id-ID", accept_downloads=True)
    context.set_default_timeout(15000)
    pg = context.new_page()
    yield pg
    close_settled(context)


def close_settled(context: Any) -> None:
    """Close a browser context once its pages' requests have been answered.

    A page asks for more after it loads (the menu's waiting counts, htmx swaps); closed at once,
    the live server may still be answering one while the test database is flushed, and SQLite
    then refuses the flush ("database table is locked")."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for open_page in context.pages:
        with contextlib.suppress(PlaywrightTimeout):  # a page that never settles is closed anyway
            open_page.wait_for_load_state("networkidle", timeout=10000)
    context.close()


def login(page: Any, live_server: Any, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{live_server.url}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state("networkidle")


def switch_user(page: Any, live_server: Any, username: str, password: str = PASSWORD) -> None:
    """Sign in as another user in the same page. The page first leaves for about:blank, which
    ends the last page's requests: a response still in flight after the cookies are cleared
    set a stale CSRF cookie, and the next sign-in was refused (seen once under load)."""
    page.goto("about:blank")
    page.context.clear_cookies()
    login(page, live_server, username, password)


def shows(page: Any, *texts: str) -> None:
    """Wait until the page shows every text (Playwright retries until the default timeout).

    `assert text in page.content()` right after a click races the navigation the click
    starts: it may read the old page, or an empty document while the new one commits.
    """
    from playwright.sync_api import expect

    body = page.locator("body")
    for text in texts:
        expect(body).to_contain_text(text)


def html_after(page: Any, text: str) -> str:
    """The page's HTML once it shows `text` — for assertions on markup or on absence."""
    shows(page, text)
    return str(page.content())
