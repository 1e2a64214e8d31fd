"""The counsel report in a real headless Chromium: what a lawyer sees on screen and on paper.

Every test here carries the ``browser`` marker (tests/browser/conftest.py); they skip, saying
why, when Chromium is not installed.
"""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import pytest
import yaml

from dpa_policy.cli import main
from dpa_policy.testing import plant_text

ROOT = Path(__file__).resolve().parents[2]
AGREEMENTS = ROOT / "agreements"
NO_PACKS = ["--disable-plugin", "ny", "--disable-plugin", "ct"]
AS_OF = "2026-06-01"
PLANT = "<script>alert(1)</script>"


def report(tmp: Path, *paths: Path, extra: tuple[str, ...] = ()) -> Path:
    out = tmp / "counsel.html"
    code = main(["report", *NO_PACKS, *map(str, paths), "--html", str(out), "--as-of", AS_OF, *extra],
                stdout=io.StringIO(), stderr=io.StringIO())
    assert code == 1  # both reports below hold failing agreements, and say so
    return out


def planted(tmp: Path) -> Path:
    """The AllHere sample with PLANT in every text field, and a waiver signed by PLANT."""
    data = yaml.safe_load((AGREEMENTS / "allhere.yaml").read_text("utf-8"))
    data["data"]["parent_guardian"]["other_elements"] = ["family language preference"]
    data["clauses"]["subprocessors"]["named"] = ["Twilio"]
    data["clauses"]["legal_compliance"]["other_laws"] = ["Florida Statutes 501.171"]

    plant_text(data, PLANT)
    # A long unbroken token too: it must wrap, not push the page sideways on a phone.
    data["products"][0]["description"] += " " + "x" * 150
    path = tmp / "planted.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    waivers = tmp / "waivers.yaml"
    waivers.write_text(yaml.safe_dump({"waivers_version": 1, "waivers": [{
        "agreement": data["id"], "rule": "disposal-window", "justification": f"{PLANT} amendment in review",
        "approver": f"{PLANT} General Counsel", "expires": datetime.date(2026, 12, 31)}]}), "utf-8")
    return report(tmp, path, extra=("--waivers", str(waivers)))


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> Path:
    return report(tmp_path_factory.mktemp("samples"), AGREEMENTS)


@pytest.fixture(scope="module")
def planted_report(tmp_path_factory) -> Path:
    return planted(tmp_path_factory.mktemp("planted"))


def finding_messages(html: str) -> list[str]:
    """The text of every finding's message, as the page holds it."""
    import html as html_lib

    found = re.findall(r'<p class="message">\s*<span class="badge[^"]*">[^<]*</span>\s*(.*?)\s*</p>', html, re.S)
    return [html_lib.unescape(m) for m in found]


def test_the_page_loads_with_no_errors_and_asks_for_nothing(open_page, samples):
    loaded = open_page(samples)
    assert loaded.console_errors == []
    assert loaded.page_errors == []
    assert loaded.dialogs == []
    assert all(url.startswith("file://") for url in loaded.requests), loaded.requests
    page = loaded.page
    assert page.evaluate("document.scripts.length") == 0
    assert page.title().startswith("Counsel report")
    assert page.get_by_role("heading", level=1).inner_text() == "Student data privacy agreements"
    assert page.get_by_role("img", name="Verdicts").is_visible()  # the chart's <title> names it


def test_every_finding_is_visible(open_page, samples):
    messages = finding_messages(samples.read_text("utf-8"))
    assert len(messages) == 37  # with the shipped state packs' findings and the NDPA's notice date
    page = open_page(samples).page
    first = "the disposal clause sets no number of days for disposal on the district's request"
    assert page.get_by_text(first).first.is_visible()
    for message in messages:
        assert page.get_by_text(message).first.is_visible(), message


def test_a_planted_script_never_runs_and_shows_as_text(open_page, planted_report):
    loaded = open_page(planted_report)
    assert loaded.dialogs == [], "an alert() ran"
    assert loaded.page_errors == [] and loaded.console_errors == []
    page = loaded.page
    assert page.evaluate("document.scripts.length") == 0
    assert page.get_by_text(PLANT).first.is_visible()
    assert PLANT in page.get_by_role("heading", level=2).filter(has_text="AllHere").first.inner_text()  # the vendor
    body = page.inner_text("body")
    assert body.count(PLANT) >= 20  # every text field, shown as text
    assert f"{PLANT} General Counsel" in body  # the waiver's approver


def test_print_to_pdf_gives_a_page_per_agreement_at_least(open_page, samples):
    page = open_page(samples).page
    pdf = page.pdf(format="Letter")
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    agreements = len(list(AGREEMENTS.glob("*.yaml")))
    assert pages >= agreements + 1  # the summary, then each agreement from a new page


def test_print_hides_navigation(open_page, samples):
    page = open_page(samples).page
    assert page.locator("nav.contents").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("nav.contents").is_visible()
    assert page.get_by_role("heading", name="Portfolio summary").is_visible()


@pytest.mark.parametrize("which", ["samples", "planted_report"])
def test_nothing_overflows_at_a_phone_width(open_page, request, which):
    loaded = open_page(request.getfixturevalue(which), width=390, height=844)
    widths = loaded.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1] + 1, widths
