"""The pack as a district gets it: installed, listed, verified, its preset resolvable."""

from __future__ import annotations

import pytest

from dpa_policy.model.duration import parse_duration
from dpa_policy_ct.rules import RULES

from ct_support import CTS_CODES, dpa_policy


def test_verify_ct_exits_0_and_covers_every_rule():
    result = dpa_policy("verify", "ct")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ct: " in result.stdout and "0 failed; 6 rules covered" in result.stdout


def test_rules_lists_every_cts_rule_beside_the_builtins():
    result = dpa_policy("rules")
    assert result.returncode == 0, result.stderr
    listed = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines() if line.strip()}
    assert {code: listed.get(code) for code in CTS_CODES} == {rule.code: rule.slug for rule in RULES}
    assert "DPA201" in listed


def test_plugins_names_the_distribution_and_what_it_provides():
    result = dpa_policy("plugins")
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("ct ")]
    assert "dpa-policy-ct" in line and "6 rules (CTS101-CTS502)" in line and "presets: ct" in line


def test_the_registry_gets_the_pack_rules_from_the_entry_point(registry):
    entries = [e for e in registry if e.plugin == "ct"]
    assert [e.code for e in entries] == CTS_CODES
    assert {e.rule for e in entries} == set(RULES)


def test_explain_shows_the_documentation_and_option_defaults():
    result = dpa_policy("explain", "ct-breach-notice-window")
    assert result.returncode == 0, result.stderr
    assert "CTS201 ct-breach-notice-window" in result.stdout and "from plugin ct" in result.stdout
    assert 'max_window: "30 calendar days"' in result.stdout
    assert 'accepted_triggers: ["incident", "discovery"]' in result.stdout


def _preset_set(registry, top="ct"):
    from dpa_policy.plugins import get_plugin_manager
    from dpa_policy.policy import PolicySet, collect_presets

    return PolicySet(top, registry, collect_presets(get_plugin_manager()))


def test_the_ct_preset_enables_exactly_the_cts_rules(registry):
    resolved = _preset_set(registry).for_state("CT")
    assert [r.code for r in resolved.rules] == CTS_CODES
    assert all(r.required_by == "preset ct" for r in resolved.rules)
    breach = next(r for r in resolved.rules if r.code == "CTS201")
    assert breach.options.max_window == parse_duration("30 calendar days")
    assert breach.options.accepted_triggers == ["incident", "discovery"]


@pytest.mark.parametrize("state, joined", [("CT", True), ("NY", False), ("FL", False), (None, False)])
def test_the_default_policy_adds_the_preset_for_ct_agreements_only(registry, state, joined):
    from dpa_policy.policy import default_policy_path

    resolved = _preset_set(registry, default_policy_path()).for_state(state)
    assert ("preset ct" in resolved.layers) is joined
    assert any(r.code.startswith("CTS") for r in resolved.rules) is joined
