"""Waivers: explicit, accountable, expiring, visible in every format, and forbiddable."""

from __future__ import annotations

import io
import json
import textwrap
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import pytest

from dpa_policy.cli import main
from dpa_policy.testing import base_agreement_text

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT.parent / "shared" / "schemas"
SARIF_SCHEMA = SCHEMAS / "sarif-schema-2.1.0.json"
JUNIT_XSD = SCHEMAS / "jenkins-junit.xsd"
needs_sarif_schema = pytest.mark.skipif(not SARIF_SCHEMA.is_file(), reason=f"SARIF schema not found at {SARIF_SCHEMA} (../shared is beside the repo only in CI)")
needs_junit_xsd = pytest.mark.skipif(not JUNIT_XSD.is_file(), reason=f"JUnit XSD not found at {JUNIT_XSD} (../shared is beside the repo only in CI)")
AS_OF = date(2026, 11, 22)  # every run() judges expiry as of this day
WINDOW_LINE = base_agreement_text().splitlines().index("    window: 72 hours") + 1


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--disable-plugin", "ny", "--disable-plugin", "ct", "--as-of", AS_OF.isoformat(), *argv],
                stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "agreements").mkdir()
    (tmp_path / "agreements" / "late.yaml").write_text(
        base_agreement_text().replace("window: 72 hours", "window: 5 business days").replace("id: BASE-0001", "id: LATE-1"))
    (tmp_path / "agreements" / "good.yaml").write_text(base_agreement_text().replace("id: BASE-0001", "id: GOOD-1"))
    return tmp_path


def waivers(repo: Path, body: str, name: str = "waivers.yaml") -> Path:
    path = repo / name
    path.write_text("waivers_version: 1\nwaivers:\n" + textwrap.indent(textwrap.dedent(body).strip() + "\n", "  "))
    return path


WAIVE_LATE = """
- agreement: LATE-1
  rule: breach-notice-window
  justification: Vendor's insurer requires 10 business days; amendment due in Q1.
  approver: Dana Whitfield, General Counsel
  expires: 2027-06-30
"""


def test_an_active_waiver_accepts_the_finding_but_keeps_it_visible(repo):
    waivers(repo, WAIVE_LATE)
    code, out, _ = run("--waivers", "waivers.yaml", "agreements")
    assert code == 0
    line = out.splitlines()[0]
    assert line == (f"agreements/late.yaml:{WINDOW_LINE}:13: DPA201 [breach-notice-window] breach notice window "
                    "5 business days (up to 7 calendar days once weekends are counted) is longer than the policy "
                    "maximum of 72 hours (waived by Dana Whitfield, General Counsel until 2027-06-30)")
    assert "2 agreements checked: 2 passed, 0 failed; 0 findings; 1 waived" in out


def test_waiver_by_path_and_pointer(repo):
    waivers(repo, WAIVE_LATE.replace("agreement: LATE-1", "agreement: ./agreements/late.yaml")
            + "  pointer: /clauses/breach_notification/window\n")
    assert run("--waivers", "waivers.yaml", "agreements")[0] == 0
    waivers(repo, WAIVE_LATE + "  pointer: /clauses/breach_notification/trigger\n")
    code, out, _ = run("--waivers", "waivers.yaml", "agreements")
    assert code == 1 and "DPA902 [waiver-unmatched]" in out  # a pointer that matches nothing


def test_an_expired_waiver_no_longer_applies_and_is_reported(repo):
    waivers(repo, WAIVE_LATE.replace("2027-06-30", "2026-11-01"))
    code, out, _ = run("--waivers", "waivers.yaml", "agreements")
    assert code == 1
    assert "agreements/late.yaml:" in out and "(waived" not in out
    assert "waivers.yaml:3:5: DPA901 [waiver-expired] waiver for DPA201 on 'LATE-1' expired on 2026-11-01" in out


def waive_late_until(repo: Path, days_after_as_of: int) -> str:
    expires = (AS_OF + timedelta(days=days_after_as_of)).isoformat()
    waivers(repo, WAIVE_LATE.replace("2027-06-30", expires))
    return expires


def test_a_waiver_still_applies_on_its_expiry_day(repo):
    """`expires` is the last day the waiver applies: on that day it accepts the finding."""
    expires = waive_late_until(repo, 0)
    code, out, _ = run("--waivers", "waivers.yaml", "agreements")
    assert code == 0, out
    assert f"(waived by Dana Whitfield, General Counsel until {expires})" in out
    assert "DPA901" not in out
    assert f"DPA903 [waiver-expiring] waiver for DPA201 on 'LATE-1' expires on {expires} (in 0 days)" in out


