"""The New York pack as users meet it: installed, listed, verified, applied to NY agreements, removable."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path

import pytest

import dpa_policy_ny
from dpa_policy.plugins import AUTOLOAD_ENV

REPO_ROOT = Path(__file__).resolve().parents[3]  # tests -> dpa-policy-ny -> plugins -> repository
READWELL = REPO_ROOT / "agreements" / "readwell.yaml"
NY_BASE = Path(dpa_policy_ny.__file__).resolve().parent / "testdata" / "ny-base-agreement.yaml"

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


def _subprocess(*argv: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != AUTOLOAD_ENV}
    env.update(env_extra or {})
    return subprocess.run([*_dpa_policy_command(), *argv], capture_output=True, text=True, env=env,
                          cwd=REPO_ROOT, timeout=120)


# ---------------------------------------------------------------------------- installation
def test_entry_point_is_published():
    points = [ep for ep in metadata.entry_points(group="dpa_policy") if ep.name == "ny"]
    assert len(points) == 1, "dpa-policy-ny is not installed (pip install -e plugins/dpa-policy-ny)"
    assert points[0].value == "dpa_policy_ny.plugin"
    assert points[0].dist is not None and points[0].dist.name == "dpa-policy-ny"


def test_verify_ny_exits_0():
    """(1) `dpa-policy verify ny`, as a user or a pack's CI runs it."""
    result = _subprocess("verify", "ny")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ny: " in result.stdout and "0 failed; 6 rules covered" in result.stdout


def test_plugins_lists_the_pack_with_its_rules_and_preset(cli):
    result = cli("plugins")
    assert result.code == 0, result.err
    (line,) = [l for l in result.out.splitlines() if l.startswith("ny ")]
    assert "dpa-policy-ny" in line and "6 rules (NYS201-NYS602)" in line and "presets: ny" in line


# ----------------------------------------------------------------------------------- rules
def test_rules_lists_the_nys_rules(cli):
    """(2) `dpa-policy rules` lists every NYS rule with its slug, beside the built-in ones."""
    result = cli("rules")
    assert result.code == 0, result.err
    rows = {line.split()[0]: line.split()[1] for line in result.out.splitlines() if line.strip()}
    for code, slug in SLUGS.items():
        assert rows.get(code) == slug, f"{code} {slug} missing from `dpa-policy rules`"
    assert "DPA201" in rows  # the pack adds to the built-ins, never replaces them


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
def _agreement(report: dict, path: Path) -> dict:
    (entry,) = [a for a in report["agreements"] if Path(a["path"]).resolve() == path.resolve()]
    return entry


def test_readwell_gets_the_ny_pack_with_the_default_policy(cli):
    """(3) A New York agreement checked with the default policy gets preset ny automatically."""
    result = cli("check", str(READWELL), "--format", "json")
    assert result.code == 1, result.err  # Readwell attaches none of the documents New York requires
    report = result.json()
    assert "preset ny" in _agreement(report, READWELL)["policy_layers"]
    ny_findings = sorted((f["code"], f["slug"], f["pointer"], f["layer"]) for f in report["findings"]
                         if f["code"].startswith("NYS"))
    assert ny_findings == [
        ("NYS301", SLUGS["NYS301"], "/attachments", "preset ny"),
        ("NYS302", SLUGS["NYS302"], "/attachments", "preset ny"),  # the Parents' Bill of Rights
        ("NYS302", SLUGS["NYS302"], "/attachments", "preset ny"),  # the supplemental information
    ]


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


def test_a_ny_agreement_without_its_documents_gets_ny_findings(cli, tmp_path):
    text = NY_BASE.read_text(encoding="utf-8")
    stripped = tmp_path / "no-attachments.yaml"
    stripped.write_text(text[: text.index("\nattachments:")] + "\n", encoding="utf-8")
    result = cli("check", str(stripped), "--format", "json")
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
@pytest.mark.parametrize("how", ["env", "flag"])
def test_the_pack_can_be_kept_out(cli, monkeypatch, how):
    """(4) DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD=1 or --disable-plugin ny removes the pack's rules."""
    extra: list[str] = []
    if how == "env":
        monkeypatch.setenv(AUTOLOAD_ENV, "1")
    else:
        extra = ["--disable-plugin", "ny"]
    rules = cli("rules", *extra)
    assert rules.code == 0, rules.err
    assert "NYS" not in rules.out and "DPA201" in rules.out
    check = cli("check", str(READWELL), "--format", "json", *extra)
    assert check.code == 1, check.err  # the NDPA's 72 hours still fail New York's 7 days
    report = check.json()
    assert "preset ny" not in _agreement(report, READWELL)["policy_layers"]
    codes = [(f["code"], f["pointer"]) for f in report["findings"]]
    assert ("DPA201", "/clauses/breach_notification/window") in codes  # the core rules still ran
    assert [code for code, _ in codes if code.startswith("NYS")] == []  # the NYS findings are gone
    verify = cli("verify", "ny", *extra)
    assert verify.code == 2 and "'ny' is neither a loaded plugin" in verify.err


def test_the_env_var_keeps_the_pack_out_of_a_real_process():
    result = _subprocess("rules", env_extra={AUTOLOAD_ENV: "1"})
    assert result.returncode == 0, result.stderr
    assert "NYS" not in result.stdout
