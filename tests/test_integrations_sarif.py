"""SARIF as code scanning and the SARIF tools read it, from a district's repository.

Locations are relative to the repository root whatever folder the check ran from; a file
outside the root is an absolute URI with no base; fingerprints survive a path spelled
differently, a moved line and a tuned policy; waived findings open no alert; rule
descriptors carry Markdown help and a security-severity. Checked with the SARIF multitool
(GitHub's ingestion rules and the SARIF spec's) and with sarif-tools.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pytest

from dpa_policy.cli import main
from dpa_policy.reporters import sarif_help
from dpa_policy.testing import base_agreement_text

LATE = base_agreement_text().replace("window: 72 hours", "window: 5 business days")


def check(*argv: str) -> tuple[int, dict]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--format", "sarif", *argv], stdout=out, stderr=err)
    assert code in (0, 1), err.getvalue()
    return code, json.loads(out.getvalue())


def uris(document: dict) -> set[tuple[str, str | None]]:
    return {(loc["physicalLocation"]["artifactLocation"]["uri"], loc["physicalLocation"]["artifactLocation"].get("uriBaseId"))
            for r in document["runs"][0]["results"] for loc in r["locations"]}


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A district's repository: a git work tree with agreements in a subfolder."""
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.setenv("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD", "1")  # what ships with dpa-policy, nothing else
    root = tmp_path / "district"
    (root / ".git").mkdir(parents=True)
    (root / "contracts" / "dpa").mkdir(parents=True)
    (root / "contracts" / "dpa" / "late.yaml").write_text(LATE)
    monkeypatch.chdir(root)
    return root


def test_run_from_a_subfolder_locates_files_from_the_repository_root(repo, monkeypatch):
    monkeypatch.chdir(repo / "contracts" / "dpa")
    _, document = check("late.yaml")
    assert uris(document) == {("contracts/dpa/late.yaml", "SRCROOT")}
    assert document["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"] == (repo.resolve().as_uri() + "/")


def test_github_workspace_and_sarif_root_name_the_root(repo, monkeypatch):
    monkeypatch.chdir(repo / "contracts")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(repo / "contracts"))
    assert uris(check("dpa/late.yaml")[1]) == {("dpa/late.yaml", "SRCROOT")}
    assert uris(check("--sarif-root", str(repo), "dpa/late.yaml")[1]) == {("contracts/dpa/late.yaml", "SRCROOT")}


def test_a_file_outside_the_root_is_absolute_with_no_base(repo, tmp_path):
    outside = tmp_path / "elsewhere" / "late copy.yaml"
    outside.parent.mkdir()
    outside.write_text(LATE)
    _, document = check(str(outside), "contracts/dpa/late.yaml")
    assert ((outside.resolve().as_uri(), None)) in uris(document)
    assert ("contracts/dpa/late.yaml", "SRCROOT") in uris(document)


def fingerprints(document: dict) -> dict[str, dict]:
    return {r["ruleId"]: r["partialFingerprints"] for r in document["runs"][0]["results"]}


def test_fingerprints_ignore_the_spelling_of_the_path_the_line_and_the_policy_values(repo):
    relative = fingerprints(check("contracts/dpa/late.yaml")[1])
    absolute = fingerprints(check(str(repo / "contracts" / "dpa" / "late.yaml"))[1])
    assert relative == absolute and "DPA201" in relative
    (repo / "district.yaml").write_text(
        "policy_version: 1\nname: district\nextends: [ndpa]\nrules:\n"
        "  breach-notice-window:\n    options:\n      max_window: 48 hours\n")
    _, tuned = check("--policy", "district.yaml", "contracts/dpa/late.yaml")
    message = next(r["message"]["text"] for r in tuned["runs"][0]["results"] if r["ruleId"] == "DPA201")
    assert "48 hours" in message  # the message quotes the policy...
    assert fingerprints(tuned)["DPA201"] == relative["DPA201"]  # ...the alert's identity does not
    path = repo / "contracts" / "dpa" / "late.yaml"
    path.write_text("# amended 2026-03-01\n" + path.read_text())
    assert fingerprints(check("contracts/dpa/late.yaml")[1])["DPA201"] == relative["DPA201"]
    # GitHub reads only primaryLocationLineHash: it carries the same key, with its :N suffix.
    github = relative["DPA201"]["primaryLocationLineHash"]
    assert github.endswith(":1") and relative["DPA201"]["dpaPolicyFinding/v2"].startswith(github[:-2])


WAIVERS = """\
waivers_version: 1
waivers:
  - agreement: BASE-0001
    rule: breach-notice-window
    justification: Vendor's insurer requires five business days; amendment due in Q1.
    approver: Dana Whitfield, General Counsel
    expires: 2099-06-30
"""


def test_waived_findings_open_no_alert_and_are_recorded_with_their_waiver(repo):
    (repo / "waivers.yaml").write_text(WAIVERS)
    code, document = check("--waivers", "waivers.yaml", "contracts/dpa/late.yaml")
    run = document["runs"][0]
    assert code == 0
    assert all(r["ruleId"] != "DPA201" for r in run["results"])
    assert not any("suppressions" in r for r in run["results"])
    (waived,) = run["properties"]["waived"]
    assert waived["ruleId"] == "DPA201" and waived["expires"] == "2099-06-30"
    assert waived["location"]["physicalLocation"]["artifactLocation"]["uri"] == "contracts/dpa/late.yaml"
    assert waived["waiver"]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 5}