def test_a_waiver_stops_applying_the_day_after_its_expiry_day(repo):
    expires = waive_late_until(repo, -1)
    code, out, _ = run("--waivers", "waivers.yaml", "agreements")
    assert code == 1
    assert "(waived" not in out and "DPA201 [breach-notice-window]" in out
    assert f"waivers.yaml:3:5: DPA901 [waiver-expired] waiver for DPA201 on 'LATE-1' expired on {expires}" in out
    assert "DPA903" not in out  # an expired waiver is reported as expired, not as expiring


def test_a_waiver_expiring_tomorrow_applies_and_warns(repo):
    expires = waive_late_until(repo, 1)
    code, out, _ = run("--waivers", "waivers.yaml", "agreements")
    assert code == 0 and "(waived by" in out and "DPA901" not in out
    assert f"expires on {expires} (in 1 day);" in out


@pytest.mark.parametrize("warn_days", [None, 45, 0])
def test_the_expiring_soon_window_includes_its_last_day_and_no_more(repo, warn_days):
    """Warned `warn_days_before_expiry` days ahead (30 by default), not one day earlier."""
    args = []
    if warn_days is not None:
        policy = repo / "policy.yaml"
        policy.write_text("policy_version: 1\nname: district\nextends: [ndpa]\n"
                          f"waivers:\n  warn_days_before_expiry: {warn_days}\n")
        args = ["--policy", str(policy)]
    window = 30 if warn_days is None else warn_days

    expires = waive_late_until(repo, window)
    code, out, _ = run("--waivers", "waivers.yaml", *args, "agreements")
    assert code == 0, out
    assert f"DPA903 [waiver-expiring] waiver for DPA201 on 'LATE-1' expires on {expires} (in {window} day" in out

    waive_late_until(repo, window + 1)
    code, out, _ = run("--waivers", "waivers.yaml", *args, "agreements")
    assert code == 0 and "(waived by" in out
    assert "DPA903" not in out


def test_a_waiver_about_to_expire_is_warned_about(repo):
    waivers(repo, WAIVE_LATE.replace("2027-06-30", "2026-12-10"))
    code, out, _ = run("--waivers", "waivers.yaml", "agreements")
    assert code == 0  # still valid: a warning, not a failure
    assert "DPA903 [waiver-expiring] waiver for DPA201 on 'LATE-1' expires on 2026-12-10 (in 18 days)" in out
    assert run("--waivers", "waivers.yaml", "--fail-on", "warning", "agreements")[0] == 1


def test_a_waiver_matching_nothing_is_reported_only_when_its_agreement_was_checked(repo):
    waivers(repo, WAIVE_LATE.replace("LATE-1", "GOOD-1"))
    code, out, _ = run("--waivers", "waivers.yaml", "agreements")
    assert "DPA902 [waiver-unmatched] waiver for DPA201 on 'GOOD-1' matches no finding" in out
    # a pre-commit run on another file says nothing about it
    code, out, _ = run("--waivers", "waivers.yaml", "agreements/late.yaml")
    assert "DPA902" not in out


def test_policy_can_forbid_waivers_by_rule_or_severity(repo):
    waivers(repo, WAIVE_LATE)
    policy = repo / "policy.yaml"
    policy.write_text("policy_version: 1\nname: strict\nextends: [ndpa]\nwaivers:\n  forbidden_rules: [DPA2]\n")
    code, out, _ = run("--waivers", "waivers.yaml", "--policy", str(policy), "agreements")
    assert code == 1 and "DPA904 [waiver-not-allowed] the policy forbids waiving rule DPA201" in out
    policy.write_text("policy_version: 1\nname: strict\nextends: [ndpa]\nwaivers:\n  forbidden_severities: [error]\n")
    code, out, _ = run("--waivers", "waivers.yaml", "--policy", str(policy), "agreements")
    assert code == 1 and "forbids waiving error findings" in out


