"""The New York pack as users meet it: shipped with dpa-policy, listed, verified, applied to NY
agreements only, and removable by name."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
READWELL = REPO_ROOT / "agreements" / "readwell.yaml"  # the New York sample
NY_BASE = Path(str(resources.files("dpa_policy.packs.ny").joinpath("testdata", "ny-base-agreement.yaml")))

SLUGS = {
    "NYS201": "ny-breach-notice-window",
    "NYS301": "ny-data-security-privacy-plan",
    "NYS302": "ny-parents-bill-of-rights",
    "NYS401": "ny-no-commercial-use",
    "NYS601": "ny-encryption",
    "NYS602": "ny-nist-csf",
}


def _dpa_policy_command() -> list[str]:
    """The venv's console script when it is there (what users type), else `python -m dpa_policy`."""
    script = Path(sys.executable).parent / ("dpa-policy.exe" if os.name == "nt" else "dpa-policy")
    if script.exists():
        return [str(script)]
    found = shutil.which("dpa-policy")
    return [found] if found else [sys.executable, "-m", "dpa_policy"]


def _agreement(report: dict, path: Path) -> dict:
    (entry,) = [a for a in report["agreements"] if Path(a["path"]).resolve() == path.resolve()]
    return entry


# ---------------------------------------------------------------------------- shipped
def test_verify_ny_exits_0_in_a_real_process_with_no_installed_pack():
    """`dpa-policy verify ny` as a user runs it; autoload is off (conftest), so the pack is the core's."""
    assert os.environ.get("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD") == "1"
    result = subprocess.run([*_dpa_policy_command(), "verify", "ny"], capture_output=True, text=True,
                            cwd=REPO_ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ny: " in result.stdout and "0 failed; 6 rules covered" in result.stdout


def test_plugins_lists_the_pack_as_built_in_with_its_rules_and_preset(cli):
    result = cli("plugins")
    assert result.code == 0, result.err
    (line,) = [l for l in result.out.splitlines() if l.startswith("ny ")]
    assert "built in" in line and "6 rules (NYS201-NYS602)" in line and "presets: ny" in line


def test_rules_lists_the_nys_rules_beside_the_builtins(cli):
    result = cli("rules")
    assert result.code == 0, result.err
    rows = {line.split()[0]: line.split()[1] for line in result.out.splitlines() if line.strip()}
    for code, slug in SLUGS.items():
        assert rows.get(code) == slug, f"{code} {slug} missing from `dpa-policy rules`"
    assert "DPA201" in rows


def test_explain_shows_sources_and_option_defaults(cli):
    result = cli("explain", "ny-nist-csf")
    assert result.code == 0, result.err
    assert "from plugin ny" in result.out
    assert "require_csf_2_0: false" in result.out and "single secondary source" in result.out
    breach = cli("explain", "NYS201").out
    assert 'max_window: "7 calendar days"' in breach
    assert 'accepted_triggers: ["incident", "discovery"]' in breach
    assert "121.10(a)" in breach and "[P]" in breach


# ------------------------------------------------------------------- the pack on NY agreements
def test_readwell_gets_four_findings_now_that_new_york_law_ships(cli):
    """The issue's case: a New York agreement got 1 finding where New York law gives 4."""
    result = cli("check", str(READWELL), "--format", "json")
    assert result.code == 1, result.err
    report = result.json()
    assert "preset ny" in _agreement(report, READWELL)["policy_layers"]
    ny_findings = sorted((f["code"], f["slug"], f["pointer"], f["layer"]) for f in report["findings"]
                         if f["code"].startswith("NYS"))
    assert ny_findings == [
        ("NYS301", SLUGS["NYS301"], "/attachments", "preset ny"),
        ("NYS302", SLUGS["NYS302"], "/attachments", "preset ny"),  # the Parents' Bill of Rights
        ("NYS302", SLUGS["NYS302"], "/attachments", "preset ny"),  # the supplemental information
    ]
    errors = sorted(f["code"] for f in report["findings"] if f["severity"] == "error")
    # New York's 7 days fail the NDPA's 72 hours; DPA502: NIST SP 800-88 Rev. 1 only (withdrawn), a review
    assert errors == ["DPA201", "DPA502", "NYS301", "NYS302", "NYS302"]


def test_the_pack_is_added_for_ny_only(cli):
    fl_sample = REPO_ROOT / "agreements" / "allhere.yaml"
    report = cli("check", str(READWELL), str(fl_sample), "--format", "json").json()
    assert "preset ny" in _agreement(report, READWELL)["policy_layers"]
    assert "preset ny" not in _agreement(report, fl_sample)["policy_layers"]
    assert not [f for f in report["findings"] if f["code"].startswith("NYS") and "allhere" in f["file"]]


def test_a_compliant_ny_agreement_passes_every_nys_rule(cli):
    result = cli("check", str(NY_BASE), "--format", "json")
    assert result.code == 0, result.out + result.err
    report = result.json()
    assert "preset ny" in _agreement(report, NY_BASE)["policy_layers"]
    assert [f for f in report["findings"] if f["code"].startswith("NYS")] == []
    # JUnit has a case per rule that ran: every NYS rule ran on it, and passed.
    junit = cli("check", str(NY_BASE), "--format", "junit")
    assert junit.code == 0, junit.err
    cases = {case.get("name"): case for case in ET.fromstring(junit.out).iter("testcase")}
    nys = {name: case for name, case in cases.items() if name.startswith("NYS")}
    assert sorted(nys) == [f"{code} {slug}" for code, slug in SLUGS.items()]
    assert [name for name, case in nys.items() if len(case)] == []  # no failure, error or skipped child


def test_a_ny_agreement_without_its_documents_gets_ny_findings(cli, agreement):
    result = cli("check", "--format", "json", str(agreement("ny", {"attachments": None})))
    assert result.code == 1, result.out + result.err
    codes = sorted(f["code"] for f in result.json()["findings"] if f["layer"] == "preset ny")
    assert codes == ["NYS301", "NYS302", "NYS302"]


def test_policy_show_resolves_the_preset_for_ny_only(cli):
    ny = cli("policy", "show", "--state", "NY")
    assert ny.code == 0, ny.err
    assert "preset ny" in ny.out
    for code, slug in SLUGS.items():
        assert f"{code} {slug}: error  [enabled by preset ny" in ny.out
    fl = cli("policy", "show", "--state", "FL").out
    assert "preset ny" not in fl and "NYS" not in fl


# ------------------------------------------------------------------------------ switching off
def test_disable_plugin_ny_keeps_new_york_law_out(cli):
    rules = cli("rules", "--disable-plugin", "ny")
    assert rules.code == 0, rules.err
    assert "NYS" not in rules.out and "DPA201" in rules.out
    check = cli("check", str(READWELL), "--format", "json", "--disable-plugin", "ny")
    assert check.code == 1, check.err  # the NDPA's 72 hours still fail Readwell's 7 days
    report = check.json()
    assert "preset ny" not in _agreement(report, READWELL)["policy_layers"]
    codes = [(f["code"], f["pointer"]) for f in report["findings"]]
    assert ("DPA201", "/clauses/breach_notification/window") in codes  # the core rules still ran
    assert [code for code, _ in codes if code.startswith("NYS")] == []
    verify = cli("verify", "ny", "--disable-plugin", "ny")
    assert verify.code == 2 and "'ny' is neither a loaded plugin" in verify.err
