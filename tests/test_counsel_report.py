"""`dpa-policy report`: the counsel report's view, escaping, waivers, expiry and exit codes.

No browser here (tests/browser renders the page in Chromium). The state packs are disabled
so the numbers below hold whatever is installed.
"""

from __future__ import annotations

import argparse
import datetime
import io
import re
import shutil
from pathlib import Path

import pytest
import yaml

from dpa_policy.cli import main
from dpa_policy.core.options import checked_report, load_policy_set
from dpa_policy.plugins import plugin_manager
from dpa_policy.registry import RuleRegistry
from dpa_policy.render.counsel import build, render_html, render_markdown
from dpa_policy.render.counsel.charts import horizontal_bars, stacked_bar
from dpa_policy.testing import base_agreement_text, plant_text

ROOT = Path(__file__).resolve().parents[1]
AGREEMENTS = ROOT / "agreements"
NO_PACKS = ["--disable-plugin", "ny", "--disable-plugin", "ct"]
AS_OF = "2026-06-01"
PLANT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"

WAIVE_LATE = """\
waivers_version: 1
waivers:
  - agreement: LATE-1
    rule: breach-notice-window
    justification: Vendor's insurer requires 10 business days; amendment due in Q1.
    approver: Dana Whitfield, General Counsel
    expires: 2027-06-30
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["report", *NO_PACKS, *argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def checked(*paths: Path, waivers: Path | None = None, as_of: str = AS_OF, fail_on: str = "error"):
    """The run `check` would make, through the same helper `report` uses."""
    pm = plugin_manager(["ny", "ct"])
    policy_set = load_policy_set(None, pm, RuleRegistry.from_plugins(pm))
    args = argparse.Namespace(paths=[str(p) for p in paths], fail_on=fail_on, allow_empty=False,
                              waivers=str(waivers) if waivers else None, as_of=as_of)
    return checked_report(args, pm, policy_set)


def planted_agreement() -> str:
    """The AllHere sample (it has findings) with PLANT in every text field."""
    data = yaml.safe_load((AGREEMENTS / "allhere.yaml").read_text("utf-8"))
    data["data"]["parent_guardian"]["other_elements"] = ["family language preference"]
    data["clauses"]["subprocessors"]["named"] = ["Twilio"]
    data["clauses"]["legal_compliance"]["other_laws"] = ["Florida Statutes 501.171"]
    plant_text(data, PLANT)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def late_agreement(**replace: str) -> str:
    text = base_agreement_text().replace("window: 72 hours", "window: 5 business days").replace("id: BASE-0001", "id: LATE-1")
    for old, new in replace.items():
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def samples_view():
    return build(checked(AGREEMENTS), datetime.date(2026, 6, 1), 90)


# ------------------------------------------------------------------------------- the view
def test_portfolio_numbers(samples_view):
    view = samples_view
    assert view.total == 12
    # Tessellate's one failure was Connecticut's; with the ct pack off, Connecticut law goes
    # unchecked, so it needs legal review (DPA122) instead of passing, as do Quillmark and
    # Northstar (the samples written to need it).
    assert view.verdicts == {"pass": 1, "pass-waived": 0, "needs-review": 3, "fail": 8, "incomplete": 0,
                             "unreadable": 0}
    tessellate = next(a for a in view.agreements if a.id == "HPS-NDPA-2024-112")
    assert tessellate.verdict == "needs-review" and tessellate.failing == 0
    # DPA502: it names only NIST SP 800-88 Rev. 1, withdrawn before the date judged (a review too)
    assert [(f.code, f.fails, f.review) for f in tessellate.review_findings] == [("DPA502", True, True),
                                                                                 ("DPA122", True, True)]
    assert view.terms == {"expired": 1, "expiring": 3, "current": 8, "open-ended": 0}
    assert [a.id for a in view.expiring] == ["AVSD-DPA-2023-047", "MDCPS-DSA-2023-0291", "MDCPS-DSA-2024-0163",
                                             "CHISD-TECH-2025-0217"]  # soonest first, the expired one first
    counts = {r.code: (r.agreements, r.findings) for r in view.top_rules}
    assert counts["DPA201"] == (3, 3) and counts["DPA502"] == (3, 4) and counts["DPA501"] == (2, 4)
    assert [r.agreements for r in view.top_rules] == sorted((r.agreements for r in view.top_rules), reverse=True)
    assert "DPA204" not in counts  # a warning below --fail-on is not a failing rule
    assert "DPA122" not in counts  # a question for a person is not a failing rule either


def test_findings_grouped_by_clause_with_the_contracts_words(samples_view):
    allhere = next(a for a in samples_view.agreements if a.id == "MDCPS-DSA-2024-0117")
    assert allhere.verdict == "fail" and allhere.vendor == "AllHere Education, Inc."
    # "other": DPA404's review of the product description (a warning), which has no clause
    assert [c.key for c in allhere.clauses] == ["breach_notification", "disposal", "other"]
    disposal = allhere.clauses[1]
    assert disposal.label == "Data disposal" and disposal.citation == "Section 9"
    assert disposal.text.startswith("At the District's written request")
    window = next(r for r in disposal.rules if r.code == "DPA501")
    assert window.slug == "disposal-window" and len(window.findings) == 2
    first = window.findings[0]
    assert first.citation == "Section 9(a)"  # the window's own citation, not the clause's
    assert first.observed == "not stated" and first.fails
    assert first.required == "disposal on the district's request within 60 calendar days"
    assert first.location.endswith("allhere.yaml:109:5")
    assert window.why and window.legal_basis
    # What would fix it: contract language built from the NDPA policy's 60-day windows.
    assert window.model_clause.startswith("Within sixty (60) calendar days of the LEA's written request")
    assert any("NDPA" in item for block in window.legal_basis for item in block.items)
    contents = allhere.clauses[0].rules[0]
    assert contents.code == "DPA204" and not any(f.fails for f in contents.findings)  # warnings: shown, not failing
    assert allhere.failing == 4  # DPA501, DPA502 and, Florida law, FLS501


def test_data_term_and_passed_rules(samples_view):
    allhere = next(a for a in samples_view.agreements if a.id == "MDCPS-DSA-2024-0117")
    (subject,) = allhere.data
    assert subject.label == "Parent/guardian data"
    assert [e.label for e in subject.elements][:2] == ["Parent/guardian first and/or last name", "Parent/guardian email"]
    assert subject.purposes[0].startswith("Send and answer text messages")
    term = allhere.term
    assert (term.effective, term.expires, term.status) == (datetime.date(2024, 7, 1), datetime.date(2027, 6, 30), "current")
    assert term.days_to_expiry == 394 and term.governing_state == "FL"
    assert "FERPA (20 U.S.C. 1232g; 34 CFR Part 99)" in allhere.laws
    passed = [code for code, _, _ in allhere.passed_rules]
    assert "DPA101" in passed and "DPA501" not in passed
    harborlight = next(a for a in samples_view.agreements if a.id == "AVSD-DPA-2023-047")
    assert harborlight.term.status == "expired" and harborlight.term.days_to_expiry == -336
    # Sensitive elements (health, disability, race...) are flagged for counsel, and only those.
    sensitive = {a.id: sorted(e.label for s in a.data for e in s.elements if e.sensitive)
                 for a in samples_view.agreements}
    assert {agreement: labels for agreement, labels in sensitive.items() if labels} == {
        "AVSD-DPA-2023-047": ["Ethnicity or race", "Student responses to surveys or questionnaires"],
        "FCPS-VA-SDPA-2024-088": ["Student disability information"],
        "LCSD-2D-2025-014": ["English language learner information"],
        "WCCUSD207-SOPPA-2024-031": ["Conduct or behavioral data", "Medical alerts/health data",
                                     "Specialized education services (IEP or 504)", "Student disability information"],
    }


def test_an_unreadable_agreement_is_its_own_verdict(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text(base_agreement_text().replace("  audit:", "  audit:\n  audit:"), "utf-8")
    view = build(checked(bad), datetime.date(2026, 6, 1))
    (agreement,) = view.agreements
    assert agreement.verdict == "unreadable" and agreement.term is None
    assert agreement.input_problems[0].code == "DPA004"
    html = render_html(view)
    assert "The record could not be read" in html and "DPA004" in html
    markdown = render_markdown(view)
    assert "### The record could not be read" in markdown and "| Could not be read |" in markdown


# ------------------------------------------------------------------------------ escaping
def test_agreement_text_is_escaped_in_html_and_markdown(tmp_path):
    path = tmp_path / "planted.yaml"
    path.write_text(planted_agreement(), "utf-8")
    code, _, err = run(str(path), "--html", str(tmp_path / "r.html"), "--markdown", str(tmp_path / "r.md"),
                       "--as-of", AS_OF)
    assert code == 1, err
    html = (tmp_path / "r.html").read_text("utf-8")
    assert "<script" not in html.lower()
    # vendor, district, contacts, product name and description, title, id, model version,
    # eight clause texts and citations, two window citations, purposes, other elements...
    assert html.count(ESCAPED) >= 20
    markdown = (tmp_path / "r.md").read_text("utf-8")
    assert "<script" not in markdown.lower()
    assert markdown.count(ESCAPED) >= 20


def test_markdown_escapes_table_breaking_text(tmp_path):
    path = tmp_path / "pipes.yaml"
    path.write_text(base_agreement_text().replace("name: AllHere Education, Inc.", "name: 'Pipe | Co *bold* [x](javascript:1)'"))
    code, _, err = run(str(path), "--markdown", str(tmp_path / "r.md"), "--as-of", AS_OF)
    assert code == 0, err
    row = next(line for line in (tmp_path / "r.md").read_text("utf-8").splitlines() if line.startswith("| Pipe"))
    assert row.startswith(r"| Pipe \| Co \*bold\* \[x\](javascript:1) |")


def test_chart_text_is_escaped():
    svg = stacked_bar("c1", "Verdicts <b>", [("fail", "Fail & <i>", 2), ("pass", "Pass", 1)])
    assert "<b>" not in svg and "<i>" not in svg and "Fail &amp; &lt;i&gt;" in svg
    assert "<title id=\"c1-title\">Verdicts &lt;b&gt;</title>" in svg and "<desc" in svg
    bars = horizontal_bars("c2", "Rules", [("DPA1 <x>", 1, "")], out_of=2)
    assert "<x>" not in bars and "DPA1 &lt;x&gt;" in bars and 'role="img"' in bars


# ------------------------------------------------------------------------------- content
def test_html_is_self_contained_without_script_and_headings_in_order(tmp_path):
    code, _, _ = run(str(AGREEMENTS), "--html", str(tmp_path / "r.html"), "--as-of", AS_OF)
    assert code == 1
    html = (tmp_path / "r.html").read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    for forbidden in ("<script", "<link", "src=", "@import", "url(", 'href="http', " on" + "load=", "javascript:"):
        assert forbidden not in html.lower(), forbidden
    assert "Content-Security-Policy" in html and "@media print" in html and "@page" in html
    levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", html)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), "a heading level is skipped"
    assert html.count('<svg class="chart"') == 3 and html.count("<title id=") == 3
    assert "Expired or expiring within 90 days" in html
    assert "Harborlight Analytics, Inc." in html and "expired 336 days ago" in html
    assert "A model clause for an amendment" in html and "Why it matters" in html and "Legal basis" in html


def test_waivers_show_approver_expiry_and_justification(tmp_path):
    (tmp_path / "late.yaml").write_text(late_agreement())
    (tmp_path / "waivers.yaml").write_text(WAIVE_LATE)
    code, out, err = run(str(tmp_path / "late.yaml"), "--waivers", str(tmp_path / "waivers.yaml"),
                         "--html", str(tmp_path / "r.html"), "--markdown", str(tmp_path / "r.md"), "--as-of", AS_OF)
    assert code == 0, err  # waived: reported, but the run passes
    assert "1 agreement: 1 passed, 0 failed" in out
    html = (tmp_path / "r.html").read_text("utf-8")
    assert "Pass with waivers" in html
    assert "Waived</strong> by Dana Whitfield, General Counsel until June 30, 2027" in html
    assert "insurer requires 10 business days" in html
    markdown = (tmp_path / "r.md").read_text("utf-8")
    assert "| DPA201 breach-notice-window | 1 | Dana Whitfield, General Counsel | June 30, 2027 |" in markdown
    view = build(checked(tmp_path / "late.yaml", waivers=tmp_path / "waivers.yaml"), datetime.date(2026, 6, 1))
    (waived,) = view.agreements[0].waived
    assert waived.waiver.approver == "Dana Whitfield, General Counsel" and waived.waiver.days_left == 394
    assert view.verdicts["pass-waived"] == 1 and view.waived_findings == 1


def test_an_expired_waiver_no_longer_applies_and_is_called_out(tmp_path):
    (tmp_path / "late.yaml").write_text(late_agreement())
    (tmp_path / "waivers.yaml").write_text(WAIVE_LATE.replace("2027-06-30", "2026-05-01"))
    code, _, _ = run(str(tmp_path / "late.yaml"), "--waivers", str(tmp_path / "waivers.yaml"),
                     "--html", str(tmp_path / "r.html"), "--as-of", AS_OF)
    assert code == 1
    html = (tmp_path / "r.html").read_text("utf-8")
    assert "Problems with the waivers file" in html and "DPA901" in html and "expired on 2026-05-01" in html


@pytest.mark.parametrize(("as_of", "within", "expect", "exit_code"), [
    ("2027-05-01", "90", "expires in 60 days", 0),  # DPA112's warning does not fail
    ("2027-07-15", "90", "expired 15 days ago", 1),  # DPA111: an expired agreement fails
])
def test_expiring_and_expired_agreements_are_called_out(tmp_path, as_of, within, expect, exit_code):
    (tmp_path / "a.yaml").write_text(base_agreement_text())
    code, _, err = run(str(tmp_path / "a.yaml"), "--html", str(tmp_path / "r.html"), "--markdown", str(tmp_path / "r.md"),
                       "--as-of", as_of, "--expiring-within", within)
    assert code == exit_code, err
    html = (tmp_path / "r.html").read_text("utf-8")
    callout = html.split("Expired or expiring within", 1)[1].split("</div>", 1)[0]
    assert expect in callout and "AllHere Education, Inc." in callout
    assert expect in (tmp_path / "r.md").read_text("utf-8")


def test_expiring_within_sets_the_window(tmp_path):
    (tmp_path / "a.yaml").write_text(base_agreement_text())
    run(str(tmp_path / "a.yaml"), "--html", str(tmp_path / "r.html"), "--as-of", "2027-05-01", "--expiring-within", "30")
    assert "Expired or expiring within" not in (tmp_path / "r.html").read_text("utf-8")


# ------------------------------------------------------------------------- exit codes
def test_exit_codes_follow_check(tmp_path):
    (tmp_path / "good.yaml").write_text(base_agreement_text())
    (tmp_path / "late.yaml").write_text(late_agreement())
    contents = base_agreement_text().replace("contents: [reporter_contact, ", "contents: [")
    (tmp_path / "warn.yaml").write_text(contents)
    assert run(str(tmp_path / "good.yaml"), "--html", str(tmp_path / "g.html"))[0] == 0
    assert run(str(tmp_path / "late.yaml"), "--html", str(tmp_path / "l.html"))[0] == 1
    assert run(str(tmp_path / "warn.yaml"), "--html", str(tmp_path / "w.html"))[0] == 0
    assert run(str(tmp_path / "warn.yaml"), "--html", str(tmp_path / "w.html"), "--fail-on", "warning")[0] == 1
    for argv in ([str(tmp_path / "missing.yaml"), "--html", str(tmp_path / "m.html")],
                 [str(tmp_path / "good.yaml"), "--html", str(tmp_path / "x.html"), "--expiring-within", "-1"],
                 [str(tmp_path / "good.yaml"), "--html", str(tmp_path / "x.html"), "--as-of", "tomorrow"],
                 [str(tmp_path / "good.yaml"), "--html", str(tmp_path / "no-such-dir" / "x.html")],
                 [str(tmp_path / "good.yaml"), "--html", str(tmp_path / "x"), "--markdown", str(tmp_path / "x")],
                 [str(tmp_path / "good.yaml"), "--html", str(tmp_path / "x.html"), "--policy", str(tmp_path / "nope.yaml")]):
        code, _, err = run(*argv)
        assert code == 2, (argv, err)
        assert err.startswith("dpa-policy: error:")
    assert not (tmp_path / "x.html").exists()


def test_an_output_is_required(tmp_path):
    (tmp_path / "good.yaml").write_text(base_agreement_text())
    code, out, err = run(str(tmp_path / "good.yaml"))
    assert code == 2 and out == ""
    assert "report needs an output: --html FILE and/or --markdown FILE" in err


def test_a_crashing_rule_exits_3_and_the_report_says_incomplete(tmp_path, monkeypatch):
    from dpa_policy.rules.breach import BreachNoticeWindow

    def boom(self, agreement, options):
        raise RuntimeError("boom")

    monkeypatch.setattr(BreachNoticeWindow, "check", boom)
    (tmp_path / "good.yaml").write_text(base_agreement_text())
    code, _, _ = run(str(tmp_path / "good.yaml"), "--html", str(tmp_path / "r.html"), "--markdown", str(tmp_path / "r.md"))
    assert code == 3
    html = (tmp_path / "r.html").read_text("utf-8")
    assert "The run is incomplete" in html and "rule DPA201 (breach-notice-window) crashed" in html
    assert "Incomplete (internal error)" in html


def test_the_same_input_gives_identical_bytes(tmp_path):
    copy = tmp_path / "agreements"
    shutil.copytree(AGREEMENTS, copy)
    (tmp_path / "waivers.yaml").write_text(WAIVE_LATE.replace("LATE-1", "MDCPS-DSA-2023-0291"))
    outputs = []
    for n in (1, 2):
        code, _, _ = run(str(copy), "--waivers", str(tmp_path / "waivers.yaml"), "--as-of", AS_OF,
                         "--html", str(tmp_path / f"r{n}.html"), "--markdown", str(tmp_path / f"r{n}.md"))
        assert code == 1
        outputs.append(((tmp_path / f"r{n}.html").read_bytes(), (tmp_path / f"r{n}.md").read_bytes()))
    assert outputs[0] == outputs[1]
    assert b"Pass with waivers" in outputs[0][0]


def test_help_lists_the_report_command(capsys):
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    text = capsys.readouterr().out
    assert "--html FILE" in text and "--markdown FILE" in text and "--expiring-within DAYS" in text
    assert "exit codes (as for check):" in text


# ------------------------------------------------------------------ plain legal English
def _page_text(html: str) -> str:
    """What a reader sees: the body's text, tags and the CSS gone."""
    import html as html_lib

    body = html.split("<body>", 1)[1]
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", body))


