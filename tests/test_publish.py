"""``dpa-policy publish``: the parent-facing clearinghouse page and its JSON feed (no browser).

The rendered page is also loaded in a real Chromium by tests/browser/test_publish_browser.py.
Built-in rules only (like tests/test_sample_agreements.py): installed state packs would
change which samples pass.
"""

from __future__ import annotations

import datetime
import io
import json
import re
from importlib import resources
from pathlib import Path

import pytest
import yaml

from dpa_policy.cli import main
from dpa_policy.render.clearinghouse.page import FEED_FORMAT
from dpa_policy.render.clearinghouse.words import plain_date, safe_url
from dpa_policy.testing import base_agreement_text

ROOT = Path(__file__).resolve().parents[1]
AGREEMENTS = ROOT / "agreements"
PLANT = "<script>alert(1)</script>"


@pytest.fixture(autouse=True)
def builtin_rules_only(monkeypatch):
    monkeypatch.setenv("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD", "1")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def feed(folder: Path) -> dict:
    return json.loads((folder / "clearinghouse.json").read_text("utf-8"))


def planted_agreement_text() -> str:
    """The passing base agreement with a script planted in every text field a page could show."""
    data = yaml.safe_load(base_agreement_text())
    data["title"] = f"Title {PLANT}"
    data["parties"]["district"]["name"] = f"District {PLANT}"
    data["parties"]["district"]["contact"]["name"] = f"Contact {PLANT}"
    data["parties"]["vendor"]["name"] = f"Vendor {PLANT}"
    data["parties"]["vendor"]["privacy_policy"] = f'https://vendor.example/privacy"><script>alert(2)</script>'
    product = data["products"][0]
    product["name"] = f"Product {PLANT}"
    product["description"] = f"Description {PLANT}"
    group = data["data"]["parent_guardian"]
    group["purposes"] = [f"Purpose {PLANT}"]
    group["other_elements"] = [f"Other element {PLANT}"]
    for clause in data["clauses"].values():
        clause["text"] = f"Clause text {PLANT}"
        clause["citation"] = f"Section {PLANT}"
    data["clauses"]["data_use"]["permitted_purposes"] = [f"Permitted {PLANT}"]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "planted.yaml"
    path.parent.mkdir()
    path.write_text(planted_agreement_text(), "utf-8")
    return path


# ------------------------------------------------------------------------------ selection
def test_samples_publish_the_passing_agreements_and_list_the_others_with_reasons(tmp_path):
    out_dir = tmp_path / "site"
    code, out, err = run("publish", str(AGREEMENTS), "--out", str(out_dir))
    assert code == 0, out + err
    products = [e["product"]["name"] for e in feed(out_dir)["entries"]]
    # Clever passes every rule; Tessellate fails only Connecticut law (CTS201), which ships with dpa-policy.
    assert products == ["Clever"]
    lines = out.splitlines()
    left = {line.split(":")[1].strip().split(" ")[0]: line for line in lines if line.startswith("left out:")}
    assert sorted(Path(p).name for p in left) == [
        "allhere.yaml", "brightleaf.yaml", "dashpass.yaml", "harborlight.yaml", "northstar.yaml", "quillmark.yaml",
        "readwell.yaml", "routewise.yaml", "schoology.yaml", "stepwise.yaml", "tessellate.yaml",
    ]
    allhere = next(line for path, line in left.items() if path.endswith("allhere.yaml"))
    # Only blocking findings are reasons: AllHere's DPA204 warnings are not.
    assert allhere.endswith("[MDCPS-DSA-2024-0117]: fails DPA501, DPA502, FLS501")
    assert lines[-1].startswith("published 1 of 12 agreements (1 product) as of 2026-11-30, 11 left out: ")
    # What the checker could not decide is never published: it needs legal review.
    quillmark = next(line for path, line in left.items() if path.endswith("quillmark.yaml"))
    assert quillmark.endswith("[GVPS-NDPA-2025-019]: needs legal review: DPA122, DPA123, DPA124")
    # Past their expiry on the suite's date (tests/conftest.py): left out as not in effect.
    harborlight = next(line for path, line in left.items() if path.endswith("harborlight.yaml"))
    assert harborlight.endswith("[AVSD-DPA-2023-047]: not in effect on 2026-11-30: expired on 2025-06-30")
    html = (out_dir / "index.html").read_text("utf-8")
    assert "AllHere" not in html and "Clever" in html
    assert f"As of {plain_date(datetime.date(2026, 11, 30))}." in html and feed(out_dir)["as_of"] == "2026-11-30"


