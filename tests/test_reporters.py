"""SARIF and JUnit output, validated against the schemas CI consumers use.

The schemas live in ../shared/schemas beside the repository in CI; a developer's clone may not
have them, so schema tests skip with a reason there. Structural assertions run everywhere.
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
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


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    return main(["check", "--disable-plugin", "ny", "--disable-plugin", "ct", *argv], stdout=out, stderr=err), out.getvalue()


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A repository-like folder: findings use paths relative to it, as in CI."""
    for name in ("GITHUB_WORKSPACE", "GITHUB_STEP_SUMMARY"):  # as on a developer's machine
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "agreements").mkdir()
    text = base_agreement_text()
    (tmp_path / "agreements" / "good.yaml").write_text(text)
    (tmp_path / "agreements" / "late notice.yaml").write_text(
        text.replace("window: 72 hours", "window: 5 business days").replace("reporter_contact, ", "")
        .replace("id: BASE-0001", "id: LATE-0001"))
    (tmp_path / "agreements" / "broken.yaml").write_text(text.replace("  audit:", "  audit:\n  audit:"))
    return tmp_path


def sarif(*argv):
    code, out = run("--format", "sarif", *argv)
    return code, json.loads(out)


@needs_sarif_schema
def test_sarif_validates_against_the_2_1_0_schema(workdir):
    import jsonschema

    code, document = sarif("agreements")
    assert code == 1
    schema = json.loads(SARIF_SCHEMA.read_text())
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [e.message for e in validator.iter_errors(document)]
    assert not errors


def test_sarif_rules_come_from_the_registry_and_results_are_located(workdir):
    _, document = sarif("agreements")
    run_ = document["runs"][0]
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    window = rules["DPA201"]
    assert window["name"] == "breach-notice-window"
    assert window["shortDescription"]["text"].startswith("Breach notice to the district")
    assert "Legal basis" in window["help"]["text"] and window["defaultConfiguration"]["level"] == "error"
    assert rules["DPA204"]["defaultConfiguration"]["level"] == "warning"
    assert rules["DPA004"]["name"] == "duplicate-key"  # input codes are described too
    results = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]): r for r in run_["results"]}
    late = results[("DPA201", "agreements/late%20notice.yaml")]  # repo-relative and percent-encoded
    region = late["locations"][0]["physicalLocation"]["region"]
    line = base_agreement_text().splitlines().index("    window: 72 hours") + 1
    assert region == {"startLine": line, "startColumn": 13}
    assert run_["tool"]["driver"]["rules"][late["ruleIndex"]]["id"] == "DPA201"
    assert late["properties"]["pointer"] == "/clauses/breach_notification/window"
    assert ("DPA004", "agreements/broken.yaml") in results
    assert results[("DPA204", "agreements/late%20notice.yaml")]["level"] == "warning"
    assert run_["invocations"][0]["executionSuccessful"] is True and run_["invocations"][0]["exitCode"] == 1


def test_sarif_fingerprint_survives_a_line_shift(workdir):
    _, before = sarif("agreements/late notice.yaml")
    path = workdir / "agreements" / "late notice.yaml"
    path.write_text("# a comment added above everything\n" + path.read_text())
    _, after = sarif("agreements/late notice.yaml")
    first, second = before["runs"][0]["results"][0], after["runs"][0]["results"][0]
    assert first["locations"] != second["locations"]
    assert first["partialFingerprints"] == second["partialFingerprints"]


def test_sarif_reports_a_crashed_rule_as_a_failed_invocation(workdir, monkeypatch):
    from dpa_policy.rules.audit import AuditRights

    monkeypatch.setattr(AuditRights, "check", lambda self, a, o: iter([1 / 0]))
    code, document = sarif("agreements/good.yaml")
    invocation = document["runs"][0]["invocations"][0]
    assert code == 3 and invocation["executionSuccessful"] is False and invocation["exitCode"] == 3
    assert "rule DPA301 [audit-rights] crashed" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def junit(*argv):
    code, out = run("--format", "junit", *argv)
    return code, out


def test_junit_validates_against_the_jenkins_xsd(workdir, junit_xsd):
    _, out = junit("agreements")
    junit_xsd.validate(io.StringIO(out))  # the Jenkins XSD, plus the `file` attribute (tests/conftest.py)


def test_junit_has_a_suite_per_agreement_and_a_case_per_rule(workdir):
    code, out = junit("agreements")
    assert code == 1
    root = ET.fromstring(out)
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert sorted(suites) == ["agreements/broken.yaml", "agreements/good.yaml", "agreements/late notice.yaml"]
    good = suites["agreements/good.yaml"]
    # 16 NDPA baseline + 7 lifecycle and review + 5 Florida rules
    assert good.get("tests") == "28" and good.get("failures") == "0"
    assert {p.get("name"): p.get("value") for p in good.iter("property")}["verdict"] == "pass"
    assert all(case.find("failure") is None for case in good.iter("testcase"))  # passes are visible
    late = suites["agreements/late notice.yaml"]
    cases = {c.get("name"): c for c in late.iter("testcase")}
    failure = cases["DPA201 breach-notice-window"].find("failure")
    assert failure.get("type") == "DPA201" and "observed: 5 business days" in failure.text
    # a warning below --fail-on is shown but does not fail its case
    contents = cases["DPA204 breach-notice-contents"]
    assert contents.find("failure") is None and "(warning)" in contents.find("system-out").text
    broken = suites["agreements/broken.yaml"]
    (load,) = broken.iter("testcase")
    assert load.get("name") == "load" and load.find("failure").get("type") == "DPA004"
    assert root.get("failures") == "2"


