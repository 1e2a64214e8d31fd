"""Every CTS rule documents itself in the project's sections, with its sources' confidence."""

from __future__ import annotations

import re
import textwrap

import pytest
import yaml

from dpa_policy import Rule
from dpa_policy_ct.rules import RULES

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