def test_rules_carry_markdown_sections_and_a_security_severity(repo):
    _, document = check("contracts/dpa/late.yaml")
    rules = {r["id"]: r for r in document["runs"][0]["tool"]["driver"]["rules"]}
    markdown = rules["DPA201"]["help"]["markdown"]
    assert markdown.startswith("**DPA201 breach-notice-window**\n")
    for heading in ("### What it checks", "### Why it matters", "### Legal basis", "### Passing example"):
        assert f"\n{heading}" in markdown
    assert "```yaml\nbreach_notification:" in markdown and "``" not in markdown.replace("```", "")
    severities = {r["defaultConfiguration"]["level"]: r["properties"]["security-severity"] for r in rules.values()}
    assert severities == {"error": "8.0", "warning": "5.0"} or severities == {"error": "8.0", "warning": "5.0", "note": "2.0"}


def test_links_come_from_the_package_metadata_or_not_at_all(repo, monkeypatch):
    urls = {"dpa-policy": {"homepage": "https://example.org/district-it/dpa-policy",
                           "documentation": "https://example.org/district-it/dpa-policy/rules"}}
    monkeypatch.setattr(sarif_help, "_project_urls", lambda dist: urls.get(dist, {}))
    monkeypatch.setattr(sarif_help, "_installed_from", lambda dist: None)
    driver = check("contracts/dpa/late.yaml")[1]["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/district-it/dpa-policy"
    assert {r["helpUri"] for r in driver["rules"]} == {"https://example.org/district-it/dpa-policy/rules"}
    urls.clear()
    driver = check("contracts/dpa/late.yaml")[1]["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver and not any("helpUri" in r for r in driver["rules"])


def test_installed_from_a_repository_links_to_it(monkeypatch):
    class Recorded:
        def read_text(self, name):
            assert name == "direct_url.json"
            return json.dumps({"url": "https://git.example.org/district/dpa-policy.git",
                               "vcs_info": {"vcs": "git", "commit_id": "0" * 40}})

    monkeypatch.setattr(sarif_help._installed_from, "__wrapped__", None, raising=False)
    from importlib import metadata

    monkeypatch.setattr(metadata, "distribution", lambda name: Recorded())
    sarif_help._installed_from.cache_clear()
    try:
        assert sarif_help._installed_from("dpa-policy") == "https://git.example.org/district/dpa-policy"
    finally:
        sarif_help._installed_from.cache_clear()


# --- real clients ------------------------------------------------------------------------

def _district_run(repo: Path, tmp_path: Path, monkeypatch) -> Path:
    """Every sample, more than ten findings, a waiver, a file outside the root, from a subfolder."""
    samples = Path(__file__).resolve().parents[1] / "agreements"
    for sample in samples.glob("*.yaml"):
        (repo / "contracts" / "dpa" / sample.name).write_text(sample.read_text())
    (repo / "waivers.yaml").write_text(WAIVERS)
    outside = tmp_path / "outside.yaml"
    outside.write_text(LATE)
    monkeypatch.chdir(repo / "contracts")
    target = tmp_path / "run.sarif"
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--waivers", "../waivers.yaml", "--format", f"sarif:{target}", "dpa", str(outside)],
                stdout=out, stderr=err)
    assert code == 1, err.getvalue()
    return target


def test_the_sarif_multitool_finds_nothing_wrong(repo, tmp_path, monkeypatch, npm_client):
    # As a hosted copy of dpa-policy whose pyproject.toml names its home (informationUri).
    monkeypatch.setattr(sarif_help, "_project_urls",
                        lambda dist: {"homepage": "https://example.org/district-it/dpa-policy"} if dist == "dpa-policy" else {})
    folder = npm_client("sarif-multitool")
    binary = next((folder / "node_modules" / "@microsoft").glob("sarif-multitool-*/Sarif.Multitool"), None)
    if binary is None:
        pytest.skip("the SARIF multitool ships no binary for this platform")
    binary.chmod(0o755)  # npm's postinstall (chmod) may not have run
    target = _district_run(repo, tmp_path, monkeypatch)
    report = tmp_path / "validation.sarif"
    # Gh: GitHub's ingestion rules; Sarif: the spec's (SARIF1004 among them).
    result = subprocess.run([str(binary), "validate", str(target), "--rule-kind", "Gh;Sarif",
                             "--output", str(report), "--log", "ForceOverwrite"],
                            capture_output=True, text=True, timeout=300, env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [(r["ruleId"], r["message"].get("text", r["message"].get("arguments")))
                for run in json.loads(report.read_text())["runs"] for r in run.get("results", [])
                if r.get("level", "warning") in ("error", "warning")]
    assert problems == []


def test_sarif_tools_count_what_dpa_policy_counts(repo, tmp_path, monkeypatch):
    loader = pytest.importorskip("sarif.loader", reason="sarif-tools is in the test extra")
    target = _district_run(repo, tmp_path, monkeypatch)
    document = json.loads(target.read_text())
    results = document["runs"][0]["results"]
    read = loader.load_sarif_file(str(target))
    assert read.get_result_count() == len(results) > 10
    records = read.get_records()
    assert {r["Location"] for r in records} >= {"contracts/dpa/allhere.yaml"}
    assert not any(r["Code"] == "DPA201" and r["Location"] == "contracts/dpa/late.yaml" for r in records)  # waived
    assert {w["ruleId"] for w in document["runs"][0]["properties"]["waived"]} == {"DPA201"}
