"""Every built-in rule case (dpa_policy/rule_cases) runs through the real pipeline (dpa_policy.testing).

The runner itself is tested in tests/test_rule_case_runner.py."""

from __future__ import annotations

from pathlib import Path

import pytest

import dpa_policy

from dpa_policy.plugins import get_plugin_manager
from dpa_policy.registry import RuleRegistry
from dpa_policy.testing import load_case_file, run_case

# Built-in rule cases ship in the package, so `dpa-policy verify` can run them after a pip install.
CASES_DIR = Path(dpa_policy.__file__).parent / "rule_cases"
CASE_FILES = sorted(CASES_DIR.glob("*.yaml"))


@pytest.fixture(scope="module")
def registry() -> RuleRegistry:
    return RuleRegistry.from_plugins(get_plugin_manager())


def _all_cases():
    for path in CASE_FILES:
        for case in load_case_file(path):
            yield pytest.param(case, id=case.id)


@pytest.mark.parametrize("case", list(_all_cases()))
def test_rule_case(case, registry):
    result = run_case(case, registry)
    assert result.ok, "\n".join(result.problems)


def test_every_builtin_rule_has_cases_that_pass_and_fail(registry):
    """A rule without a passing and a failing case is untested."""
    covered = {}
    for path in CASE_FILES:
        for case in load_case_file(path):
            covered.setdefault(case.rule, set()).add(bool(case.expect))
    builtins = [e for e in registry if e.plugin == "dpa_policy.rules"]  # packs verify their own
    assert [path.stem for path in CASE_FILES] == sorted(e.code for e in builtins), "one case file per rule"
    missing = [e.code for e in builtins if covered.get(e.code) != {True, False}]
    assert not missing, f"rules without both a passing and a failing case: {missing}"