def test_a_state_pack_keeps_its_failures_off_the_page(tmp_path):
    # Connecticut law ships with dpa-policy: it applies with no installed pack at all.
    code, out, _ = run("publish", str(AGREEMENTS), "--out", str(tmp_path / "site"))
    assert code == 0
    assert [e["product"]["name"] for e in feed(tmp_path / "site")["entries"]] == ["Clever"]
    assert re.search(r"left out: \S+tessellate\.yaml \[HPS-NDPA-2024-112\]: fails CTS201\n", out)


def test_an_agreement_whose_failures_are_all_waived_is_published(tmp_path):
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers_version: 1\n"
        "waivers:\n"
        "  - agreement: MDCPS-DSA-2024-0117\n"
        "    rule: disposal-window\n"
        "    justification: Amendment setting 30 calendar days is in signature.\n"
        "    approver: Dana Whitfield, General Counsel\n"
        "    expires: 2027-06-30\n"
        "  - agreement: MDCPS-DSA-2024-0117\n"
        "    rule: sanitization-standard\n"
        "    justification: Vendor is moving to cryptographic erase.\n"
        "    approver: Dana Whitfield, General Counsel\n"
        "    expires: 2027-06-30\n"
        "  - agreement: MDCPS-DSA-2024-0117\n"
        "    rule: fl-deletion-after-unenrollment\n"
        "    justification: The same amendment sets 30 calendar days after the District's notice.\n"
        "    approver: Dana Whitfield, General Counsel\n"
        "    expires: 2027-06-30\n", "utf-8")
    out_dir = tmp_path / "site"
    code, out, _ = run("publish", str(AGREEMENTS / "allhere.yaml"), "--out", str(out_dir),
                       "--waivers", str(waivers), "--as-of", "2026-09-01")
    assert code == 0, out
    [entry] = feed(out_dir)["entries"]
    assert entry["product"]["name"] == "AllHere"
    assert entry["agreement"]["waived"] == [
        {"code": "DPA501", "slug": "disposal-window", "expires": "2027-06-30"},
        {"code": "DPA502", "slug": "sanitization-standard", "expires": "2027-06-30"},
        {"code": "FLS501", "slug": "fl-deletion-after-unenrollment", "expires": "2027-06-30"},
    ]
    # The page still tells parents what the contract really says.
    when = {w["term"]: w for w in entry["destruction"]["when"]}
    assert when["on_request"]["within"] is None and "no number of days" in when["on_request"]["text"]
    [method] = entry["destruction"]["methods"]
    assert method["level_reached"] is None and method["level_text"].startswith("No NIST SP 800-88 level")
    html = (out_dir / "index.html").read_text("utf-8")
    assert "exception to its policy on disposal window (DPA501) until June 30, 2027" in html
    # Once the waivers expire, the agreement fails again and, named explicitly, fails the run.
    code, out, _ = run("publish", str(AGREEMENTS / "allhere.yaml"), "--out", str(tmp_path / "later"),
                       "--waivers", str(waivers), "--as-of", "2027-07-01")
    assert code == 1 and not (tmp_path / "later").exists()
    assert re.search(r"^waivers: \S+waivers\.yaml:3:5: DPA901 \[waiver-expired\] ", out, re.M), out


