"""The pack as a Massachusetts district gets it: installed from outside the core, found through
its entry point, joining only the agreements that follow its forms, and judging them by the
form's own terms."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata

import pytest

from dpa_policy.plugins import AUTOLOAD_ENV, BUILTIN_PACKS

NEW_ENGLAND = ["MA", "ME", "NH", "RI", "VT"]


# ---------------------------------------------------------------------------- installation
def test_the_pack_is_an_installed_distribution_not_a_builtin():
    (point,) = [ep for ep in metadata.entry_points(group="dpa_policy") if ep.name == "sdpc-regional"]
    assert point.value == "dpa_policy_sdpc_regional.plugin"
    assert point.dist is not None and point.dist.name == "dpa-policy-sdpc-regional"
    assert "sdpc-regional" not in BUILTIN_PACKS


def test_plugins_names_its_distribution_rules_and_presets(cli):
    result = cli("plugins")
    assert result.code == 0, result.err
    (line,) = [line for line in result.out.splitlines() if line.startswith("sdpc-regional ")]
    assert "dpa-policy-sdpc-regional 0.1.0" in line and "built in" not in line
    assert "3 rules (SDPC201-SDPC501)" in line and "presets: mspa, regional-ndpa" in line


def test_verify_runs_the_packs_cases_in_a_real_process():
    env = {k: v for k, v in os.environ.items() if k != AUTOLOAD_ENV}
    result = subprocess.run([sys.executable, "-m", "dpa_policy", "verify", "sdpc-regional"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "sdpc-regional: " in result.stdout and "0 failed; 3 rules covered" in result.stdout


def test_explain_says_what_rests_on_contract_text_and_what_is_unconfirmed(cli):
    window = cli("explain", "mspa-breach-notice-window")
    assert window.code == 0 and "from plugin sdpc-regional" in window.out
    assert 'max_window: "10 calendar days"' in window.out and 'accepted_triggers: ["incident"]' in window.out
    assert "[V" in window.out and "[U]" in window.out and "not a statute" in " ".join(window.out.split())
    exhibit_g = cli("explain", "SDPC301").out
    assert "default severity: warning" in exhibit_g and "unconfirmed [U]" in exhibit_g


# ------------------------------------------------------------------------ which agreements
@pytest.mark.parametrize("state", NEW_ENGLAND)
def test_mspa_joins_state_alliance_agreements_of_the_five_states(cli, agreement, state):
    path = agreement("mspa", {"term": {"governing_state": state}})
    layers = cli("check", "--format", "json", str(path)).layers()["agreement.yaml"]
    assert "preset mspa" in layers and "preset regional-ndpa" not in layers


def test_each_form_joins_its_own_template_only(cli, agreement):
    paths = [
        agreement("mspa", name="mspa.yaml"),
        agreement("regional-ndpa", name="regional-ndpa.yaml"),
        agreement("mspa", {"term": {"model": "custom"}}, name="custom.yaml"),
        agreement("mspa", {"term": {"governing_state": "CT"}}, name="connecticut-state-dpa.yaml"),
        agreement("regional-ndpa", {"term": {"governing_state": "NJ"}}, name="new-jersey-ndpa.yaml"),
    ]
    layers = cli("check", "--format", "json", *map(str, paths)).layers()
    joined = {name: [layer for layer in found if layer in ("preset mspa", "preset regional-ndpa")]
              for name, found in layers.items()}
    assert joined == {
        "mspa.yaml": ["preset mspa"],
        "regional-ndpa.yaml": ["preset regional-ndpa"],
        "custom.yaml": [],
        "connecticut-state-dpa.yaml": [],
        "new-jersey-ndpa.yaml": [],
    }


# ------------------------------------------------------------------------------ findings
def test_a_faithful_mspa_agreement_meets_its_form_but_not_the_ndpa(cli, agreement):
    result = cli("check", "--format", "json", str(agreement("mspa")))
    assert result.code == 1  # the NDPA baseline still applies
    assert result.findings("SDPC") == []
    window = [f for f in result.findings("DPA201")]
    assert [(f["observed"], f["layer"]) for f in window] == [("10 calendar days", "preset ndpa-v2")]


def test_a_redline_to_ten_days_of_discovery_departs_from_the_mspa_form(cli, agreement):
    path = agreement("mspa", {"clauses": {"breach_notification": {
        "text": "Provider shall notify the LEA within ten (10) days of discovering an incident.",
        "trigger": "discovery"}}})
    result = cli("check", "--format", "json", str(path))
    (finding,) = result.findings("SDPC")
    assert (finding["code"], finding["pointer"], finding["layer"]) == (
        "SDPC201", "/clauses/breach_notification/trigger", "preset mspa")
    assert finding["severity"] == "error" and "MSPA form" in finding["message"]


def test_an_mspa_agreement_without_disposal_on_request_fails_the_form(cli, agreement):
    path = agreement("mspa", {"clauses": {"disposal": {"on_request": None, "written_certification": None}}})
    result = cli("check", "--format", "json", str(path))
    assert sorted((f["code"], f["pointer"]) for f in result.findings("SDPC")) == [
        ("SDPC501", "/clauses/disposal/on_request"), ("SDPC501", "/clauses/disposal/written_certification")]


def test_a_regional_ndpa_without_exhibit_g_is_a_warning(cli, agreement, ndpa_only):
    complete = cli("check", "--format", "json", "--policy", str(ndpa_only), str(agreement("regional-ndpa")))
    assert (complete.code, complete.json()["findings"]) == (0, [])  # a faithful regional NDPA v1
    path = agreement("regional-ndpa", {"attachments": [{"kind": "security_narrative", "citation": "Exhibit F"}]})
    result = cli("check", "--format", "json", "--policy", str(ndpa_only), str(path))
    assert result.code == 0
    (finding,) = result.json()["findings"]
    assert (finding["code"], finding["severity"], finding["layer"]) == ("SDPC301", "warning", "preset regional-ndpa")
    assert cli("check", "--fail-on", "warning", "--policy", str(ndpa_only), str(path)).code == 1


def test_a_policy_can_name_the_form_for_every_agreement(cli, agreement, tmp_path):
    policy = tmp_path / "mspa-everywhere.yaml"
    policy.write_text("policy_version: 1\nname: MSPA terms everywhere\nextends: [mspa]\nstate_packs: none\n", "utf-8")
    path = agreement("mspa", {"term": {"governing_state": "NY", "model": "custom"},
                              "clauses": {"breach_notification": {"window": "15 calendar days"}}})
    result = cli("check", "--format", "json", "--policy", str(policy), str(path))
    assert result.code == 1
    assert [(f["code"], f["pointer"]) for f in result.json()["findings"]] == [
        ("SDPC201", "/clauses/breach_notification/window")]


# ------------------------------------------------------------------------------ switching off
def test_disable_plugin_keeps_the_forms_out(cli, agreement):
    path = agreement("mspa", {"clauses": {"breach_notification": {"trigger": "discovery"}}})
    result = cli("check", "--format", "json", "--disable-plugin", "sdpc-regional", str(path))
    assert result.findings("SDPC") == [] and "preset mspa" not in result.layers()["agreement.yaml"]
    assert "SDPC" not in cli("rules", "--disable-plugin", "sdpc-regional").out


def test_the_autoload_switch_keeps_the_installed_pack_out(cli, agreement, monkeypatch):
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    result = cli("check", "--format", "json", str(agreement("mspa")))
    assert "preset mspa" not in result.layers()["agreement.yaml"]
    assert cli("verify", "sdpc-regional").code == 2
