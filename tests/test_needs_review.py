"""The needs-review outcome, through the command line: what the checker cannot decide is never
a pass, and every format says so in its own way.

An agreement that names no governing state is the running example: every rule still runs
and none fails, but state law was not checked (DPA121), so its verdict is "needs review".
"""

from __future__ import annotations

import io
import json
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from dpa_policy.cli import main
from dpa_policy.testing import base_agreement_text, write_distribution

ROOT = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
STATE_LINE = "  governing_state: FL\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _shipped_packs_only(monkeypatch):
    monkeypatch.setenv("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD", "1")
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)


def agreement_text(**changes: str) -> str:
    text = base_agreement_text()
    for old, new in changes.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture
def stateless(tmp_path: Path, monkeypatch) -> Path:
    """A folder (the working directory) with one agreement that names no governing state."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "agreements"
    folder.mkdir()
    (folder / "silent.yaml").write_text(base_agreement_text().replace(STATE_LINE, ""), "utf-8")
    return folder / "silent.yaml"


# ------------------------------------------------------------------- the verdict and exit code
def test_no_governing_state_needs_review_and_fails_the_run_by_default(stateless):
    code, out, err = run("check", "agreements")
    assert (code, err) == (1, "")
    finding, summary = out.splitlines()
    assert finding.startswith("agreements/silent.yaml:")
    assert " DPA121 [governing-state-stated] needs review: the agreement names no governing state" in finding
    assert "state law was not checked (the district is in FL)" in finding
    assert summary.startswith("1 agreement checked: 0 passed, 0 failed, 1 needs review; 1 finding (1 error), "
                              "1 for review.")


def test_a_policy_may_lower_review_findings_to_warnings(stateless, tmp_path):
    policy = tmp_path / "district.yaml"
    policy.write_text("policy_version: 1\nname: Lenient on review\nextends: [lifecycle-and-review, ndpa, "
                      "district-additions]\nstate_packs: auto\nreview: {severity: warning}\n", "utf-8")
    code, out, _ = run("check", "agreements", "--policy", str(policy), "--format", "json")
    report = json.loads(out)
    assert code == 0 == report["exit_code"]
    assert report["policy"]["review"] == {"severity": "warning", "unconfirmed": False}
    (finding,) = report["findings"]
    assert (finding["code"], finding["severity"], finding["outcome"]) == ("DPA121", "warning", "review")
    # Below --fail-on it is shown like any warning and does not decide the verdict...
    assert report["agreements"][0]["verdict"] == "pass"
    assert report["summary"]["needs_review"] == 0 and report["summary"]["review_findings"] == 1
    code, out, _ = run("check", "agreements", "--policy", str(policy))
    assert code == 0 and "needs review: the agreement names no governing state" in out and "(warning)" in out
    # ...and --fail-on warning makes it count again: the agreement needs review, the run fails.
    code, out, _ = run("check", "agreements", "--policy", str(policy), "--fail-on", "warning", "--format", "json")
    assert code == 1 and json.loads(out)["agreements"][0]["verdict"] == "needs review"


def test_an_invalid_review_setting_stops_the_run_at_its_place(stateless, tmp_path):
    policy = tmp_path / "district.yaml"
    policy.write_text("policy_version: 1\nname: x\nextends: [lifecycle-and-review]\nreview: {severity: low}\n", "utf-8")
    code, out, err = run("check", "agreements", "--policy", str(policy))
    assert code == 2 and out == ""
    assert f"{policy.as_posix()}:4:" in err and "review.severity" in err and "Traceback" not in err


def test_a_violation_beats_a_question_and_a_waiver_answers_one(stateless, tmp_path):
    late = stateless.parent / "late.yaml"
    late.write_text(agreement_text(**{"window: 72 hours": "window: 5 business days", STATE_LINE: "",
                                      "id: BASE-0001": "id: LATE-0001"}), "utf-8")
    code, out, _ = run("check", "agreements", "--format", "json")
    verdicts = {Path(a["path"]).name: a["verdict"] for a in json.loads(out)["agreements"]}
    assert code == 1 and verdicts == {"late.yaml": "fail", "silent.yaml": "needs review"}
    # The person's answer, written where every decision of the district is: a waiver.
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(textwrap.dedent("""\
        waivers_version: 1
        waivers:
          - agreement: BASE-0001
            rule: governing-state-stated
            justification: Counsel reviewed it against Florida law, the district's state; the vendor signs a rider.
            approver: Dana Whitfield, General Counsel
            expires: 2027-06-30
        """), "utf-8")
    code, out, _ = run("check", "agreements/silent.yaml", "--waivers", str(waivers), "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["agreements"][0]["verdict"] == "pass"
    assert report["findings"][0]["waiver"]["approver"] == "Dana Whitfield, General Counsel"


# ------------------------------------------------------------------------- every format
def test_json_says_the_outcome_the_verdict_and_the_counts(stateless):
    code, out, _ = run("check", "agreements", "--format", "json")
    report = json.loads(out)
    assert code == 1 == report["exit_code"]
    (finding,) = report["findings"]
    assert finding["outcome"] == "review" and finding["pointer"] == "/term/governing_state"
    assert report["agreements"][0]["verdict"] == "needs review"
    summary = report["summary"]
    assert (summary["passed"], summary["failed"], summary["needs_review"], summary["review_findings"]) == (0, 0, 1, 1)


def test_sarif_marks_the_result_for_review(stateless):
    code, out, _ = run("check", "agreements", "--format", "sarif")
    assert code == 1
    document = json.loads(out)
    (result,) = document["runs"][0]["results"]
    assert result["ruleId"] == "DPA121" and result["kind"] == "review"
    # SARIF 2.1.0 §3.27.10: a result whose kind is not "fail" has level "none".
    assert result["level"] == "none" and result["message"]["text"].startswith("needs review: ")
    assert result["properties"]["outcome"] == "review" and result["properties"]["severity"] == "error"
    assert document["runs"][0]["properties"]["asOf"] == "2026-11-30"
    if SARIF_SCHEMA.is_file():
        import jsonschema

        schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
        assert not [e.message for e in jsonschema.validators.validator_for(schema)(schema).iter_errors(document)]


def test_junit_fails_the_case_as_needs_review(stateless, junit_xsd):
    code, out, _ = run("check", "agreements", "--format", "junit")
    assert code == 1
    junit_xsd.validate(out)
    root = ET.fromstring(out)
    (suite,) = root.iter("testsuite")
    assert {p.get("name"): p.get("value") for p in suite.iter("property")}["verdict"] == "needs review"
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    failure = cases["DPA121 governing-state-stated"].find("failure")
    assert failure.get("type") == "needs-review" and failure.get("message").startswith("needs review: ")
    assert cases["DPA111 agreement-in-effect"].find("failure") is None


def test_github_annotations_say_needs_review_at_the_severity_level(stateless):
    code, out, _ = run("check", "agreements", "--format", "github")
    assert code == 1
    (annotation,) = [line for line in out.splitlines() if line.startswith("::")]
    assert annotation.startswith("::error file=agreements/silent.yaml,")
    assert "title=DPA121 governing-state-stated::needs review: the agreement names no governing state" in annotation


def test_markdown_headline_and_table_show_the_verdict(stateless):
    code, out, _ = run("check", "agreements", "--format", "markdown")
    assert code == 1
    assert out.startswith("## dpa-policy: 1 needs legal review\n")
    assert "| **needs review** |" in out and "| error, needs review |" in out


def test_the_counsel_report_has_a_needs_legal_review_section(stateless, tmp_path):
    code, out, _ = run("report", "agreements", "--html", str(tmp_path / "r.html"), "--markdown", str(tmp_path / "r.md"))
    assert code == 1 and out.startswith("1 agreement: 0 passed, 0 failed, 1 needs review; report written to ")
    html = (tmp_path / "r.html").read_text("utf-8")
    assert 'badge v-needs-review">Needs legal review</span>' in html
    section = html.split('-review">Needs legal review</h3>', 1)[1].split("</section>", 1)[0]
    assert "DPA121" in section and "state law was not checked" in section
    markdown = (tmp_path / "r.md").read_text("utf-8")
    assert "### Needs legal review" in markdown and "**Verdict: Needs legal review**" in markdown


def test_publish_leaves_it_out_as_needing_legal_review(stateless, tmp_path):
    (stateless.parent / "good.yaml").write_text(agreement_text(**{"id: BASE-0001": "id: GOOD-0001"}), "utf-8")
    code, out, _ = run("publish", "agreements", "--out", str(tmp_path / "site"))
    assert code == 0, out
    assert "left out: agreements/silent.yaml [BASE-0001]: needs legal review: DPA121\n" in out
    feed = json.loads((tmp_path / "site" / "clearinghouse.json").read_text("utf-8"))
    assert [e["agreement"]["id"] for e in feed["entries"]] == ["GOOD-0001"]
    # Named on the command line, an agreement that cannot be published fails the run.
    code, out, _ = run("publish", "agreements/silent.yaml", "--out", str(tmp_path / "site2"))
    assert code == 1 and "needs legal review: DPA121 (named on the command line)" in out
    assert not (tmp_path / "site2").exists()


# ------------------------------------------------------------------ the other review rules
def test_a_state_without_a_pack_and_a_disabled_pack_need_review(tmp_path):
    ohio = tmp_path / "ohio.yaml"
    ohio.write_text(agreement_text(**{STATE_LINE: "  governing_state: OH\n"}), "utf-8")
    code, out, _ = run("check", str(ohio))
    assert code == 1 and "DPA122 [state-pack-available] needs review: no rule pack for OH: Ohio law was not checked" in out
    florida = tmp_path / "florida.yaml"
    florida.write_text(base_agreement_text(), "utf-8")
    assert run("check", str(florida))[0] == 0
    code, out, _ = run("check", str(florida), "--disable-plugin", "fl")
    assert code == 1 and "no rule pack for FL: Florida law was not checked" in out


def test_an_unconfirmed_import_and_an_unknown_ndpa_version_need_review(tmp_path):
    data = yaml.safe_load(base_agreement_text())
    data["source"] = {"file": "acme-dpa.pdf", "sha256": "ab" * 32, "format": "pdf"}
    data["review"] = {"status": "draft"}
    data["term"].update({"model": "ndpa", "model_version": "3.0"})
    path = tmp_path / "draft.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    code, out, _ = run("check", str(path), "--format", "json")
    report = json.loads(out)
    review = {f["code"]: f["message"] for f in report["findings"] if f["outcome"] == "review"}
    assert code == 1 and report["agreements"][0]["verdict"] == "needs review"
    assert set(review) == {"DPA123", "DPA124"}
    assert "imported draft from acme-dpa.pdf" in review["DPA123"]
    assert "NDPA version '3.0' is neither 1.x nor 2.x" in review["DPA124"]
    # Confirmed by a person and given a known version, it passes.
    data["review"] = {"status": "confirmed", "reviewer": "J. Ruiz, General Counsel", "reviewed_on": "2026-10-02"}
    data["term"]["model_version"] = "2.2"
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    assert run("check", str(path))[0] == 0


# ------------------------------------------------------------- packs: context and confidence
PACK = '''
from dpa_policy import Rule, RunContext, Violation, hookimpl


class ProviderRegistered(Rule):
    """The provider must be on the state's register of approved providers.

    What it checks
        Whether the provider is registered; the register itself could not be confirmed.
    """

    code = "ACME201"
    slug = "acme-provider-registered"
    confidence = "unconfirmed"

    def check(self, agreement, options):
        yield Violation(("parties", "vendor", "name"), "the provider is not on the register",
                        observed=agreement.parties.vendor.name)


class SeesTheRun(Rule):
    """A rule that reads the run's context.

    What it checks
        The agreement expires after the date judged, and its state has a pack.
    """

    code = "ACME202"
    slug = "acme-sees-the-run"

    def check(self, agreement, options, context: RunContext):
        packs = ",".join(sorted(context.states_with_packs))
        yield Violation(("term",), f"judged as of {context.as_of}; packs for {packs}")


@hookimpl
def dpa_policy_rules():
    return [ProviderRegistered, SeesTheRun]
'''


@pytest.fixture
def acme_pack(tmp_path: Path, monkeypatch) -> None:
    """An installed third-party pack, found through an entry point as pip would install it."""
    folder = tmp_path / "site-acme"
    folder.mkdir()
    module = f"acme_review_{abs(hash(str(tmp_path)))}"
    (folder / f"{module}.py").write_text(PACK, "utf-8")
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delenv("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD")
    write_distribution(folder, "acme-review", {"acme": module})


def pack_policy(tmp_path: Path, extra: str = "") -> Path:
    policy = tmp_path / "acme-policy.yaml"
    policy.write_text("policy_version: 1\nname: Acme\nextends: [lifecycle-and-review]\nstate_packs: auto\n"
                      f"rules:\n  ACME201: {{}}\n  ACME202: {{severity: info}}\n{extra}", "utf-8")
    return policy


def test_review_unconfirmed_sends_an_unconfirmed_rule_to_review(tmp_path, acme_pack):
    path = tmp_path / "a.yaml"
    path.write_text(base_agreement_text(), "utf-8")
    code, out, _ = run("check", str(path), "--policy", str(pack_policy(tmp_path)), "--format", "json")
    outcomes = {f["code"]: f["outcome"] for f in json.loads(out)["findings"]}
    assert code == 1 and outcomes["ACME201"] == "violation"
    code, out, _ = run("check", str(path), "--policy", str(pack_policy(tmp_path, "review_unconfirmed: true\n")),
                       "--format", "json")
    report = json.loads(out)
    assert code == 1 and {f["code"]: f["outcome"] for f in report["findings"]}["ACME201"] == "review"
    assert report["agreements"][0]["verdict"] == "needs review"


def test_a_pack_rule_that_asks_for_the_context_gets_the_as_of_date_and_the_packs(tmp_path, acme_pack):
    path = tmp_path / "a.yaml"
    path.write_text(base_agreement_text(), "utf-8")
    _, out, _ = run("check", str(path), "--policy", str(pack_policy(tmp_path)), "--as-of", "2026-09-01",
                    "--disable-plugin", "ny", "--format", "json")
    (message,) = [f["message"] for f in json.loads(out)["findings"] if f["code"] == "ACME202"]
    assert message == "judged as of 2026-09-01; packs for CA,CO,CT,FL,IL,MD,TX,UT,VA,WA"


def test_policy_show_says_what_the_policy_does_with_review_findings(tmp_path):
    policy = tmp_path / "district.yaml"
    policy.write_text("policy_version: 1\nname: Lenient\nextends: [lifecycle-and-review]\nreview: {severity: warning}\n"
                      "review_unconfirmed: true\n", "utf-8")
    code, out, _ = run("policy", "show", "--policy", str(policy))
    assert code == 0
    assert ("findings that need review: severity warning; findings of rules with an unconfirmed legal basis "
            "need review") in out.splitlines()
    code, out, _ = run("policy", "show")
    assert code == 0 and "findings that need review" not in out  # the default: each rule's own severity
