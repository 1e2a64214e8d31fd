"""What every state pack shipped with dpa-policy has in common: registered as a built-in plugin
that can still be disabled by name, a preset that joins its own state's agreements only, rule
codes under the state's prefix, and documentation that says how sure each source is."""

from __future__ import annotations

import re

import pytest
import yaml

from dpa_policy import Rule
from dpa_policy.core.policy import PolicySet, collect_presets, default_policy_path
from dpa_policy.errors import PluginError
from dpa_policy.plugins import BUILTIN_PACKS, get_plugin_manager, list_plugins
from dpa_policy.registry import RuleRegistry

PACKS = sorted(BUILTIN_PACKS)
TAG = re.compile(r"\[(P|V|S|U)\b|unconfirmed")
# How each pack's documentation cites its state's law.
CITATIONS = {"ca": "Cal. ", "co": "C.R.S. ", "ct": "C.G.S. 10-234", "fl": "Fla. Stat. ", "il": "105 ILCS ",
             "md": "Md. Code, Educ. ", "ny": "8 NYCRR ", "tx": "Tex. Educ. Code ", "ut": "Utah Code ", "va": "Va. Code ",
             "wa": "RCW "}


@pytest.fixture(scope="module")
def pm():
    return get_plugin_manager(autoload=False)


@pytest.fixture(scope="module")
def registry(pm):
    return RuleRegistry.from_plugins(pm)


def pack_rules(registry, pack: str) -> list[type[Rule]]:
    return [entry.rule for entry in registry if entry.plugin == pack]


def test_the_packs_load_without_autoload_and_are_listed_as_built_in(pm):
    infos = {info.name: info for info in list_plugins(pm)}
    for pack in PACKS:
        assert infos[pack].builtin and infos[pack].distribution == "dpa-policy"


def test_plugins_lists_every_pack_with_its_rules_and_preset(cli):
    result = cli("plugins")
    assert result.code == 0
    lines = {line.split()[0]: line for line in result.out.splitlines()}
    for pack in PACKS:
        assert "built in" in lines[pack] and f"presets: {pack}" in lines[pack]


@pytest.mark.parametrize("pack", PACKS)
def test_a_pack_can_be_disabled_by_name_and_a_core_plugin_cannot(pack):
    pm = get_plugin_manager(autoload=False, blocked=(pack,))
    assert not pm.has_plugin(pack)
    assert not any(e.plugin == pack for e in RuleRegistry.from_plugins(pm))
    with pytest.raises(PluginError, match="built in and cannot be disabled"):
        get_plugin_manager(autoload=False, blocked=("dpa_policy.rules",))


@pytest.mark.parametrize("pack", PACKS)
def test_the_default_policy_adds_a_pack_for_its_own_state_only(pm, registry, pack):
    policy_set = PolicySet(default_policy_path(), registry, collect_presets(pm))
    prefix = pack.upper() + "S"
    for state in ("CA", "CO", "CT", "FL", "IL", "MD", "NY", "TX", "UT", "VA", "WA", "NJ", None):
        resolved = policy_set.for_state(state)
        joined = any(rule.code.startswith(prefix) for rule in resolved.rules)
        assert joined is (state == pack.upper()), (pack, state)
        assert (f"preset {pack}" in resolved.layers) is joined


@pytest.mark.parametrize("pack", PACKS)
def test_codes_carry_the_state_prefix_and_every_rule_has_cases(registry, pack, cli):
    rules = pack_rules(registry, pack)
    assert rules and all(rule.code.startswith(pack.upper() + "S") for rule in rules)
    assert all(rule.slug.startswith(pack + "-") for rule in rules)
    result = cli("verify", pack)
    assert result.code == 0 and f"0 failed; {len(rules)} rules covered" in result.out


@pytest.mark.parametrize("pack", PACKS)
def test_every_statute_in_the_legal_basis_says_how_sure_it_is(registry, pack):
    citation = CITATIONS[pack]
    for rule in pack_rules(registry, pack):
        sections = rule.doc_sections()
        items = [item for item in re.split(r"\n(?=- )", sections["Legal basis"]) if item.startswith("- " + citation)]
        assert items, f"{rule.code}: the legal basis cites no {citation} provision"
        untagged = [item.splitlines()[0] for item in items if not TAG.search(item)]
        assert untagged == [], f"{rule.code}: sources without a confidence tag: {untagged}"
        for name in ("Passing example", "Failing example"):
            assert isinstance(yaml.safe_load(sections[name]), dict), f"{rule.code}: {name} is not YAML"


def test_every_shipped_preset_declares_exactly_its_state(pm):
    presets = collect_presets(pm)
    for pack in PACKS:
        data = yaml.safe_load(presets[pack].read_text("utf-8"))
        assert data["applies_to"] == {"governing_state": [pack.upper()]}