def test_junit_fail_on_warning_turns_warnings_into_failures(workdir):
    _, out = junit("--fail-on", "warning", "agreements/late notice.yaml")
    cases = {c.get("name"): c for c in ET.fromstring(out).iter("testcase")}
    assert cases["DPA204 breach-notice-contents"].find("failure") is not None


def test_junit_crash_is_an_error_element(workdir, monkeypatch):
    from dpa_policy.rules.audit import AuditRights

    monkeypatch.setattr(AuditRights, "check", lambda self, a, o: iter([1 / 0]))
    code, out = junit("agreements/good.yaml")
    error = next(c for c in ET.fromstring(out).iter("testcase") if c.get("name") == "DPA301 audit-rights").find("error")
    assert code == 3 and error.get("type") == "RuleCrash" and "ZeroDivisionError" in error.get("message")


def test_junit_is_repeatable_and_survives_control_characters(workdir):
    path = workdir / "agreements" / "odd.yaml"
    path.write_text(base_agreement_text().replace("id: BASE-0001", 'id: "BASE\\x0b0001"').replace("window: 72 hours", "window: 9 calendar days"))
    first, second = junit("agreements/odd.yaml")[1], junit("agreements/odd.yaml")[1]
    assert first == second
    ET.fromstring(first)  # well-formed despite the vertical tab in the id


def test_github_annotations_are_escaped_and_levelled(workdir, monkeypatch):
    path = workdir / "agreements" / "odd, name.yaml"
    path.write_text(base_agreement_text().replace("window: 72 hours", "window: 5 business days").replace("reporter_contact, ", ""))
    code, out = run("--format", "github", "agreements/odd, name.yaml")
    lines = out.splitlines()
    line = base_agreement_text().splitlines().index("    window: 72 hours") + 1
    assert code == 1
    assert lines[0].startswith(f"::error file=agreements/odd%2C name.yaml,line={line},col=13,title=DPA201 breach-notice-window::")
    assert any(l.startswith("::warning file=") and "DPA204" in l for l in lines)  # below --fail-on: not an error
    assert lines[-1].startswith("1 agreement checked")


def test_github_format_is_chosen_under_github_actions_unless_a_format_is_given(workdir, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out = run("agreements/late notice.yaml")
    assert out.startswith("::error file=agreements/late notice.yaml,")
    _, out = run("--format", "text", "agreements/late notice.yaml")
    assert out.startswith("agreements/late notice.yaml:")


def test_markdown_summary_escapes_agreement_text(workdir):
    path = workdir / "agreements" / "evil.yaml"
    path.write_text(base_agreement_text().replace("name: AllHere Education, Inc.", 'name: "Evil | <script>alert(1)</script> `x`"')
                    .replace("window: 72 hours", "window: 5 business days"))
    code, out = run("--format", "markdown", "agreements/evil.yaml")
    assert code == 1 and out.startswith("## dpa-policy: 1 of 1 agreements fail")
    assert "<script>" not in out and "&lt;script&gt;" in out
    row = next(l for l in out.splitlines() if "evil.yaml` |" in l)
    assert row.count(" | ") == 3  # the vendor's '|' cannot add a column


def test_several_formats_in_one_run_each_to_its_file(workdir):
    (workdir / "out").mkdir()
    code, out = run("agreements", "--format", "text", "--format", "sarif:out/r.sarif",
                    "--format", "junit:out/r.xml", "--format", "json:out/r.json", "--format", "markdown:out/r.md")
    assert code == 1 and out.splitlines()[-1].startswith("3 agreements checked")
    assert json.loads((workdir / "out/r.sarif").read_text())["version"] == "2.1.0"
    assert json.loads((workdir / "out/r.json").read_text())["exit_code"] == 1
    ET.fromstring((workdir / "out/r.xml").read_text())
    assert (workdir / "out/r.md").read_text().startswith("## dpa-policy")
    assert sorted(p.name for p in (workdir / "out").iterdir()) == ["r.json", "r.md", "r.sarif", "r.xml"]


@pytest.mark.parametrize("formats, message", [
    (["text", "json"], "would all go to standard output"),
    (["json:r.json", "sarif:r.json"], "two formats would write the same file"),
    (["yaml"], "unknown format 'yaml'"),
    (["json:"], "names no file after ':'"),
])
def test_conflicting_outputs_are_usage_errors(workdir, formats, message):
    out, err = io.StringIO(), io.StringIO()
    argv = ["check", "agreements/good.yaml"] + [x for f in formats for x in ("--format", f)]
    assert main(argv, stdout=out, stderr=err) == 2
    assert message in err.getvalue() and out.getvalue() == ""
    assert not (workdir / "r.json").exists()


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "markdown"])
@pytest.mark.parametrize("fail_on, expected", [("error", 0), ("warning", 1)])
def test_exit_codes_and_fail_on_mean_the_same_in_every_format(workdir, fmt, fail_on, expected):
    path = workdir / "agreements" / "warn-only.yaml"
    path.write_text(base_agreement_text().replace("reporter_contact, ", ""))  # a DPA204 warning only
    code, _ = run("--format", fmt, "--fail-on", fail_on, "agreements/warn-only.yaml")
    assert code == expected