@pytest.mark.parametrize("body, message", [
    (WAIVE_LATE.replace("  approver: Dana Whitfield, General Counsel\n", ""), "waivers.0.approver: is required"),
    (WAIVE_LATE.replace("  justification: Vendor's insurer requires 10 business days; amendment due in Q1.\n", ""),
     "waivers.0.justification: is required"),
    (WAIVE_LATE.replace("expires: 2027-06-30", "expires: someday"), "waivers.0.expires"),
    (WAIVE_LATE.replace("rule: breach-notice-window", "rule: breach-notice-windw"), "unknown rule 'breach-notice-windw' (did you mean"),
    (WAIVE_LATE.replace("rule: breach-notice-window", "rule: DPA004"), "DPA004 cannot be waived"),
    (WAIVE_LATE + "  reason: extra\n", "waivers.0.reason: is not a known field"),
])
def test_an_invalid_waivers_file_stops_the_run_naming_file_line_and_column(repo, body, message):
    waivers(repo, body)
    code, out, err = run("--waivers", "waivers.yaml", "agreements")
    assert code == 2 and out == ""
    assert "waivers.yaml:" in err and message in err


def test_missing_waivers_file_exits_2(repo):
    code, _, err = run("--waivers", "nope.yaml", "agreements")
    assert code == 2 and "waivers file not found" in err


def test_waived_in_json(repo):
    waivers(repo, WAIVE_LATE)
    code, out, _ = run("--waivers", "waivers.yaml", "--format", "json", "agreements")
    report = json.loads(out)
    (finding,) = report["findings"]
    assert code == 0 == report["exit_code"] and report["summary"]["waived"] == 1 and report["summary"]["findings"] == 0
    assert finding["waiver"] == {"approver": "Dana Whitfield, General Counsel", "expires": "2027-06-30",
                                 "justification": "Vendor's insurer requires 10 business days; amendment due in Q1.",
                                 "source": "waivers.yaml:3:5"}


def test_waived_in_sarif_as_a_record_not_a_result(repo):
    # GitHub code scanning ignores SARIF suppressions: a waived result would open an alert.
    waivers(repo, WAIVE_LATE.replace("2027-06-30", "2026-12-01"))  # also expiring: a DPA903 result
    code, out, _ = run("--waivers", "waivers.yaml", "--format", "sarif", "agreements")
    run_ = json.loads(out)["runs"][0]
    results = run_["results"]
    assert not any(r["ruleId"] == "DPA201" for r in results)
    (window,) = run_["properties"]["waived"]
    assert window["ruleId"] == "DPA201" and window["approver"] == "Dana Whitfield, General Counsel"
    assert window["waiver"]["physicalLocation"]["artifactLocation"]["uri"] == "waivers.yaml"
    expiring = next(r for r in results if r["ruleId"] == "DPA903")
    assert expiring["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "waivers.yaml"


@needs_sarif_schema
def test_waived_sarif_validates_against_the_sarif_schema(repo):
    import jsonschema

    waivers(repo, WAIVE_LATE.replace("2027-06-30", "2026-12-01"))  # a suppression and a DPA903 result
    document = json.loads(run("--waivers", "waivers.yaml", "--format", "sarif", "agreements")[1])
    schema = json.loads(SARIF_SCHEMA.read_text())
    assert not list(jsonschema.validators.validator_for(schema)(schema).iter_errors(document))


def test_waived_in_junit_as_skipped(repo):
    waivers(repo, WAIVE_LATE.replace("2027-06-30", "2026-12-01"))
    code, out, _ = run("--waivers", "waivers.yaml", "--format", "junit", "agreements")
    root = ET.fromstring(out)
    late = next(s for s in root.iter("testsuite") if s.get("name") == "agreements/late.yaml")
    case = next(c for c in late.iter("testcase") if c.get("name") == "DPA201 breach-notice-window")
    assert case.find("failure") is None and case.find("skipped").text.startswith("waived by Dana Whitfield")
    assert late.get("skipped") == "1"
    waiver_suite = next(s for s in root.iter("testsuite") if s.get("name") == "waivers.yaml")
    assert waiver_suite.get("tests") == "1"


@needs_junit_xsd
def test_waived_junit_validates_against_the_jenkins_xsd(repo, junit_xsd):
    waivers(repo, WAIVE_LATE.replace("2027-06-30", "2026-12-01"))  # a skipped case and a waiver suite
    out = run("--waivers", "waivers.yaml", "--format", "junit", "agreements")[1]
    junit_xsd.validate(io.StringIO(out))  # the Jenkins XSD, plus the `file` attribute (tests/conftest.py)


def test_waived_in_github_and_markdown(repo):
    waivers(repo, WAIVE_LATE)
    _, out, _ = run("--waivers", "waivers.yaml", "--format", "github", "agreements")
    assert out.startswith("::notice file=agreements/late.yaml,") and "(waived by Dana Whitfield" in out
    _, out, _ = run("--waivers", "waivers.yaml", "--format", "markdown", "agreements")
    assert "| error, waived |" in out
