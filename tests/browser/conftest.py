"""Real headless Chromium for tests that check what a reader sees.

Uses Debian's ``chromium`` (installed by .ci/run when missing) through Playwright's Python API,
never a browser Playwright downloads. Every test here carries the ``browser`` marker, so
``pytest -m "not browser"`` runs everything else; without Chromium they skip and say why.

The ``open_page`` fixture loads a local file with the network blocked, records console
messages, page errors and JavaScript dialogs (an alert() from a planted <script> would be
one), and hands back the page with those records.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM_ENV = "DPA_POLICY_CHROMIUM"


def chromium_path() -> str | None:
    return os.environ.get(CHROMIUM_ENV) or shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@dataclass
class LoadedPage:
    page: object
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        pytest.skip(f"Chromium not found (install Debian's chromium package or set {CHROMIUM_ENV}); "
                    "browser tests need a real browser")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test dependency: pip install -e '.[test]'")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            # As root in a container Chromium needs --no-sandbox; the rest keeps it from
            # reaching for a network this machine does not have.
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser):
    pages = []

    def _open(path: Path, *, width: int = 1280, height: int = 900) -> LoadedPage:
        context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=True)
        page = context.new_page()
        loaded = LoadedPage(page)
        page.on("console", lambda m: loaded.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: loaded.page_errors.append(str(e)))
        page.on("dialog", lambda d: (loaded.dialogs.append(d.message), d.dismiss()))

        def route(r):
            loaded.requests.append(r.request.url)
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                r.abort()  # a self-contained page asks for nothing else

        page.route("**/*", route)
        page.goto(Path(path).resolve().as_uri())
        page.wait_for_load_state("load")
        pages.append(context)
        return loaded

    yield _open
    for context in pages:
        context.close()
