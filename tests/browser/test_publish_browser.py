"""The clearinghouse page as a parent's browser sees it: real headless Chromium (``browser`` marker).

Each test publishes with ``dpa-policy publish`` and loads the page through the ``open_page``
fixture (tests/browser/conftest.py), which records console errors, page errors and dialogs
and blocks every request that is not a local file.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from dpa_policy.cli import main
from dpa_policy.testing import base_agreement_text

ROOT = Path(__file__).resolve().parents[2]
AGREEMENTS = ROOT / "agreements"
PLANT = "<script>alert(1)</script>"
PLANT_IMG = '<img src=x onerror="alert(2)">'

HEADINGS_JS = "Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map(h => Number(h.tagName[1]))"
TABLES_JS = """Array.from(document.querySelectorAll('table')).map(t => ({
    th: t.querySelectorAll('th').length,
    unscoped: Array.from(t.querySelectorAll('th')).filter(th => !['col', 'row'].includes(th.getAttribute('scope'))).length,
}))"""
OVERFLOW_JS = "[document.documentElement.scrollWidth, window.innerWidth]"


@pytest.fixture(autouse=True)
def builtin_rules_only(monkeypatch):
    monkeypatch.setenv("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD", "1")


def publish(out_dir: Path, *paths: Path) -> Path:
    out = io.StringIO()
    code = main(["publish", *map(str, paths), "--out", str(out_dir)], stdout=out, stderr=out)
    assert code == 0, out.getvalue()
    return out_dir / "index.html"


def planted_agreement_text() -> str:
    """The passing base agreement with markup planted in every text field a page could show."""
    bad = f"{PLANT}{PLANT_IMG}"
    data = yaml.safe_load(base_agreement_text())
    data["title"] = f"Title {bad}"
    data["parties"]["district"]["name"] = f"District {bad}"
    data["parties"]["district"]["contact"]["name"] = f"Contact {bad}"
    data["parties"]["vendor"]["name"] = f"Vendor {bad}"
    data["parties"]["vendor"]["privacy_policy"] = 'https://vendor.example/privacy"><script>alert(3)</script>'
    product = data["products"][0]
    product["name"] = f"Product {bad}"
    product["description"] = f"Description {bad}"
    group = data["data"]["parent_guardian"]
    group["purposes"] = [f"Purpose {bad}"]
    group["other_elements"] = [f"Other element {bad}"]
    for clause in data["clauses"].values():
        clause["text"] = f"Clause text {bad}"
        clause["citation"] = f"Section {bad}"
    data["clauses"]["data_use"]["permitted_purposes"] = [f"Permitted {bad}"]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD", "1")
        return publish(tmp_path_factory.mktemp("site"), AGREEMENTS)


@pytest.fixture
def planted_page(tmp_path) -> Path:
    source = tmp_path / "planted.yaml"
    source.write_text(planted_agreement_text(), "utf-8")
    return publish(tmp_path / "site", source)


def assert_clean(loaded) -> None:
    assert loaded.console_errors == []
    assert loaded.page_errors == []
    assert loaded.dialogs == []
    assert all(url.startswith("file://") for url in loaded.requests), loaded.requests


def test_the_harness_would_see_a_script_that_runs(open_page, tmp_path):
    """Control: a page whose script does run is caught, so the clean results below mean something."""
    page = tmp_path / "control.html"
    page.write_text('<!DOCTYPE html><html lang="en"><title>x</title><script>alert("ran")</script></html>', "utf-8")
    assert open_page(page).dialogs == ["ran"]


def test_the_page_loads_cleanly_in_english(open_page, sample_page):
    loaded = open_page(sample_page)
    assert_clean(loaded)
    page = loaded.page
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.evaluate("document.scripts.length") == 0
    # Only Clever passes (Tessellate fails Connecticut law, which ships), so the page names its district.
    assert page.title() == "Miami-Dade County Public Schools: data sharing clearinghouse"
    assert page.locator("h2", has_text="Clever").is_visible()


def test_headings_are_in_order_and_none_is_skipped(open_page, sample_page):
    levels = open_page(sample_page).page.evaluate(HEADINGS_JS)
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"h{before} followed by h{after}"
    assert {2, 3, 4} <= set(levels)


def test_every_table_has_scoped_header_cells(open_page, sample_page):
    tables = open_page(sample_page).page.evaluate(TABLES_JS)
    assert tables, "the page has data tables"
    assert all(t["th"] > 0 and t["unscoped"] == 0 for t in tables), tables


def test_the_skip_link_goes_to_the_main_content(open_page, sample_page):
    page = open_page(sample_page).page
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.textContent, document.activeElement.getAttribute('href')]")
    assert focused == ["Skip to the list of products", "#main"]
    assert page.locator("a.skip").is_visible()  # shown when focused
    assert page.locator("main#main").count() == 1


@pytest.mark.parametrize("fixture", ["sample_page", "planted_page"])
def test_readable_on_a_phone_without_sideways_scrolling(open_page, request, fixture):
    loaded = open_page(request.getfixturevalue(fixture), width=390, height=844)
    assert_clean(loaded)
    scroll_width, inner_width = loaded.page.evaluate(OVERFLOW_JS)
    assert scroll_width <= inner_width + 1
    font_px = loaded.page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p, main li')).fontSize)")
    assert font_px >= 16


def test_a_planted_script_never_runs_and_its_text_is_shown(open_page, planted_page):
    loaded = open_page(planted_page)
    assert_clean(loaded)
    page = loaded.page
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.images.length") == 0
    text = page.evaluate("document.body.innerText")
    for field in ("Vendor", "Product", "Description", "Purpose", "Other element", "Permitted", "Clause text",
                  "Section", "District", "Contact"):
        assert f"{field} {PLANT}{PLANT_IMG}" in text, f"{field}: the planted text is not shown literally"
    assert page.locator("h2", has_text=f"Product {PLANT}").is_visible()
    assert page.locator("td li", has_text=f"Other element {PLANT}").is_visible()
    href = page.locator("a", has_text="Privacy policy").get_attribute("href")
    assert href == 'https://vendor.example/privacy"><script>alert(3)</script>'  # an attribute value, nothing more


def test_parents_can_write_to_the_district_from_the_page(open_page, sample_page):
    page = open_page(sample_page).page
    link = page.locator("header a[href^='mailto:']")
    assert link.count() == 1 and link.is_visible()
    address = link.inner_text()
    assert link.get_attribute("href") == f"mailto:{address}" and "@" in address
