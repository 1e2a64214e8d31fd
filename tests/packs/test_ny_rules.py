"""The NYS rules themselves (the ny pack): documented, registered, covered by golden cases, enabled by the preset."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
import yaml

from dpa_policy import Rule, RuleOptions
from dpa_policy.packs.ny import plugin
from dpa_policy.packs.ny.rules import RULES
from dpa_policy.plugins import get_plugin_manager
from dpa_policy.registry import RuleRegistry
from dpa_policy.testing import load_case_file, run_case

PACKAGE_DIR = Path(str(resources.files("dpa_policy.packs.ny")))  # shipped in the core distribution
NYS_CODES = ["NYS201", "NYS301", "NYS302", "NYS401", "NYS601", "NYS602"]

# Mandatory documentation sections, in this order (as the built-in rules write them).
SECTIONS = ["What it checks", "Why it matters", "Legal basis (confidence", "Options", "Passing example",
            "Failing example"]
CONFIDENCE_TAG = re.compile(r"\[(P|V|S|U)(/(P|V|S|U))?[\],:]")
CASES_DIR = PACKAGE_DIR / "rule_cases"


def documentation_problems(rule: type[Rule]) -> list[str]:
    """What is missing from a rule's docstring; empty when it is complete."""
    doc = rule.documentation()
    lines = doc.splitlines()
    problems = []
    if not lines or not lines[0].strip():
        return ["no summary line"]
    found = []
    for section in SECTIONS:
        index = next((i for i, line in enumerate(lines) if line.startswith(section)), None)
        if index is None:
            problems.append(f"no {section!r} section (a line starting with it, not indented)")
            continue
        found.append(index)
        if section.endswith("example") and not lines[index].rstrip().endswith("::"):
            problems.append(f"{section!r} must introduce a literal block ('::')")
    if found != sorted(found):
        problems.append("sections are out of order: " + ", ".join(SECTIONS))
    legal = next((i for i, line in enumerate(lines) if line.startswith("Legal basis (confidence")), None)
    options = next((i for i, line in enumerate(lines) if line.startswith("Options")), None)
    if legal is not None and options is not None and options > legal:
        basis = "\n".join(lines[legal:options])
        if not CONFIDENCE_TAG.search(basis):
            problems.append("the legal basis cites no confidence tag ([P], [V], [S], [U])")
        if "DOMAIN.md" not in lines[legal]:
            problems.append("the legal basis header does not name the DOMAIN.md sections it draws on")
    return problems


@pytest.fixture(scope="module")
def registry() -> RuleRegistry:
    return RuleRegistry.from_plugins(get_plugin_manager())


# ------------------------------------------------------------------------------ documentation
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_nys_rule_documents_every_section(rule):
    """(5) A rule without one of the mandatory docstring sections fails here."""
    assert documentation_problems(rule) == []


def test_the_documentation_check_catches_a_missing_section():
    class Undocumented(Rule):
        """Summary.

        What it checks
            something.

        Legal basis (confidence as in DOMAIN.md §2.1)
            - a fact [P].

        Options
            none.

        Passing example::

            x: 1
        """

        code = "NYS999"
        slug = "undocumented"

    problems = documentation_problems(Undocumented)
    assert any("'Why it matters'" in p for p in problems)
    assert any("'Failing example'" in p for p in problems)


def test_the_documentation_check_catches_a_basis_without_confidence():
    class Untagged(Rule):
        """Summary.

        What it checks
            x.

        Why it matters
            y.

        Legal basis (confidence as in DOMAIN.md §2.1)
            - a fact with no tag.

        Options
            none.

        Passing example::

            x: 1

        Failing example::

            x: 2
        """

    assert documentation_problems(Untagged) == ["the legal basis cites no confidence tag ([P], [V], [S], [U])"]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_option_is_documented(rule):
    options_text = rule.documentation().split("\nOptions", 1)[1].split("\nPassing example", 1)[0]
    for name in rule.Options.model_fields:
        assert f"``{name}``" in options_text, f"{rule.code}: option {name} is not documented under Options"
    if not rule.Options.model_fields:
        assert "none" in options_text


# ---------------------------------------------------------------------------------- registry
def test_the_pack_registers_exactly_the_nys_rules(registry):
    mine = {e.code: e for e in registry if e.plugin == "ny"}
    assert sorted(mine) == NYS_CODES
    assert [r.code for r in RULES] == NYS_CODES
    for entry in mine.values():
        assert re.fullmatch(r"ny(-[a-z0-9]+)+", entry.slug)
        assert issubclass(entry.rule.Options, RuleOptions)
        assert "ny" in entry.rule.tags