# ---------------------------------------------------------------------------- exit codes
def test_a_failing_agreement_named_explicitly_exits_1_and_writes_nothing(tmp_path):
    out_dir = tmp_path / "site"
    code, out, _ = run("publish", str(AGREEMENTS / "clever.yaml"), str(AGREEMENTS / "dashpass.yaml"),
                       "--out", str(out_dir), "--as-of", "2026-06-01")  # while DashPass is in effect
    assert code == 1
    assert re.search(r"left out: \S+dashpass\.yaml \[MDCPS-DSA-2024-0163\]: fails DPA301, DPA501, DPA502, FLS501 "
                     r"\(named on the command line\)\n", out)
    assert out.splitlines()[-1].startswith("nothing published: 1 agreement named on the command line")
    assert not out_dir.exists()
    # An existing page is left as it was.
    out_dir.mkdir()
    (out_dir / "index.html").write_text("previous page", "utf-8")
    assert run("publish", str(AGREEMENTS / "dashpass.yaml"), "--out", str(out_dir))[0] == 1
    assert (out_dir / "index.html").read_text("utf-8") == "previous page"
    assert not (out_dir / "clearinghouse.json").exists()


def test_folder_agreements_that_fail_or_do_not_load_are_left_out_without_failing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.yaml").write_text(base_agreement_text(), "utf-8")
    (folder / "late.yaml").write_text(base_agreement_text().replace("window: 72 hours", "window: 5 business days")
                                      .replace("id: BASE-0001", "id: LATE-0001"))
    (folder / "broken.yaml").write_text(base_agreement_text().replace("  audit:", "  audit:\n  audit:"))
    code, out, _ = run("publish", str(folder), "--out", str(tmp_path / "site"))
    assert code == 0, out
    assert f"left out: {(folder / 'broken.yaml').as_posix()}: did not load: DPA004\n" in out
    assert f"left out: {(folder / 'late.yaml').as_posix()} [LATE-0001]: fails DPA201\n" in out
    assert [e["source"] for e in feed(tmp_path / "site")["entries"]] == [(folder / "good.yaml").as_posix()]
    # The same broken file named explicitly fails the run, even when its folder is given too.
    code, out, _ = run("publish", str(folder), str(folder / "broken.yaml"), "--out", str(tmp_path / "site2"))
    assert code == 1 and "did not load: DPA004 (named on the command line)" in out


def test_out_must_be_given_and_must_not_be_a_file(tmp_path):
    code, _, err = run("publish", str(AGREEMENTS / "clever.yaml"))
    assert code == 2 and "--out" in err
    a_file = tmp_path / "site"
    a_file.write_text("not a folder", "utf-8")
    code, out, err = run("publish", str(AGREEMENTS / "clever.yaml"), "--out", str(a_file))
    assert code == 2 and "is a file" in err and out == ""
    assert a_file.read_text("utf-8") == "not a folder"


