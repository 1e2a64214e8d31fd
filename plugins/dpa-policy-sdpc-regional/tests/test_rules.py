"""The SDPC rules themselves: golden cases (the runner `dpa-policy verify` uses), one pytest item
each, and documentation that says how sure each source is."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
import yaml

from dpa_policy.plugins import get_plugin_manager
from dpa_policy.registry import RuleRegistry
from dpa_policy.testing import Case, load_case_file, run_case
from dpa_policy_sdpc_regional.rules import RULES

PACKAGE = Path(str(resources.files("dpa_policy_sdpc_regional")))
CASE_FILES = sorted((PACKAGE / "rule_cases").glob("*.yaml"))
CODES = ["SDPC201", "SDPC301", "SDPC501"]
BASES = {"SDPC201": "mspa", "SDPC301": "regional-ndpa", "SDPC501": "mspa"}
TAG = re.compile(r"\[(P|V|S|U)\b")


@pytest.fixture(scope="module")
def registry() -> RuleRegistry:
    return RuleRegistry.from_plugins(get_plugin_manager())


def _cases():
    for path in CASE_FILES:
        for case in load_case_file(path):
            yield pytest.param(case, id=case.id)


@pytest.mark.parametrize("case", list(_cases()))
def test_rule_case(case, registry):
    result = run_case(case, registry)
    assert result.ok, "\n".join(result.problems)


def test_the_registry_gets_exactly_these_rules_from_the_entry_point(registry):
    entries = [entry for entry in registry if entry.plugin == "sdpc-regional"]
    assert [entry.code for entry in entries] == CODES == [rule.code for rule in RULES]


def test_one_case_file_per_rule_with_passing_and_failing_cases():
    assert [path.stem for path in CASE_FILES] == CODES
    for path in CASE_FILES:
        cases = load_case_file(path)
        kinds = [bool(case.expect) for case in cases]
        assert {case.rule for case in cases} == {path.stem}
        assert kinds.count(False) >= 2 and kinds.count(True) >= 2, f"{path.name}: several passing and failing cases"


@pytest.mark.parametrize("code", CODES)
def test_each_rules_base_agreement_passes_it_and_an_emptied_one_does_not(registry, code):
    """The cases start from the base; if it failed the rule, every 'expect: []' case would too."""
    base = PACKAGE / "testdata" / f"{BASES[code]}-base-agreement.yaml"
    assert run_case(Case(code, "base", {}, {}, [], base, str(base)), registry).ok
    emptied = {"clauses": {"breach_notification": None, "disposal": None}, "attachments": None}
    assert run_case(Case(code, "emptied", emptied, {}, [], base, str(base)), registry).findings


def test_the_base_agreements_follow_the_forms_they_stand_for():
    mspa = yaml.safe_load((PACKAGE / "testdata" / "mspa-base-agreement.yaml").read_text("utf-8"))
    regional = yaml.safe_load((PACKAGE / "testdata" / "regional-ndpa-base-agreement.yaml").read_text("utf-8"))
    assert (mspa["term"]["governing_state"], mspa["term"]["model"]) == ("MA", "state_dpa")
    assert (regional["term"]["governing_state"], regional["term"]["model"]) == ("MA", "ndpa")
    assert regional["term"]["model_version"] == "Standard Version 1.0"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_documents_its_sources_with_their_confidence(rule):
    sections = rule.doc_sections()
    for name in ("What it checks", "Why it matters", "Legal basis", "Options", "Passing example", "Failing example"):
        assert sections.get(name), f"{rule.code} has no {name!r} section"
    items = [item for item in re.split(r"\n(?=- )", sections["Legal basis"]) if item.startswith("- ")]
    untagged = [item.splitlines()[0] for item in items if not TAG.search(item) and "closest term" not in item]
    assert untagged == [], f"{rule.code}: sources without a confidence tag: {untagged}"
    assert "not a statute" in " ".join(sections["Legal basis"].split())  # a contract form, and the docs say so
    for name in ("Passing example", "Failing example"):
        assert isinstance(yaml.safe_load(sections[name]), dict), f"{rule.code}: {name} is not YAML"
    for option in rule.Options.model_fields:
        assert f"``{option}``" in sections["Options"], f"{rule.code}: option {option} is not documented"
