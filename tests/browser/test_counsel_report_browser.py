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
    """The text of every finding's message, as the page holds it (after its badges)."""
    import html as html_lib

    found = re.findall(r'<p class="message">\s*(?:<span class="badge[^"]*">[^<]*</span>\s*)+(.*?)\s*</p>', html, re.S)
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
    html = samples.read_text("utf-8")
    messages = finding_messages(html)
    assert len(messages) == html.count('<div class="finding') > 30  # one message per finding
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


# ------------------------------------------------------------------------------ on paper
MM = 72 / 25.4  # PDF points per millimetre
TOP_MARGIN, BOTTOM_MARGIN = 18 * MM, 16 * MM  # the report's @page margins


def printed_pages(pdf: bytes) -> list[list[tuple[float, str]]]:
    """Each page's lines of text as (height from the bottom, text), top first, read back from
    the PDF Chromium printed."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        lines: dict[float, list[tuple[float, str]]] = {}

        def visit(text, cm, tm, font, size, lines=lines):
            if text.strip():
                y = round(cm[3] * tm[5] + cm[5], 0)
                lines.setdefault(y, []).append((cm[0] * tm[4] + cm[4], text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append([(y, " ".join(t for _, t in sorted(parts))) for y, parts in sorted(lines.items(), reverse=True)])
    return pages


@pytest.fixture(scope="module")
def printed(browser, samples) -> tuple[list[list[tuple[float, str]]], float]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(samples.resolve().as_uri())
    pdf = page.pdf(format="Letter", prefer_css_page_size=True)
    context.close()
    assert pdf.startswith(b"%PDF")
    return printed_pages(pdf), 11 * 72  # Letter: 11 inches tall


def test_every_printed_page_is_numbered_and_titled(printed):
    pages, height = printed
    total = len(pages)
    for number, lines in enumerate(pages, start=1):
        text = [t for _, t in lines]
        assert any(t.endswith(f"Page {number} of {total}") for t in text), (number, text[-3:])
        assert any("Student data privacy agreements: report for counsel" in t for t in text)
        assert any("As of June 1, 2026" in t for t in text)


def test_every_printed_page_names_the_agreement_it_is_about(printed, samples):
    pages, height = printed
    html = samples.read_text("utf-8")
    names = re.findall(r'<span class="running-name">([^<]*)</span>', html)
    assert names[0] == "Portfolio summary" and len(names) == len(list(AGREEMENTS.glob("*.yaml"))) + 1
    import html as html_lib

    names = [html_lib.unescape(n) for n in names]
    headers = []
    for number, lines in enumerate(pages[1:], start=2):
        body = [t for y, t in lines if BOTTOM_MARGIN < y < height - TOP_MARGIN]
        first = body[0]
        name = next((n for n in names if first.startswith(n)), None)
        assert name is not None, (number, first)  # the running header row, at the top of the page
        headers.append(name)
    # Each part runs on, in order: the summary, then every agreement.
    assert [n for i, n in enumerate(headers) if i == 0 or headers[i - 1] != n] == names[names.index(headers[0]):]


def test_no_printed_page_is_left_mostly_blank(printed):
    pages, height = printed
    content = height - TOP_MARGIN - BOTTOM_MARGIN
    filled = []
    for lines in pages:
        body = [y for y, _ in lines if BOTTOM_MARGIN < y < height - TOP_MARGIN]
        filled.append((height - TOP_MARGIN - min(body)) / content)
    assert all(share >= 0.5 for share in filled[:-1]), [round(f, 2) for f in filled]


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