def test_nothing_to_publish_exits_2_unless_allow_empty(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run("publish", str(empty), "--out", str(tmp_path / "site"))
    assert code == 2 and "no agreement files" in err
    code, out, _ = run("publish", str(empty), "--out", str(tmp_path / "site"), "--allow-empty")
    assert code == 0, out
    assert feed(tmp_path / "site")["entries"] == []
    assert "No products are listed yet." in (tmp_path / "site" / "index.html").read_text("utf-8")


def test_a_crashing_rule_exits_3_and_publishes_nothing(tmp_path, monkeypatch):
    from dpa_policy.rules.ownership import DistrictDataOwnership

    def boom(self, agreement, options):
        raise KeyError("district")

    monkeypatch.setattr(DistrictDataOwnership, "check", boom)
    code, out, _ = run("publish", str(AGREEMENTS / "clever.yaml"), "--out", str(tmp_path / "site"))
    assert code == 3
    assert "internal error: rule DPA101 [district-data-ownership] crashed" in out
    assert not (tmp_path / "site").exists()


# ------------------------------------------------------------------------------ the page
def test_parent_and_student_elements_are_listed_under_the_subject_they_describe(tmp_path):
    out_dir = tmp_path / "site"
    assert run("publish", str(AGREEMENTS / "clever.yaml"), "--out", str(out_dir))[0] == 0
    [entry] = feed(out_dir)["entries"]
    groups = {g["subject"]: g for g in entry["data_shared"]}
    assert [g["label"] for g in entry["data_shared"]] == ["Student data", "Parent/guardian data", "Staff data"]
    keys = {s: [e["key"] for c in g["categories"] for e in c["elements"]] for s, g in groups.items()}
    assert keys["parent_guardian"] == ["parent_name.first_last", "parent_contact.email", "parent_contact.phone",
                                       "parent_id.parent_id_number"]
    assert keys["student"][0] == "student_name.first_last"
    assert not any(k.startswith("parent_") for k in keys["student"] + keys["staff"])
    assert groups["parent_guardian"]["purposes"][0].startswith("Pass guardian contact details")
    # The HTML keeps them apart too: the seeds' page repeated parent elements under "Student Data".
    html = (out_dir / "index.html").read_text("utf-8")
    sections = dict(re.findall(r"<h4>([^<]+)</h4>(.*?)</table>", html, re.S))
    assert "Parent/<wbr>guardian email" in sections["Parent/guardian data"]
    assert "Parent/" not in sections["Student data"] and "Student first and/<wbr>or last name" in sections["Student data"]
    assert "Staff email" in sections["Staff data"] and "Student" not in sections["Staff data"]
    usage = html.split("<h3>How the data is used</h3>")[1].split("<h3>")[0]
    assert usage.index("Student data is used to:") < usage.index("Sign students in once")
    assert usage.index("Parent/guardian data is used to:") < usage.index("Pass guardian contact details")
    # Prohibitions and destruction in plain words.
    assert [r["text"] for r in entry["data_use"]["limits"]][:2] == ["Never sold.", "Not used for targeted advertising."]
    assert entry["destruction"]["when"][0]["text"] == "Within 60 calendar days after the district asks."
    assert {m["level_reached"] for m in entry["destruction"]["methods"]} == {"purge", "destroy"}
    assert "The company must confirm in writing that the data was destroyed." in entry["destruction"]["notes"]


def test_feed_structure_and_byte_identical_republishing(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    for folder in (first, second, first):  # twice into the same folder, once elsewhere
        code, out, _ = run("publish", str(AGREEMENTS), "--out", str(folder))
        assert code == 0, out
    for name in ("index.html", "clearinghouse.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    data = feed(first)
    assert list(data) == ["format", "format_version", "generated_from", "as_of", "district", "entries"]
    assert data["format"] == FEED_FORMAT == "dpa-policy-clearinghouse" and data["format_version"] == 1
    assert data["generated_from"]["policy"] == "NDPA baseline" and data["generated_from"]["fail_on"] == "error"
    assert data["district"]["name"] == "Miami-Dade County Public Schools"  # only Clever passes
    entry = data["entries"][0]
    assert set(entry) == {"anchor", "source", "agreement", "district", "vendor", "product", "data_shared",
                          "data_use", "destruction", "links"}
    assert entry["links"] == {"privacy_policy": "https://www.clever.com/trust/privacy/policy",
                              "terms_of_service": "https://www.clever.com/trust/terms",
                              "website": "https://www.clever.com/"}
    assert entry["agreement"]["effective"] == "2026-02-01" and entry["agreement"]["expires"] == "2029-01-31"
    # No timestamps anywhere (only the agreements' own dates).
    text = (first / "clearinghouse.json").read_text("utf-8")
    assert not re.search(r"\d{2}:\d{2}", text)
    # Agreements of two districts on one page: it names neither.
    ct_base = resources.files("dpa_policy.packs.ct").joinpath("testdata", "ct-base-agreement.yaml")
    code, out, _ = run("publish", str(AGREEMENTS / "clever.yaml"), str(ct_base), "--out", str(tmp_path / "two"))
    assert code == 0, out
    assert feed(tmp_path / "two")["district"] is None


def test_agreement_text_is_escaped_everywhere(tmp_path, planted):
    out_dir = tmp_path / "site"
    code, out, _ = run("publish", str(planted), "--out", str(out_dir))
    assert code == 0, out
    html = (out_dir / "index.html").read_text("utf-8")
    assert "<script" not in html.lower()
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 10
    assert not re.search(r"<[a-z]+[^>]*\son[a-z]+\s*=", html, re.I)  # no event handler attributes
    # The planted URL is an http(s) link whose quote cannot end the attribute.
    assert 'href="https://vendor.example/privacy&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"' in html
    assert feed(out_dir)["entries"][0]["vendor"]["name"] == f"Vendor {PLANT}"  # the feed keeps the text as is


def test_the_page_has_no_javascript_and_a_strict_content_security_policy(tmp_path):
    out_dir = tmp_path / "site"
    assert run("publish", str(AGREEMENTS / "clever.yaml"), "--out", str(out_dir))[0] == 0
    html = (out_dir / "index.html").read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "<script" not in html and "javascript:" not in html
    assert "default-src 'none'; style-src 'sha256-" in html
    assert html.count("<h1>") == 1 and 'href="#main"' in html and '<main id="main"' in html
    assert re.findall(r"<th(?=[\s>])(?![^>]*scope=)", html) == []
    for anchor in re.findall(r"<a [^>]*href=\"https?:[^>]*>", html):
        assert 'rel="noopener noreferrer"' in anchor


@pytest.mark.parametrize("url, link", [
    ("https://www.clever.com/trust/terms", True),
    ("http://example.org/privacy", True),
    ("HTTPS://EXAMPLE.ORG/", True),
    ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("vbscript:msgbox(1)", False),
    ("//example.org/privacy", False),
    ("ftp://example.org/file", False),
    ("https://", False),
    ("mailto:privacy@example.org", False),
    ("", False),
    (None, False),
])
def test_only_http_and_https_urls_become_links(url, link):
    assert (safe_url(url) is not None) is link


def test_a_non_http_url_is_shown_as_text_not_linked(tmp_path):
    """The schema already rejects non-http(s) URLs; the page does not rely on it."""
    import argparse

    from dpa_policy.core.options import checked_report, load_policy_set
    from dpa_policy.plugins import plugin_manager
    from dpa_policy.registry import RuleRegistry
    from dpa_policy.render.clearinghouse.html import render_html
    from dpa_policy.render.clearinghouse.page import build_page

    pm = plugin_manager([])
    policy_set = load_policy_set(None, pm, RuleRegistry.from_plugins(pm))
    args = argparse.Namespace(paths=[str(AGREEMENTS / "clever.yaml")], fail_on="error", allow_empty=False,
                              waivers=None, as_of=None)
    report = checked_report(args, pm, policy_set)
    page = build_page(report, report.results, "test")
    page["entries"][0]["links"]["privacy_policy"] = "javascript:alert(1)"
    html = render_html(page)
    assert "javascript:alert(1)" in html and 'href="javascript' not in html
    assert "Privacy policy: <span class=\"url\">javascript:alert(1)</span> (not a web address, so not linked)" in html
    assert '<a href="https://www.clever.com/trust/terms" rel="noopener noreferrer">Terms of service</a>' in html


def test_one_entry_per_agreement_and_product_with_unique_anchors(tmp_path):
    data = yaml.safe_load(base_agreement_text())
    data["products"].append({"name": "AllHere Attendance", "description": "Attendance nudges by text message."})
    folder = tmp_path / "in"
    folder.mkdir()
    text = yaml.safe_dump(data, sort_keys=False)
    (folder / "a.yaml").write_text(text, "utf-8")
    # Another agreement whose id differs only in spelling: its anchors would collide, and do not.
    (folder / "b.yaml").write_text(text.replace("id: BASE-0001", "id: Base 0001"), "utf-8")
    code, out, _ = run("publish", str(folder), "--out", str(tmp_path / "site"))
    assert code == 0, out
    entries = feed(tmp_path / "site")["entries"]
    assert [(e["product"]["name"], Path(e["source"]).name) for e in entries] == [
        ("AllHere", "a.yaml"), ("AllHere", "b.yaml"), ("AllHere Attendance", "a.yaml"), ("AllHere Attendance", "b.yaml"),
    ]
    anchors = [e["anchor"] for e in entries]
    assert anchors == ["allhere-base-0001", "allhere-base-0001-2", "allhere-attendance-base-0001",
                       "allhere-attendance-base-0001-2"]
    html = (tmp_path / "site" / "index.html").read_text("utf-8")
    for anchor in anchors:
        assert html.count(f'id="{anchor}"') == 1 and f'href="#{anchor}"' in html


# ------------------------------------------------------------------------------ one style, links, order
def agreement_for(vendor: str, product: str, agreement_id: str, email: str = "privacy@dadeschools.net") -> str:
    data = yaml.safe_load(base_agreement_text())
    data["id"] = agreement_id
    data["parties"]["vendor"]["name"] = vendor
    data["parties"]["district"]["contact"]["email"] = email
    data["products"][0]["name"] = product
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def test_entries_are_sorted_by_vendor_and_dates_read_as_in_the_counsel_report(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    # Product names sort the other way round, so an order by product would show.
    for name, vendor, product in (("a.yaml", "Zenith Learning", "Alpha Reader"),
                                  ("b.yaml", "acme schools", "Zulu Math"),
                                  ("c.yaml", "Middleton Inc.", "Beta Notes")):
        (folder / name).write_text(agreement_for(vendor, product, f"ID-{name[0]}"), "utf-8")
    code, out, err = run("publish", str(folder), "--out", str(tmp_path / "site"), "--as-of", "2026-02-01")
    assert code == 0, out + err
    entries = feed(tmp_path / "site")["entries"]
    assert [e["vendor"]["name"] for e in entries] == ["acme schools", "Middleton Inc.", "Zenith Learning"]
    html = (tmp_path / "site" / "index.html").read_text("utf-8")
    contents = html.split('id="contents-heading"', 1)[1].split("</nav>", 1)[0]
    assert contents.index("acme schools") < contents.index("Middleton Inc.") < contents.index("Zenith Learning")
    # The counsel report's date style: "February 1, 2026", never "1 February 2026".
    assert "As of February 1, 2026." in html and "In effect from July 1, 2024 to June 30, 2027." in html
    assert not re.search(r"\b\d{1,2} (?:January|February|June|July) \d{4}\b", html)


def test_the_district_contact_email_is_a_link_and_only_a_plain_address_is(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.yaml").write_text(agreement_for("Acme", "Reader", "ID-1"), "utf-8")
    run("publish", str(folder), "--out", str(tmp_path / "site"))
    html = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert 'at <a href="mailto:privacy@dadeschools.net">privacy@dadeschools.net</a>' in html
    # An address that would carry extra mail headers is shown, not linked.
    (folder / "a.yaml").write_text(agreement_for("Acme", "Reader", "ID-1", email="privacy@example.org?cc=x"), "utf-8")
    code, out, err = run("publish", str(folder), "--out", str(tmp_path / "site2"))
    assert code == 0, out + err  # the format's email pattern lets it through: the page must not rely on it
    html = (tmp_path / "site2" / "index.html").read_text("utf-8")
    assert "mailto:" not in html and "privacy@example.org?cc=x" in html