def test_option_defaults_follow_the_sources():
    by_code = {r.code: r for r in RULES}
    breach = by_code["NYS201"].Options()
    assert str(breach.max_window) == "7 calendar days"
    assert breach.accepted_triggers == ["incident", "discovery"]
    assert by_code["NYS602"].Options().require_csf_2_0 is False  # [S], a single secondary source
    assert by_code["NYS401"].Options().required_prohibitions == ["sale", "marketing"]
    assert by_code["NYS302"].Options().require_supplemental_information is True


# ------------------------------------------------------------------------------ golden cases
def _cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in load_case_file(path):
            yield pytest.param(case, id=case.id)


@pytest.mark.parametrize("case", list(_cases()))
def test_golden_case(case, registry):
    result = run_case(case, registry)
    assert result.ok, "\n".join(result.problems)


def test_every_rule_has_passing_and_failing_cases():
    covered: dict[str, set[bool]] = {}
    for path in CASES_DIR.glob("*.yaml"):
        for case in load_case_file(path):
            covered.setdefault(case.rule, set()).add(bool(case.expect))
            assert path.stem == case.rule, f"{path.name} holds cases of {case.rule}"
    for code in NYS_CODES:
        kinds = covered.get(code, set())
        assert kinds == {True, False}, f"{code} needs passing and failing cases"
        assert sum(1 for p in CASES_DIR.glob(f"{code}.yaml") for c in load_case_file(p)) >= 4, code


NY_BASE = PACKAGE_DIR / "testdata" / "ny-base-agreement.yaml"


def test_the_cases_start_from_the_ny_base_agreement():
    data = yaml.safe_load(NY_BASE.read_text(encoding="utf-8"))
    assert data["term"]["governing_state"] == "NY"
    case_files = sorted(CASES_DIR.glob("*.yaml"))
    assert [path.stem for path in case_files] == NYS_CODES
    for path in case_files:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert (path.parent / raw["base"]).resolve() == NY_BASE.resolve(), path.name


@pytest.mark.parametrize("code", NYS_CODES)
def test_the_ny_base_agreement_passes_every_nys_rule(registry, code):
    """If it failed a rule, every 'expect: []' case of that rule would fail for the wrong reason."""
    from dpa_policy.testing import Case

    assert registry.get(code) is not None and registry.get(code).plugin == "ny"
    result = run_case(Case(code, "the NY base agreement", {}, {}, [], NY_BASE, str(NY_BASE)), registry)
    assert result.ok, "\n".join(result.problems)
    # The rule does flag an agreement without what it checks, so the pass above means something.
    stripped = {"clauses": {"breach_notification": None, "data_use": None, "security": None}, "attachments": None}
    assert run_case(Case(code, "without what NYS rules check", stripped, {},
                         [], NY_BASE, str(NY_BASE)), registry).findings, f"{code} found nothing to flag"


def test_the_case_runner_catches_a_wrong_expectation(registry, tmp_path):
    """The cases can fail: an expected pass on 10 days from confirmation is reported."""
    path = tmp_path / "NYS201.yaml"
    path.write_text(
        "rule: NYS201\ncases:\n  - name: wrongly expects a pass\n    agreement:\n"
        "      clauses:\n        breach_notification: {window: 10 calendar days, trigger: confirmation}\n"
        "    expect: []\n",
        encoding="utf-8",
    )
    (case,) = load_case_file(path)
    result = run_case(case, registry)
    assert not result.ok
    assert len([p for p in result.problems if p.startswith("unexpected finding")]) == 2


def test_the_plugin_returns_its_cases_and_preset():
    (cases,) = plugin.dpa_policy_rule_cases()
    assert cases.is_dir() and sorted(c.name for c in cases.iterdir() if c.name.endswith(".yaml")) == [
        f"{code}.yaml" for code in NYS_CODES]
    assert set(plugin.dpa_policy_presets()) == {"ny"}


# ------------------------------------------------------------------------------------ preset
def test_the_preset_applies_to_ny_and_enables_every_nys_rule(registry, cli, tmp_path):
    preset = resources.files("dpa_policy.packs.ny").joinpath("presets", "ny.yaml")
    data = yaml.safe_load(preset.read_text(encoding="utf-8"))
    assert data["applies_to"] == {"governing_state": ["NY"]}
    assert "extends" not in data and "state_packs" not in data
    enabled = {registry.get(selector).code for selector in data["rules"]}
    assert sorted(enabled) == NYS_CODES
    # A policy can name the preset: `extends: [ny]` enables exactly the NYS rules, for any state.
    policy = tmp_path / "ny-only.yaml"
    policy.write_text("policy_version: 1\nname: New York only\nextends: [ny]\nstate_packs: none\n", "utf-8")
    shown = cli("policy", "show", "--policy", str(policy))
    assert shown.code == 0, shown.err
    enabled = sorted(line.split()[0] for line in shown.out.splitlines() if "[enabled by preset ny" in line)
    assert enabled == NYS_CODES
