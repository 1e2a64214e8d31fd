"""The CTS rules themselves (the ct pack): golden cases, one pytest item each (the same runner
as `dpa-policy verify ct`), and documentation in the project's sections with every source's
confidence."""

from __future__ import annotations

import re
import textwrap
from importlib import resources
from pathlib import Path

import pytest
import yaml

from dpa_policy import Rule
from dpa_policy.packs.ct.rules import RULES
from dpa_policy.plugins import get_plugin_manager
from dpa_policy.registry import RuleRegistry
from dpa_policy.testing import load_case_file, run_case

PACKAGE = resources.files("dpa_policy.packs.ct")


@pytest.fixture(scope="module")
def registry() -> RuleRegistry:
    return RuleRegistry.from_plugins(get_plugin_manager())


CASES_DIR = Path(str(PACKAGE.joinpath("rule_cases")))
CASE_FILES = sorted(CASES_DIR.glob("*.yaml"))


def _cases():
    for path in CASE_FILES:
        for case in load_case_file(path):
            yield pytest.param(case, id=case.id)


@pytest.mark.parametrize("case", list(_cases()))
def test_rule_case(case, registry):
    result = run_case(case, registry)
    assert result.ok, "\n".join(result.problems)


def test_one_case_file_per_rule_with_passing_and_failing_cases():
    assert [p.stem for p in CASE_FILES] == sorted(rule.code for rule in RULES)
    for path in CASE_FILES:
        cases = load_case_file(path)
        assert {c.rule for c in cases} == {path.stem}
        kinds = [bool(c.expect) for c in cases]
        assert kinds.count(False) >= 2 and kinds.count(True) >= 2, f"{path.name}: several passing and failing cases"


def test_the_base_agreement_passes_every_cts_rule(registry):
    """The cases start from it; if it failed a rule, every 'expect: []' case would too."""
    from dpa_policy.testing import Case

    base = CASES_DIR.parent / "testdata" / "ct-base-agreement.yaml"
    for rule in RULES:
        case = Case(rule.code, "base agreement", {}, {}, [], base, str(base))
        result = run_case(case, registry)
        assert result.ok, f"{rule.code}: " + "\n".join(result.problems)


def test_the_runner_catches_a_wrong_expectation(registry, tmp_path):
    """The runner must be able to fail: a 31-day window wrongly expected to pass."""
    base = CASES_DIR.parent / "testdata" / "ct-base-agreement.yaml"
    path = tmp_path / "CTS201.yaml"
    path.write_text(
        f"rule: CTS201\nbase: {base.as_posix()}\ncases:\n  - name: wrongly expects a pass\n    agreement:\n"
        "      clauses:\n        breach_notification: {window: 31 calendar days}\n    expect: []\n"
    )
    (case,) = load_case_file(path)
    result = run_case(case, registry)
    assert not result.ok and "unexpected finding" in result.problems[0]


# ------------------------------------------------------------------------------ documentation
# Section headings, in order, as they must start a line of the dedented docstring.
SECTIONS = ("What it checks", "Why it matters", "Legal basis (confidence", "Options",
            "Passing example", "Failing example")
TAG = re.compile(r"\[(P|V|S|U)\]")


def sections(rule: type[Rule]) -> dict[str, str]:
    """Heading -> body of each section of the rule's documentation (body dedented)."""
    lines = rule.documentation().splitlines()
    found: dict[str, str] = {}
    current, body = None, []
    for line in lines[1:]:
        heading = next((s for s in SECTIONS if line.startswith(s)), None)
        if heading is not None and not line.startswith(" "):
            if current:
                found[current] = textwrap.dedent("\n".join(body)).strip()
            current, body = heading, []
        elif current:
            body.append(line)
    if current:
        found[current] = textwrap.dedent("\n".join(body)).strip()
    return found


def missing_sections(rule: type[Rule]) -> list[str]:
    """Sections absent, empty or out of order; [] when the documentation is complete."""
    found = sections(rule)
    problems = [s for s in SECTIONS if not found.get(s)]
    order = [s for s in found if s in SECTIONS]
    if not problems and order != list(SECTIONS):
        problems.append(f"sections out of order: {order}")
    return problems


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_section_is_present_and_filled(rule):
    assert rule.summary(), f"{rule.code} has no summary line"
    assert missing_sections(rule) == [], f"{rule.code} documentation lacks: {missing_sections(rule)}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_legal_basis_cites_connecticut_and_tags_every_source(rule):
    basis = sections(rule)["Legal basis (confidence"]
    assert "DOMAIN.md" in rule.documentation().split("Legal basis", 1)[1].splitlines()[0]
    assert "C.G.S. 10-234" in basis
    items = [item for item in re.split(r"\n(?=- )", basis) if item.startswith("- C.G.S.")]
    assert items, f"{rule.code}: the legal basis lists no statute"
    untagged = [item.splitlines()[0] for item in items if not TAG.search(item)]
    assert untagged == [], f"{rule.code}: sources without a confidence tag: {untagged}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_examples_are_yaml(rule):
    for name in ("Passing example", "Failing example"):
        snippet = sections(rule)[name]
        assert isinstance(yaml.safe_load(snippet), dict), f"{rule.code} {name} is not a YAML mapping"


def test_secondary_numbers_say_so():
    """CTS201's 30 and 60 days are secondary-sourced; the docs must say it in words."""
    doc = next(r for r in RULES if r.code == "CTS201").documentation()
    assert "30 days" in doc and "60 days" in doc and "[S]" in doc and "secondary" in doc
    deletion = next(r for r in RULES if r.code == "CTS501").documentation()
    assert "No statutory day count" in deletion and "30 days" in deletion


def test_the_section_check_fails_a_rule_without_a_section():
    class Undocumented(Rule):
        """Connecticut: something.

        What it checks
            Something.

        Legal basis (confidence as in DOMAIN.md §2.4)
            - C.G.S. 10-234bb [P].
        """

        code = "CTS999"
        slug = "ct-undocumented"

    assert missing_sections(Undocumented) == ["Why it matters", "Options", "Passing example", "Failing example"]
