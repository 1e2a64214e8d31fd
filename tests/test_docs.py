"""Documentation is part of the contract: every hook and every rule must carry its own."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from dpa_policy import hookspecs
from dpa_policy.plugins import get_plugin_manager
from dpa_policy.registry import RuleRegistry

ROOT = Path(__file__).resolve().parents[1]
RULE_SECTIONS = ("What it checks", "Why it matters", "Legal basis", "Options", "Passing example", "Failing example")


def hookspec_names():
    return sorted(name for name, fn in vars(hookspecs).items()
                  if name.startswith("dpa_policy_") and callable(fn))


@pytest.mark.parametrize("name", hookspec_names())
def test_every_hook_has_a_docstring_and_a_section_in_the_plugin_guide(name):
    function = getattr(hookspecs, name)
    doc = inspect.getdoc(function) or ""
    assert len(doc.splitlines()) >= 3 and ":return:" in doc, f"{name} needs a full docstring with :return:"
    signature = f"{name}({', '.join(inspect.signature(function).parameters)})"
    guide = (ROOT / "docs" / "plugins.md").read_text("utf-8")
    assert f"### {signature}" in guide, f"docs/plugins.md has no section '### {signature}'"


def test_the_plugin_manager_knows_exactly_the_documented_hooks():
    pm = get_plugin_manager(autoload=False)
    assert sorted(h for h in dir(pm.hook) if h.startswith("dpa_policy_")) == hookspec_names()


@pytest.mark.parametrize("entry", list(RuleRegistry.from_plugins(get_plugin_manager())), ids=lambda e: e.code)
def test_every_rule_documents_itself(entry):
    doc = entry.rule.documentation()
    missing = [section for section in RULE_SECTIONS if section not in doc]
    assert not missing, f"{entry.code} ({entry.plugin}) lacks docstring sections: {missing}"
    assert entry.rule.summary().endswith("."), f"{entry.code}: the first line is its summary sentence"


def test_readme_lists_every_builtin_rule():
    readme = (ROOT / "README.md").read_text("utf-8")
    for entry in RuleRegistry.from_plugins(get_plugin_manager(autoload=False)):
        assert f"| {entry.code} | {entry.slug} |" in readme, f"README's rule table lacks {entry.code}"
