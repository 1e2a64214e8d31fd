"""Layered policies: extends, selectors, state packs, overrides and provenance."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from dpa_policy.core.policy import PolicySet, collect_presets, default_policy_path
from dpa_policy.errors import PolicyError
from dpa_policy.findings import Severity
from dpa_policy.plugins import get_plugin_manager
from dpa_policy.registry import RuleRegistry


@pytest.fixture(scope="module")
def registry():
    return RuleRegistry.from_plugins(get_plugin_manager(autoload=False))


@pytest.fixture(scope="module")
def presets():
    return collect_presets(get_plugin_manager(autoload=False))


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), "utf-8")
    return path


def resolve(tmp_path, registry, presets, text, state=None, extra_presets=None):
    path = write(tmp_path, "district.yaml", text)
    return PolicySet(path, registry, {**presets, **(extra_presets or {})}).for_state(state)


def by_code(resolved):
    return {r.code: r for r in resolved.rules}


def test_default_policy_layers_the_ndpa_then_district_additions(registry, presets):
    resolved = PolicySet(default_policy_path(), registry, presets, display="default").for_state(None)
    # with no agreement at hand, the `ndpa` preset resolves to its stricter edition, v2
    assert resolved.layers == ("preset lifecycle-and-review", "preset ndpa-v2", "preset ndpa", "preset district-additions",
                               "default")
    rules = by_code(resolved)
    assert rules["DPA402"].required_by == "preset ndpa-v2"
    assert rules["DPA201"].required_by == "preset ndpa-v2"
    assert rules["DPA503"].required_by == "preset district-additions"
    assert str(rules["DPA201"].options.max_window) == "72 hours"


def test_district_overrides_an_option_and_keeps_the_rest(tmp_path, registry, presets):
    resolved = resolve(tmp_path, registry, presets, """
        policy_version: 1
        name: Springfield
        extends: [ndpa]
        rules:
          breach-notice-window:
            options: {max_window: 48 hours}
    """)
    rules = by_code(resolved)
    assert str(rules["DPA201"].options.max_window) == "48 hours"
    assert dict(rules["DPA201"].provenance)["options.max_window"] == str(tmp_path / "district.yaml")
    assert "DPA301" in rules and dict(rules["DPA301"].provenance)["options.max_notice"] == "preset ndpa-v2"
    assert resolved.layers == ("preset ndpa-v2", "preset ndpa", (tmp_path / "district.yaml").as_posix())


def test_prefix_selector_sets_severity_without_enabling_new_rules(tmp_path, registry, presets):
    write(tmp_path, "base.yaml", """
        policy_version: 1
        name: base
        extends: [federal]
        rules:
          DPA201: {}
    """)
    resolved = resolve(tmp_path, registry, presets, """
        policy_version: 1
        name: x
        extends: [./base.yaml]
        rules:
          DPA2: {severity: warning}
    """)
    rules = by_code(resolved)
    federal = by_code(resolve(tmp_path, registry, presets, "policy_version: 1\nname: f\nextends: [federal]\n"))
    assert "DPA201" not in federal and rules.keys() == federal.keys() | {"DPA201"}  # no other DPA2xx joined
    assert rules["DPA201"].severity is Severity.WARNING
    assert {code: rules[code].severity for code in federal} == {code: federal[code].severity for code in federal}


def test_empty_prefix_selector_enables_the_family(tmp_path, registry, presets):
    resolved = resolve(tmp_path, registry, presets, """
        policy_version: 1
        name: x
        rules:
          DPA2: {}
          DPA204: {enabled: false}
          tag:disposal: {severity: warning}
    """)
    rules = by_code(resolved)
    assert sorted(rules) == ["DPA201", "DPA202", "DPA203"]  # tag:disposal with a severity enabled nothing
    assert {code: rule.severity for code, rule in rules.items()} == dict.fromkeys(rules, Severity.ERROR)


def test_tag_selector_enables_and_a_later_layer_overrides_severity(tmp_path, registry, presets):
    write(tmp_path, "base.yaml", """
        policy_version: 1
        name: base
        rules:
          tag:disposal: {}
    """)
    resolved = resolve(tmp_path, registry, presets, """
        policy_version: 1
        name: x
        extends: [./base.yaml]
        rules:
          DPA503: {severity: warning}
    """)
    rules = by_code(resolved)
    assert sorted(rules) == ["DPA113", "DPA501", "DPA502", "DPA503"]  # DPA113: the certificate due after the end
    assert rules["DPA503"].severity is Severity.WARNING and rules["DPA501"].severity is Severity.ERROR


def test_later_layer_can_disable_a_rule(tmp_path, registry, presets):
    resolved = resolve(tmp_path, registry, presets, """
        policy_version: 1
        name: x
        extends: [ndpa]
        rules:
          breach-notice-contents: {enabled: false}
    """)
    assert "DPA204" not in by_code(resolved)


@pytest.mark.parametrize("rules, place, message", [
    ("  DPA2:\n    options: {max_window: 48 hours}\n", "5:5", "options need a single rule, but 'DPA2' selects"),
    ("  DPA9: {}\n", "4:3", "code prefix 'DPA9' selects no rule"),
    ("  tag:disposl: {}\n", "4:3", "tag 'disposl' selects no rule (did you mean 'tag:disposal'?)"),
    ("  breach-notice-window:\n    options: {max_windw: 1 hours}\n", "5:15", "option 'max_windw': is not a known option"),
    ("  breach-notice-window:\n    severity: fatal\n", "5:15", "Input should be 'error', 'warning' or 'info'"),
])
def test_selector_and_option_errors_name_file_line_and_column(tmp_path, registry, presets, rules, place, message):
    with pytest.raises(PolicyError) as info:
        resolve(tmp_path, registry, presets, "policy_version: 1\nname: x\nrules:\n" + rules)
    assert f"{(tmp_path / 'district.yaml').as_posix()}:{place}: " in str(info.value)
    assert message in str(info.value)


def test_unknown_preset_suggests_the_close_one(tmp_path, registry, presets):
    with pytest.raises(PolicyError, match=r"district.yaml:3:11: unknown preset 'ndap' \(did you mean 'ndpa'\?\)"):
        resolve(tmp_path, registry, presets, "policy_version: 1\nname: x\nextends: [ndap]\n")


def test_extends_cycle_is_reported(tmp_path, registry, presets):
    write(tmp_path, "a.yaml", "policy_version: 1\nname: a\nextends: [./district.yaml]\nrules: {DPA101: {}}\n")
    with pytest.raises(PolicyError, match="policy extends itself"):
        resolve(tmp_path, registry, presets, "policy_version: 1\nname: x\nextends: [./a.yaml]\n")


def test_missing_extended_file_is_located(tmp_path, registry, presets):
    with pytest.raises(PolicyError, match=r"district.yaml:3:11: policy file not found"):
        resolve(tmp_path, registry, presets, "policy_version: 1\nname: x\nextends: [./nope.yaml]\n")


def test_unknown_policy_field(tmp_path, registry, presets):
    with pytest.raises(PolicyError, match=r"district.yaml:3:1: 'extend': is not a known field"):
        resolve(tmp_path, registry, presets, "policy_version: 1\nname: x\nextend: [ndpa]\n")


def test_policy_enabling_nothing_is_an_error(tmp_path, registry, presets):
    with pytest.raises(PolicyError, match="enables no rules"):
        resolve(tmp_path, registry, presets, "policy_version: 1\nname: x\nrules:\n  all: {enabled: false}\n")


def test_by_state_adds_layers_for_that_state_only(tmp_path, registry, presets):
    write(tmp_path, "ny-addendum.yaml", """
        policy_version: 1
        name: NY addendum
        rules:
          breach-notice-window:
            options: {max_window: 7 calendar days}
    """)
    text = """
        policy_version: 1
        name: x
        extends: [ndpa]
        by_state:
          NY: [./ny-addendum.yaml]
        rules:
          audit-rights: {severity: warning}
    """
    policy_set = PolicySet(write(tmp_path, "district.yaml", text), registry, presets)
    ny, fl = policy_set.for_state("NY"), policy_set.for_state("FL")
    assert str(by_code(ny)["DPA201"].options.max_window) == "7 calendar days"
    assert str(by_code(fl)["DPA201"].options.max_window) == "72 hours"
    # the district's own severity applies in every state, over the state layer
    assert by_code(ny)["DPA301"].severity is Severity.WARNING and by_code(fl)["DPA301"].severity is Severity.WARNING
    assert by_code(ny)["DPA201"].severity is Severity.ERROR
    # the state layer sits between the presets and the district's own rules
    assert ny.layers[-2].endswith("ny-addendum.yaml") and ny.layers[-1].endswith("district.yaml")


def test_state_packs_auto_picks_presets_that_declare_the_state(tmp_path, registry, presets):
    pack = write(tmp_path, "ny-pack.yaml", """
        policy_version: 1
        name: NY pack
        applies_to: {governing_state: [NY]}
        rules:
          breach-notice-contents: {severity: error}
    """)
    policy_set = PolicySet(default_policy_path(), registry, {**presets, "ny-test": pack})
    assert "preset ny-test" in policy_set.for_state("NY").layers
    assert "preset ny-test" not in policy_set.for_state("CT").layers
    assert by_code(policy_set.for_state("NY"))["DPA204"].severity is Severity.ERROR


def test_state_packs_none_in_a_later_layer_turns_auto_off(tmp_path, registry, presets):
    pack = write(tmp_path, "ny-pack.yaml", "policy_version: 1\nname: p\napplies_to: {governing_state: [NY]}\n"
                                           "rules: {DPA204: {severity: error}}\n")
    resolved = resolve(tmp_path, registry, presets, "policy_version: 1\nname: x\nextends: [ndpa]\nstate_packs: none\n",
                       state="NY", extra_presets={"ny-test": pack})
    assert "preset ny-test" not in resolved.layers