@pytest.fixture(scope="module")
def sample_reports(tmp_path_factory) -> tuple[str, str]:
    out = tmp_path_factory.mktemp("reports")
    code, _, err = run(str(AGREEMENTS), "--html", str(out / "r.html"), "--markdown", str(out / "r.md"),
                       "--as-of", AS_OF)
    assert code == 1, err
    return (out / "r.html").read_text("utf-8"), (out / "r.md").read_text("utf-8")


def test_counsel_reads_plain_english_not_the_checkers_vocabulary(sample_reports):
    html, markdown = sample_reports
    for text in (_page_text(html), markdown.replace("\\_", "_")):
        # No vocabulary keys or record paths (law_enforcement_delay, clauses.audit, prohibits.sale)...
        assert not re.findall(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b", text)
        assert not re.findall(r"\b(?:clauses|prohibits|data|on_request|at_termination)\.[a-z]", text)
        # ...no YAML, no confidence letters or notes for maintainers, no unshipped file cited.
        assert "```" not in text and "passing example" not in text.lower() and ": true" not in text
        assert not re.findall(r"\[[PVSU](?:[/,:;\s][^\]]*)?\]", text)
        assert "DOMAIN.md" not in text and "was not retrieved" not in text
        assert "unconfirmed source" in text and "secondary source" in text
    # Observed values and requirements are words too.
    assert "breach notice contents do not include the reporter's name and contact information" in markdown
    assert "breach notice goes to affected individuals but not to the district" in markdown


def test_what_would_fix_it_is_a_model_clause_beside_the_legal_basis(sample_reports):
    html, markdown = sample_reports
    fixes = html.split('<div class="fix">')[1:]
    assert fixes and all('<blockquote class="model-clause">' in fix.split("</div>\n        </div>")[0]
                         or "The policy requires" in fix for fix in fixes)
    first = fixes[0].split('<p class="label">Legal basis</p>', 1)
    assert len(first) == 2 and '<blockquote class="model-clause">' in first[0]  # the clause, then its basis
    assert "Within sixty (60) calendar days of the LEA&#39;s written request" in html
    assert "> Within sixty (60) calendar days of the LEA's written request" in markdown
    assert markdown.count("**What would fix it**: a model clause") >= 10


def test_html_and_markdown_list_the_same_failing_rules(sample_reports):
    html, markdown = sample_reports
    html_agreements = html.split('<article class="agreement"')[1:]
    md_agreements = markdown.split("\n---\n")[1:]
    assert len(html_agreements) == len(md_agreements) == len(list(AGREEMENTS.glob("*.yaml")))
    for in_html, in_md in zip(html_agreements, md_agreements):
        codes_html = re.findall(r"<h5><code>([A-Z]{2,5}\d{3})</code>", in_html)
        codes_md = re.findall(r"^##### ([A-Z]{2,5}\d{3}):", in_md, re.M)
        assert codes_html == codes_md
    summary_html = re.findall(r'<tr><th scope="row"><code>([A-Z]{2,5}\d{3})</code>', html.split("<article", 1)[0])
    summary_md = re.findall(r"^\| ([A-Z]{2,5}\d{3}) [a-z-]+ \| \d+ of \d+ \|", markdown, re.M)
    assert summary_html == summary_md and len(summary_md) > 10  # every failing rule, not a top ten


def test_dates_are_written_one_way(sample_reports):
    html, markdown = sample_reports
    for text in (_page_text(html), markdown):
        assert "June 30, 2027" in text
        assert not re.search(r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
                             r"November|December) \d{4}\b", text)


def test_print_rules_number_pages_and_name_the_agreement_on_each(sample_reports):
    html, _ = sample_reports
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert '@bottom-right { content: "Page " counter(page) " of " counter(pages)' in style
    assert "@top-left" in style and "break-before: page" not in style
    # Each agreement is a one-cell table whose header row (repeated on every printed page)
    # names it; on screen the row is hidden.
    assert html.count('<table class="sheet" role="presentation">') == len(list(AGREEMENTS.glob("*.yaml"))) + 1
    assert ('<thead><tr><th><span class="running-name">AllHere Education, Inc.</span> &middot; '
            'MDCPS-DSA-2024-0117 &middot; Fail</th></tr></thead>') in html
    assert "table.sheet > thead { display: none; }" in style and "table.sheet > thead { display: table-header-group; }" in style


def test_the_running_title_cannot_break_out_of_the_style_sheet():
    from dpa_policy.render.counsel.render import css_string

    assert css_string('As of </style><script>"') == '"As\\20 of\\20 \\3c \\2f style\\3e \\3c script\\3e \\22 "'


# ------------------------------------------------------------------ imported agreements
def test_an_imported_agreement_shows_the_page_and_words_of_each_finding(tmp_path):
    data = yaml.safe_load((ROOT / "tests" / "fixtures" / "format-additions-agreement.yaml").read_text("utf-8"))
    data["clauses"]["breach_notification"]["window"] = "10 business days"  # DPA201 fails...
    data["clauses"]["breach_notification"]["page"] = 7  # ...on the page the importer read it from
    data["state_terms"][0]["terms"]["breach_window"] = "15 calendar days"  # FLS201 fails on the rider
    data["review"] = {"status": "draft"}
    path = tmp_path / "imported.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    view = build(checked(path), datetime.date(2026, 6, 1))
    (agreement,) = view.agreements
    assert agreement.imported_from.startswith(data["source"]["file"] + ", a PDF of ")
    assert agreement.review_status.startswith("Draft: read from the document")
    breach = next(c for c in agreement.clauses if c.key == "breach_notification")
    window = next(f for r in breach.rules if r.code == "DPA201" for f in r.findings)
    page = data["clauses"]["breach_notification"]["page"]
    assert (window.source.document, window.source.page) == (data["source"]["file"], page)
    assert window.source.citation == data["clauses"]["breach_notification"]["citation"]
    assert window.source.words is None  # the clause's own words are quoted right above it
    assert breach.page == page
    html, markdown = render_html(view), render_markdown(view)
    assert f"page {page} of {data['source']['file']}" in html and f"The contract, {breach.citation}, page {page}" in html
    assert f"Read from: page {page} of {data['source']['file']}" in markdown.replace("\\", "")
    # A finding outside any clause quotes the words it came from: the state rider's own text.
    rider = next(f for f in agreement.findings if f.pointer.startswith("/state_terms/0/"))
    rider_data = data["state_terms"][0]
    assert (rider.source.page, rider.source.citation) == (rider_data["page"], rider_data["citation"])
    assert rider.source.words == rider_data["text"] and rider.source.words in _page_text(html)


def test_only_imported_agreements_have_source_lines(samples_view):
    for agreement in samples_view.agreements:
        assert all((f.source is not None) == (agreement.imported_from is not None) for f in agreement.findings)
    assert any(a.imported_from is None for a in samples_view.agreements)
